// The access-rights panel's data: the patient's Consent (with its ETag), the patient, who the
// professionals named in it are and the titles of the documents; and each edit, saved with
// If-Match and re-applied on top of a concurrent change rather than overwriting it.
import {
  blockProfessional,
  closeDsp,
  DspConflictError,
  DspHttpError,
  grantAccess,
  maskDocument,
  reopenDsp,
  revokeAccess,
  setBreakTheGlass,
  unblockProfessional,
  unmaskDocument,
  type AccessSummary,
  type Consent,
  type DirectoryEntry,
  type DocumentReference,
  type DspClient,
  type Patient,
  type Practitioner,
} from '@dsp-kit/fhir';
import type { ConsentProvision } from '@medplum/fhirtypes';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { MissingClientError } from '../base/error-message.js';
import type { DspAccessChange } from './access-rights.events.js';
import { sameTarget } from './operations.js';
import { ownAccessOf, type OwnAccess, type SearchOutcome } from './own-access.js';
import { baseConditions, keepingOthers, summaryOf, unknownRules } from './provisions.js';

/** Where a professional stands in the Consent. */
export type ActorStatus = 'none' | 'blocked' | 'granted' | 'full';

/**
 * One change, said as the state wanted rather than as an operation, so that it can be applied
 * again on a Consent someone else changed meanwhile, and undone by wanting the earlier state.
 */
export type AccessEdit =
  | {
      readonly target: 'actor';
      readonly actorId: string;
      readonly display?: string;
      readonly status: ActorStatus;
    }
  | { readonly target: 'document'; readonly documentId: string; readonly masked: boolean }
  | { readonly target: 'break-glass'; readonly allowed: boolean }
  | { readonly target: 'open'; readonly open: boolean };

/** A professional as the panel shows them. */
export interface Person {
  readonly name: string;
  readonly profession?: string;
  /** FHIR `Practitioner.gender`: the profession is named in the feminine for a woman. */
  readonly gender?: string;
  readonly organization?: string;
}

export function actorStatus(summary: AccessSummary, actorId: string): ActorStatus {
  if (summary.blocked.some((a) => a.reference === actorId)) return 'blocked';
  const grant = summary.granted.find((g) => g.actor.reference === actorId);
  if (!grant) return 'none';
  return grant.full ? 'full' : 'granted';
}

/** Whether the Consent already says what the edit wants. */
export function isInEffect(summary: AccessSummary, edit: AccessEdit): boolean {
  switch (edit.target) {
    case 'actor':
      return actorStatus(summary, edit.actorId) === edit.status;
    case 'document':
      return summary.maskedDocuments.includes(edit.documentId) === edit.masked;
    case 'break-glass':
      return (summary.breakTheGlass === 'allowed') === edit.allowed;
    case 'open':
      return summary.open === edit.open;
  }
}

/**
 * The edit applied to a Consent, through @dsp-kit/fhir's pure helpers, leaving the rules the
 * panel does not understand as they are.
 */
export function applyEdit(consent: Consent, edit: AccessEdit): Consent {
  return keepingOthers(consent, (known) => applyKnown(known, edit));
}

function applyKnown(consent: Consent, edit: AccessEdit): Consent {
  switch (edit.target) {
    case 'actor': {
      const actor = { reference: edit.actorId, ...(edit.display ? { display: edit.display } : {}) };
      if (edit.status === 'blocked') return blockProfessional(consent, actor);
      if (edit.status === 'granted') return grantAccess(consent, actor);
      if (edit.status === 'full') return grantAccess(consent, actor, { full: true });
      return revokeAccess(unblockProfessional(consent, actor), actor);
    }
    case 'document':
      return edit.masked
        ? maskDocument(consent, edit.documentId)
        : unmaskDocument(consent, edit.documentId);
    case 'break-glass':
      return setBreakTheGlass(consent, edit.allowed);
    case 'open':
      return edit.open ? reopenDsp(consent) : closeDsp(consent);
  }
}

/** The edit that brings back what `before` said about the same thing. */
export function inverseOf(edit: AccessEdit, before: AccessSummary): AccessEdit {
  switch (edit.target) {
    case 'actor':
      return { ...edit, status: actorStatus(before, edit.actorId) };
    case 'document':
      return { ...edit, masked: before.maskedDocuments.includes(edit.documentId) };
    case 'break-glass':
      return { target: 'break-glass', allowed: before.breakTheGlass === 'allowed' };
    case 'open':
      return { target: 'open', open: before.open };
  }
}

