// <dsp-access-rights>: the patient's (or their DSP assistant's) control room over who may see the
// record — professionals, masked documents, emergency access, closing — each choice saved at once.
// The record is loaded by Tasks keyed on (client, patient); the changes on it live in an
// `AccessChanges` made per (client, patient) and dropped with it; each section renders in a module.
import type { AccessSummary, DspAssistant } from '@dsp-kit/fhir';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { DspElement } from '../base/dsp-element.js';
import { errorDetail } from '../base/error-message.js';
import { DspErrorEvent } from '../events.js';
import { AccessChanges } from './access-changes.js';
import {
  AccessRightsController,
  personName,
  sameKey,
  type RecordKey,
} from './access-rights.controller.js';
import { accessRightsMessages, type AccessRightsMessages } from './access-rights.messages.js';
import { styles } from './access-rights.styles.js';
import { renderAssistantSection } from './assistant-section.js';
import { rememberedWords } from './assistant-wording.js';
import { AssistantForm } from './assistant-form.js';
import { AssistantsController } from './assistants.controller.js';
import { CloseConfirmation, ConfirmQuestion } from './dialogs.js';
import { renderDocuments } from './documents-section.js';
import type { AccessEdit, ActorStatus } from './edits.js';
import { renderEmergency } from './emergency-section.js';
import { NO_ASSISTANT } from './form-drafts.js';
import { Names } from './names.js';
import { renderNotice, renderPending, renderReadOnly, type NoticeView } from './notice-section.js';
import type { Operation } from './operations.js';
import { renderOtherRules } from './other-rules.js';
import { ProfessionalsPart } from './professionals-part.js';
import { renderProfessionals } from './professionals-section.js';
import { viewerOf, type Viewer } from './signed-in-user.js';

/**
 * @summary The patient's access rights to their DSP: professionals blocked or allowed (with a
 * directory search; a grant normal or extended to restricted documents), the médecin référent, masked documents, emergency access, closing and
 * reopening the DSP. Every change is a Consent edit saved at once with If-Match; a concurrent
 * edit is never overwritten; the last change can be undone. A professional sees a read-only
 * statement instead. Given the signed-in `user`, a DSP assistant sees only what they may do: the
 * assistants, and withdrawing themselves (only the patient names or withdraws others).
 * @tag dsp-access-rights
 *
 * @csspart base - The panel.
 * @csspart notice - The live region saying what changed, with the undo button.
 * @csspart closed-banner - Shown while the DSP is closed.
 * @csspart professionals - The professionals section.
 * @csspart referent - The médecin référent (read-only).
 * @csspart list - The professionals with a particular right.
 * @csspart row - One professional or document.
 * @csspart status - A professional's status.
 * @csspart grant-level - The level of new grants: normal or extended (restricted documents too).
 * @csspart search - The directory search form.
 * @csspart results - The directory's answers.
 * @csspart documents - The documents section: masked documents, confidentiality (`levels`).
 * @csspart levels - The confidentiality form, with `levels-status` and `levels-conflict` after it.
 * @csspart emergency - The emergency access section.
 * @csspart open-close - The close / reopen section.
 * @csspart dialog - The dialog confirming the closing.
 * @csspart confirm-dialog - The dialog asking before blocking the médecin référent, or before an
 * assistant withdraws themselves.
 * @csspart pending - A change not saved (no answer from the server), with retry and discard.
 * @csspart other-rules - Rules of the Consent set elsewhere, shown read-only and kept on save.
 * @csspart assistant - The DSP assistant section.
 * @csspart assistant-form - The form naming a DSP assistant (not shown to an assistant).
 * @csspart delegate-note - For an assistant signed in: only the patient names or withdraws others.
 * @csspart withdrawn - What an assistant sees once they withdrew themselves.
 * @csspart user-error - Says that `user` is no user reference (the panel then shows every control).
 * @csspart read-only - What a professional sees.
 * @csspart own-access - Within it, the professional's own access to this DSP.
 * @csspart loading - The loading state.
 * @csspart empty - No patient.
 * @csspart error - The error state, with its retry button.
 *
 * @cssproperty --dsp-access-rights-padding - Padding of the panel.
 * @cssproperty --dsp-color-warning - Edge of the closed-DSP banner.
 * @cssproperty --dsp-color-warning-surface - Background of the closed-DSP banner.
 *
 * @fires dsp-request-block - Cancelable; `detail.patientId`, `detail.actorId`.
 * @fires dsp-request-unblock - Cancelable; `detail.patientId`, `detail.actorId`.
 * @fires dsp-request-grant - Cancelable (a new grant, or a grant's level changed); `detail.patientId`,
 * `detail.actorId`, `detail.full`, `detail.extended`.
 * @fires dsp-request-revoke - Cancelable; `detail.patientId`, `detail.actorId`.
 * @fires dsp-request-mask - Cancelable; `detail.patientId`, `detail.documentId`.
 * @fires dsp-request-unmask - Cancelable; `detail.patientId`, `detail.documentId`.
 * @fires dsp-document-update - Cancelable; `detail.documentId`, `detail.change` `confidentiality`.
 * @fires dsp-request-break-glass-policy - Cancelable; `detail.patientId`, `detail.allowed`.
 * @fires dsp-request-close - Cancelable; `detail.patientId`.
 * @fires dsp-request-reopen - Cancelable; `detail.patientId`.
 * @fires dsp-request-add-assistant - Cancelable; `detail.patientId`.
 * @fires dsp-request-remove-assistant - Cancelable; `detail.patientId`, `detail.assistantId`.
 * @fires dsp-access-changed - A change asked for is in effect (saved now, by an earlier attempt whose
 * answer was lost, or by someone else meanwhile): once per change; `detail.patientId`,
 * `detail.change`, and `detail.actorId` (with `detail.extended` for a grant), `detail.documentId` or
 * `detail.assistantId`.
 * @fires dsp-error - Loading or saving failed, or `user` is no user reference; `detail.kind` and
 * `detail.status` say how.
 */
