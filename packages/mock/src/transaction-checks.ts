// Checks an ITI-65 transaction as a whole before anything of it is applied: creates, and the
// PATCHes superseding the documents it replaces; each Binary the content of exactly one document
// of the bundle, the document's metadata, content type, size and hash, an author who is the
// caller, one patient the caller may write to, the replaced documents, and the identifiers found
// again within that patient. Every fault becomes an issue naming its entry.
import { DSP_CONTENT_TYPES, DSP_SECURITY_SYSTEM, documentTypeOf, sha1Base64 } from '@dsp-kit/fhir';
import type {
  Binary,
  Bundle,
  BundleEntry,
  DocumentReference,
  List,
  Patient,
  Reference,
} from '@medplum/fhirtypes';
import { isAuthoredBy } from './authors.js';
import { decodeBase64 } from './base64.js';
import { FhirFailure, type Issue } from './fhir-http.js';
import type { Caller } from './identity.js';
import { pairReplacements, type PlannedPatch, type Replacement } from './replacements.js';
import type { DspStore, Stored } from './store.js';

const SUBMISSION_SET = {
  system: 'https://profiles.ihe.net/ITI/MHD/CodeSystem/MHDlistTypes',
  code: 'submissionset',
};
const UUID_URN = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ACCEPTED = ['List', 'DocumentReference', 'Binary'] as const;
type Accepted = List | DocumentReference | Binary;

export interface TransactionRules {
  /** Largest document, in bytes. */
  maxSize: number;
  /** May the caller add documents to this patient's DSP? A refusal text, or undefined. */
  mayWrite: (patient: Patient & { id: string }) => string | undefined;
  /** May the caller read this document (one found again, or one replaced)? */
  mayRead: (document: Stored<DocumentReference>) => boolean;
  /** May the caller replace this document, which they may read? A refusal text, or undefined. */
  mayReplace: (document: Stored<DocumentReference>) => string | undefined;
}

/** An entry to create, with where it is in the bundle. */
export interface PlannedEntry<T extends Accepted = Accepted> {
  readonly index: number;
  readonly fullUrl: string;
  readonly resource: T;
}

/** A document of the bundle: its content, and the document it turned out to be already, if any. */
export interface PlannedDocument extends PlannedEntry<DocumentReference> {
  readonly binary: PlannedEntry<Binary>;
  readonly existing: Stored<DocumentReference> | undefined;
}

/** A replaced document to supersede, or superseded already by this same submission (a resend). */
export interface PlannedSupersede {
  /** The PATCH entry's index. */
  readonly index: number;
  readonly target: Stored<DocumentReference>;
  readonly done: boolean;
}

/** What a transaction that passed every check will do. */
export interface TransactionPlan {
  readonly patient: Patient & { id: string };
  readonly list: PlannedEntry<List> & { readonly existing: Stored | undefined };
  readonly documents: readonly PlannedDocument[];
  /** Every create in the bundle's order. */
  readonly order: readonly PlannedEntry[];
  readonly supersedes: readonly PlannedSupersede[];
}

const at = (i: number, path = '') => `Bundle.entry[${i}]${path}`;
const atResource = (i: number, path = '') => at(i, `.resource${path ? `.${path}` : ''}`);

function hasLabel(doc: DocumentReference, code: string): boolean {
  return (doc.securityLabel ?? []).some((l) =>
    (l.coding ?? []).some((c) => c.system === DSP_SECURITY_SYSTEM && c.code === code),
  );
}

/** The identifier an `ifNoneExist` of `identifier=system|value` looks for. */
function conditional(ifNoneExist: string): { system: string; value: string } | undefined {
  const match = /^identifier=([^|&]*)\|([^&]+)$/.exec(ifNoneExist);
  return match ? { system: match[1] ?? '', value: match[2] ?? '' } : undefined;
}

function patientOf(reference: string | undefined): string | undefined {
  return reference?.startsWith('Patient/') ? reference.slice('Patient/'.length) : undefined;
}

