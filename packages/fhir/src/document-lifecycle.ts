// The document lifecycle's requests (correct, withdraw, replace, confidentiality, earlier
// versions), loaded by DspClient on the first call that needs them.
//
// The retry rule for these writes: every update carries `If-Match`, so the transport may send it
// again after a lost answer or a 429/502/503/504 (`idempotent: true`). A second apply cannot
// double anything: the first bumped the version, so the second fails 412. That 412 is then told
// apart from a real conflict by reading the document back: when the server's version already
// says what was sent, the write landed and its result is returned.
import type { DocumentReference } from '@medplum/fhirtypes';
import type { ProvideResult, RequestOptions } from './client.js';
import {
  MAX_WITHDRAWAL_REASON,
  WITHDRAWAL_REASON_EXTENSION,
  type VersionedDocument,
} from './document-status.js';
import { DspConflictError, DspHttpError, DspProtocolError, DspValidationError } from './errors.js';
import type { DocumentSubmission } from './provide.js';
import { referenceValue } from './search-params.js';
import { CONFIDENTIALITY_SYSTEM, type ConfidentialityCode } from './vocabulary.js';

/**
 * What the lifecycle requests need of the client: one exchange of a DocumentReference through its
 * transport (a `GET`, or a `PUT` with `If-Match`, always `idempotent`: see the header), answered
 * with the resource and the ETag header, and its provide. The transport stays in the client's
 * chunk: importing it here would split it off the first load into a chunk of its own.
 */
export interface LifecycleIo {
  document(
    method: 'GET' | 'PUT',
    id: string,
    init: { headers?: Record<string, string>; body?: string; signal?: AbortSignal | undefined },
  ): Promise<{ document: DocumentReference; etag: string | null; url: string }>;
  provide(submission: DocumentSubmission, options?: RequestOptions): Promise<ProvideResult>;
}

/** How far `documentVersions` follows `relatesTo` (a guard against a cycle in bad data). */
const MAX_VERSIONS = 100;

/** The answer's ETag, or the version it names when the server sent no ETag header. */
function versioned(answer: {
  document: DocumentReference;
  etag: string | null;
  url: string;
}): VersionedDocument {
  const { document, url } = answer;
  const etag =
    answer.etag ?? (document.meta?.versionId ? `W/"${document.meta.versionId}"` : undefined);
  if (etag === undefined) {
    throw new DspProtocolError('The server gave the document no ETag nor versionId', url);
  }
  return { document, etag };
}

/** Reads a DocumentReference and its ETag from the server, never from a cache. */
export async function readVersioned(
  io: LifecycleIo,
  id: string,
  options?: RequestOptions,
): Promise<VersionedDocument> {
  const value = referenceValue(id, 'id', 'DocumentReference');
  return versioned(await io.document('GET', value, { signal: options?.signal }));
}

/** JSON with sorted keys and without `meta`, to compare what two versions say. */
function contentKey(document: DocumentReference): string {
  const sorted = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sorted);
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== 'meta')
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, inner]) => [key, sorted(inner)]),
    );
  };
  return JSON.stringify(sorted(document));
}

/**
 * `PUT DocumentReference/<id>` with `If-Match: etag`. A 412/409 rejects with a
 * `DspConflictError` carrying the server's current version and ETag, unless that version is
 * what was sent (the write landed on an earlier attempt; see the header).
 */
export async function updateDocument(
  io: LifecycleIo,
  document: DocumentReference,
  etag: string,
  options?: RequestOptions,
): Promise<VersionedDocument> {
  // Callers in JavaScript may pass anything: refused before any request.
  if ((document as Partial<DocumentReference> | undefined)?.resourceType !== 'DocumentReference') {
    throw new DspValidationError('updateDocument() takes a DocumentReference', 'document');
  }
  const id = referenceValue(document.id, 'document.id', 'DocumentReference');
  if (typeof etag !== 'string' || etag.trim() === '') {
    throw new DspValidationError('Updating a document needs the ETag it was read with', 'etag');
  }
  try {
    return versioned(
      await io.document('PUT', id, {
        headers: { 'If-Match': etag, Prefer: 'return=representation' },
        body: JSON.stringify(document),
        signal: options?.signal,
      }),
    );
  } catch (error) {
    if (!(error instanceof DspConflictError)) throw error;
    const current = await readVersioned(io, id, options);
    if (contentKey(current.document) === contentKey(document)) return current;
    throw new DspConflictError(
      error.status,
      error.outcome,
      error.url,
      current.document,
      current.etag,
    );
  }
}

/** The reason of a withdrawal, trimmed; refused before any request when empty or too long. */
export function withdrawalReasonValue(reason: unknown): string {
  const text = typeof reason === 'string' ? reason.trim() : '';
  if (text === '') {
    throw new DspValidationError('A withdrawal needs a reason', 'reason');
  }
  if (text.length > MAX_WITHDRAWAL_REASON) {
    throw new DspValidationError(
      `The reason is longer than ${MAX_WITHDRAWAL_REASON} characters`,
      'reason',
    );
  }
  return text;
}

