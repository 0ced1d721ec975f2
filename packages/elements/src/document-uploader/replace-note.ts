// What the uploader says when it was opened to replace a document: which one, read-only, with a
// button that cancels the replacement; and, once cancelled, that the files become new documents.
import { html, nothing, type TemplateResult } from 'lit';
import type { UploaderMessages } from './document-uploader.messages.js';

export interface ReplaceNoteView {
  readonly m: UploaderMessages;
  /** The id of the document replaced, or undefined when the panel replaces nothing. */
  readonly replaces: string | undefined;
  /** How the replaced document is named: its title, else its id. */
  readonly name: string;
  /** The replacement was just cancelled (said once, in a status). */
  readonly cancelled: boolean;
  readonly onCancel: () => void;
}

export function renderReplaceNote(view: ReplaceNoteView): TemplateResult | typeof nothing {
  const { m } = view;
  if (!view.replaces) {
    return view.cancelled
      ? html`<p part="replaces" role="status">${m.replaceCancelled}</p>`
      : nothing;
  }
  return html`<div part="replaces" class="replaces">
    <p id="replaces-note">${m.replacing(view.name)}</p>
    <button
      type="button"
      name="cancel-replace"
      aria-describedby="replaces-note"
      @click=${view.onCancel}
    >
      ${m.cancelReplace}
    </button>
  </div>`;
}