/**
 * Checks the shape of each entry: a resource of a kind a submission holds, created (`POST` of its
 * type, under a `urn:uuid` fullUrl of its own), or a `PATCH` of Parameters (MHD's
 * UpdateDocumentRefs, checked by `pairReplacements`). Its `id`, if any, is ignored, as FHIR's
 * create wants: the server names what it creates.
 */
function checkEntries(
  entries: readonly BundleEntry[],
  issues: Issue[],
): { creates: PlannedEntry[]; patches: PlannedPatch[] } {
  const planned: PlannedEntry[] = [];
  const patches: PlannedPatch[] = [];
  const fullUrls = new Set<string>();
  entries.forEach((entry: BundleEntry | null, i) => {
    const resource = entry?.resource;
    if (!resource) {
      issues.push({ code: 'required', text: 'Entry without resource', expression: at(i) });
      return;
    }
    const patch = entry.request?.method === 'PATCH' && resource.resourceType === 'Parameters';
    if (!patch && !(ACCEPTED as readonly string[]).includes(resource.resourceType)) {
      issues.push({
        code: 'not-supported',
        text: `A document submission holds no ${resource.resourceType}`,
        expression: atResource(i),
      });
      return;
    }
    const { method, url } = entry.request ?? {};
    if (patch) {
      // Judged with the document that replaces its target (pairReplacements).
    } else if (method !== 'POST') {
      issues.push({
        code: 'not-supported',
        text: method
          ? `Only creates, and the PATCH superseding a replaced document, are accepted: ${method} ${url ?? ''} would change what exists`
          : 'request is required: POST, to create',
        expression: at(i, '.request'),
      });
    } else if (url !== resource.resourceType) {
      issues.push({
        code: 'not-supported',
        text: `A create is "POST ${resource.resourceType}", not "POST ${url ?? ''}"`,
        expression: at(i, '.request.url'),
      });
    }
    const fullUrl = entry.fullUrl ?? '';
    if (!UUID_URN.test(fullUrl)) {
      issues.push({
        code: 'invalid',
        text: `fullUrl must be a urn:uuid of the submission's own, got "${fullUrl}"`,
        expression: at(i, '.fullUrl'),
      });
    } else if (fullUrls.has(fullUrl)) {
      issues.push({
        code: 'invalid',
        text: 'Two entries share a fullUrl',
        expression: at(i, '.fullUrl'),
      });
    } else if (patch) {
      fullUrls.add(fullUrl);
      patches.push({ index: i, fullUrl, resource, url: url ?? '' });
    } else {
      fullUrls.add(fullUrl);
      planned.push({ index: i, fullUrl, resource: resource as Accepted });
    }
  });
  return { creates: planned, patches };
}

const ofType = <T extends Accepted>(entries: readonly PlannedEntry[], type: T['resourceType']) =>
  entries.filter((e): e is PlannedEntry<T> => e.resource.resourceType === type);

/** Checks a DocumentReference's own metadata (not its content, author or patient). */
function checkMetadata(
  { index: i, resource: doc }: PlannedEntry<DocumentReference>,
  caller: Caller,
  issues: Issue[],
): void {
  const type = documentTypeOf(doc.type);
  if (!type)
    issues.push({
      code: 'code-invalid',
      text: 'Unknown DSP document type',
      expression: atResource(i, 'type'),
    });
  if (!doc.masterIdentifier?.value)
    issues.push({
      code: 'required',
      text: 'masterIdentifier is required',
      expression: atResource(i, 'masterIdentifier'),
    });
  if (!doc.date)
    issues.push({ code: 'required', text: 'date is required', expression: atResource(i, 'date') });
  if (!doc.author?.length)
    issues.push({
      code: 'required',
      text: 'author is required',
      expression: atResource(i, 'author'),
    });
  if (hasLabel(doc, 'masked') && hasLabel(doc, 'hidden-from-patient')) {
    issues.push({
      code: 'business-rule',
      text: 'A document cannot be both masked from professionals and hidden from the patient',
      expression: atResource(i, 'securityLabel'),
    });
  }
  if (
    (caller.kind === 'patient' || caller.kind === 'assistant') &&
    type &&
    type.code !== 'expression-titulaire'
  ) {
    issues.push({
      code: 'business-rule',
      text: 'A patient adds only documents of type "Expression du titulaire"',
      expression: atResource(i, 'type'),
    });
  }
}

