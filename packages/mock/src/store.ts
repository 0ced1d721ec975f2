// The mock server's data: FHIR resources by type and id, each with its version history, and the
// indexes the searches and rules need (documents, consent and audit by patient; identifiers).
import type {
  AuditEvent,
  Consent,
  DocumentReference,
  PractitionerRole,
  Resource,
} from '@medplum/fhirtypes';

export type Stored<T extends Resource = Resource> = T & { id: string };

function patientIdOf(reference: string | undefined): string | undefined {
  return reference?.startsWith('Patient/') ? reference.slice('Patient/'.length) : undefined;
}

/** `system|value` of each identifier a resource can be found by (masterIdentifier included). */
function identifierKeys(resource: Resource): string[] {
  const identifiers: { system?: string; value?: string }[] = [];
  if (resource.resourceType === 'DocumentReference' && resource.masterIdentifier) {
    identifiers.push(resource.masterIdentifier);
  }
  if ('identifier' in resource && Array.isArray(resource.identifier)) {
    identifiers.push(...(resource.identifier as { system?: string; value?: string }[]));
  }
  return identifiers.flatMap((i) => (i.value ? [`${i.system ?? ''}|${i.value}`] : []));
}

/**
 * A version-4 UUID (122 random bits) from `crypto.getRandomValues`, which browsers give on any
 * page (`crypto.randomUUID` only in secure contexts, and a sandbox may be served over http).
 */
function randomUuid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

class Index<T> {
  readonly #map = new Map<string, T[]>();
  add(key: string | undefined, value: T): void {
    if (key === undefined) return;
    const list = this.#map.get(key);
    if (list) list.push(value);
    else this.#map.set(key, [value]);
  }
  remove(key: string | undefined, match: (value: T) => boolean): void {
    if (key === undefined) return;
    const list = this.#map.get(key)?.filter((v) => !match(v));
    if (list) this.#map.set(key, list);
  }
  get(key: string): readonly T[] {
    return this.#map.get(key) ?? [];
  }
  clear(): void {
    this.#map.clear();
  }
}

/**
 * An in-memory FHIR store. Every write keeps the previous version (`history`), stamps
 * `meta.versionId` and `meta.lastUpdated`, and updates the indexes. `reset()` returns it to the
 * data it was created with.
 */
export class DspStore {
  #initial: readonly Resource[];
  #byType = new Map<string, Map<string, Stored>>();
  #history = new Map<string, Stored[]>();
  #nextId = 1;
  readonly #documents = new Index<Stored<DocumentReference>>();
  readonly #consents = new Index<Stored<Consent>>();
  readonly #audit = new Index<Stored<AuditEvent>>();
  readonly #roles = new Index<Stored<PractitionerRole>>();
  readonly #identifiers = new Index<Stored>();
  readonly #binaryUsers = new Index<Stored<DocumentReference>>();
  /** Called after every write, e.g. to persist. */
  onChange: (() => void) | undefined;

  constructor(
    resources: readonly Resource[] = [],
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.#initial = resources;
    this.reset();
  }

