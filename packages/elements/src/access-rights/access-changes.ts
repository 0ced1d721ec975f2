// The access-rights panel's changes on one patient's record, through one client: each operation
// run, its outcome said (notice, undo, a failure kept pending with a retry). The panel makes one
// per (client, patient) and drops it on a change, aborting what it has in flight: a late answer
// lands on a dropped object and never shows on another record.
import { DspAuthError, DspHttpError, DspValidationError } from '@dsp-kit/fhir/errors';
import type { AccessSummary, DspAssistant, DspClient } from '@dsp-kit/fhir';
import type { Reference } from '@medplum/fhirtypes';
import { errorDetail } from '../base/error-message.js';
import { DspErrorEvent } from '../events.js';
import type { AccessRightsController } from './access-rights.controller.js';
import {
  DspAccessChangedEvent,
  DspRequestAddAssistantEvent,
  DspRequestRemoveAssistantEvent,
} from './access-rights.events.js';
import type { AccessRightsMessages } from './access-rights.messages.js';
import type { AssistantsController, Saving } from './assistants.controller.js';
import type { Confirmation } from './confirm-dialog.js';
import { saveEdit, type ApplyResult, type ConsentVersion } from './consent-save.js';
import {
  actorStatus,
  changeOf,
  inverseOf,
  isExtended,
  isGrant,
  isInEffect,
  type AccessEdit,
  type ActorStatus,
} from './edits.js';
import { intentFor } from './intents.js';
import { isRetryable, resumed, settles, stamped, type Operation } from './operations.js';

/** A professional's reference, as the Consent names them. */
const PROFESSIONAL = /^(Practitioner|PractitionerRole)\/[A-Za-z0-9\-.]{1,64}$/;

/** How long the undo button stays offered after a change. */
const UNDO_MS = 15_000;

export interface Notice {
  readonly lines: readonly string[];
  readonly meanwhile: readonly string[];
  readonly error?: unknown;
  readonly undo?: Operation;
}

/** A change that could not be saved (no answer, server failing): kept, with a retry. */
export interface Pending {
  readonly operation: Operation;
  readonly description: string;
  readonly error: unknown;
}

/** What the changes need of the panel. */
export interface ChangesContext {
  /** The panel: events go out from it, and it renders anew when something changes. */
  readonly host: EventTarget & { requestUpdate(): void };
  readonly client: DspClient | undefined;
  readonly patientId: string;
  readonly rights: AccessRightsController;
  readonly assistants: AssistantsController;
  /** The panel's words, as said to whoever is signed in. */
  words(): AccessRightsMessages;
  /** A change said in words, against what the Consent said before it. */
  describe(edit: AccessEdit, before: AccessSummary): string;
  nameOf(actor: Reference): string;
  /** The id of the DSP assistant signed in, when it is one. */
  delegate(): string | undefined;
  /** Asks the user before a step they cannot simply undo. */
  confirm(asking: Confirmation): Promise<boolean>;
}

export class AccessChanges {
  notice: Notice | undefined;
  pending: Pending | undefined;
  /** The assistant signed in withdrew themselves: the server no longer lets them in. */
  withdrawnSelf = false;
  /** A naming from the form that failed, said in the form (which keeps what was entered). */
  assistantFailure: { error: unknown; operation: Operation } | undefined;
  /** What is being saved: the panel's commands of the same kind wait. */
  readonly saving = { consent: false, assistant: false };

  readonly #abort = new AbortController();
  #undoTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * The naming that failed last, until a naming succeeds: naming the same person again resumes it
   * (it may have been done, its answer lost), even after the form's messages were replaced.
   */
  #failedNaming: Operation | undefined;

  constructor(private readonly context: ChangesContext) {}

  get client(): DspClient | undefined {
    return this.context.client;
  }

  get patientId(): string {
    return this.context.patientId;
  }

  /** The panel shows another record: what is in flight is aborted, and nothing of it shows. */
  drop(): void {
    this.#abort.abort();
    this.stopTimers();
  }

  /** The panel left the page: the undo stays offered (no timer runs for a panel not shown). */
  stopTimers(): void {
    clearTimeout(this.#undoTimer);
  }

  #dropped(): boolean {
    return this.#abort.signal.aborted;
  }

