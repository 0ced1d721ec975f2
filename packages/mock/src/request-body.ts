// Reads a request's body into memory up to a cap, refusing it with a 413 as soon as it is known to
// be larger: at once from its Content-Length, else while it streams in, never reading further.
import { FhirFailure } from './fhir-http.js';

const MiB = 1024 * 1024;

/** The cap of every body but a transaction's (consents, assistants, operations): 1 MiB. */
export const DEFAULT_MAX_BODY_SIZE = MiB;

/** Room a transaction has besides its document's content: the List, the DocumentReference, JSON. */
export const TRANSACTION_METADATA_SIZE = MiB;

/** Characters of `bytes` bytes in padded base64: 4 for every 3 bytes begun (RFC 4648 §4). */
export function base64Length(bytes: number): number {
  return 4 * Math.ceil(bytes / 3);
}

/**
 * The default cap of a transaction's body: a document of `maxUploadSize` bytes, which travels in
 * base64 inside the JSON Bundle, and the metadata around it.
 */
export function transactionBodyLimit(maxUploadSize: number): number {
  return base64Length(maxUploadSize) + TRANSACTION_METADATA_SIZE;
}

/** The 413 of a body over `limit` bytes. */
export function bodyTooLarge(limit: number): FhirFailure {
  return FhirFailure.of(
    413,
    'too-long',
    `The request body is larger than the ${limit} bytes accepted here`,
  );
}

/** The body's length its Content-Length declares, when it declares one that can be read. */
function declaredLength(request: Request): number | undefined {
  const header = request.headers.get('content-length')?.trim();
  return header && /^\d+$/.test(header) ? Number(header) : undefined;
}

/**
 * The body's bytes, or a 413 `FhirFailure` once it passes `limit`: a declared Content-Length over
 * the limit is refused before a byte is read, and a streamed body is cancelled (not read to its
 * end) as soon as the bytes counted pass it. A body that breaks off is a 400.
 */
export async function readCappedBody(
  request: Request,
  limit: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const body = request.body;
  if (!body) return new Uint8Array(0);
  if ((declaredLength(request) ?? 0) > limit) {
    // Not awaited: cancelling tells the source to stop; the answer need not wait for it.
    body.cancel().catch(() => undefined);
    throw bodyTooLarge(limit);
  }
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let read: ReadableStreamReadResult<Uint8Array>;
    try {
      read = await reader.read();
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw FhirFailure.of(400, 'incomplete', `The request body could not be read: ${why}`);
    }
    if (read.done) break;
    total += read.value.byteLength;
    if (total > limit) {
      reader.cancel().catch(() => undefined);
      throw bodyTooLarge(limit);
    }
    chunks.push(read.value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
