// The uploader's summary of the documents sent from the panel: how many (announced), each as a
// button that asks the host to open it, and a button to close the summary.
import { html, nothing, type TemplateResult } from 'lit';
import type { UploaderMessages } from './document-uploader.messages.js';
import type { UploadItem } from './upload-item.js';

export interface SummaryActions {
  /** Asks the host to open a document (the panel fires `dsp-document-select`). */
  open(documentId: string): void;
  close(): void;
}

/**
 * The summary of `sent`. Its status line is always in the page, empty while nothing was sent, so
 * that screen readers announce it when it fills (a live region added with its text is often not).
 */
export function renderSummary(
  sent: readonly UploadItem[],
  m: UploaderMessages,
  actions: SummaryActions,
): TemplateResult {
  return html`<p part="summary-status" role="status" id="sent-status">
      ${sent.length > 0 ? m.sentCount(sent.length) : nothing}
    </p>
    ${sent.length > 0 ? renderSent(sent, m, actions) : nothing}`;
}

function renderSent(
  sent: readonly UploadItem[],
  m: UploaderMessages,
  actions: SummaryActions,
): TemplateResult {
  // Focused when the Send button or the last row it sent went away: its name says what happened.
  return html`<section part="summary" tabindex="-1" aria-labelledby="sent-status">
    <ul>
      ${sent.map((item) => {
        const title = item.metadata.title.trim() || item.file.name || m.unnamed;
        const documentId = item.documentId;
        // A server that did not name the new document leaves nothing to open: its title only.
        return html`<li data-key=${item.documentUuid}>
          ${
            documentId
              ? html`<button
                  type="button"
                  class="link"
                  name="open-document"
                  data-document-id=${documentId}
                  @click=${() => {
                    actions.open(documentId);
                  }}
                >
                  ${title}
                </button>`
              : title
          }
        </li>`;
      })}
    </ul>
    <button
      type="button"
      name="close-summary"
      @click=${() => {
        actions.close();
      }}
    >
      ${m.closeSummary}
    </button>
  </section>`;
}