/**
 * Checks a document's one content against the Binary entry its `attachment.url` names by fullUrl:
 * allowed type, size and SHA-1 of the bytes. Returns that Binary entry when there is one.
 */
async function checkContent(
  { index: i, resource: doc }: PlannedEntry<DocumentReference>,
  binaries: ReadonlyMap<string, PlannedEntry<Binary>>,
  maxSize: number,
  issues: Issue[],
): Promise<PlannedEntry<Binary> | undefined> {
  // Read defensively: a bundle is whatever the client sent, required elements included.
  const contents = (doc.content as DocumentReference['content'] | undefined) ?? [];
  if (contents.length !== 1) {
    issues.push({
      code: 'invalid',
      text: `A document has one content, its Binary in the submission; this one has ${contents.length}`,
      expression: atResource(i, 'content'),
    });
    return undefined;
  }
  const attachment = contents[0]?.attachment ?? {};
  const field = (name: string) => atResource(i, `content[0].attachment.${name}`);
  const contentType = attachment.contentType ?? '';
  if (!DSP_CONTENT_TYPES.includes(contentType)) {
    issues.push({
      code: 'value',
      text: `Content type "${contentType}" is not allowed; allowed: ${DSP_CONTENT_TYPES.join(', ')}`,
      expression: field('contentType'),
    });
  }
  if (attachment.data !== undefined)
    issues.push({
      code: 'invalid',
      text: 'The content goes in its Binary, not in data',
      expression: field('data'),
    });
  if (attachment.size === undefined) {
    issues.push({ code: 'required', text: 'size is required', expression: field('size') });
  } else if (attachment.size > maxSize) {
    issues.push({
      code: 'too-long',
      text: `The document exceeds ${maxSize} bytes`,
      expression: field('size'),
    });
  }
  if (!attachment.hash)
    issues.push({ code: 'required', text: 'hash (SHA-1) is required', expression: field('hash') });
  const binary = binaries.get(attachment.url ?? '');
  if (!binary) {
    issues.push({
      code: 'invalid',
      text: 'attachment.url must be the urn:uuid fullUrl of a Binary of this submission',
      expression: field('url'),
    });
    return undefined;
  }
  const bytes = decodeBase64(binary.resource.data ?? '');
  if (!bytes) {
    issues.push({
      code: 'invalid',
      text: 'The Binary data is not base64',
      expression: atResource(binary.index, 'data'),
    });
    return binary;
  }
  if (attachment.size !== undefined && bytes.byteLength !== attachment.size) {
    issues.push({
      code: 'invalid',
      text: `size says ${attachment.size} bytes, the content has ${bytes.byteLength}`,
      expression: field('size'),
    });
  }
  if (attachment.hash && (await sha1Base64(bytes)) !== attachment.hash) {
    issues.push({
      code: 'invalid',
      text: 'hash does not match the content (SHA-1)',
      expression: field('hash'),
    });
  }
  if (binary.resource.contentType !== attachment.contentType) {
    issues.push({
      code: 'invalid',
      text: 'The Binary content type differs from the attachment',
      expression: atResource(binary.index, 'contentType'),
    });
  }
  return binary;
}