/** The document marked `entered-in-error`, with the reason as its extension. */
export function withdrawnDocument(document: DocumentReference, reason: string): DocumentReference {
  const extension = (document.extension ?? []).filter((e) => e.url !== WITHDRAWAL_REASON_EXTENSION);
  return {
    ...document,
    status: 'entered-in-error',
    extension: [...extension, { url: WITHDRAWAL_REASON_EXTENSION, valueString: reason }],
  };
}

/**
 * Withdraws a document: reads it (the reason checked first), then writes it back
 * `entered-in-error` with the reason, `If-Match` the ETag the caller saw (given) or the one just
 * read.
 */
export async function withdrawDocument(
  io: LifecycleIo,
  id: string,
  reason: string,
  options?: RequestOptions & { etag?: string },
): Promise<VersionedDocument> {
  const text = withdrawalReasonValue(reason);
  const current = await readVersioned(io, id, options);
  return updateDocument(
    io,
    withdrawnDocument(current.document, text),
    options?.etag ?? current.etag,
    options,
  );
}

/** The document with its confidentiality (HL7 v3) label set to `level`, other labels kept. */
export function withConfidentiality(
  document: DocumentReference,
  level: ConfidentialityCode,
): DocumentReference {
  if (!['N', 'R', 'V'].includes(level)) {
    throw new DspValidationError(`Unknown confidentiality "${level}"`, 'level');
  }
  const others = (document.securityLabel ?? []).filter(
    (label) => !(label.coding ?? []).some((c) => c.system === CONFIDENTIALITY_SYSTEM),
  );
  return {
    ...document,
    securityLabel: [{ coding: [{ system: CONFIDENTIALITY_SYSTEM, code: level }] }, ...others],
  };
}

/** Sets a document's confidentiality, `If-Match` the ETag the caller saw. */
export async function setConfidentiality(
  io: LifecycleIo,
  id: string,
  level: ConfidentialityCode,
  etag: string,
  options?: RequestOptions,
): Promise<VersionedDocument> {
  withConfidentiality({ resourceType: 'DocumentReference' } as DocumentReference, level);
  if (typeof etag !== 'string' || etag.trim() === '') {
    throw new DspValidationError('Changing a document needs the ETag it was read with', 'etag');
  }
  const current = await readVersioned(io, id, options);
  return updateDocument(io, withConfidentiality(current.document, level), etag, options);
}

/**
 * Sends a submission of one document that replaces `id` (ITI-65 with `relatesTo` `replaces`,
 * and the superseding PATCH of the old one in the same transaction).
 */
export function replaceDocument(
  io: LifecycleIo,
  id: string,
  submission: DocumentSubmission,
  options?: RequestOptions,
): Promise<ProvideResult> {
  const replaced = referenceValue(id, 'id', 'DocumentReference');
  const documents = (submission as Partial<DocumentSubmission> | undefined)?.documents ?? [];
  const document = documents[0];
  if (documents.length !== 1 || !document) {
    throw new DspValidationError('A replacement sends exactly one document', 'documents');
  }
  const named = document.replaces?.replace(/^DocumentReference\//, '');
  if (named !== undefined && named !== replaced) {
    throw new DspValidationError(
      `documents[0].replaces names ${named}, not ${replaced}`,
      'documents[0].replaces',
    );
  }
  return io.provide({ ...submission, documents: [{ ...document, replaces: replaced }] }, options);
}

/** The documents `document` replaces, by its `relatesTo` `replaces` links. */
function replacedIds(document: DocumentReference): string[] {
  return (document.relatesTo ?? [])
    .filter((link) => link.code === 'replaces')
    .map((link) => link.target.reference ?? '')
    .filter((reference) => reference.startsWith('DocumentReference/'))
    .map((reference) => reference.slice('DocumentReference/'.length));
}

/**
 * The earlier versions of a document, newest first: the documents it replaced, then those they
 * replaced, following `relatesTo` `replaces`. A version the server does not give (gone, or not
 * for this user) ends its branch rather than failing the list.
 */
export async function documentVersions(
  io: LifecycleIo,
  id: string,
  options?: RequestOptions,
): Promise<DocumentReference[]> {
  const start = await readVersioned(io, id, options);
  const seen = new Set([start.document.id ?? id]);
  const versions: DocumentReference[] = [];
  let queue = replacedIds(start.document);
  while (queue.length > 0 && versions.length < MAX_VERSIONS) {
    const next: string[] = [];
    for (const previous of queue) {
      if (seen.has(previous)) continue;
      seen.add(previous);
      try {
        const { document } = await readVersioned(io, previous, options);
        versions.push(document);
        next.push(...replacedIds(document));
      } catch (error) {
        if (!(error instanceof DspHttpError && [403, 404, 410].includes(error.status))) throw error;
      }
    }
    queue = next;
  }
  return versions;
}
