// The access-rights panel's open / close section, as a pure template: the DSP's state, reopening
// at once, and closing only once the user typed the confirmation word in the dialog.
import { html, nothing, type TemplateResult } from 'lit';
import type { AccessRightsMessages } from './access-rights.messages.js';

/** What the section shows and what its controls call. */
export interface OpenCloseView {
  readonly m: AccessRightsMessages;
  readonly open: boolean;
  /** The closing dialog asks for the word (it opens once rendered). */
  readonly confirming: boolean;
  /** The word typed does not match. */
  readonly invalid: boolean;
  /** The word typed so far, kept by the panel. */
  readonly word: string;
  readonly onClose: () => void;
  readonly onReopen: () => void;
  readonly onWord: (word: string) => void;
  readonly onConfirm: (event: SubmitEvent) => void;
  readonly onCancel: () => void;
  readonly onDialogClose: (event: Event) => void;
}

export function renderOpenClose(view: OpenCloseView): TemplateResult {
  const { m, open } = view;
  return html`<section part="open-close" aria-labelledby="open-close">
    <h3 id="open-close">${m.openClose}</h3>
    <p><strong>${open ? m.openState : m.closedState}</strong></p>
    <p class="help">${open ? m.closeHelp : m.reopenHelp}</p>
    ${
      open
        ? html`<button class="danger" type="button" id="close-button" @click=${view.onClose}>
            ${m.closeButton}
          </button>`
        : html`<button class="action" type="button" id="reopen-button" @click=${view.onReopen}>
            ${m.reopenButton}
          </button>`
    }
    <dialog
      id="close-dialog"
      part="dialog"
      aria-labelledby="close-title"
      @close=${view.onDialogClose}
    >
      ${view.confirming ? renderConfirmation(view) : nothing}
    </dialog>
  </section>`;
}

function renderConfirmation(view: OpenCloseView): TemplateResult {
  const { m } = view;
  return html`<form @submit=${view.onConfirm} novalidate>
    <h3 id="close-title">${m.closeDialog}</h3>
    <p>${m.closeHelp}</p>
    <label
      >${m.confirmLabel(m.confirmWord)}
      <input
        name="word"
        autocomplete="off"
        autofocus
        aria-invalid=${view.invalid ? 'true' : 'false'}
        aria-describedby="confirm-error"
        .value=${view.word}
        @input=${(event: Event) => {
          view.onWord((event.target as HTMLInputElement).value);
        }}
    /></label>
    <p id="confirm-error" class="invalid">
      ${view.invalid ? m.confirmWrong(m.confirmWord) : nothing}
    </p>
    <div class="commands">
      <button class="danger" type="submit">${m.confirmClose}</button>
      <button class="secondary" type="button" @click=${view.onCancel}>${m.cancel}</button>
    </div>
  </form>`;
}