/** Checks that each Binary is the content of exactly one document, of an allowed type. */
function checkBinaries(
  binaries: readonly PlannedEntry<Binary>[],
  owners: ReadonlyMap<PlannedEntry<Binary>, PlannedEntry<DocumentReference>[]>,
  issues: Issue[],
): void {
  for (const binary of binaries) {
    const documents = owners.get(binary) ?? [];
    if (documents.length !== 1) {
      issues.push({
        code: 'invalid',
        text:
          documents.length === 0
            ? 'This Binary is the content of no document of the submission'
            : `This Binary is the content of ${documents.length} documents; each has its own`,
        expression: at(binary.index),
      });
    }
    const contentType = binary.resource.contentType;
    if (!DSP_CONTENT_TYPES.includes(contentType)) {
      issues.push({
        code: 'value',
        text: `Content type "${contentType}" is not allowed; allowed: ${DSP_CONTENT_TYPES.join(', ')}`,
        expression: atResource(binary.index, 'contentType'),
      });
    }
    const owner = documents[0];
    const context = binary.resource.securityContext?.reference;
    if (owner && context !== undefined && context !== owner.fullUrl) {
      issues.push({
        code: 'invalid',
        text: 'securityContext must name the document this Binary is the content of',
        expression: atResource(binary.index, 'securityContext'),
      });
    }
  }
}

/** The one patient of the submission's documents, checked to exist. */
function checkPatient(
  documents: readonly PlannedEntry<DocumentReference>[],
  store: DspStore,
  issues: Issue[],
): (Patient & { id: string }) | undefined {
  let patient: (Patient & { id: string }) | undefined;
  for (const { index, resource } of documents) {
    const id = patientOf(resource.subject?.reference);
    const found = id === undefined ? undefined : store.get<Patient>('Patient', id);
    if (!found) {
      issues.push({
        code: 'not-found',
        text: `Unknown patient "${resource.subject?.reference ?? ''}"`,
        expression: atResource(index, 'subject'),
      });
    } else if (patient && patient.id !== found.id) {
      issues.push({
        code: 'invalid',
        text: 'All documents of a submission must be about one patient',
        expression: atResource(index, 'subject'),
      });
    } else {
      patient = found;
    }
  }
  return patient;
}

/** Checks the SubmissionSet: about the documents' patient, listing only documents it brings. */
function checkList(
  list: PlannedEntry<List>,
  patient: string | undefined,
  documents: readonly PlannedEntry<DocumentReference>[],
  issues: Issue[],
): void {
  const { index, resource } = list;
  const code = resource.code?.coding ?? [];
  if (!code.some((c) => c.system === SUBMISSION_SET.system && c.code === SUBMISSION_SET.code)) {
    issues.push({
      code: 'not-supported',
      text: 'The List of a submission is its SubmissionSet (code MHDlistTypes#submissionset)',
      expression: atResource(index, 'code'),
    });
  }
  const subject = resource.subject?.reference;
  if (subject !== undefined && patient !== undefined && subject !== `Patient/${patient}`) {
    issues.push({
      code: 'invalid',
      text: 'The SubmissionSet is about the patient of its documents',
      expression: atResource(index, 'subject'),
    });
  }
  const brought = new Set(documents.map((d) => d.fullUrl));
  (resource.entry ?? []).forEach((item, k) => {
    const reference = (item.item as Reference | undefined)?.reference;
    if (!brought.has(reference ?? '')) {
      issues.push({
        code: 'invalid',
        text: 'A SubmissionSet lists the documents of its submission, by their fullUrl',
        expression: atResource(index, `entry[${k}].item`),
      });
    }
  });
}

/** The List or DocumentReference of the patient's record carrying identifier `system|value`. */
function inRecord<T extends List | DocumentReference>(
  store: DspStore,
  type: T['resourceType'],
  patient: string,
  identifier: { system: string; value: string },
): Stored<T> | undefined {
  return (store.byIdentifier(type, identifier.system, identifier.value) as Stored<T>[]).find(
    (r) => r.subject?.reference === `Patient/${patient}`,
  );
}

/**
 * The document a create finds again in the patient's record, by its `ifNoneExist` (FHIR's
 * conditional create): reused when the caller may read it (their own resend), refused otherwise.
 * A create without a match whose masterIdentifier the record holds already is refused too. Records
 * of other patients are never looked at, so no other patient's document can be named.
 */
