// Which language an element speaks: its own `lang`, else the nearest ancestor's (across shadow
// roots), else the document's; French when none of those is one the kit speaks.
import { languages, type DspLanguage } from '@dsp-kit/fhir/vocabulary';

export const DEFAULT_LANGUAGE: DspLanguage = 'fr';

/** The kit language for a BCP 47 tag (`fr-LU` → `fr`), or undefined when the kit has none. */
export function kitLanguage(tag: string | null | undefined): DspLanguage | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return languages.find((language) => language === primary);
}

/** The nearest `lang` attribute from `element` up, crossing shadow boundaries. */
export function inheritedLang(element: Element): string | undefined {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) {
      return node.getAttribute('lang') ?? undefined;
    }
    const root = node.getRootNode();
    node = node.parentNode ?? (root instanceof ShadowRoot ? root.host : null);
  }
  return undefined;
}

/** The language `element` should speak. */
export function resolveLanguage(element: Element): DspLanguage {
  return kitLanguage(inheritedLang(element)) ?? DEFAULT_LANGUAGE;
}
