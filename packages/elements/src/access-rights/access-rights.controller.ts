// The access-rights panel's data, loaded per (client, patient) with a Task: the patient's Consent
// (with its ETag), the patient, who the professionals named in it are and the titles of the
// documents. A saved version replaces the loaded one only while the panel still shows its record.
import { DspHttpError } from '@dsp-kit/fhir/errors';
import type {
  AccessSummary,
  Consent,
  DirectoryEntry,
  DocumentReference,
  DspClient,
  Patient,
  Practitioner,
} from '@dsp-kit/fhir';
import type { ConsentProvision } from '@medplum/fhirtypes';
import { Task, TaskStatus } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import { MissingClientError } from '../base/error-message.js';
import type { ConsentVersion } from './consent-save.js';
import { ownAccessOf, type OwnAccess, type SearchOutcome } from './own-access.js';
import { baseConditions, summaryOf, unknownRules } from './provisions.js';

/** A professional as the panel shows them. */
export interface Person {
  readonly name: string;
  readonly profession?: string;
  /** FHIR `Practitioner.gender`: the profession is named in the feminine for a woman. */
  readonly gender?: string;
  readonly organization?: string;
}

/** Whose record a load or a save is about: the client and the patient's id. */
export type RecordKey = readonly [DspClient | undefined, string | undefined];

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

/** What a load found: the record, or what a professional may know of it. */
type Loaded =
  | {
      readonly status: 'ready';
      readonly version: ConsentVersion;
      readonly patient: Patient | undefined;
      readonly documents: readonly DocumentReference[];
    }
  | { readonly status: 'read-only'; readonly error: DspHttpError; readonly own?: OwnAccess };

export class AccessRightsController {
  readonly task: Task<RecordKey, Loaded | undefined>;
  readonly people = new Map<string, Person>();
  /** A version saved since the load, for the record it was saved on. */
  #saved: { readonly key: RecordKey; readonly version: ConsentVersion } | undefined;
  /** The record of the last load started: only saves on it are shown. */
  #key: RecordKey = [undefined, undefined];

  constructor(
    private readonly host: ReactiveControllerHost,
    args: () => RecordKey,
  ) {
    this.task = new Task(host, {
      args,
      task: (key, { signal }) => this.#load(key, signal),
    });
  }

  get state(): AccessRightsState {
    const { task } = this;
    if (task.status === TaskStatus.PENDING) return { status: 'pending' };
    if (task.status === TaskStatus.ERROR) return { status: 'error', error: task.error };
    const loaded = task.value;
    if (task.status !== TaskStatus.COMPLETE || !loaded) return { status: 'idle' };
    return loaded.status === 'ready' ? { status: 'ready' } : loaded;
  }

  /** The Consent as last read or saved, while the panel shows the record it belongs to. */
  get version(): ConsentVersion | undefined {
    const loaded = this.#ready;
    if (!loaded) return undefined;
    const saved = this.#saved;
    return saved && sameKey(saved.key, this.#key) ? saved.version : loaded.version;
  }

  get consent(): Consent | undefined {
    return this.version?.consent;
  }

  get patient(): Patient | undefined {
    return this.#ready?.patient;
  }

  get documents(): readonly DocumentReference[] {
    return this.#ready?.documents ?? [];
  }

  get summary(): AccessSummary | undefined {
    const consent = this.consent;
    return consent ? summaryOf(consent, this.patient) : undefined;
  }

  /** The Consent's rules the panel does not understand: shown read-only, kept on every save. */
  get otherRules(): ConsentProvision[] {
    if (!this.consent) return [];
    const conditions = baseConditions(this.consent);
    return [...(conditions ? [conditions] : []), ...unknownRules(this.consent)];
  }

  /** Loads again, with the same client and patient. */
  refresh(): void {
    void this.task.run();
  }

  /**
   * A version of the Consent the server gave to a save made on `key`'s record: shown while the
   * panel still shows that record, dropped otherwise.
   */
  accept(key: RecordKey, version: ConsentVersion): void {
    if (!sameKey(key, this.#key) || !this.#ready) return;
    this.#saved = { key, version };
    this.host.requestUpdate();
  }

  get #ready() {
    const loaded = this.task.status === TaskStatus.COMPLETE ? this.task.value : undefined;
    return loaded?.status === 'ready' ? loaded : undefined;
  }

  /** Loads the Consent, then (without failing for them) the patient, documents and names. */
  async #load(key: RecordKey, signal: AbortSignal): Promise<Loaded | undefined> {
    this.#key = key;
    this.#saved = undefined;
    const [client, patientId] = key;
    if (!patientId) return undefined;
    if (!client) throw new MissingClientError();
    // The documents name the masked ones; for a professional, the answer is their own access.
    const search: Promise<SearchOutcome> = client
      .searchDocuments({ patient: patientId, _count: 200 }, { signal })
      .then(
        (page) => ({ page }),
        (error: unknown) => ({ error }),
      );
    try {
      const [version, read, outcome] = await Promise.all([
        client.getConsent(patientId, { signal }),
        client.readPatient(patientId, { signal }).catch(() => undefined),
        search,
      ]);
      const documents = 'page' in outcome ? outcome.page.entries : [];
      const loaded = { status: 'ready', version, patient: read, documents } as const;
      void this.resolvePeople(client, summaryOf(version.consent, read), signal);
      return loaded;
    } catch (error) {
      if (!(error instanceof DspHttpError && error.status === 403)) throw error;
      return { status: 'read-only', error, own: ownAccessOf(await search) };
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
   * Finds profession and organisation of the professionals the Consent names: the directory is
   * searched by name (there is no read by id in the client), and the entry with the same
   * reference is kept. What is found is about the professionals, whichever record named them.
   */
  async resolvePeople(
    client: DspClient,
    summary: AccessSummary | undefined = this.summary,
    signal?: AbortSignal,
  ): Promise<void> {
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

export function sameKey(a: RecordKey, b: RecordKey | undefined): boolean {
  return b !== undefined && a[0] === b[0] && a[1] === b[1];
}
