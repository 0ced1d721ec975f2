// SHA-1 of a Blob read in fixed-size slices, shared by the hash worker and its main-thread
// fallback, so memory stays bounded by one slice whatever the file's size.
import { createSHA1 } from 'hash-wasm';

/** 4 MiB: large enough to keep WebAssembly busy, small enough to bound memory. */
export const HASH_CHUNK_SIZE = 4 * 1024 * 1024;

export interface HashOptions {
  readonly chunkSize?: number;
  /** Called after each slice with the bytes hashed so far. */
  readonly onProgress?: (loaded: number) => void;
  readonly signal?: AbortSignal;
  /** Awaited between slices: lets the main thread breathe when hashing there. */
  readonly between?: () => Promise<void>;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** SHA-1 of `blob` in base64, as FHIR R4's `Attachment.hash`. */
export async function sha1OfBlob(blob: Blob, options: HashOptions = {}): Promise<string> {
  const chunkSize = options.chunkSize ?? HASH_CHUNK_SIZE;
  const hasher = await createSHA1();
  hasher.init();
  for (let offset = 0; offset < blob.size; offset += chunkSize) {
    options.signal?.throwIfAborted();
    const slice = new Uint8Array(await blob.slice(offset, offset + chunkSize).arrayBuffer());
    hasher.update(slice);
    options.onProgress?.(Math.min(offset + chunkSize, blob.size));
    if (options.between) await options.between();
  }
  options.signal?.throwIfAborted();
  return toBase64(hasher.digest('binary'));
}
