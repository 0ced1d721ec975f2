// The name of a document's language in the panel's language, for the uploader's language select.
import type { DspLanguage } from '@dsp-kit/fhir';

/**
 * CLDR's Luxembourgish names of the languages the uploader offers. Chromium's ICU has no `lb`
 * display names: asked for them, `Intl.DisplayNames` answers in English, and for the `de-LU`
 * the kit formats Luxembourgish with, in German ("Französisch").
 */
const luxembourgish: Readonly<Record<string, string>> = {
  fr: 'Franséisch',
  de: 'Däitsch',
  en: 'Englesch',
  lb: 'Lëtzebuergesch',
  pt: 'Portugisesch',
};

/** `code` (BCP 47) named in `language`; `intlLocale` is the locale the panel formats with. */
export function languageName(code: string, language: DspLanguage, intlLocale: string): string {
  const own = language === 'lb' ? luxembourgish[code] : undefined;
  if (own) return own;
  try {
    return new Intl.DisplayNames([intlLocale], { type: 'language' }).of(code) ?? code;
  } catch {
    // A malformed code from the document itself: shown as it is.
    return code;
  }
}
