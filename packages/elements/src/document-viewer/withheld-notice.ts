// The viewer's notice that the server withheld documents from the signed-in user: that some are
// not shown, and why, in the user's language — never which ones, which the server does not say.
import { WITHHELD_BY_PROFESSION, type WithheldDocuments } from '@dsp-kit/fhir';
import { html, nothing } from 'lit';
import type { ViewerMessages } from './document-viewer.messages.js';

/** One sentence per reason; a reason the kit does not know gets the general one, once. */
export function withheldSentences(
  withheld: readonly WithheldDocuments[],
  m: ViewerMessages['withheld'],
): string[] {
  const sentences = withheld.map((w) =>
    w.reason === WITHHELD_BY_PROFESSION ? m.profession(w.count) : m.other,
  );
  return [...new Set(sentences)];
}

/**
 * The notice above the list, a status so that screen readers announce it with the list; nothing
 * when nothing was withheld.
 */
export function withheldNotice(
  withheld: readonly WithheldDocuments[],
  m: ViewerMessages['withheld'],
) {
  const sentences = withheldSentences(withheld, m);
  return sentences.length === 0
    ? nothing
    : html`<p part="withheld" role="status">${sentences.join(' ')}</p>`;
}
