// ITI-65 "Provide Document Bundle": checks a transaction as the DSP would (patient, type, metadata,
// content type, size and hash against the Binary, who may upload what), then applies it all or
// nothing. A DocumentReference whose masterIdentifier exists already is returned, not duplicated.
import { DSP_SECURITY_SYSTEM, documentTypeOf, sha1Base64 } from '@dsp-kit/fhir';
import type { Binary, Bundle, BundleEntry, DocumentReference, Patient } from '@medplum/fhirtypes';
import { FhirFailure, type Issue } from './fhir-http.js';
import type { Caller } from './identity.js';
import type { DspStore, Stored } from './store.js';

export const ALLOWED_CONTENT_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/tiff',
  'text/plain',
];
export const DEFAULT_MAX_SIZE = 20 * 1024 * 1024;

export interface TransactionOptions {
  maxSize: number;
  /** May the caller add documents to this patient's DSP? A refusal text, or undefined. */
  mayUpload: (patient: Patient) => string | undefined;
}

export interface AppliedTransaction {
  response: Bundle;
  /** The DocumentReferences created (not those found again). */
  created: DocumentReference[];
  patient: string;
}

function decodeBase64(data: string): Uint8Array | undefined {
  try {
    return Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

function hasLabel(doc: DocumentReference, code: string): boolean {
  return (doc.securityLabel ?? []).some((l) =>
    (l.coding ?? []).some((c) => c.system === DSP_SECURITY_SYSTEM && c.code === code),
  );
}

/** The identifier an `ifNoneExist` of `identifier=system|value` looks for. */
function conditional(
  ifNoneExist: string | undefined,
): { system: string; value: string } | undefined {
  const match = /^identifier=([^|]*)\|(.+)$/.exec(ifNoneExist ?? '');
  return match ? { system: match[1] ?? '', value: match[2] ?? '' } : undefined;
}

export async function applyTransaction(
  bundle: Bundle,
  caller: Caller,
  store: DspStore,
  options: TransactionOptions,
): Promise<AppliedTransaction> {
  const entries = bundle.entry ?? [];
  if (entries.length === 0)
    throw FhirFailure.of(400, 'required', 'The transaction has no entry', 'Bundle.entry');
  const issues: Issue[] = [];
  const at = (i: number, path: string) => `Bundle.entry[${i}].resource${path ? `.${path}` : ''}`;
  const binaries = new Map<string, { index: number; binary: Binary }>();
  entries.forEach((entry, i) => {
    const resource = entry.resource;
    if (resource?.resourceType !== 'Binary') return;
    const keys = [
      entry.fullUrl,
      entry.request?.url,
      resource.id ? `Binary/${resource.id}` : undefined,
    ];
    for (const key of keys) if (key) binaries.set(key, { index: i, binary: resource });
  });

  let patientId: string | undefined;
  const documents: { index: number; doc: DocumentReference }[] = [];
  for (const [i, entry] of entries.entries()) {
    const resource = entry.resource;
    if (!resource) {
      issues.push({
        code: 'required',
        text: 'Entry without resource',
        expression: `Bundle.entry[${i}]`,
      });
      continue;
    }
    if (!['List', 'DocumentReference', 'Binary'].includes(resource.resourceType)) {
      issues.push({
        code: 'not-supported',
        text: `A document submission holds no ${resource.resourceType}`,
        expression: at(i, ''),
      });
      continue;
    }
    if (resource.resourceType !== 'DocumentReference') continue;
    documents.push({ index: i, doc: resource });
    const doc = resource;
    const subject = doc.subject?.reference?.replace(/^Patient\//, '');
    if (!subject || !store.get<Patient>('Patient', subject)) {
      issues.push({
        code: 'not-found',
        text: `Unknown patient "${doc.subject?.reference ?? ''}"`,
        expression: at(i, 'subject'),
      });
    } else if (patientId !== undefined && patientId !== subject) {
      issues.push({
        code: 'invalid',
        text: 'All documents of a submission must be about one patient',
        expression: at(i, 'subject'),
      });
    } else {
      patientId = subject;
    }
    const type = documentTypeOf(doc.type);
    if (!type)
      issues.push({
        code: 'code-invalid',
        text: 'Unknown DSP document type',
        expression: at(i, 'type'),
      });
    if (!doc.masterIdentifier?.value)
      issues.push({
        code: 'required',
        text: 'masterIdentifier is required',
        expression: at(i, 'masterIdentifier'),
      });
    if (!doc.date)
      issues.push({ code: 'required', text: 'date is required', expression: at(i, 'date') });
    if (!doc.author?.length)
      issues.push({ code: 'required', text: 'author is required', expression: at(i, 'author') });
    if (hasLabel(doc, 'masked') && hasLabel(doc, 'hidden-from-patient')) {
      issues.push({
        code: 'business-rule',
        text: 'A document cannot be both masked from professionals and hidden from the patient',
        expression: at(i, 'securityLabel'),
      });
    }
    if (caller.kind === 'patient' || caller.kind === 'assistant') {
      if (type && type.code !== 'expression-titulaire') {
        issues.push({
          code: 'business-rule',
          text: 'A patient adds only documents of type "Expression du titulaire"',
          expression: at(i, 'type'),
        });
      }
    }
    const attachment = doc.content[0]?.attachment;
    if (!attachment) {
      issues.push({
        code: 'required',
        text: 'content.attachment is required',
        expression: at(i, 'content'),
      });
      continue;
    }
    const attachmentAt = (field: string) => at(i, `content[0].attachment.${field}`);
    if (!attachment.contentType || !ALLOWED_CONTENT_TYPES.includes(attachment.contentType)) {
      issues.push({
        code: 'value',
        text: `Content type "${attachment.contentType ?? ''}" is not allowed; allowed: ${ALLOWED_CONTENT_TYPES.join(', ')}`,
        expression: attachmentAt('contentType'),
      });
    }
    if (attachment.size === undefined) {
      issues.push({ code: 'required', text: 'size is required', expression: attachmentAt('size') });
    } else if (attachment.size > options.maxSize) {
      issues.push({
        code: 'too-long',
        text: `The document exceeds ${options.maxSize} bytes`,
        expression: attachmentAt('size'),
      });
    }
    if (!attachment.hash)
      issues.push({
        code: 'required',
        text: 'hash (SHA-1) is required',
        expression: attachmentAt('hash'),
      });
    const target = attachment.url ? binaries.get(attachment.url) : undefined;
    if (!target) {
      issues.push({
        code: 'required',
        text: 'attachment.url must point at a Binary of the submission',
        expression: attachmentAt('url'),
      });
      continue;
    }
    const bytes = decodeBase64(target.binary.data ?? '');
    if (!bytes) {
      issues.push({
        code: 'invalid',
        text: 'The Binary data is not base64',
        expression: at(target.index, 'data'),
      });
      continue;
    }
    if (attachment.size !== undefined && bytes.byteLength !== attachment.size) {
      issues.push({
        code: 'invalid',
        text: `size says ${attachment.size} bytes, the content has ${bytes.byteLength}`,
        expression: attachmentAt('size'),
      });
    }
    if (
      attachment.hash &&
      (await sha1Base64(bytes as Uint8Array<ArrayBuffer>)) !== attachment.hash
    ) {
      issues.push({
        code: 'invalid',
        text: 'hash does not match the content (SHA-1)',
        expression: attachmentAt('hash'),
      });
    }
    if (target.binary.contentType !== attachment.contentType) {
      issues.push({
        code: 'invalid',
        text: 'The Binary content type differs from the attachment',
        expression: at(target.index, 'contentType'),
      });
    }
  }
  if (documents.length === 0)
    issues.push({
      code: 'required',
      text: 'The submission holds no DocumentReference',
      expression: 'Bundle.entry',
    });
  if (issues.length > 0) throw new FhirFailure(422, issues);
  const patient = store.get<Patient>('Patient', patientId ?? '');
  if (!patient) throw FhirFailure.of(422, 'not-found', 'Unknown patient');
  const refusal = options.mayUpload(patient);
  if (refusal) throw FhirFailure.of(403, 'forbidden', refusal);

  // Everything checked: apply, resolving urn:uuid references to the ids given.
  const ids = new Map<string, string>();
  const existing = new Map<number, Stored>();
  // Every entry has its resource: one without made an issue above.
  const present = entries.flatMap((entry) =>
    entry.resource ? [{ entry, resource: entry.resource }] : [],
  );
  present.forEach(({ entry, resource }, i) => {
    const found = conditional(entry.request?.ifNoneExist);
    const match = found
      ? store.byIdentifier(resource.resourceType, found.system, found.value)[0]
      : undefined;
    if (match) existing.set(i, match);
    const id =
      match?.id ??
      (entry.request?.method === 'PUT' ? entry.request.url.split('/')[1] : undefined) ??
      resource.id ??
      store.newId(resource.resourceType);
    if (entry.fullUrl) ids.set(entry.fullUrl, `${resource.resourceType}/${id}`);
    ids.set(`${resource.resourceType}/${id}`, `${resource.resourceType}/${id}`);
  });
  const resolve = (reference: string | undefined) =>
    reference ? (ids.get(reference) ?? reference) : reference;
  const created: DocumentReference[] = [];
  const responses: BundleEntry[] = present.map(({ entry, resource: original }, i) => {
    const found = existing.get(i);
    if (found) {
      return {
        response: {
          status: '200 OK',
          location: `${found.resourceType}/${found.id}/_history/${found.meta?.versionId ?? '1'}`,
        },
      };
    }
    const resource = structuredClone(original);
    const [, id] = (ids.get(entry.fullUrl ?? '') ?? '').split('/');
    if (id) resource.id = id;
    if (resource.resourceType === 'List') {
      resource.entry?.forEach((e) => {
        e.item.reference = resolve(e.item.reference);
      });
    }
    if (resource.resourceType === 'DocumentReference') {
      for (const content of resource.content)
        content.attachment.url = resolve(content.attachment.url);
    }
    const previous = resource.id ? store.get(resource.resourceType, resource.id) : undefined;
    const stored = store.put(resource);
    if (stored.resourceType === 'DocumentReference') created.push(stored);
    return {
      response: {
        status: previous ? '200 OK' : '201 Created',
        location: `${stored.resourceType}/${stored.id}/_history/${stored.meta?.versionId ?? '1'}`,
      },
    };
  });
  return {
    response: { resourceType: 'Bundle', type: 'transaction-response', entry: responses },
    created,
    patient: patient.id,
  };
}
