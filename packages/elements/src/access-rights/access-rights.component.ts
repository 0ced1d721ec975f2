// <dsp-access-rights>: the patient's (or their DSP assistant's) control room over who may see the
// record — professionals, masked documents, emergency access, closing — each choice saved at once.
import {
  DspAuthError,
  DspHttpError,
  DspValidationError,
  label,
  professionByCode,
  professionLabel,
  professions,
  type AccessSummary,
  type AssistantField,
  type AssistantInput,
  type DirectoryEntry,
  type DspAssistant,
  type DspClient,
} from '@dsp-kit/fhir';
import { assistantProblems, matriculeOf } from '@dsp-kit/fhir/assistant';
import type { Reference } from '@medplum/fhirtypes';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { DspElement } from '../base/dsp-element.js';
import { errorDetail } from '../base/error-message.js';
import { DspErrorEvent } from '../events.js';
import {
  AccessRightsController,
  actorStatus,
  changeOf,
  documentTitle,
  inverseOf,
  isInEffect,
  personName,
  type AccessEdit,
  type ActorStatus,
} from './access-rights.controller.js';
import type { OwnAccess } from './own-access.js';
import {
  DspAccessChangedEvent,
  DspRequestAddAssistantEvent,
  DspRequestBlockEvent,
  DspRequestBreakGlassPolicyEvent,
  DspRequestCloseEvent,
  DspRequestGrantEvent,
  DspRequestMaskEvent,
  DspRequestRemoveAssistantEvent,
  DspRequestReopenEvent,
  DspRequestRevokeEvent,
  DspRequestUnblockEvent,
  DspRequestUnmaskEvent,
} from './access-rights.events.js';
import { accessRightsMessages, type AccessRightsMessages } from './access-rights.messages.js';
import { styles } from './access-rights.styles.js';
import { problemMessage, renderAssistantSection } from './assistant-section.js';
import { wordsFor } from './assistant-wording.js';
import { AssistantsController } from './assistants.controller.js';
import { renderConfirmDialog, type Confirmation } from './confirm-dialog.js';
import {
  afterNaming,
  assistantDraftOf,
  NO_ASSISTANT,
  NO_SEARCH,
  searchDraftOf,
  textOf,
  type AssistantDraft,
  type SearchDraft,
} from './form-drafts.js';
import { isRetryable, resumed, settles, stamped, type Operation } from './operations.js';
import { renderOtherRules } from './other-rules.js';
import { viewerOf, type Viewer } from './signed-in-user.js';

/** How long the undo button stays offered after a change. */
const UNDO_MS = 15_000;

/** A professional's reference, as the Consent names them. */
const PROFESSIONAL = /^(Practitioner|PractitionerRole)\/[A-Za-z0-9\-.]{1,64}$/;

interface Notice {
  readonly lines: readonly string[];
  readonly meanwhile: readonly string[];
  readonly error?: unknown;
  readonly undo?: Operation;
}

/** A change that could not be saved (no answer, server failing): kept, with a retry. */
interface Pending {
  readonly operation: Operation;
  readonly description: string;
  readonly error: unknown;
}

type Search =
  | { readonly status: 'idle' }
  | { readonly status: 'searching' }
  | { readonly status: 'done'; readonly entries: readonly DirectoryEntry[] }
  | { readonly status: 'error'; readonly error: unknown };