  /**
   * Runs one operation and reports a failure: one worth retrying stays pending with a retry, any
   * other is said in the notice (a naming from the form is reported in the form, which keeps what
   * was entered). Resolves to whether the change is in effect.
   */
  async run(asked: Operation, undoing = false, fromForm = false): Promise<boolean> {
    // Asking again for the change left pending resumes it: its first attempt may have been done.
    const operation = resumed(asked, this.pending?.operation);
    const { rights, assistants, host } = this.context;
    const shown = { summary: rights.summary, assistants: assistants.assistants };
    try {
      const done = await this.#perform(operation, undoing);
      if (this.#dropped()) return false;
      if (done && this.pending && settles(operation, this.pending.operation))
        this.pending = undefined;
      return done;
    } catch (error) {
      if (this.#dropped()) return false;
      if (this.#withdrawalLanded(operation, error)) return this.#withdrewSelf(operation);
      host.dispatchEvent(new DspErrorEvent(errorDetail(error)));
      const kept = stamped(operation, shown);
      if (fromForm && operation.kind === 'add-assistant') {
        this.assistantFailure = { error, operation: kept };
        this.#failedNaming = kept;
      } else if (isRetryable(error)) {
        this.pending = { operation: kept, description: this.#describeOperation(kept), error };
      } else {
        this.notify({ lines: [], meanwhile: [], error });
      }
      return false;
    } finally {
      host.requestUpdate();
    }
  }

  /**
   * The edit a change of a professional's status asked through the API makes: a malformed
   * reference is refused with a clear message before anything is sent (false); `onlyFrom` lists
   * the statuses the change applies to (unblocking someone not blocked is already done: true);
   * `extended`, for a grant, its level (left out: the level the professional's grant has now).
   */
  actorEdit(
    actorId: unknown,
    status: ActorStatus,
    onlyFrom: ActorStatus[],
    extended?: boolean,
  ): AccessEdit | boolean {
    const reference = typeof actorId === 'string' ? actorId.trim() : '';
    if (!PROFESSIONAL.test(reference)) {
      const message = this.context.words().invalidActor(reference || '—');
      const error = new DspValidationError(message, 'actorId');
      this.notify({ lines: [], meanwhile: [], error });
      this.context.host.dispatchEvent(new DspErrorEvent(errorDetail(error)));
      return false;
    }
    const summary = this.context.rights.summary;
    if (summary && onlyFrom.length > 0 && !onlyFrom.includes(actorStatus(summary, reference)))
      return true;
    if (!isGrant(status)) return { target: 'actor', actorId: reference, status };
    // A grant keeps its level unless one is asked for.
    const level = extended ?? (summary ? isExtended(summary, reference) : false);
    return { target: 'actor', actorId: reference, status, extended: level };
  }

  /** Names an assistant from the form: the same person as a failed naming resumes it. */
  async name(operation: Extract<Operation, { kind: 'add-assistant' }>): Promise<boolean> {
    this.assistantFailure = undefined;
    const done = await this.run(resumed(operation, this.#failedNaming), false, true);
    if (done) this.#failedNaming = undefined;
    return done;
  }

  /** The user closed the notice. */
  dismiss(): void {
    this.notice = undefined;
    this.context.host.requestUpdate();
  }

  /** The user gave up the change left pending. */
  discard(): void {
    this.pending = undefined;
    this.context.host.requestUpdate();
  }

  notify(notice: Notice): void {
    clearTimeout(this.#undoTimer);
    this.notice = notice;
    if (notice.undo) {
      // The undo is short-lived: after a while the change is simply the new state.
      this.#undoTimer = setTimeout(() => {
        if (this.notice !== notice) return;
        this.notice = { ...notice, undo: undefined };
        this.context.host.requestUpdate();
      }, UNDO_MS);
    }
    this.context.host.requestUpdate();
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
    if (operation.assistant.id !== this.context.delegate()) return false;
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
    const m = this.context.words();
    if (operation.kind === 'add-assistant') {
      const { given, family } = operation.input;
      return m.changes['add-assistant'](`${given.trim()} ${family.trim()}`);
    }
    if (operation.kind === 'remove-assistant')
      return operation.assistant.id === this.context.delegate()
        ? m.selfWithdrawn
        : m.changes['remove-assistant'](operation.assistant.name);
    if (operation.kind === 'restore-assistant')
      return m.changes['add-assistant'](operation.assistant.name);
    const summary = this.context.rights.summary;
    return summary ? this.context.describe(operation.edit, summary) : '';
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
    const { client, patientId, rights, host } = this.context;
    const before = rights.summary;
    const version = rights.version;
    if (!client || !before || !version || this.saving.consent) return false;
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
      !(await this.context.confirm({
        kind: 'block-referent',
        name: this.context.nameOf(before.referent),
      }))
    )
      return false;
    const blocked = edit.target === 'actor' && actorStatus(before, edit.actorId) === 'blocked';
    if (this.#dropped() || !host.dispatchEvent(intentFor(edit, patientId, blocked))) return false;
    const accept = (saved: ConsentVersion) => {
      if (!this.#dropped()) rights.accept([client, patientId], saved);
    };
    let result: ApplyResult;
    try {
      result = await this.#saving('consent', () =>
        saveEdit(client, version, edit, accept, this.#abort.signal),
      );
    } finally {
      // Professionals the saved Consent names anew are looked up, on the record still shown.
      if (!this.#dropped()) void rights.resolvePeople(client).catch(() => undefined);
    }
    if (this.#dropped()) return false;
    // What the change is said against: the Consent it was saved on, else what the user saw.
    const basis = result.saved ? result.before : (from ?? before);
    this.#changed(edit, basis, undoing, {
      retried: from !== undefined,
      saved: result.saved,
      // Said against what the user saw: the Consent saved on already has them.
      meanwhile: result.meanwhile.map((e) => this.context.describe(e, before)),
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
    const m = this.context.words();
    this.context.host.dispatchEvent(
      new DspAccessChangedEvent({
        patientId: this.context.patientId,
        change: changeOf(edit, basis),
        ...(edit.target === 'actor' ? { actorId: edit.actorId } : {}),
        ...(edit.target === 'actor' && isGrant(edit.status)
          ? { extended: edit.extended === true }
          : {}),
        ...(edit.target === 'document' ? { documentId: edit.documentId } : {}),
      }),
    );
    const meanwhile = how.meanwhile ?? [];
    const lines = [undoing ? m.undone : this.context.describe(edit, basis)];
    if (meanwhile.length > 0) lines.push(how.saved ? m.reapplied : m.alreadyDone);
    const ours = how.saved === true || how.retried;
    this.notify({
      lines,
      meanwhile,
      ...(!undoing && ours ? { undo: { kind: 'consent', edit: inverseOf(edit, basis) } } : {}),
    });
  }

  /** The record an assistant change is saved on, when there is one and nothing else is saving. */
  get #assistantSave(): Saving | undefined {
    const { client, patientId } = this.context;
    if (!client || !patientId || this.saving.assistant) return undefined;
    return { client, patientId, signal: this.#abort.signal };
  }

  async #addAssistant(
    operation: Extract<Operation, { kind: 'add-assistant' }>,
    undoing: boolean,
  ): Promise<boolean> {
    const save = this.#assistantSave;
    if (!save) return false;
    const { host, patientId, assistants } = this.context;
    if (!host.dispatchEvent(new DspRequestAddAssistantEvent({ patientId }))) return false;
    const result = await this.#saving('assistant', () => assistants.add(save, operation.input));
    if (this.#dropped()) return false;
    const { assistant } = result;
    // On a retry, whether they were listed when first asked: the lost attempt may have named them.
    const added = operation.known === undefined ? result.added : !operation.known;
    const m = this.context.words();
    if (added) {
      host.dispatchEvent(
        new DspAccessChangedEvent({
          patientId,
          change: 'add-assistant',
          assistantId: assistant.id,
        }),
      );
    }
    this.notify({
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
    const save = this.#assistantSave;
    if (!save) return false;
    const { host, patientId, assistants } = this.context;
    const intent = new DspRequestRemoveAssistantEvent({ patientId, assistantId: assistant.id });
    if (!host.dispatchEvent(intent)) return false;
    await this.#saving('assistant', () => assistants.remove(save, assistant.id));
    if (this.#dropped()) return false;
    if (assistant.id === this.context.delegate())
      return this.#withdrewSelf({ kind: 'remove-assistant', assistant });
    host.dispatchEvent(
      new DspAccessChangedEvent({
        patientId,
        change: 'remove-assistant',
        assistantId: assistant.id,
      }),
    );
    const m = this.context.words();
    this.notify({
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
    this.context.host.dispatchEvent(
      new DspAccessChangedEvent({
        patientId: this.context.patientId,
        change: 'remove-assistant',
        assistantId: assistant.id,
      }),
    );
    if (this.pending && settles(operation, this.pending.operation)) this.pending = undefined;
    this.withdrawnSelf = true;
    this.notify({ lines: [this.context.words().selfWithdrawn], meanwhile: [] });
    return true;
  }

  /** The undo of a removal: the same record, active again. */
  async #restoreAssistant(assistant: DspAssistant): Promise<boolean> {
    const save = this.#assistantSave;
    if (!save) return false;
    const { host, patientId, assistants } = this.context;
    if (!host.dispatchEvent(new DspRequestAddAssistantEvent({ patientId }))) return false;
    await this.#saving('assistant', () => assistants.restore(save, assistant.id));
    if (this.#dropped()) return false;
    host.dispatchEvent(
      new DspAccessChangedEvent({ patientId, change: 'add-assistant', assistantId: assistant.id }),
    );
    this.notify({ lines: [this.context.words().undone], meanwhile: [] });
    return true;
  }

  async #saving<T>(what: 'consent' | 'assistant', work: () => Promise<T>): Promise<T> {
    this.saving[what] = true;
    this.context.host.requestUpdate();
    try {
      return await work();
    } finally {
      this.saving[what] = false;
      this.context.host.requestUpdate();
    }
  }
}