export class DspAccessRights extends DspElement {
  static override catalogs = [accessRightsMessages];

  static override styles = [DspElement.styles, styles];

  /** The patient's FHIR id. */
  @property({ reflect: true }) patient?: string;

  /**
   * The signed-in user, as a FHIR reference: `Patient/<id>` for the patient, `RelatedPerson/<id>`
   * for a DSP assistant (SMART's `fhirUser` claim; an absolute URL ending so works too). With it,
   * an assistant sees only what they may do: the assistants, and withdrawing themselves. Without
   * it, every control shows and the server refuses what the user may not do.
   */
  @property() user?: string;

  @state() private maskChoice = '';
  /** A `user` value that is no user reference, said in the panel until it changes. */
  @state() private invalidUser: string | undefined;

  @query('[part="notice"]') private noticeRegion?: HTMLElement;

  readonly #record = (): RecordKey => [this.activeClient, this.#patientId || undefined];
  readonly #rights = new AccessRightsController(this, this.#record);
  readonly #assistants = new AssistantsController(this, this.#record);
  /** The directory search, what was typed in it and the level of new grants. */
  readonly #professionals = new ProfessionalsPart(this, this.#record, (entries) => {
    this.#rights.remember(entries);
  });
  /** The changes on the record shown; another record gets a new one (see `willUpdate`). */
  #changes: AccessChanges = this.#changesOn([undefined, undefined]);
  readonly #names = new Names(
    this.#rights,
    () => this.#messages,
    () => this.localize.language,
  );
  readonly #question = new ConfirmQuestion(this);
  readonly #assistantForm = new AssistantForm(this);
  readonly #closing = new CloseConfirmation(this, (open) =>
    this.#consent({ target: 'open', open }),
  );
  #viewer: Viewer = { kind: 'unknown' };
  /** The words last made for the viewer, kept while the language, viewer and patient stay. */
  readonly #wordsFor = rememberedWords();
  /** The patient whose record the forms' drafts and the mask choice were made on. */
  #draftsFor: string | undefined;

  /** The panel's words, as said to whoever is signed in (see `wordsFor`). */
  get #messages(): AccessRightsMessages {
    const assistant = this.#viewer.kind === 'assistant';
    const patient = assistant ? personName(this.#rights.patient) : undefined;
    return this.#wordsFor(this.localize.t(accessRightsMessages), assistant, patient);
  }

  get #patientId(): string {
    return (this.patient ?? '').replace(/^Patient\//, '');
  }

  /** Reloads the Consent, the patient, the names and the DSP assistants from the server. */
  refresh(): void {
    this.#rights.refresh();
    this.#assistants.refresh();
  }

  /** Masks a document from professionals. Resolves to false when vetoed or refused. */
  mask(documentId: string): Promise<boolean> {
    return this.#consent({ target: 'document', documentId, masked: true });
  }

  /** Unmasks a document. Resolves to false when vetoed or refused. */
  unmask(documentId: string): Promise<boolean> {
    return this.#consent({ target: 'document', documentId, masked: false });
  }

  /**
   * Blocks a professional (`Practitioner/<id>` or `PractitionerRole/<id>`); for the médecin
   * référent the user is asked first. Resolves to false when vetoed, declined or refused.
   */
  block(actorId: string): Promise<boolean> {
    return this.#actor(actorId, 'blocked');
  }

  /** Lifts a block. Resolves to true at once when the professional is not blocked. */
  unblock(actorId: string): Promise<boolean> {
    return this.#actor(actorId, 'none', 'blocked');
  }

  /**
   * Grants a professional access, or changes their grant: `full` also covers masked documents;
   * `extended` restricted (R) documents besides normal (N) ones — left out, a grant keeps the level
   * it has (a new one is normal). Very restricted (V) documents are never granted.
   */
  grant(actorId: string, options: { full?: boolean; extended?: boolean } = {}): Promise<boolean> {
    const status = options.full === true ? 'full' : 'granted';
    const edit = this.#changes.actorEdit(actorId, status, [], options.extended);
    return typeof edit === 'boolean' ? Promise.resolve(edit) : this.#consent(edit);
  }

  /** Withdraws a grant. Resolves to true at once when the professional has none. */
  revoke(actorId: string): Promise<boolean> {
    return this.#actor(actorId, 'none', 'granted', 'full');
  }

  /** Undoes the last change while its notice offers it. Resolves to false when there is none. */
  undo(): Promise<boolean> {
    const operation = this.#changes.notice?.undo;
    return operation ? this.#run(operation, true) : Promise.resolve(false);
  }

  /** Saves again the change left pending by a failure. Resolves to false when there is none. */
  retry(): Promise<boolean> {
    const pending = this.#changes.pending;
    return pending ? this.#run(pending.operation) : Promise.resolve(false);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#changes.stopTimers();
    // A confirmation no one can answer any more is a refusal.
    this.#question.refuse();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('user') || changed.has('patient')) this.#readUser(changed.has('user'));
    const record = this.#record();
    if (sameKey(record, [this.#changes.client, this.#changes.patientId || undefined])) return;
    // Another record: its changes start afresh, and nothing asked about the last one stays.
    this.#changes.drop();
    this.#changes = this.#changesOn(record);
    this.#assistantForm.errors = {};
    // The directory's answers came through the client before: the next search asks the new one.
    this.#professionals.forgetSearch();
    this.#keepDraftsFor(this.#patientId);
    this.#closing.forget();
    this.#question.forget();
  }

  #changesOn([client, patientId]: RecordKey): AccessChanges {
    return new AccessChanges({
      host: this,
      client,
      patientId: patientId ?? '',
      rights: this.#rights,
      assistants: this.#assistants,
      words: () => this.#messages,
      describe: (edit, before) => this.#names.describe(edit, before),
      nameOf: (actor) => this.#names.nameOf(actor),
      delegate: () => this.#delegate,
      confirm: (asking) => this.#question.ask(asking),
    });
  }

  /**
   * Keeps what was typed and chosen while the panel shows the same patient's record — a new client
   * (signing in again, a scenario change) or a moment without any patient (signed out) is the same
   * record, so nothing is lost —, and empties it for another patient: what was typed is about the
   * record it was typed on, never carried to another.
   */
  #keepDraftsFor(patientId: string): void {
    if (!patientId || patientId === this.#draftsFor) return;
    this.#draftsFor = patientId;
    this.#assistantForm.draft = NO_ASSISTANT;
    this.#professionals.reset();
    this.maskChoice = '';
  }

  /**
   * Who is signed in, from `user`. A value that is no user reference is reported (a typed error in
   * `dsp-error`, and said in the panel) and the panel behaves as without one: the server decides.
   */
  #readUser(userChanged: boolean): void {
    this.invalidUser = undefined;
    try {
      this.#viewer = viewerOf(this.user, this.#patientId, this.#messages.invalidUser);
    } catch (error) {
      this.#viewer = { kind: 'unknown' };
      this.invalidUser = this.user;
      if (userChanged) this.dispatchEvent(new DspErrorEvent(errorDetail(error)));
    }
    if (userChanged) this.#changes.withdrawnSelf = false;
  }

  /** The id of the DSP assistant signed in, when it is one. */
  get #delegate(): string | undefined {
    return this.#viewer.kind === 'assistant' ? this.#viewer.id : undefined;
  }

  protected override updated(): void {
    const state = this.#rights.state;
    if (state.status === 'error') this.reportErrorOnce(state.error);
    this.#question.show();
    this.#closing.show();
  }

  // --- Changes ----------------------------------------------------------------------------

  #consent(edit: AccessEdit): Promise<boolean> {
    return this.#run({ kind: 'consent', edit });
  }

  /** A change of a professional's status asked through the API (see `actorEdit`). */
  #actor(actorId: string, status: ActorStatus, ...onlyFrom: ActorStatus[]): Promise<boolean> {
    const edit = this.#changes.actorEdit(actorId, status, onlyFrom);
    return typeof edit === 'boolean' ? Promise.resolve(edit) : this.#consent(edit);
  }

  /** Runs one operation on the record shown (see `AccessChanges.run`). */
  #run(operation: Operation, undoing = false): Promise<boolean> {
    return this.#keepingFocus(() => this.#changes.run(operation, undoing));
  }

  /** When the control that acted went away (a row that left the list), focus the notice. */
  async #keepingFocus(work: () => Promise<boolean>): Promise<boolean> {
    const hadFocus = this.shadowRoot?.activeElement ?? null;
    try {
      return await work();
    } finally {
      await this.updateComplete;
      if (hadFocus && !hadFocus.isConnected && !this.#closing.confirming)
        this.noticeRegion?.focus();
    }
  }

  // --- Rendering --------------------------------------------------------------------------

  override render(): TemplateResult {
    const m = this.#messages;
    const state = this.#rights.state;
    let body: TemplateResult;
    if (!this.patient) body = html`<p part="empty">${m.noPatient}</p>`;
    else if (state.status === 'error')
      body = this.renderError(state.error, m.failed, () => {
        this.refresh();
      });
    else if (this.#changes.withdrawnSelf)
      body = html`<p part="withdrawn" role="note">${m.selfWithdrawnDetail}</p>`;
    else if (state.status === 'read-only') body = renderReadOnly(m, state.own);
    else if (state.status === 'ready') body = this.#renderRights();
    else body = html`<p part="loading" role="status">${m.loading}</p>`;
    const invalidUser = this.invalidUser;
    const notice = this.#noticeView(m);
    return html`<section part="base" aria-labelledby="title">
      <h2 id="title">${m.label}</h2>
      ${
        invalidUser === undefined
          ? nothing
          : html`<p part="user-error" role="alert">${m.invalidUser(invalidUser)}</p>`
      }
      ${renderPending(notice)} ${renderNotice(notice)} ${body}
    </section>`;
  }

  #noticeView(m: AccessRightsMessages): NoticeView {
    const changes = this.#changes;
    return {
      m,
      notice: changes.notice,
      pending: changes.pending,
      renderError: (error, title, retry) => this.renderError(error, title, retry),
      onUndo: () => void this.undo(),
      onRetry: () => void this.retry(),
      onDismiss: () => {
        changes.dismiss();
      },
      onDiscard: () => {
        changes.discard();
      },
    };
  }

  #renderRights() {
    const m = this.#messages;
    const summary = this.#rights.summary;
    if (!summary) return html``;
    return html`
      ${summary.open ? nothing : html`<p part="closed-banner">${m.closedBanner}</p>`}
      ${this.#changes.saving.consent ? html`<p class="help" role="status">${m.saving}</p>` : nothing}
      ${this.#renderProfessionals(summary)} ${this.#renderDocuments(summary)}
      ${renderEmergency(m, summary.breakTheGlass === 'allowed', (allowed) => {
        void this.#consent({ target: 'break-glass', allowed });
      })}
      ${this.#closing.render(m, summary.open)}
      ${renderOtherRules(this.#rights.otherRules, {
        m,
        names: this.#names,
        formatDate: (date) => this.localize.formatDate(date),
      })}
      ${this.#renderAssistant()} ${this.#question.render(m)}
    `;
  }

  #renderProfessionals(summary: AccessSummary) {
    return renderProfessionals(
      this.#professionals.view({
        m: this.#messages,
        summary,
        language: this.localize.language,
        nameOf: (actor) => this.#names.nameOf(actor),
        roleOf: (reference) => this.#names.roleOf(reference),
        pending: this.#changes.pending?.operation,
        onEdit: (edit) => void this.#consent(edit),
        renderError: (error, title) => this.renderError(error, title),
      }),
    );
  }

  #renderDocuments(summary: AccessSummary) {
    return renderDocuments({
      m: this.#messages,
      summary,
      documents: this.#rights.documents,
      choice: () => this.maskChoice,
      titleOf: (id) => this.#names.titleOf(id),
      onChoose: (id) => {
        this.maskChoice = id;
      },
      onMask: (id) => {
        void this.mask(id).then((done) => {
          if (done && this.maskChoice === id) this.maskChoice = '';
        });
      },
      onUnmask: (id) => void this.unmask(id),
      levels:
        this.#viewer.kind === 'other'
          ? undefined
          : {
              client: this.activeClient,
              patient: this.#patientId,
              language: this.localize.language,
              assistant: this.#viewer.kind === 'assistant',
              theme: this.theme,
            },
    });
  }

  #renderAssistant() {
    const m = this.#messages;
    const state = this.#assistants.state;
    const pending = this.#changes.pending?.operation;
    const failure = this.#changes.assistantFailure;
    return renderAssistantSection({
      m,
      state,
      assistants: this.#assistants.assistants,
      saving: this.#changes.saving.assistant,
      ...this.#assistantForm.view,
      failure:
        failure?.operation.kind === 'add-assistant'
          ? // Tries again with what the form says now: the same, or as the user corrected it.
            this.renderError(failure.error, m.addAssistantFailed, () => {
              void this.#nameAssistant();
            })
          : undefined,
      loadError:
        state.status === 'error'
          ? this.renderError(state.error, m.assistantsFailed, () => {
              this.#assistants.refresh();
            })
          : undefined,
      pendingRemoval: pending?.kind === 'remove-assistant' ? pending.assistant.id : undefined,
      delegate: this.#delegate,
      onRemove: (assistant) => void this.#onRemoveAssistant(assistant),
      onSubmit: (event) => {
        event.preventDefault();
        void this.#nameAssistant();
      },
    });
  }

  /**
   * Names the assistant the form says, checked before anything is sent; nothing entered is lost.
   * The form's Try again comes here too, so it sends what the user corrected. A naming of the same
   * person as the one that failed resumes it: it may have been done.
   */
  async #nameAssistant(): Promise<void> {
    const form = this.#assistantForm;
    this.#changes.assistantFailure = undefined;
    const input = await form.check(this.#rights.patient, this.#messages);
    if (!input) return;
    const named = () => this.#changes.name({ kind: 'add-assistant', input });
    if (await this.#keepingFocus(named)) form.named(input);
  }

  /** Withdraws an assistant; the assistant signed in is asked first, since they cannot undo it. */
  async #onRemoveAssistant(assistant: DspAssistant): Promise<void> {
    if (
      assistant.id === this.#delegate &&
      !(await this.#question.ask({ kind: 'withdraw-self', name: assistant.name }))
    )
      return;
    await this.#run({ kind: 'remove-assistant', assistant });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dsp-access-rights': DspAccessRights;
  }
}
