// Finds DSP document types by what the user types: words of the label in the current language or
// of its class, without regard to case, accents or apostrophes ("cr d'acte", "radio", "echo").
import {
  documentClassOf,
  documentTypes,
  label,
  type DocumentType,
  type DspLanguage,
} from '@dsp-kit/fhir';

/** Lower case, no accents, one kind of apostrophe, single spaces. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’'`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The types matching `query`: each of its words found in the type's label or class label. Types
 * whose label starts with the query come first; otherwise the agency's order is kept.
 */
export function searchTypes(
  query: string,
  language: DspLanguage,
  types: readonly DocumentType[] = documentTypes,
): DocumentType[] {
  const q = fold(query);
  if (q === '') return [...types];
  const words = q.split(' ');
  const starting: DocumentType[] = [];
  const containing: DocumentType[] = [];
  for (const type of types) {
    const name = fold(label(type.labels, language));
    const haystack = `${name} ${fold(label(documentClassOf(type).labels, language))}`;
    if (!words.every((word) => haystack.includes(word))) continue;
    (name.startsWith(q) ? starting : containing).push(type);
  }
  return [...starting, ...containing];
}

/** The type whose label is exactly `text` (folded), if one is. */
export function typeNamed(
  text: string,
  language: DspLanguage,
  types: readonly DocumentType[] = documentTypes,
): DocumentType | undefined {
  const q = fold(text);
  return q === '' ? undefined : types.find((t) => fold(label(t.labels, language)) === q);
}
