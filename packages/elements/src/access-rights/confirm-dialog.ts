// The access-rights panel's confirmation before a step the user cannot simply undo — blocking the
// médecin référent, or an assistant withdrawing themselves —, as a pure template.
import { html, nothing, type TemplateResult } from 'lit';
import type { AccessRightsMessages } from './access-rights.messages.js';

/** What the dialog asks about; `name` is the professional's, or the assistant's own. */
export interface Confirmation {
  readonly kind: 'block-referent' | 'withdraw-self';
  readonly name: string;
}

export interface ConfirmDialogView {
  readonly m: AccessRightsMessages;
  readonly asking: Confirmation | undefined;
  readonly onAnswer: (confirmed: boolean) => void;
  /** The dialog closed (the event says which dialog: one no longer on the page answers nothing). */
  readonly onClose: (event: Event) => void;
}

function wording(m: AccessRightsMessages, asking: Confirmation) {
  return asking.kind === 'block-referent'
    ? {
        title: m.blockReferentTitle,
        help: m.blockReferentHelp(asking.name),
        confirm: m.blockReferentConfirm,
      }
    : { title: m.withdrawSelfTitle, help: m.withdrawSelfHelp, confirm: m.withdrawSelfConfirm };
}

export function renderConfirmDialog(view: ConfirmDialogView): TemplateResult {
  const { m, asking } = view;
  const words = asking ? wording(m, asking) : undefined;
  return html`<dialog
    id="confirm-dialog"
    part="confirm-dialog"
    aria-labelledby="confirm-title"
    aria-describedby="confirm-help"
    data-kind=${asking?.kind ?? nothing}
    @close=${view.onClose}
  >
    ${
      words
        ? html`<h3 id="confirm-title">${words.title}</h3>
            <p id="confirm-help">${words.help}</p>
            <div class="commands">
              <button
                class="danger"
                type="button"
                @click=${() => {
                  view.onAnswer(true);
                }}
              >
                ${words.confirm}
              </button>
              <button
                class="secondary"
                type="button"
                data-cancel
                @click=${() => {
                  view.onAnswer(false);
                }}
              >
                ${m.cancel}
              </button>
            </div>`
        : nothing
    }
  </dialog>`;
}
