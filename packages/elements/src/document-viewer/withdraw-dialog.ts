// The "Withdraw" dialog of the viewer's document actions: the reason (required) and the
// confirmation, as a pure template.
import { MAX_WITHDRAWAL_REASON } from '@dsp-kit/fhir';
import { html, nothing, type TemplateResult } from 'lit';
import type { ActionsMessages } from './document-actions.messages.js';

export interface WithdrawDialogView {
  readonly m: ActionsMessages;
  /** What was typed, kept when the dialog closes and opens again (a refusal, a retry). */
  readonly reason: string;
  readonly reasonMissing: boolean;
  readonly onInput: (reason: string) => void;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

export function renderWithdrawDialog(view: WithdrawDialogView): TemplateResult {
  const { m, reasonMissing } = view;
  const w = m.withdrawDialog;
  return html`<dialog
    id="withdraw-dialog"
    part="withdraw-dialog"
    aria-labelledby="withdraw-title"
    aria-describedby="withdraw-help"
    @cancel=${(event: Event) => {
      event.preventDefault();
      view.onCancel();
    }}
  >
    <form
      novalidate
      @submit=${(event: Event) => {
        event.preventDefault();
        view.onConfirm();
      }}
    >
      <h3 id="withdraw-title">${w.title}</h3>
      <p id="withdraw-help">${w.explain}</p>
      <label for="withdraw-reason">${w.reason}</label>
      <textarea
        id="withdraw-reason"
        name="reason"
        rows="3"
        required
        maxlength=${MAX_WITHDRAWAL_REASON}
        .value=${view.reason}
        aria-invalid=${reasonMissing ? 'true' : 'false'}
        aria-describedby=${reasonMissing ? 'withdraw-problem' : nothing}
        @input=${(event: Event) => {
          view.onInput((event.target as HTMLTextAreaElement).value);
        }}
      ></textarea>
      ${reasonMissing ? html`<p id="withdraw-problem" class="problem" role="alert">${w.reasonMissing}</p>` : nothing}
      <div class="commands">
        <button class="danger" type="submit">${w.confirm}</button>
        <button class="secondary" type="button" @click=${view.onCancel}>${m.cancel}</button>
      </div>
    </form>
  </dialog>`;
}