/**
 * @summary The patient's access rights to their DSP: professionals blocked or allowed (with a
 * directory search), the médecin référent, masked documents, emergency access, closing and
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
 * @csspart search - The directory search form.
 * @csspart results - The directory's answers.
 * @csspart documents - The masked documents section.
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
 * @fires dsp-request-grant - Cancelable; `detail.patientId`, `detail.actorId`, `detail.full`.
 * @fires dsp-request-revoke - Cancelable; `detail.patientId`, `detail.actorId`.
 * @fires dsp-request-mask - Cancelable; `detail.patientId`, `detail.documentId`.
 * @fires dsp-request-unmask - Cancelable; `detail.patientId`, `detail.documentId`.
 * @fires dsp-request-break-glass-policy - Cancelable; `detail.patientId`, `detail.allowed`.
 * @fires dsp-request-close - Cancelable; `detail.patientId`.
 * @fires dsp-request-reopen - Cancelable; `detail.patientId`.
 * @fires dsp-request-add-assistant - Cancelable; `detail.patientId`.
 * @fires dsp-request-remove-assistant - Cancelable; `detail.patientId`, `detail.assistantId`.
 * @fires dsp-access-changed - A change asked for is in effect (saved now, by an earlier attempt whose
 * answer was lost, or by someone else meanwhile): once per change; `detail.patientId`,
 * `detail.change`, and `detail.actorId`, `detail.documentId` or `detail.assistantId`.
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

  @state() private notice: Notice | undefined;
  @state() private search: Search = { status: 'idle' };
  @state() private confirming = false;
  @state() private confirmInvalid = false;
  @state() private maskChoice = '';
  @state() private pending: Pending | undefined;
  @state() private asking: Confirmation | undefined;
  /** The assistant signed in withdrew themselves: the server no longer lets them in. */
  @state() private withdrawnSelf = false;
  /** A `user` value that is no user reference, said in the panel until it changes. */
  @state() private invalidUser: string | undefined;
  @state() private assistantErrors: Partial<Record<AssistantField, string>> = {};
  @state() private assistantFailure: { error: unknown; operation: Operation } | undefined;
  /**
   * What was typed in the forms, kept for the patient they were typed for: a form rendered anew
   * (the panel reloaded, a failure shown, a new client) shows it again; another patient starts
   * empty.
   */
  @state() private assistantDraft: AssistantDraft = NO_ASSISTANT;
  @state() private searchDraft: SearchDraft = NO_SEARCH;
  @state() private closeWord = '';

  @query('#close-dialog') private dialog?: HTMLDialogElement;
  @query('#confirm-dialog') private confirmDialog?: HTMLDialogElement;
  @query('[part="notice"]') private noticeRegion?: HTMLElement;

  readonly #rights = new AccessRightsController(this);
  readonly #assistants = new AssistantsController(this);
  #answer: ((confirmed: boolean) => void) | undefined;
  #viewer: Viewer = { kind: 'unknown' };
  /** The words last made for the viewer, kept while the language, viewer and patient stay. */
  #said:
    | {
        m: AccessRightsMessages;
        assistant: boolean;
        patient: string | undefined;
        words: AccessRightsMessages;
      }
    | undefined;
  #loadedWith: readonly [DspClient | undefined, string | undefined] | undefined;
  /** The patient whose record the forms' drafts and the mask choice were made on. */
  #draftsFor: string | undefined;
  #reportedError: unknown;
  #undoTimer: ReturnType<typeof setTimeout> | undefined;
  /** The dialogs opened last: one rendered anew while still wanted opens again (see `updated`). */
  #shownDialog: HTMLDialogElement | undefined;
  #shownConfirm: HTMLDialogElement | undefined;
  /**
   * The naming that failed last, until a naming succeeds: naming the same person again resumes it
   * (it may have been done, its answer lost), even after the form's messages were replaced.
   */
  #failedNaming: Operation | undefined;

  /** The panel's words, as said to whoever is signed in (see `wordsFor`). */
  get #messages(): AccessRightsMessages {
    const m = this.localize.t(accessRightsMessages);
    const assistant = this.#viewer.kind === 'assistant';
    const patient = assistant ? personName(this.#rights.patient) : undefined;
    const said = this.#said;
    if (said?.m === m && said.assistant === assistant && said.patient === patient)
      return said.words;
    const words = wordsFor(m, assistant, patient);
    this.#said = { m, assistant, patient, words };
    return words;
  }

  get #patientId(): string {
    return (this.patient ?? '').replace(/^Patient\//, '');
  }

  /** Reloads the Consent, the patient, the names and the DSP assistants from the server. */
  refresh(): void {
    void this.#rights.load(this.activeClient, this.patient);
    void this.#assistants.load(this.activeClient, this.#patientId || undefined);
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

  /** Grants a professional access; `full` also covers masked documents. */
  grant(actorId: string, options: { full?: boolean } = {}): Promise<boolean> {
    return this.#actor(actorId, options.full === true ? 'full' : 'granted');
  }

  /** Withdraws a grant. Resolves to true at once when the professional has none. */
  revoke(actorId: string): Promise<boolean> {
    return this.#actor(actorId, 'none', 'granted', 'full');
  }

  /** Undoes the last change while its notice offers it. Resolves to false when there is none. */
  undo(): Promise<boolean> {
    const operation = this.notice?.undo;
    return operation ? this.#run(operation, true) : Promise.resolve(false);
  }

  /** Saves again the change left pending by a failure. Resolves to false when there is none. */
  retry(): Promise<boolean> {
    const pending = this.pending;
    return pending ? this.#run(pending.operation) : Promise.resolve(false);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#undoTimer);
    // A confirmation no one can answer any more is a refusal.
    this.#answer?.(false);
    this.#answer = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('user') || changed.has('patient')) this.#readUser(changed.has('user'));
    const args = [this.activeClient, this.patient] as const;
    const loaded = this.#loadedWith;
    if (!loaded || loaded[0] !== args[0] || loaded[1] !== args[1]) {
      this.#loadedWith = args;
      this.notice = undefined;
      this.pending = undefined;
      this.withdrawnSelf = false;
      this.assistantErrors = {};
      this.assistantFailure = undefined;
      this.#failedNaming = undefined;
      // The directory's answers came through the client before: the next search asks the new one.
      this.search = { status: 'idle' };
      this.#keepDraftsFor(this.#patientId);
      this.confirming = false;
      this.closeWord = '';
      this.#answer?.(false);
      this.#answer = undefined;
      this.asking = undefined;
      void this.#rights.load(...args);
      void this.#assistants.load(args[0], this.#patientId || undefined);
    }
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
    this.assistantDraft = NO_ASSISTANT;
    this.searchDraft = NO_SEARCH;
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
    if (userChanged) this.withdrawnSelf = false;
  }

  /** The id of the DSP assistant signed in, when it is one. */
  get #delegate(): string | undefined {
    return this.#viewer.kind === 'assistant' ? this.#viewer.id : undefined;
  }

  protected override updated(): void {
    const state = this.#rights.state;
    if (state.status === 'error' && state.error !== this.#reportedError) {
      this.#reportedError = state.error;
      this.dispatchEvent(new DspErrorEvent(errorDetail(state.error)));
    }
    this.#showDialogs();
  }

  /**
   * Opens the dialogs the panel is asking with. A reload renders the panel anew, and with it a
   * dialog that was open: the new one opens again, with what was typed in it, so the user's
   * question or confirmation is not silently dropped.
   */
  #showDialogs(): void {
    const dialog = this.dialog;
    if (this.confirming && dialog && !dialog.open && dialog !== this.#shownDialog) {
      this.#shownDialog = dialog;
      dialog.showModal();
      dialog.querySelector('input')?.focus();
    }
    const confirm = this.confirmDialog;
    if (this.asking && confirm && !confirm.open && confirm !== this.#shownConfirm) {
      this.#shownConfirm = confirm;
      confirm.showModal();
      confirm.querySelector<HTMLElement>('[data-cancel]')?.focus();
    }
  }

  // --- Changes ----------------------------------------------------------------------------

  #intentFor(edit: AccessEdit, blocked: boolean): Event {
    const patientId = this.#patientId;
    switch (edit.target) {
      case 'actor': {
        const detail = { patientId, actorId: edit.actorId };
        if (edit.status === 'blocked') return new DspRequestBlockEvent(detail);
        if (edit.status === 'granted') return new DspRequestGrantEvent({ ...detail, full: false });
        if (edit.status === 'full') return new DspRequestGrantEvent({ ...detail, full: true });
        return blocked ? new DspRequestUnblockEvent(detail) : new DspRequestRevokeEvent(detail);
      }
      case 'document': {
        const detail = { patientId, documentId: edit.documentId };
        return edit.masked ? new DspRequestMaskEvent(detail) : new DspRequestUnmaskEvent(detail);
      }
      case 'break-glass':
        return new DspRequestBreakGlassPolicyEvent({ patientId, allowed: edit.allowed });
      case 'open':
        return edit.open
          ? new DspRequestReopenEvent({ patientId })
          : new DspRequestCloseEvent({ patientId });
    }
  }

  #consent(edit: AccessEdit): Promise<boolean> {
    return this.#run({ kind: 'consent', edit });
  }

  /**
   * A change of a professional's status asked through the API: a malformed reference is refused
   * with a clear message before anything is sent; `onlyFrom` lists the statuses the change
   * applies to (unblocking someone not blocked is already done).
   */
  async #actor(actorId: string, status: ActorStatus, ...onlyFrom: ActorStatus[]): Promise<boolean> {
    const reference = typeof actorId === 'string' ? actorId.trim() : '';
    if (!PROFESSIONAL.test(reference)) {
      const error = new DspValidationError(
        this.#messages.invalidActor(reference || '—'),
        'actorId',
      );
      this.#notify({ lines: [], meanwhile: [], error });
      this.dispatchEvent(new DspErrorEvent(errorDetail(error)));
      return false;
    }
    const summary = this.#rights.summary;
    if (summary && onlyFrom.length > 0 && !onlyFrom.includes(actorStatus(summary, reference)))
      return true;
    return this.#consent({ target: 'actor', actorId: reference, status });
  }

  /**
   * Runs one operation and reports a failure: one worth retrying stays pending with a retry, any
   * other is said in the notice (a naming from the form is reported in the form, which keeps what
   * was entered). Resolves to whether the change is in effect.
   */
  async #run(asked: Operation, undoing = false, fromForm = false): Promise<boolean> {
    const hadFocus = this.shadowRoot?.activeElement ?? null;
    // Asking again for the change left pending resumes it: its first attempt may have been done.
    const operation = resumed(asked, this.pending?.operation);
    const shown = { summary: this.#rights.summary, assistants: this.#assistants.assistants };
    try {
      const done = await this.#perform(operation, undoing);
      if (done && this.pending && settles(operation, this.pending.operation))
        this.pending = undefined;
      return done;
    } catch (error) {
      if (this.#withdrawalLanded(operation, error)) return this.#withdrewSelf(operation);
      this.dispatchEvent(new DspErrorEvent(errorDetail(error)));
      const kept = stamped(operation, shown);
      if (fromForm && operation.kind === 'add-assistant') {
        this.assistantFailure = { error, operation: kept };
        this.#failedNaming = kept;
      } else if (isRetryable(error)) {
        this.pending = { operation: kept, description: this.#describeOperation(kept), error };
      } else {
        this.#notify({ lines: [], meanwhile: [], error });
      }
      return false;
    } finally {
      await this.#keepFocus(hadFocus);
    }
  }

  /**
   * Whether a failure of the signed-in assistant's own withdrawal, tried again after a lost
   * answer, says it was done: the server now refuses them (401 or 403), which is what a
   * withdrawal does to the person withdrawn.
   */
  #withdrawalLanded(
    operation: Operation,
    error: unknown,
  ): operation is Extract<Operation, { kind: 'remove-assistant' }> {
    if (operation.kind !== 'remove-assistant' || !operation.attempted) return false;
    if (operation.assistant.id !== this.#delegate) return false;
    return (
      (error instanceof DspAuthError && error.outcome !== undefined) ||
      (error instanceof DspHttpError && error.status === 403)
    );
  }

  #perform(operation: Operation, undoing: boolean): Promise<boolean> {
    switch (operation.kind) {
      case 'consent':
        return this.#change(operation, undoing);
      case 'add-assistant':
        return this.#addAssistant(operation, undoing);
      case 'remove-assistant':
        return this.#removeAssistant(operation.assistant, undoing);
      case 'restore-assistant':
        return this.#restoreAssistant(operation.assistant);
    }
  }

  #describeOperation(operation: Operation): string {
    const m = this.#messages;
    if (operation.kind === 'add-assistant') {
      const { given, family } = operation.input;
      return m.changes['add-assistant'](`${given.trim()} ${family.trim()}`);
    }
    if (operation.kind === 'remove-assistant')
      return operation.assistant.id === this.#delegate
        ? m.selfWithdrawn
        : m.changes['remove-assistant'](operation.assistant.name);
    if (operation.kind === 'restore-assistant')
      return m.changes['add-assistant'](operation.assistant.name);
    const summary = this.#rights.summary;
    return summary ? this.#describe(operation.edit, summary) : '';
  }

  /**
   * Asks the host (a cancelable intent) — and the user first, before blocking the médecin
   * référent —, saves the edit, then says what happened: the change, what someone else changed
   * meanwhile, and an undo while it is fresh. Throws when the save fails.
   *
   * Every outcome that leaves the change in effect, when it was not as the user asked, is one
   * `dsp-access-changed`: saved now, found made by an earlier attempt whose answer was lost (a
   * retry: `from` is what the Consent said when first asked), or made by someone else meanwhile.
   */
  async #change(
    operation: Extract<Operation, { kind: 'consent' }>,
    undoing: boolean,
  ): Promise<boolean> {
    const { edit, from } = operation;
    const client = this.activeClient;
    const before = this.#rights.summary;
    if (!client || !before || this.#rights.saving) return false;
    if (isInEffect(before, edit)) {
      // Already so: nothing to send — but when it was not so as first asked, an attempt whose
      // answer was lost did it, and no one has heard of it yet.
      if (from && !isInEffect(from, edit)) this.#changed(edit, from, undoing, { retried: true });
      return true;
    }
    if (
      edit.target === 'actor' &&
      edit.status === 'blocked' &&
      before.referent?.reference === edit.actorId &&
      !(await this.#confirm({ kind: 'block-referent', name: this.#nameOf(before.referent) }))
    )
      return false;
    const blocked = edit.target === 'actor' && actorStatus(before, edit.actorId) === 'blocked';
    if (!this.dispatchEvent(this.#intentFor(edit, blocked))) return false;
    const result = await this.#rights.apply(client, edit);
    // What the change is said against: the Consent it was saved on, else what the user saw.
    const basis = result.saved ? result.before : (from ?? before);
    this.#changed(edit, basis, undoing, {
      retried: from !== undefined,
      saved: result.saved,
      meanwhile: result.meanwhile.map((e) => this.#describe(e, result.before)),
    });
    return true;
  }

  /**
   * Reports an edit now in effect: `dsp-access-changed` once, and the notice, with an undo when
   * the change is the user's own (saved now, or by the attempt a retry resumed).
   */
  #changed(
    edit: AccessEdit,
    basis: AccessSummary,
    undoing: boolean,
    how: { retried: boolean; saved?: boolean; meanwhile?: readonly string[] },
  ): void {
    const m = this.#messages;
    this.dispatchEvent(
      new DspAccessChangedEvent({
        patientId: this.#patientId,
        change: changeOf(edit, basis),
        ...(edit.target === 'actor' ? { actorId: edit.actorId } : {}),
        ...(edit.target === 'document' ? { documentId: edit.documentId } : {}),
      }),
    );
    const meanwhile = how.meanwhile ?? [];
    const lines = [undoing ? m.undone : this.#describe(edit, basis)];
    if (meanwhile.length > 0) lines.push(how.saved ? m.reapplied : m.alreadyDone);
    const ours = how.saved === true || how.retried;
    this.#notify({
      lines,
      meanwhile,
      ...(!undoing && ours ? { undo: { kind: 'consent', edit: inverseOf(edit, basis) } } : {}),
    });
  }

  async #addAssistant(
    operation: Extract<Operation, { kind: 'add-assistant' }>,
    undoing: boolean,
  ): Promise<boolean> {
    const client = this.activeClient;
    const patientId = this.#patientId;
    if (!client || !patientId || this.#assistants.saving) return false;
    if (!this.dispatchEvent(new DspRequestAddAssistantEvent({ patientId }))) return false;
    const result = await this.#assistants.add(client, patientId, operation.input);
    const { assistant } = result;
    // On a retry, whether they were listed when first asked: the lost attempt may have named them.
    const added = operation.known === undefined ? result.added : !operation.known;
    const m = this.#messages;
    if (added) {
      this.dispatchEvent(
        new DspAccessChangedEvent({
          patientId,
          change: 'add-assistant',
          assistantId: assistant.id,
        }),
      );
    }
    this.#notify({
      lines: [
        !added
          ? m.assistantAlready(assistant.name)
          : undoing
            ? m.undone
            : m.changes['add-assistant'](assistant.name),
      ],
      meanwhile: [],
      ...(added && !undoing ? { undo: { kind: 'remove-assistant', assistant } } : {}),
    });
    return true;
  }

  async #removeAssistant(assistant: DspAssistant, undoing: boolean): Promise<boolean> {
    const client = this.activeClient;
    const patientId = this.#patientId;
    if (!client || !patientId || this.#assistants.saving) return false;
    if (
      !this.dispatchEvent(
        new DspRequestRemoveAssistantEvent({ patientId, assistantId: assistant.id }),
      )
    )
      return false;
    await this.#assistants.remove(client, patientId, assistant.id);
    if (assistant.id === this.#delegate)
      return this.#withdrewSelf({ kind: 'remove-assistant', assistant });
    this.dispatchEvent(
      new DspAccessChangedEvent({
        patientId,
        change: 'remove-assistant',
        assistantId: assistant.id,
      }),
    );
    const m = this.#messages;
    this.#notify({
      lines: [undoing ? m.undone : m.changes['remove-assistant'](assistant.name)],
      meanwhile: [],
      ...(!undoing ? { undo: { kind: 'restore-assistant', assistant } } : {}),
    });
    return true;
  }

  /**
   * The assistant signed in is withdrawn: said once to the host, and the panel shows only that,
   * with no undo — the server no longer lets them in, and only the patient can name them again.
   */
  #withdrewSelf(operation: Extract<Operation, { kind: 'remove-assistant' }>): true {
    const { assistant } = operation;
    this.dispatchEvent(
      new DspAccessChangedEvent({
        patientId: this.#patientId,
        change: 'remove-assistant',
        assistantId: assistant.id,
      }),
    );
    if (this.pending && settles(operation, this.pending.operation)) this.pending = undefined;
    this.withdrawnSelf = true;
    this.#notify({ lines: [this.#messages.selfWithdrawn], meanwhile: [] });
    return true;
  }

  /** The undo of a removal: the same record, active again. */
  async #restoreAssistant(assistant: DspAssistant): Promise<boolean> {
    const client = this.activeClient;
    const patientId = this.#patientId;
    if (!client || !patientId || this.#assistants.saving) return false;
    if (!this.dispatchEvent(new DspRequestAddAssistantEvent({ patientId }))) return false;
    await this.#assistants.restore(client, patientId, assistant.id);
    this.dispatchEvent(
      new DspAccessChangedEvent({ patientId, change: 'add-assistant', assistantId: assistant.id }),
    );
    this.#notify({ lines: [this.#messages.undone], meanwhile: [] });
    return true;
  }

  /**
   * Asks before a step the user cannot simply undo (blocking the médecin référent, withdrawing
   * oneself as assistant), saying what it means. Resolves to the answer.
   */
  async #confirm(asking: Confirmation): Promise<boolean> {
    this.#answer?.(false);
    this.asking = asking;
    // A new question: the dialog opens even when it is the element that asked the last one.
    this.#shownConfirm = undefined;
    await this.updateComplete;
    const answer = new Promise<boolean>((resolve) => {
      this.#answer = resolve;
    });
    const dialog = this.confirmDialog;
    if (dialog && !dialog.open) {
      this.#shownConfirm = dialog;
      dialog.showModal();
    }
    dialog?.querySelector<HTMLElement>('[data-cancel]')?.focus();
    return answer;
  }

  readonly #onConfirmClose = (event: Event): void => {
    // Closed by Escape, by Cancel, or after the confirmation (which answered first). The event
    // comes a task later: by then the dialog may be asking again, which it must not cancel; and
    // a dialog no longer on the page (the panel rendered anew) answers nothing.
    if (this.confirmDialog?.open || event.target !== this.confirmDialog) return;
    this.#answer?.(false);
    this.#answer = undefined;
    this.asking = undefined;
  };

  #answerConfirm(confirmed: boolean): void {
    this.#answer?.(confirmed);
    this.#answer = undefined;
    this.confirmDialog?.close();
  }

  #describe(edit: AccessEdit, before: Parameters<typeof changeOf>[1]): string {
    const change = changeOf(edit, before);
    const m = this.#messages;
    if (edit.target === 'actor')
      return m.changes[change](
        this.#nameOf({
          reference: edit.actorId,
          ...(edit.display ? { display: edit.display } : {}),
        }),
      );
    if (edit.target === 'document') return m.changes[change](this.#titleOf(edit.documentId));
    return m.changes[change]('');
  }

  #notify(notice: Notice): void {
    clearTimeout(this.#undoTimer);
    this.notice = notice;
    if (notice.undo) {
      // The undo is short-lived: after a while the change is simply the new state.
      this.#undoTimer = setTimeout(() => {
        if (this.notice === notice) this.notice = { ...notice, undo: undefined };
      }, UNDO_MS);
    }
  }

  /** When the control that acted went away (a row that left the list), focus the notice. */
  async #keepFocus(hadFocus: Element | null): Promise<void> {
    await this.updateComplete;
    if (hadFocus && !hadFocus.isConnected && !this.confirming) this.noticeRegion?.focus();
  }

  // --- Names ------------------------------------------------------------------------------

  #nameOf(actor: Reference): string {
    const reference = actor.reference ?? '';
    return (
      this.#rights.people.get(reference)?.name ??
      actor.display ??
      this.#knownDisplay(reference) ??
      reference
    );
  }

  /** The display the Consent itself carries for a professional. */
  #knownDisplay(reference: string): string | undefined {
    const s = this.#rights.summary;
    if (!s) return undefined;
    return [...s.blocked, ...s.granted.map((g) => g.actor)].find(
      (a) => a.reference === reference && a.display,
    )?.display;
  }

  #roleOf(reference: string): string {
    const person = this.#rights.people.get(reference);
    const profession = person?.profession ? professionByCode(person.profession) : undefined;
    return [
      profession ? professionLabel(profession, this.localize.language, person?.gender) : undefined,
      person?.organization,
    ]
      .filter(Boolean)
      .join(' · ');
  }

  #titleOf(documentId: string): string {
    const document = this.#rights.documents.find((d) => d.id === documentId);
    return (document ? documentTitle(document) : undefined) ?? this.#messages.untitled;
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
    else if (this.withdrawnSelf)
      body = html`<p part="withdrawn" role="note">${m.selfWithdrawnDetail}</p>`;
    else if (state.status === 'read-only') body = this.#renderReadOnly(state.own);
    else if (state.status === 'ready') body = this.#renderRights();
    else body = html`<p part="loading" role="status">${m.loading}</p>`;
    const invalidUser = this.invalidUser;
    return html`<section part="base" aria-labelledby="title">
      <h2 id="title">${m.label}</h2>
      ${
        invalidUser === undefined
          ? nothing
          : html`<p part="user-error" role="alert">${m.invalidUser(invalidUser)}</p>`
      }
      ${this.#renderPending()} ${this.#renderNotice()} ${body}
    </section>`;
  }

  /** What a professional sees: that the patient decides, and their own access to this DSP. */
  #renderReadOnly(own: OwnAccess | undefined) {
    const m = this.#messages;
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

  #renderPending() {
    const pending = this.pending;
    if (!pending) return nothing;
    const m = this.#messages;
    return html`<div part="pending">
      <p><strong>${m.pending}</strong> ${pending.description}</p>
      <p class="help">${m.pendingHelp}</p>
      ${this.renderError(pending.error, m.saveFailed, () => void this.retry())}
      <button
        class="secondary"
        type="button"
        @click=${() => {
          this.pending = undefined;
        }}
      >
        ${m.discard}
      </button>
    </div>`;
  }

  #renderNotice() {
    const m = this.#messages;
    const notice = this.notice;
    return html`<div
      part="notice"
      role="status"
      aria-live="polite"
      tabindex="-1"
      ?data-active=${notice !== undefined}
    >
      ${
        notice
          ? html`${notice.error ? this.renderError(notice.error, m.saveFailed) : nothing}
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
                    ? html`<button class="secondary" type="button" @click=${() => void this.undo()}>
                        ${m.undo}
                      </button>`
                    : nothing
                }
                <button
                  class="secondary"
                  type="button"
                  @click=${() => {
                    this.notice = undefined;
                  }}
                >
                  ${m.dismiss}
                </button>
              </div>`
          : nothing
      }
    </div>`;
  }

  #renderRights() {
    const m = this.#messages;
    const summary = this.#rights.summary;
    if (!summary) return html``;
    return html`
      ${summary.open ? nothing : html`<p part="closed-banner">${m.closedBanner}</p>`}
      ${this.#rights.saving ? html`<p class="help" role="status">${m.saving}</p>` : nothing}
      ${this.#renderProfessionals()} ${this.#renderDocuments()} ${this.#renderEmergency()}
      ${this.#renderOpenClose()} ${this.#renderOtherRules()} ${this.#renderAssistant()}
      ${renderConfirmDialog({
        m,
        asking: this.asking,
        onAnswer: (confirmed) => {
          this.#answerConfirm(confirmed);
        },
        onClose: this.#onConfirmClose,
      })}
    `;
  }

  #renderProfessionals() {
    const m = this.#messages;
    const summary = this.#rights.summary;
    if (!summary) return nothing;
    const referent = summary.referent;
    const actors = [...summary.blocked, ...summary.granted.map((g) => g.actor)];
    return html`<section part="professionals" aria-labelledby="professionals">
      <h3 id="professionals">${m.professionals}</h3>
      <div part="referent">
        <p><strong>${m.referent}</strong></p>
        ${
          referent
            ? html`<p>
                ${this.#nameOf(referent)}
                ${
                  this.#roleOf(referent.reference ?? '')
                    ? html`<span class="role"> — ${this.#roleOf(referent.reference ?? '')}</span>`
                    : nothing
                }
              </p>`
            : html`<p>${m.noReferent}</p>`
        }
        <p class="help">${referent ? m.referentHelp : nothing}</p>
      </div>
      ${
        actors.length === 0
          ? html`<p>${m.noProfessionals}</p>`
          : html`<ul part="list" class="actors" aria-label=${m.listLabel}>
              ${actors.map((actor) => this.#renderActor(actor, 'list'))}
            </ul>`
      }
      ${this.#renderSearch()}
    </section>`;
  }

  #renderActor(actor: Reference, where: 'list' | 'results') {
    const m = this.#messages;
    const summary = this.#rights.summary;
    const reference = actor.reference ?? '';
    if (!summary || !reference) return nothing;
    const status = actorStatus(summary, reference);
    const name = this.#nameOf(actor);
    const role = this.#roleOf(reference);
    const id = `${where}-${reference.replace(/[^A-Za-z0-9-]/g, '-')}`;
    const to = (wanted: ActorStatus) => () =>
      void this.#consent({ target: 'actor', actorId: reference, display: name, status: wanted });
    const button = (text: string, wanted: ActorStatus) =>
      html`<button class="secondary" type="button" aria-describedby=${id} @click=${to(wanted)}>
        ${text}
      </button>`;
    const pending = this.pending?.operation;
    const unsaved =
      pending?.kind === 'consent' &&
      pending.edit.target === 'actor' &&
      pending.edit.actorId === reference
        ? pending.edit.status
        : undefined;
    const commands: TemplateResult[] = [];
    if (status === 'blocked') commands.push(button(m.unblock, 'none'));
    if (status === 'none') commands.push(button(m.grant, 'granted'));
    if (status === 'none' || status === 'granted') commands.push(button(m.grantFull, 'full'));
    if (status === 'granted' || status === 'full') commands.push(button(m.revoke, 'none'));
    if (status !== 'blocked') commands.push(button(m.block, 'blocked'));
    return html`<li part="row" class="actor" data-actor=${reference}>
      <span class="who" id=${id}>
        <span class="name">${name}</span>
        ${role ? html`<span class="role">${role}</span>` : nothing}
      </span>
      <span class="state">
        <span part="status" class=${status}>${m.status[status]}</span>
        ${unsaved ? html`<span class="pending">${m.status[unsaved]} (${m.notSaved})</span>` : nothing}
      </span>
      <span class="commands">${commands}</span>
    </li>`;
  }

  #renderSearch() {
    const m = this.#messages;
    const search = this.search;
    const draft = this.searchDraft;
    return html`<form part="search" role="search" aria-label=${m.search} @submit=${this.#onSearch}>
        <label
          >${m.searchName}<input
            name="name"
            type="search"
            required
            autocomplete="off"
            .value=${draft.name}
            @input=${(event: Event) => {
              this.searchDraft = {
                ...this.searchDraft,
                name: (event.target as HTMLInputElement).value,
              };
            }}
        /></label>
        <label
          >${m.searchProfession}
          <select
            name="profession"
            @change=${(event: Event) => {
              const profession = (event.target as HTMLSelectElement).value;
              this.searchDraft = { ...this.searchDraft, profession };
            }}
          >
            <option value="">${m.anyProfession}</option>
            ${professions.map(
              (p) =>
                html`<option value=${p.code} ?selected=${p.code === draft.profession}>
                  ${label(p.labels, this.localize.language)}
                </option>`,
            )}
          </select>
        </label>
        <button class="action" type="submit">${m.searchButton}</button>
      </form>
      ${
        search.status === 'searching'
          ? html`<p role="status">${m.searching}</p>`
          : search.status === 'error'
            ? this.renderError(search.error, m.searchFailed)
            : search.status === 'done'
              ? html`<p role="status">
                    ${search.entries.length === 0 ? m.noResults : m.results(search.entries.length)}
                  </p>
                  ${
                    search.entries.length > 0
                      ? html`<ul part="results" class="actors" aria-label=${m.search}>
                          ${search.entries.map((entry) =>
                            entry.role.practitioner
                              ? this.#renderActor(entry.role.practitioner, 'results')
                              : nothing,
                          )}
                        </ul>`
                      : nothing
                  }`
              : nothing
      }`;
  }

  readonly #onSearch = async (event: SubmitEvent) => {
    event.preventDefault();
    const client = this.activeClient;
    const form = event.currentTarget as HTMLFormElement;
    const draft = searchDraftOf(new FormData(form));
    this.searchDraft = draft;
    const name = draft.name.trim();
    const profession = draft.profession;
    if (!client || !name) return;
    this.search = { status: 'searching' };
    try {
      const entries = await client.searchPractitioners(name, profession ? { profession } : {});
      this.#rights.remember(entries);
      this.search = { status: 'done', entries };
    } catch (error) {
      this.search = { status: 'error', error };
    }
  };

  #renderDocuments() {
    const m = this.#messages;
    const summary = this.#rights.summary;
    if (!summary) return nothing;
    const masked = summary.maskedDocuments;
    const maskable = this.#rights.documents.filter((d) => d.id && !masked.includes(d.id));
    // What the select shows: the choice while it is offered, else "Choose a document" — a
    // document just masked leaves the list, and a select told to show a missing value is blank.
    const choice = maskable.some((d) => d.id === this.maskChoice) ? this.maskChoice : '';
    return html`<section part="documents" aria-labelledby="documents">
      <h3 id="documents">${m.documents}</h3>
      <p class="help">${m.documentsHelp}</p>
      ${
        masked.length === 0
          ? html`<p>${m.noMasked}</p>`
          : html`<ul aria-label=${m.documents}>
              ${masked.map(
                (id) =>
                  html`<li part="row" data-document=${id}>
                    <span class="who" id=${`document-${id}`}>${this.#titleOf(id)}</span>
                    <button
                      class="secondary"
                      type="button"
                      aria-describedby=${`document-${id}`}
                      @click=${() => void this.unmask(id)}
                    >
                      ${m.unmask}
                    </button>
                  </li>`,
              )}
            </ul>`
      }
      ${
        maskable.length > 0
          ? html`<form
              @submit=${(event: SubmitEvent) => {
                event.preventDefault();
                const id = this.maskChoice;
                // Only a document offered now (the list may have changed under the choice).
                if (!id || !maskable.some((d) => d.id === id)) return;
                void this.mask(id).then((done) => {
                  if (done && this.maskChoice === id) this.maskChoice = '';
                });
              }}
            >
              <label
                >${m.chooseDocument}
                <select
                  @change=${(event: Event) => {
                    this.maskChoice = (event.target as HTMLSelectElement).value;
                  }}
                >
                  <!-- Selected option by option: the options may be rendered after the select. -->
                  <option value="" .selected=${live(choice === '')}>${m.chooseNone}</option>
                  ${maskable.map((d) => {
                    const title = documentTitle(d) ?? m.untitled;
                    return html`<option value=${d.id ?? ''} .selected=${live(d.id === choice)}>
                      ${title}
                    </option>`;
                  })}
                </select>
              </label>
              <button class="secondary" type="submit">${m.mask}</button>
            </form>`
          : nothing
      }
    </section>`;
  }

  #renderEmergency() {
    const m = this.#messages;
    const allowed = this.#rights.summary?.breakTheGlass === 'allowed';
    const set = (value: boolean) => () =>
      void this.#consent({ target: 'break-glass', allowed: value });
    return html`<section part="emergency" aria-labelledby="emergency">
      <h3 id="emergency">${m.emergency}</h3>
      <p class="help" id="emergency-help">${m.emergencyHelp}</p>
      <fieldset class="choice" aria-describedby="emergency-help">
        <legend class="visually-hidden">${m.emergency}</legend>
        <label class="radio"
          ><input
            type="radio"
            name="break-glass"
            .checked=${live(allowed)}
            @change=${set(true)}
          />${m.emergencyAllow}</label
        >
        <label class="radio"
          ><input
            type="radio"
            name="break-glass"
            .checked=${live(!allowed)}
            @change=${set(false)}
          />${m.emergencyRefuse}</label
        >
      </fieldset>
      <p class="help">${m.emergencyRefuseHelp}</p>
    </section>`;
  }

  #renderOpenClose() {
    const m = this.#messages;
    const open = this.#rights.summary?.open ?? true;
    return html`<section part="open-close" aria-labelledby="open-close">
      <h3 id="open-close">${m.openClose}</h3>
      <p><strong>${open ? m.openState : m.closedState}</strong></p>
      <p class="help">${open ? m.closeHelp : m.reopenHelp}</p>
      ${
        open
          ? html`<button class="danger" type="button" id="close-button" @click=${this.#openDialog}>
              ${m.closeButton}
            </button>`
          : html`<button
              class="action"
              type="button"
              id="reopen-button"
              @click=${() => void this.#consent({ target: 'open', open: true })}
            >
              ${m.reopenButton}
            </button>`
      }
      <dialog
        id="close-dialog"
        part="dialog"
        aria-labelledby="close-title"
        @close=${this.#onDialogClose}
      >
        ${
          this.confirming
            ? html`<form @submit=${this.#onConfirm} novalidate>
                <h3 id="close-title">${m.closeDialog}</h3>
                <p>${m.closeHelp}</p>
                <label
                  >${m.confirmLabel(m.confirmWord)}
                  <input
                    name="word"
                    autocomplete="off"
                    autofocus
                    aria-invalid=${this.confirmInvalid ? 'true' : 'false'}
                    aria-describedby="confirm-error"
                    .value=${this.closeWord}
                    @input=${(event: Event) => {
                      this.closeWord = (event.target as HTMLInputElement).value;
                      this.confirmInvalid = false;
                    }}
                /></label>
                <p id="confirm-error" class="invalid">
                  ${this.confirmInvalid ? m.confirmWrong(m.confirmWord) : nothing}
                </p>
                <div class="commands">
                  <button class="danger" type="submit">${m.confirmClose}</button>
                  <button
                    class="secondary"
                    type="button"
                    @click=${() => {
                      this.dialog?.close();
                    }}
                  >
                    ${m.cancel}
                  </button>
                </div>
              </form>`
            : nothing
        }
      </dialog>
    </section>`;
  }

  readonly #openDialog = async () => {
    this.confirming = true;
    this.confirmInvalid = false;
    this.#shownDialog = undefined;
    // Opened by `updated`, with the word typed before, if any.
    this.requestUpdate();
    await this.updateComplete;
  };

  readonly #onDialogClose = async (event: Event) => {
    // A dialog no longer on the page (the panel rendered anew) closes nothing: its successor
    // is open.
    if (event.target !== this.dialog) return;
    this.confirming = false;
    this.confirmInvalid = false;
    this.closeWord = '';
    await this.updateComplete;
    // Focus goes back to where the user was: the close button, or the reopen button that
    // replaced it once the DSP is closed.
    this.renderRoot.querySelector<HTMLElement>('#close-button, #reopen-button')?.focus();
  };

  readonly #onConfirm = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const word = textOf(new FormData(form).get('word'));
    this.closeWord = word;
    const m = this.#messages;
    if (word.trim().toLocaleUpperCase() !== m.confirmWord.toLocaleUpperCase()) {
      this.confirmInvalid = true;
      form.querySelector('input')?.focus();
      return;
    }
    const done = await this.#consent({ target: 'open', open: false });
    if (done) this.dialog?.close();
  };

  #renderOtherRules() {
    return renderOtherRules(this.#rights.otherRules, {
      m: this.#messages,
      nameOf: (reference, display) => this.#nameOf({ reference, ...(display ? { display } : {}) }),
      titleOf: (id) => this.#titleOf(id),
      formatDate: (date) => this.localize.formatDate(date),
    });
  }

  #renderAssistant() {
    const m = this.#messages;
    const state = this.#assistants.state;
    const pending = this.pending?.operation;
    const failure = this.assistantFailure;
    return renderAssistantSection({
      m,
      state,
      assistants: this.#assistants.assistants,
      saving: this.#assistants.saving,
      draft: this.assistantDraft,
      fieldErrors: this.assistantErrors,
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
              void this.#assistants.load(this.activeClient, this.#patientId || undefined);
            })
          : undefined,
      pendingRemoval: pending?.kind === 'remove-assistant' ? pending.assistant.id : undefined,
      delegate: this.#delegate,
      onRemove: (assistant) => void this.#onRemoveAssistant(assistant),
      onSubmit: this.#onAssistantSubmit,
      onInput: (field, value) => {
        this.assistantDraft = { ...this.assistantDraft, [field]: value };
        if (this.assistantErrors[field]) {
          this.assistantErrors = Object.fromEntries(
            Object.entries(this.assistantErrors).filter(([key]) => key !== field),
          );
        }
      },
    });
  }

  readonly #onAssistantSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    void this.#nameAssistant();
  };

  /**
   * Names the assistant the form says — its fields as they are now, kept as the draft —, checked
   * field by field before anything is sent; nothing entered is lost. The form's Try again comes
   * here too, so it sends what the user corrected.
   */
  async #nameAssistant(): Promise<void> {
    const form = this.renderRoot.querySelector<HTMLFormElement>('[part~="assistant-form"]');
    const input: AssistantInput = form ? assistantDraftOf(new FormData(form)) : this.assistantDraft;
    this.assistantDraft = input;
    const patient = this.#rights.patient;
    const problems = assistantProblems(input, {
      patientMatricule: patient ? matriculeOf(patient) : undefined,
    });
    const m = this.#messages;
    this.assistantErrors = Object.fromEntries(
      problems.map((p) => [p.field, problemMessage(p, m, input.matricule)]),
    );
    this.assistantFailure = undefined;
    const first = problems[0];
    if (first) {
      await this.updateComplete;
      this.renderRoot
        .querySelector<HTMLInputElement>(`[part~="assistant-form"] [name="${first.field}"]`)
        ?.focus();
      return;
    }
    if (await this.#submitAssistant(input))
      this.assistantDraft = afterNaming(this.assistantDraft, input);
  }

  /** A naming of the same person as the one that failed resumes it: it may have been done. */
  async #submitAssistant(input: AssistantInput): Promise<boolean> {
    this.assistantFailure = undefined;
    const done = await this.#run(
      resumed({ kind: 'add-assistant', input }, this.#failedNaming),
      false,
      true,
    );
    if (done) this.#failedNaming = undefined;
    return done;
  }

  /** Withdraws an assistant; the assistant signed in is asked first, since they cannot undo it. */
  async #onRemoveAssistant(assistant: DspAssistant): Promise<void> {
    if (
      assistant.id === this.#delegate &&
      !(await this.#confirm({ kind: 'withdraw-self', name: assistant.name }))
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