  /** Back to the initial data; what was written since is gone. */
  reset(): void {
    this.load(this.#initial);
  }

  /** Replaces everything with `resources` (kept as they are: versions, ids). */
  load(resources: readonly Resource[]): void {
    this.#byType = new Map();
    this.#history = new Map();
    for (const index of [
      this.#documents,
      this.#consents,
      this.#audit,
      this.#roles,
      this.#identifiers,
      this.#binaryUsers,
    ]) {
      index.clear();
    }
    this.#nextId = 1;
    for (const resource of structuredClone(resources)) {
      if (!resource.id) throw new Error(`Cannot store a ${resource.resourceType} without id`);
      resource.meta = { ...resource.meta, versionId: resource.meta?.versionId ?? '1' };
      this.#set(resource as Stored, false);
    }
  }

  /** Every current resource, e.g. to persist. */
  all(): Stored[] {
    return [...this.#byType.values()].flatMap((byId) => [...byId.values()]);
  }

  /**
   * A fresh id for a resource the server creates. A Binary's is a random UUID: content is served
   * by id, so its id must not be guessed from another's (the rules still decide who reads it).
   */
  newId(type: string): string {
    if (type === 'Binary') return randomUuid();
    let id: string;
    do {
      id = `${type.toLowerCase()}-${String(this.#nextId++)}`;
    } while (this.#byType.get(type)?.has(id));
    return id;
  }

  /**
   * Writes a resource (creating its id when it has none) as a new version, and returns it as
   * stored. The argument is not kept: later changes to it do not reach the store.
   */
  put<T extends Resource>(resource: T): Stored<T> {
    const copy = structuredClone(resource);
    copy.id ??= this.newId(resource.resourceType);
    const stored = copy as Stored<T>;
    const previous = this.get(resource.resourceType, stored.id);
    const version = previous ? Number(previous.meta?.versionId ?? '1') + 1 : 1;
    stored.meta = {
      ...copy.meta,
      versionId: String(version),
      lastUpdated: this.clock().toISOString(),
    };
    this.#set(stored, true);
    this.onChange?.();
    return structuredClone(stored);
  }

  #set(resource: Stored, keepHistory: boolean): void {
    const { resourceType, id } = resource;
    let ofType = this.#byType.get(resourceType);
    if (!ofType) {
      ofType = new Map();
      this.#byType.set(resourceType, ofType);
    }
    const previous = ofType.get(id);
    if (previous) this.#unindex(previous);
    ofType.set(id, resource);
    const key = `${resourceType}/${id}`;
    const versions = keepHistory ? (this.#history.get(key) ?? (previous ? [previous] : [])) : [];
    versions.push(resource);
    this.#history.set(key, versions);
    this.#index(resource);
  }

  #index(resource: Stored): void {
    for (const key of identifierKeys(resource))
      this.#identifiers.add(`${resource.resourceType}:${key}`, resource);
    switch (resource.resourceType) {
      case 'DocumentReference':
        this.#documents.add(patientIdOf(resource.subject?.reference), resource);
        for (const content of resource.content)
          this.#binaryUsers.add(content.attachment.url, resource);
        break;
      case 'Consent':
        this.#consents.add(patientIdOf(resource.patient?.reference), resource);
        break;
      case 'AuditEvent':
        for (const entity of resource.entity ?? []) {
          this.#audit.add(patientIdOf(entity.what?.reference), resource);
        }
        break;
      case 'PractitionerRole':
        this.#roles.add(resource.practitioner?.reference, resource);
        break;
      default:
        break;
    }
  }

  #unindex(resource: Stored): void {
    const same = (other: Stored) => other.id === resource.id;
    for (const key of identifierKeys(resource))
      this.#identifiers.remove(`${resource.resourceType}:${key}`, same);
    switch (resource.resourceType) {
      case 'DocumentReference':
        this.#documents.remove(patientIdOf(resource.subject?.reference), same);
        for (const content of resource.content)
          this.#binaryUsers.remove(content.attachment.url, same);
        break;
      case 'Consent':
        this.#consents.remove(patientIdOf(resource.patient?.reference), same);
        break;
      case 'PractitionerRole':
        this.#roles.remove(resource.practitioner?.reference, same);
        break;
      default:
        break;
    }
  }

  get<T extends Resource>(resourceType: T['resourceType'], id: string): Stored<T> | undefined {
    return this.#byType.get(resourceType)?.get(id) as Stored<T> | undefined;
  }

  /** All current resources of a type (no copy: callers must not change them). */
  list<T extends Resource>(resourceType: T['resourceType']): readonly Stored<T>[] {
    return [...(this.#byType.get(resourceType)?.values() ?? [])] as Stored<T>[];
  }

  /** Every version of a resource, oldest first. */
  history(resourceType: string, id: string): readonly Stored[] {
    return this.#history.get(`${resourceType}/${id}`) ?? [];
  }

  documentsOf(patientId: string): readonly Stored<DocumentReference>[] {
    return this.#documents.get(patientId);
  }

  consentOf(patientId: string): Stored<Consent> | undefined {
    return this.#consents.get(patientId)[0];
  }

  auditOf(patientId: string): readonly Stored<AuditEvent>[] {
    return this.#audit.get(patientId);
  }

  rolesOf(practitionerReference: string): readonly Stored<PractitionerRole>[] {
    return this.#roles.get(practitionerReference);
  }

  /** The resources of a type carrying identifier `system|value`. */
  byIdentifier(resourceType: string, system: string, value: string): readonly Stored[] {
    return this.#identifiers.get(`${resourceType}:${system}|${value}`);
  }

  /** The DocumentReferences whose content is at `url` (e.g. `Binary/x`). */
  documentsWithContent(url: string): readonly Stored<DocumentReference>[] {
    return this.#binaryUsers.get(url);
  }
}