/** The name of a change for `dsp-access-changed`, given what was there before. */
export function changeOf(edit: AccessEdit, before: AccessSummary): DspAccessChange {
  switch (edit.target) {
    case 'actor': {
      if (edit.status === 'blocked') return 'block';
      if (edit.status === 'granted') return 'grant';
      if (edit.status === 'full') return 'grant-full';
      return actorStatus(before, edit.actorId) === 'blocked' ? 'unblock' : 'revoke';
    }
    case 'document':
      return edit.masked ? 'mask' : 'unmask';
    case 'break-glass':
      return edit.allowed ? 'break-glass-allowed' : 'break-glass-refused';
    case 'open':
      return edit.open ? 'reopen' : 'close';
  }
}

/** What differs between two readings of the Consent, as the edits that lead from one to the other. */
export function differences(before: AccessSummary, after: AccessSummary): AccessEdit[] {
  const found: AccessEdit[] = [];
  const actors = new Set(
    [...before.blocked, ...after.blocked, ...before.granted.map((g) => g.actor)]
      .concat(after.granted.map((g) => g.actor))
      .flatMap((a) => (a.reference ? [a.reference] : [])),
  );
  for (const actorId of actors) {
    const status = actorStatus(after, actorId);
    if (status !== actorStatus(before, actorId)) found.push({ target: 'actor', actorId, status });
  }
  for (const documentId of new Set([...before.maskedDocuments, ...after.maskedDocuments])) {
    const masked = after.maskedDocuments.includes(documentId);
    if (masked !== before.maskedDocuments.includes(documentId))
      found.push({ target: 'document', documentId, masked });
  }
  if (before.breakTheGlass !== after.breakTheGlass)
    found.push({ target: 'break-glass', allowed: after.breakTheGlass === 'allowed' });
  if (before.open !== after.open) found.push({ target: 'open', open: after.open });
  return found;
}

/** What `apply` did. */
export interface ApplyResult {
  /** False when the Consent already said so (someone made the same change meanwhile). */
  readonly saved: boolean;
  /** Changes someone else saved meanwhile (empty without a conflict). */
  readonly meanwhile: readonly AccessEdit[];
  /**
   * What the Consent said right before the save (when not saved: already with the edit in
   * effect, so the caller says the change against what the user saw).
   */
  readonly before: AccessSummary;
}

export type AccessRightsState =
  | { readonly status: 'idle' }
  | { readonly status: 'pending' }
  | { readonly status: 'ready' }
  /** The caller may not read the Consent (a professional): 403. */
  | {
      readonly status: 'read-only';
      readonly error: DspHttpError;
      /** The caller's own access to the record, once the server said it. */
      readonly own?: OwnAccess;
    }
  | { readonly status: 'error'; readonly error: unknown };

/** Conflicts in a row before giving up: each one means someone saved in between. */
const MAX_CONFLICTS = 3;

/** A person's name as the directory writes it (a practitioner's, or the patient's). */
export function personName(
  practitioner: Pick<Practitioner, 'name'> | undefined,
): string | undefined {
  const name = practitioner?.name?.[0];
  const text = [name?.prefix?.[0], name?.given?.[0], name?.family].filter(Boolean).join(' ');
  return text || undefined;
}

export function documentTitle(document: DocumentReference): string | undefined {
  return document.content[0]?.attachment.title ?? document.description;
}

export class AccessRightsController implements ReactiveController {
  state: AccessRightsState = { status: 'idle' };
  consent: Consent | undefined;
  etag: string | undefined;
  patient: Patient | undefined;
  documents: readonly DocumentReference[] = [];
  readonly people = new Map<string, Person>();
  /** True while a change is being saved: the panel's commands wait. */
  saving = false;