function findAgain(
  planned: PlannedEntry<DocumentReference>,
  ifNoneExist: string | undefined,
  patient: string,
  store: DspStore,
  rules: TransactionRules,
  issues: Issue[],
): Stored<DocumentReference> | undefined {
  const duplicate = () =>
    issues.push({
      code: 'duplicate',
      text: 'This record holds a document with this identifier already',
      expression: atResource(planned.index, 'masterIdentifier'),
    });
  const wanted = ifNoneExist === undefined ? undefined : conditional(ifNoneExist);
  if (ifNoneExist !== undefined && !wanted) {
    issues.push({
      code: 'not-supported',
      text: 'ifNoneExist takes one identifier=system|value',
      expression: at(planned.index, '.request.ifNoneExist'),
    });
    return undefined;
  }
  const found = wanted && inRecord<DocumentReference>(store, 'DocumentReference', patient, wanted);
  if (found) {
    if (rules.mayRead(found)) return found;
    duplicate();
    return undefined;
  }
  const master = planned.resource.masterIdentifier;
  if (
    master?.value &&
    inRecord(store, 'DocumentReference', patient, {
      system: master.system ?? '',
      value: master.value,
    })
  ) {
    duplicate();
  }
  return undefined;
}

/**
 * Checks the whole transaction and returns what it will do, or throws a `FhirFailure` with every
 * issue of the first stage that found any: what the bundle says (422), then the caller's right to
 * write it (403: the patient's record, the documents' author), then what the record holds already
 * (422). A bundle is judged whole at each stage; nothing of a refused one is applied.
 */
export async function checkTransaction(
  bundle: Bundle,
  caller: Caller,
  store: DspStore,
  rules: TransactionRules,
): Promise<TransactionPlan> {
  const entries: BundleEntry[] = Array.isArray(bundle.entry) ? bundle.entry : [];
  if (entries.length === 0)
    throw FhirFailure.of(400, 'required', 'The transaction has no entry', 'Bundle.entry');
  const issues: Issue[] = [];
  const { creates: order, patches } = checkEntries(entries, issues);
  const lists = ofType<List>(order, 'List');
  const documents = ofType<DocumentReference>(order, 'DocumentReference');
  const binaries = ofType<Binary>(order, 'Binary');
  if (lists.length !== 1) {
    issues.push({
      code: lists.length === 0 ? 'required' : 'invalid',
      text: 'A submission has one SubmissionSet List',
      expression: lists[1] ? at(lists[1].index) : 'Bundle.entry',
    });
  }
  if (documents.length === 0)
    issues.push({
      code: 'required',
      text: 'The submission holds no DocumentReference',
      expression: 'Bundle.entry',
    });

  const patient = checkPatient(documents, store, issues);
  const byUrl = new Map(binaries.map((b) => [b.fullUrl, b]));
  const owners = new Map<PlannedEntry<Binary>, PlannedEntry<DocumentReference>[]>();
  const contents = new Map<PlannedEntry<DocumentReference>, PlannedEntry<Binary>>();
  for (const document of documents) {
    checkMetadata(document, caller, issues);
    const binary = await checkContent(document, byUrl, rules.maxSize, issues);
    if (binary) {
      owners.set(binary, [...(owners.get(binary) ?? []), document]);
      contents.set(document, binary);
    }
  }
  checkBinaries(binaries, owners, issues);
  const replacements = pairReplacements(patches, documents, issues);
  const list = lists[0];
  if (list) checkList(list, patient?.id, documents, issues);
  if (issues.length > 0 || !patient || !list) throw new FhirFailure(422, issues);

  const refusals: Issue[] = [];
  const refusal = rules.mayWrite(patient);
  if (refusal) {
    refusals.push({
      code: 'forbidden',
      text: refusal,
      expression: atResource(documents[0]?.index ?? 0, 'subject'),
    });
  }
  for (const { index, resource } of documents) {
    if (!isAuthoredBy(resource, caller, store)) {
      refusals.push({
        code: 'forbidden',
        text: `The document's author must include you (${caller.reference.reference ?? ''}), or your organisation`,
        expression: atResource(index, 'author'),
      });
    }
  }
  if (refusals.length > 0) throw new FhirFailure(403, refusals);

  const targets = replacedDocuments(replacements, patient.id, store, rules);
  for (const [replacement, target] of targets) {
    const refusal = rules.mayReplace(target);
    if (refusal) {
      refusals.push({ code: 'forbidden', text: refusal, expression: targetAt(replacement) });
    }
  }
  if (refusals.length > 0) throw new FhirFailure(403, refusals);

  const planned: PlannedDocument[] = [];
  for (const document of documents) {
    const binary = contents.get(document);
    const ifNoneExist = entries[document.index]?.request?.ifNoneExist;
    const existing = findAgain(document, ifNoneExist, patient.id, store, rules, issues);
    if (binary) planned.push({ ...document, binary, existing });
  }
  if (issues.length > 0) throw new FhirFailure(422, issues);
  const supersedes = supersedeStates(targets, planned, issues);
  if (issues.length > 0) throw new FhirFailure(409, issues);
  const wanted = conditional(entries[list.index]?.request?.ifNoneExist ?? '');
  const existingList = wanted ? inRecord<List>(store, 'List', patient.id, wanted) : undefined;
  return {
    patient,
    list: { ...list, existing: existingList },
    documents: planned,
    order,
    supersedes,
  };
}

