// The access-rights panel's messages about its changes and its viewer, as pure templates: the
// notice saying what changed (with its undo), a change left pending (with retry and discard), and
// what a professional sees instead of the controls.
import { html, nothing, type TemplateResult } from 'lit';
import type { Notice, Pending } from './access-changes.js';
import type { AccessRightsMessages } from './access-rights.messages.js';
import type { OwnAccess } from './own-access.js';

/** What the notice and the pending change show and what their buttons call. */
export interface NoticeView {
  readonly m: AccessRightsMessages;
  readonly notice: Notice | undefined;
  readonly pending: Pending | undefined;
  /** A failure, rendered as the panel renders errors (with a retry when given one). */
  readonly renderError: (error: unknown, title: string, retry?: () => void) => TemplateResult;
  readonly onUndo: () => void;
  readonly onDismiss: () => void;
  readonly onRetry: () => void;
  readonly onDiscard: () => void;
}

export function renderPending(view: NoticeView): TemplateResult | typeof nothing {
  const { m, pending } = view;
  if (!pending) return nothing;
  return html`<div part="pending">
    <p><strong>${m.pending}</strong> ${pending.description}</p>
    <p class="help">${m.pendingHelp}</p>
    ${view.renderError(pending.error, m.saveFailed, view.onRetry)}
    <button class="secondary" type="button" @click=${view.onDiscard}>${m.discard}</button>
  </div>`;
}

export function renderNotice(view: NoticeView): TemplateResult {
  const { m, notice } = view;
  return html`<div
    part="notice"
    role="status"
    aria-live="polite"
    tabindex="-1"
    ?data-active=${notice !== undefined}
  >
    ${
      notice
        ? html`${notice.error ? view.renderError(notice.error, m.saveFailed) : nothing}
            ${
              notice.meanwhile.length > 0
                ? html`<p>${m.meanwhile}</p>
                    <ul>
                      ${notice.meanwhile.map((line) => html`<li>${line}</li>`)}
                    </ul>`
                : nothing
            }
            ${notice.lines.map((line) => html`<p>${line}</p>`)}
            <div class="commands">
              ${
                notice.undo
                  ? html`<button class="secondary" type="button" @click=${view.onUndo}>
                      ${m.undo}
                    </button>`
                  : nothing
              }
              <button class="secondary" type="button" @click=${view.onDismiss}>${m.dismiss}</button>
            </div>`
        : nothing
    }
  </div>`;
}

/** What a professional sees: that the patient decides, and their own access to this DSP. */
export function renderReadOnly(
  m: AccessRightsMessages,
  own: OwnAccess | undefined,
): TemplateResult {
  let access: TemplateResult | typeof nothing = nothing;
  if (own?.status === 'open') access = html`<p>${m.ownAccessOpen(own.documents)}</p>`;
  if (own?.status === 'refused') {
    access = html`<p><strong>${m.ownAccessRefused}</strong></p>
      ${own.reason ? html`<p class="reason">${own.reason}</p>` : nothing}
      ${own.emergency ? html`<p>${m.ownAccessEmergency}</p>` : nothing}`;
  }
  return html`<div part="read-only" role="note">
    <p><strong>${m.readOnly}</strong></p>
    <div part="own-access">${access}</div>
    <p class="help">${m.readOnlyDetail}</p>
  </div>`;
}
