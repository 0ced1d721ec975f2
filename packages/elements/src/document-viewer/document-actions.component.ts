// The viewer's document actions (replace, withdraw with its undo, correct, confidentiality, the
// earlier versions): an element of the viewer's own, shown in its preview and loaded on demand.
import {
  confidentialityCodes,
  DspConflictError,
  DspValidationError,
  label,
  type ConfidentialityCode,
  type DocumentReference,
  type VersionedDocument,
} from '@dsp-kit/fhir';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { defineElement } from '../base/define-element.js';
import { DspElement } from '../base/dsp-element.js';
import { parseUser } from '../access-rights/signed-in-user.js';
import {
  applyCorrection,
  changedFields,
  checkCorrection,
  correctionOf,
  type Correction,
  type CorrectionField,
} from './correction.js';
import { renderCorrectDialog } from './correct-dialog.js';
import { actionsMessages, type ActionsMessages } from './document-actions.messages.js';
import { styles } from './document-actions.styles.js';
import {
  DspDocumentReplaceEvent,
  DspDocumentUpdateEvent,
  DspDocumentWithdrawEvent,
} from './document-viewer.events.js';
import { anyRight, lifecycleRights, replacedIds } from './lifecycle-rights.js';
import { renderReplaceDialog } from './replace-dialog.js';
import { renderVersions, type Versions } from './versions-list.js';
import { renderWithdrawDialog } from './withdraw-dialog.js';

/** How long a confirmed withdrawal waits for an undo before it is sent; an object for tests. */
export const lifecycleTiming = { undoMs: 10_000 };

/** What the actions tell the viewer (not composed: it stays in the viewer's shadow root). */
export type LifecycleChange =
  | { readonly kind: 'withdrawn'; readonly documentId: string }
  | { readonly kind: 'updated'; readonly document: DocumentReference }
  | { readonly kind: 'replaced'; readonly documentId: string; readonly newId: string | undefined };

export const LIFECYCLE_CHANGE = 'dsp-lifecycle-change';
export const LIFECYCLE_OPEN = 'dsp-lifecycle-open';

type Dialog = 'withdraw' | 'correct' | 'replace';

/**
 * The actions a signed-in `user` may take on the viewer's open document, each with its dialog,
 * and the document's earlier versions. Hosts use it through `<dsp-document-viewer user>`.
 */
export class DspDocumentActions extends DspElement {
  static override catalogs = [actionsMessages];

  static override styles = [DspElement.styles, styles];

  /** The document open in the viewer's preview. */
  @property({ attribute: false }) document?: DocumentReference;
  /** The signed-in user, as a FHIR reference (see the viewer's `user`). */
  @property() user?: string;
  /** The patient's FHIR id. */
  @property() patient?: string;
  /** The signed-in professional's organisation (see the viewer's `user-organization`). */
  @property({ attribute: 'user-organization' }) userOrganization?: string;
  /** The signed-in user's name (see the viewer's `user-name`). */
  @property({ attribute: 'user-name' }) userName?: string;

  @state() private dialog?: Dialog;
  @state() private versions?: Versions;
  @state() private versionsOpen = false;
  /** A short sentence on the last action (announced). */
  @state() private notice?: string;
  /** The last action's failure, with what failed. */
  @state() private failure?: { readonly title: string; readonly error: unknown };
  @state() private reason = '';
  @state() private reasonMissing = false;
  /** A confirmed withdrawal waiting for its undo window to end. */
  @state() private pending?: { readonly documentId: string; readonly reason: string };
  @state() private correcting?: {
    readonly base?: VersionedDocument;
    readonly values?: Correction;
    readonly current?: Correction;
    readonly problem?: CorrectionField;
    readonly saving: boolean;
    readonly failure?: unknown;
  };
  @state() private savingConfidentiality = false;

  #pendingTimer: ReturnType<typeof setTimeout> | undefined;
  /** The button a dialog was opened from, where focus goes back when it closes. */
  #opener: HTMLElement | undefined;