/** Where a replaced document is named: the replacing document's `relatesTo` target. */
const targetAt = (replacement: Replacement) =>
  atResource(replacement.document.index, `relatesTo[${replacement.relation}].target`);

/**
 * The documents the bundle replaces, each in the patient's record and readable by the caller, or
 * a 422 naming those that are not. A document of another record, or one the rules hide from the
 * caller (masked, hidden from the patient), is answered exactly as an unknown id: no refusal
 * tells that it exists.
 */
function replacedDocuments(
  replacements: readonly Replacement[],
  patient: string,
  store: DspStore,
  rules: TransactionRules,
): Map<Replacement, Stored<DocumentReference>> {
  const found = new Map<Replacement, Stored<DocumentReference>>();
  const unknown: Issue[] = [];
  for (const replacement of replacements) {
    const target = store.get<DocumentReference>('DocumentReference', replacement.targetId);
    if (target && target.subject?.reference === `Patient/${patient}` && rules.mayRead(target)) {
      found.set(replacement, target);
    } else {
      unknown.push({
        code: 'not-found',
        text: `DocumentReference/${replacement.targetId} is no document of this record that you may replace`,
        expression: targetAt(replacement),
      });
    }
  }
  if (unknown.length > 0) throw new FhirFailure(422, unknown);
  return found;
}

/**
 * What each PATCH will do. A current document is superseded. One superseded already by the very
 * document that replaces it here, found again by its uniqueId, is a resend after a lost answer:
 * nothing is left to do, and the PATCH is answered 200 as if applied, so that resending a
 * submission never fails for having succeeded. Any other state (superseded by another document,
 * entered in error) is a conflict: a document is replaced once, from its current version.
 */
function supersedeStates(
  targets: ReadonlyMap<Replacement, Stored<DocumentReference>>,
  documents: readonly PlannedDocument[],
  issues: Issue[],
): PlannedSupersede[] {
  const supersedes: PlannedSupersede[] = [];
  for (const [replacement, target] of targets) {
    const existing = documents.find((d) => d.index === replacement.document.index)?.existing;
    const reference = `DocumentReference/${target.id}`;
    const done =
      target.status === 'superseded' &&
      (existing?.relatesTo ?? []).some(
        (r) => r.code === 'replaces' && r.target.reference === reference,
      );
    if (existing?.id === target.id) {
      issues.push({
        code: 'conflict',
        text: 'A document cannot replace itself',
        expression: targetAt(replacement),
      });
    } else if (target.status !== 'current' && !done) {
      issues.push({
        code: 'conflict',
        text: `${reference} is ${target.status} already: only a current document is replaced`,
        expression: targetAt(replacement),
      });
    } else {
      supersedes.push({ index: replacement.patch.index, target, done });
    }
  }
  return supersedes;
}
