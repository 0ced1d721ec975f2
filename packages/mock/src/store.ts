// The mock server's data: FHIR resources by type and id, with the index the searches need.
import type { DocumentReference, Resource } from '@medplum/fhirtypes';

type Stored = Resource & { id: string };

/** An in-memory FHIR store. `reset()` returns it to the data it was created with. */
export class DspStore {
  readonly #initial: readonly Resource[];
  #byType = new Map<string, Map<string, Stored>>();
  #documentsByPatient = new Map<string, DocumentReference[]>();

  constructor(resources: readonly Resource[] = []) {
    this.#initial = structuredClone(resources);
    this.reset();
  }

  /** Back to the initial data; resources added since are gone. */
  reset(): void {
    this.#byType = new Map();
    this.#documentsByPatient = new Map();
    for (const resource of structuredClone(this.#initial)) this.put(resource);
  }

  /** Adds or replaces a resource (it must have an id). */
  put(resource: Resource): void {
    const { id } = resource;
    if (!id) throw new Error(`Cannot store a ${resource.resourceType} without id`);
    let ofType = this.#byType.get(resource.resourceType);
    if (!ofType) {
      ofType = new Map();
      this.#byType.set(resource.resourceType, ofType);
    }
    const previous = ofType.get(id);
    ofType.set(id, resource as Stored);
    if (resource.resourceType === 'DocumentReference') {
      if (previous) this.#unindexDocument(previous as DocumentReference);
      this.#indexDocument(resource);
    }
  }

  get<T extends Resource>(resourceType: T['resourceType'], id: string): T | undefined {
    return this.#byType.get(resourceType)?.get(id) as T | undefined;
  }

  /** Every DocumentReference whose subject is `Patient/<patientId>`. */
  documentsOf(patientId: string): readonly DocumentReference[] {
    return this.#documentsByPatient.get(patientId) ?? [];
  }

  #indexDocument(document: DocumentReference): void {
    const patient = patientIdOf(document);
    if (patient === undefined) return;
    const list = this.#documentsByPatient.get(patient) ?? [];
    list.push(document);
    this.#documentsByPatient.set(patient, list);
  }

  #unindexDocument(document: DocumentReference): void {
    const patient = patientIdOf(document);
    if (patient === undefined) return;
    const list = this.#documentsByPatient.get(patient)?.filter((d) => d.id !== document.id);
    if (list) this.#documentsByPatient.set(patient, list);
  }
}

function patientIdOf(document: DocumentReference): string | undefined {
  const reference = document.subject?.reference;
  return reference?.startsWith('Patient/') ? reference.slice('Patient/'.length) : undefined;
}