  #generation = 0;
  #load: AbortController | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  get summary(): AccessSummary | undefined {
    return this.consent ? summaryOf(this.consent, this.patient) : undefined;
  }

  /** The Consent's rules the panel does not understand: shown read-only, kept on every save. */
  get otherRules(): ConsentProvision[] {
    if (!this.consent) return [];
    const conditions = baseConditions(this.consent);
    return [...(conditions ? [conditions] : []), ...unknownRules(this.consent)];
  }

  hostConnected(): void {
    // Loading is started by the host when its client or patient changes.
  }

  hostDisconnected(): void {
    this.#load?.abort();
  }

  /** Loads the Consent, then (without failing for them) the patient, documents and names. */
  async load(client: DspClient | undefined, patientId: string | undefined): Promise<void> {
    this.#load?.abort();
    const generation = ++this.#generation;
    this.consent = this.patient = this.etag = undefined;
    this.documents = [];
    if (!patientId) {
      this.#set({ status: 'idle' });
      return;
    }
    if (!client) {
      this.#set({ status: 'error', error: new MissingClientError() });
      return;
    }
    const abort = (this.#load = new AbortController());
    const signal = abort.signal;
    this.#set({ status: 'pending' });
    // The documents name the masked ones; for a professional, the answer is their own access.
    const search: Promise<SearchOutcome> = client
      .searchDocuments({ patient: patientId, _count: 200 }, { signal })
      .then(
        (page) => ({ page }),
        (error: unknown) => ({ error }),
      );
    try {
      const [versioned, patient, outcome] = await Promise.all([
        client.getConsent(patientId, { signal }),
        client.readPatient(patientId, { signal }).catch(() => undefined),
        search,
      ]);
      const documents: readonly DocumentReference[] = 'page' in outcome ? outcome.page.entries : [];
      if (generation !== this.#generation) return;
      this.consent = versioned.consent;
      this.etag = versioned.etag;
      this.patient = patient;
      this.documents = documents;
      this.#set({ status: 'ready' });
      await this.#resolvePeople(client, signal);
    } catch (error) {
      if (generation !== this.#generation) return;
      if (error instanceof DspHttpError && error.status === 403) {
        const own = ownAccessOf(await search);
        if (generation === this.#generation) this.#set({ status: 'read-only', error, own });
      } else {
        this.#set({ status: 'error', error });
      }
    }
  }

  /** Remembers who the directory found, so the list can show them with profession and place. */
  remember(entries: readonly DirectoryEntry[]): void {
    for (const entry of entries) {
      const reference = entry.role.practitioner?.reference;
      if (!reference) continue;
      this.people.set(reference, {
        name: personName(entry.practitioner) ?? entry.role.practitioner?.display ?? reference,
        ...(entry.profession ? { profession: entry.profession } : {}),
        ...(entry.practitioner?.gender ? { gender: entry.practitioner.gender } : {}),
        ...(entry.organization?.name ? { organization: entry.organization.name } : {}),
      });
    }
  }

  /**
   * Saves one edit with If-Match. On a conflict, takes the server's current Consent, reports
   * what changed meanwhile, and applies the same edit to it again unless it is already in effect.
   */
  async apply(client: DspClient, edit: AccessEdit): Promise<ApplyResult> {
    const patientId = this.consent?.patient?.reference;
    if (!this.consent || !patientId) throw new Error('The Consent is not loaded');
    let base = this.consent;
    let etag = this.etag;
    const meanwhile: AccessEdit[] = [];
    this.saving = true;
    this.host.requestUpdate();
    try {
      for (let conflicts = 0; ; conflicts++) {
        const before = summaryOf(base);
        if (isInEffect(before, edit)) {
          this.#accept(base, etag);
          return { saved: false, meanwhile, before };
        }
        try {
          const saved = await client.saveConsent(applyEdit(base, edit), etag);
          this.#accept(saved.consent, saved.etag);
          return { saved: true, meanwhile, before };
        } catch (error) {
          if (!(error instanceof DspConflictError) || conflicts + 1 >= MAX_CONFLICTS) throw error;
          const current =
            error.current?.resourceType === 'Consent'
              ? { consent: error.current, etag: error.etag }
              : await client.getConsent(patientId);
          const now = summaryOf(current.consent);
          // A change of ours whose answer was lost is no one else's: it is not said as theirs.
          const ours = (d: AccessEdit) => sameTarget(d, edit) && isInEffect(now, edit);
          meanwhile.push(...differences(before, now).filter((d) => !ours(d)));
          base = current.consent;
          etag = current.etag;
          // Whatever happens next, the panel must show the server's version, not the stale one.
          this.#accept(base, etag);
        }
      }
    } finally {
      this.saving = false;
      this.host.requestUpdate();
      void this.#resolvePeople(client).catch(() => undefined);
    }
  }

  #accept(consent: Consent, etag: string | undefined): void {
    this.consent = consent;
    this.etag = etag;
    this.host.requestUpdate();
  }

  #set(state: AccessRightsState): void {
    this.state = state;
    this.host.requestUpdate();
  }

  /**
   * Finds profession and organisation of the professionals the Consent names: the directory is
   * searched by name (there is no read by id in the client), and the entry with the same
   * reference is kept.
   */
  async #resolvePeople(client: DspClient, signal?: AbortSignal): Promise<void> {
    const summary = this.summary;
    if (!summary) return;
    const actors = [
      ...summary.blocked,
      ...summary.granted.map((g) => g.actor),
      ...(summary.referent ? [summary.referent] : []),
    ];
    const missing = actors.filter(
      (a) => a.reference && this.people.get(a.reference)?.profession === undefined,
    );
    await Promise.all(
      missing.map(async (actor) => {
        const reference = actor.reference ?? '';
        const words = (actor.display ?? reference.split('/')[1]?.replace(/-/g, ' ') ?? '')
          .split(/\s+/)
          .filter(Boolean);
        const family = words[words.length - 1];
        if (!family) return;
        try {
          const entries = await client.searchPractitioners(family, { signal });
          this.remember(entries.filter((e) => e.role.practitioner?.reference === reference));
        } catch {
          // The names in the Consent are enough to act; profession and place are a bonus.
        }
      }),
    );
    this.host.requestUpdate();
  }
}