  get #m(): ActionsMessages {
    return this.localize.t(actionsMessages);
  }

  get #patientId(): string {
    return (this.patient ?? '').replace(/^Patient\//, '');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A confirmed withdrawal is the user's decision: leaving the page sends it now.
    if (this.#pendingTimer !== undefined) {
      clearTimeout(this.#pendingTimer);
      void this.#sendWithdrawal();
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('document')) {
      const previous = changed.get('document');
      if (previous?.id !== this.document?.id) {
        this.notice = undefined;
        this.failure = undefined;
        this.versionsOpen = false;
        this.reason = '';
        this.reasonMissing = false;
        this.#loadVersions();
      }
    }
  }

  protected override updated(): void {
    const open = this.dialog;
    for (const dialog of this.renderRoot.querySelectorAll('dialog')) {
      const wanted = dialog.id === `${open ?? ''}-dialog`;
      if (wanted && !dialog.open) dialog.showModal();
      else if (!wanted && dialog.open) dialog.close();
    }
  }

  #loadVersions(): void {
    const document = this.document;
    const client = this.activeClient;
    if (!document?.id || !client || replacedIds(document).length === 0) {
      this.versions = undefined;
      return;
    }
    const id = document.id;
    this.versions = { for: id, status: 'loading' };
    client.documentVersions(id).then(
      (list) => {
        if (this.versions?.for === id) this.versions = { for: id, status: 'ready', list };
      },
      (error: unknown) => {
        if (this.versions?.for === id) this.versions = { for: id, status: 'error', error };
      },
    );
  }

  override render(): TemplateResult | typeof nothing {
    const document = this.document;
    if (!document?.id) return this.#renderPendingOnly();
    const m = this.#m;
    const rights = lifecycleRights(document, this.user, this.#patientId, this.userOrganization);
    const current = document.status === 'current';
    const pending = this.pending?.documentId === document.id;
    return html`<div part="actions" role="group" aria-label=${m.label}>
      ${!current && this.user ? html`<p class="note">${m.readOnly}</p>` : nothing}
      ${anyRight(rights) && !pending ? this.#renderButtons(document, rights) : nothing}
      ${this.#renderVersions(document)} ${this.#renderStatus()}
      ${renderWithdrawDialog({
        m,
        reason: this.reason,
        reasonMissing: this.reasonMissing,
        onInput: (reason) => {
          this.reason = reason;
          if (reason.trim()) this.reasonMissing = false;
        },
        onConfirm: () => void this.#confirmWithdrawal(),
        onCancel: () => {
          this.#closeDialog();
        },
      })}
      ${this.dialog === 'correct' ? this.#renderCorrect() : nothing}
      ${
        this.dialog === 'replace'
          ? renderReplaceDialog({
              m,
              document,
              user: this.user ?? '',
              userName: this.userName,
              patient: this.#patientId,
              client: this.activeClient,
              patientMode: parseUser(this.user ?? '')?.type === 'Patient',
              onSent: (newId) => {
                this.#closeDialog();
                this.notice = m.replaced;
                this.#change({ kind: 'replaced', documentId: document.id ?? '', newId });
              },
              onClose: () => {
                this.#closeDialog();
              },
            })
          : nothing
      }
    </div>`;
  }

  /** With no document shown, a withdrawal waiting for its undo still offers it. */
  #renderPendingOnly(): TemplateResult | typeof nothing {
    return this.pending ? html`<div part="actions">${this.#renderStatus()}</div>` : nothing;
  }

  #renderButtons(document: DocumentReference, rights: ReturnType<typeof lifecycleRights>) {
    const m = this.#m;
    const language = this.localize.language;
    const level = correctionOf(document).confidentiality;
    return html`<div class="buttons">
      ${rights.replace ? html`<button type="button" name="replace" @click=${this.#askReplace}>${m.replace}</button>` : nothing}
      ${rights.correct ? html`<button type="button" name="correct" @click=${this.#openCorrect}>${m.correct}</button>` : nothing}
      ${rights.withdraw ? html`<button type="button" name="withdraw" class="danger" @click=${this.#openWithdraw}>${m.withdraw}</button>` : nothing}
      ${
        rights.confidentiality
          ? html`<label class="inline"
              >${m.confidentiality}
              <select
                name="confidentiality"
                ?disabled=${this.savingConfidentiality}
                @change=${this.#onConfidentiality}
              >
                ${confidentialityCodes.map((c) => html`<option value=${c.code} ?selected=${c.code === level}>${label(c.labels, language)}</option>`)}
              </select></label
            >`
          : nothing
      }
    </div>`;
  }

  #renderVersions(document: DocumentReference) {
    return renderVersions({
      m: this.#m,
      current: document,
      versions: this.versions,
      open: this.versionsOpen,
      formatDate: (date) => this.localize.formatDate(date),
      renderError: (error, title) => this.renderError(error, title),
      onToggle: () => {
        this.versionsOpen = !this.versionsOpen;
      },
      onOpen: (version) => {
        this.dispatchEvent(new CustomEvent(LIFECYCLE_OPEN, { detail: version }));
      },
    });
  }

  #renderStatus() {
    const m = this.#m;
    const said = this.pending
      ? m.pending(Math.round(lifecycleTiming.undoMs / 1000))
      : (this.notice ?? '');
    // Nothing around what it says, so an empty status is `:empty` and takes no room (the styles).
    return html`<div class="status">
      <p role="status">${said}</p>
      ${this.pending ? html`<button type="button" name="undo" class="action" @click=${this.#undo}>${m.undo}</button>` : nothing}
      ${this.failure ? this.renderError(this.failure.error, this.failure.title) : nothing}
    </div>`;
  }

  #renderCorrect() {
    const c = this.correcting;
    return renderCorrectDialog({
      m: this.#m,
      language: this.localize.language,
      values: c?.values,
      current: c?.current,
      problem: c?.problem,
      saving: c?.saving ?? false,
      failure:
        c?.failure === undefined
          ? nothing
          : this.renderError(c.failure, this.#m.correctDialog.failed),
      onSave: (values) => void this.#saveCorrection(values),
      onCancel: () => {
        this.#closeDialog();
      },
    });
  }

  #open(dialog: Dialog, event: Event): void {
    this.#opener = event.currentTarget as HTMLElement;
    this.failure = undefined;
    this.notice = undefined;
    this.dialog = dialog;
  }

  /** Closes the dialog; focus goes back to the button it was opened from. */
  #closeDialog(): void {
    this.dialog = undefined;
    const opener = this.#opener;
    void this.updateComplete.then(() => {
      const target =
        opener?.isConnected === true
          ? opener
          : this.renderRoot.querySelector<HTMLElement>('[part="actions"] button');
      target?.focus();
    });
  }

  /** Tells the viewer what changed (refresh, close, open the new version). */
  #change(change: LifecycleChange): void {
    this.dispatchEvent(new CustomEvent(LIFECYCLE_CHANGE, { detail: change }));
  }

  readonly #askReplace = (event: Event) => {
    const id = this.document?.id;
    if (!id) return;
    if (!this.dispatchEvent(new DspDocumentReplaceEvent({ documentId: id }))) {
      this.notice = this.#m.vetoed;
      return;
    }
    this.#open('replace', event);
  };

  readonly #openWithdraw = (event: Event) => {
    this.reasonMissing = false;
    this.#open('withdraw', event);
  };

  async #confirmWithdrawal(): Promise<void> {
    const id = this.document?.id;
    const reason = this.reason.trim();
    if (!id) return;
    if (!reason) {
      this.reasonMissing = true;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLTextAreaElement>('#withdraw-reason')?.focus();
      return;
    }
    if (!this.dispatchEvent(new DspDocumentWithdrawEvent({ documentId: id }))) {
      this.#closeDialog();
      this.notice = this.#m.vetoed;
      return;
    }
    this.dialog = undefined;
    this.pending = { documentId: id, reason };
    this.#pendingTimer = setTimeout(() => void this.#sendWithdrawal(), lifecycleTiming.undoMs);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('button[name="undo"]')?.focus();
  }

  readonly #undo = () => {
    clearTimeout(this.#pendingTimer);
    this.#pendingTimer = undefined;
    this.pending = undefined;
    this.notice = this.#m.undone;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('button[name="withdraw"]')?.focus(),
    );
  };

  async #sendWithdrawal(): Promise<void> {
    const pending = this.pending;
    const client = this.activeClient;
    this.#pendingTimer = undefined;
    if (!pending || !client) return;
    try {
      await client.withdrawDocument(pending.documentId, pending.reason);
      this.pending = undefined;
      this.reason = '';
      this.#change({ kind: 'withdrawn', documentId: pending.documentId });
    } catch (error) {
      // Nothing is lost: the reason stays for another attempt.
      this.pending = undefined;
      this.failure = { title: this.#m.withdrawFailed, error };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('button[name="withdraw"]')?.focus();
    }
  }

  readonly #openCorrect = async (event: Event) => {
    const id = this.document?.id;
    const client = this.activeClient;
    if (!id || !client) return;
    this.#open('correct', event);
    this.correcting = { saving: false };
    try {
      const base = await client.readDocumentVersioned(id);
      this.correcting = { base, values: correctionOf(base.document), saving: false };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#correct-title-field')?.focus();
    } catch (error) {
      this.#closeDialog();
      this.failure = { title: this.#m.correctDialog.readFailed, error };
    }
  };

  async #saveCorrection(values: Correction): Promise<void> {
    const client = this.activeClient;
    const base = this.correcting?.base;
    if (!client || !base?.document.id) return;
    const keep = { ...this.correcting, base, values };
    try {
      checkCorrection(values);
    } catch (error) {
      if (!(error instanceof DspValidationError)) throw error;
      this.correcting = { ...keep, problem: error.field as CorrectionField, saving: false };
      await this.updateComplete;
      this.renderRoot
        .querySelector<HTMLElement>(`#correct-dialog [name="${error.field}"]`)
        ?.focus();
      return;
    }
    if (changedFields(correctionOf(base.document), values).length === 0) {
      this.#closeDialog();
      this.notice = this.#m.correctDialog.nothingChanged;
      return;
    }
    const documentId = base.document.id;
    if (!this.dispatchEvent(new DspDocumentUpdateEvent({ documentId, change: 'correct' }))) {
      this.#closeDialog();
      this.notice = this.#m.vetoed;
      return;
    }
    this.correcting = { ...keep, problem: undefined, failure: undefined, saving: true };
    try {
      const saved = await client.updateDocument(applyCorrection(base.document, values), base.etag);
      this.correcting = undefined;
      this.#closeDialog();
      this.notice = this.#m.corrected;
      this.#change({ kind: 'updated', document: saved.document });
    } catch (error) {
      if (error instanceof DspConflictError) {
        // As the consent edits: the server's version shown, nothing overwritten, what was typed
        // kept, and the same changes offered again on the current version.
        const fresh =
          error.current?.resourceType === 'DocumentReference' && error.etag
            ? { document: error.current, etag: error.etag }
            : await client.readDocumentVersioned(documentId).catch(() => undefined);
        if (fresh) {
          this.correcting = {
            base: fresh,
            values,
            current: correctionOf(fresh.document),
            saving: false,
          };
          return;
        }
      }
      this.correcting = { ...keep, saving: false, failure: error };
    }
  }

  readonly #onConfidentiality = async (event: Event) => {
    const select = event.currentTarget as HTMLSelectElement;
    const document = this.document;
    const client = this.activeClient;
    const level = select.value as ConfidentialityCode;
    const before = document ? correctionOf(document).confidentiality : 'N';
    if (!document?.id || !client) return;
    this.notice = undefined;
    this.failure = undefined;
    if (
      !this.dispatchEvent(
        new DspDocumentUpdateEvent({ documentId: document.id, change: 'confidentiality' }),
      )
    ) {
      select.value = before;
      this.notice = this.#m.vetoed;
      return;
    }
    this.savingConfidentiality = true;
    try {
      const { etag } = await client.readDocumentVersioned(document.id);
      const saved = await client.setConfidentiality(document.id, level, etag);
      const name = confidentialityCodes.find((c) => c.code === level);
      this.notice = this.#m.confidentialitySaved(
        name ? label(name.labels, this.localize.language) : level,
      );
      this.#change({ kind: 'updated', document: saved.document });
    } catch (error) {
      select.value = before;
      this.failure = { title: this.#m.confidentialityFailed, error };
    } finally {
      this.savingConfidentiality = false;
      await this.updateComplete;
      select.focus();
    }
  };
}

defineElement('dsp-document-actions', DspDocumentActions);

declare global {
  interface HTMLElementTagNameMap {
    'dsp-document-actions': DspDocumentActions;
  }
}
