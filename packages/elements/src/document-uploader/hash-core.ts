// SHA-1 of a Blob read in fixed-size slices, shared by the hash worker and its main-thread
// fallback, so memory stays bounded by one slice whatever the file's size.
import type { IHasher } from 'hash-wasm';
import { forEachSlice } from './blob-slices.js';

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

/** WebCrypto's digests: only in secure contexts (https, localhost). */
const webCrypto: SubtleCrypto | undefined = (globalThis.crypto as Crypto | undefined)?.subtle;

/**
 * SHA-1 by WebCrypto, for pages where WebAssembly may not compile (a Content-Security-Policy
 * without `'wasm-unsafe-eval'`): WebCrypto cannot hash in slices, so the file is read at once.
 */
export async function sha1ByWebCrypto(blob: Blob, options: HashOptions = {}): Promise<string> {
  options.signal?.throwIfAborted();
  const digest = await crypto.subtle.digest('SHA-1', await blob.arrayBuffer());
  options.signal?.throwIfAborted();
  options.onProgress?.(blob.size);
  return toBase64(new Uint8Array(digest));
}

/** SHA-1 of `blob` in base64, as FHIR R4's `Attachment.hash`. */
export async function sha1OfBlob(blob: Blob, options: HashOptions = {}): Promise<string> {
  const chunkSize = options.chunkSize ?? HASH_CHUNK_SIZE;
  // A file of one slice at most costs WebCrypto no more memory than a slice, and needs no
  // WebAssembly — which a strict Content-Security-Policy refuses to compile.
  if (blob.size <= chunkSize && webCrypto !== undefined) {
    return sha1ByWebCrypto(blob, options);
  }
  let hasher: IHasher;
  try {
    // Loaded for the first file larger than a slice only: most files never need WebAssembly.
    const { createSHA1 } = await import('./sha1-wasm.js');
    hasher = await createSHA1();
  } catch {
    return sha1ByWebCrypto(blob, options);
  }
  hasher.init();
  // One reused buffer: memory stays at one slice, whatever the file's size.
  await forEachSlice(blob, chunkSize, async (slice, loaded) => {
    options.signal?.throwIfAborted();
    hasher.update(slice);
    options.onProgress?.(loaded);
    if (options.between) await options.between();
  });
  options.signal?.throwIfAborted();
  return toBase64(hasher.digest('binary'));
}
