// Hashes a file for upload in a Web Worker, falling back to slices on the main thread when no
// worker can start (a strict CSP, a bundler that did not emit it), so a file is always hashed.
import { HASH_CHUNK_SIZE, sha1OfBlob } from './hash-core.js';

/** What the page asks the hash worker. */
export interface HashRequest {
  readonly file: Blob;
  readonly chunkSize: number;
}

/** What the hash worker answers: progress, then the hash or a failure. */
export type HashResponse =
  | { readonly kind: 'progress'; readonly loaded: number }
  | { readonly kind: 'done'; readonly hash: string }
  | { readonly kind: 'error'; readonly message: string };

export interface HashFileOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (loaded: number) => void;
  readonly chunkSize?: number;
}

/** Set when a worker failed to start: later files go straight to the main thread. */
let workersUnavailable = false;

/** Where the last hash was computed, for tests and diagnostics. */
export let lastHashedIn: 'worker' | 'main-thread' | undefined;

class WorkerStartError extends Error {}

/** The worker's source, for when this module itself is served from its source. */
const SOURCE_WORKER = './hash.worker.ts';

function startWorker(): Worker {
  // web-test-runner serves this module as `hash.ts` and rewrites no worker URL, so the worker is
  // asked for by its source name there. Vite rewrites the literal `.js` URL below (to the `.ts`
  // source in development, to an emitted chunk in a build), and `tsc` emits `hash.worker.js`
  // beside `hash.js` in `dist/`. The variable keeps bundlers from emitting the source as an asset.
  if (import.meta.url.endsWith('/hash.ts')) {
    return new Worker(new URL(SOURCE_WORKER, import.meta.url), { type: 'module' });
  }
  return new Worker(new URL('./hash.worker.js', import.meta.url), { type: 'module' });
}

function inWorker(file: Blob, options: HashFileOptions, chunkSize: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = startWorker();
    } catch (error) {
      reject(new WorkerStartError(String(error)));
      return;
    }
    let answered = false;
    const finish = () => {
      worker.terminate();
      options.signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      finish();
      const reason: unknown = options.signal?.reason;
      reject(reason instanceof Error ? reason : new DOMException('Aborted', 'AbortError'));
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = (event: MessageEvent<HashResponse>) => {
      answered = true;
      const message = event.data;
      if (message.kind === 'progress') {
        options.onProgress?.(message.loaded);
      } else if (message.kind === 'done') {
        finish();
        resolve(message.hash);
      } else {
        finish();
        reject(new Error(message.message));
      }
    };
    // A script that fails to load or evaluate fires `error` before any message.
    worker.onerror = (event) => {
      event.preventDefault();
      finish();
      reject(answered ? new Error(event.message) : new WorkerStartError(event.message));
    };
    worker.postMessage({ file, chunkSize } satisfies HashRequest);
  });
}

/** SHA-1 of `file` in base64, read in slices (4 MiB by default), off the main thread if possible. */
export async function hashFile(file: Blob, options: HashFileOptions = {}): Promise<string> {
  const chunkSize = options.chunkSize ?? HASH_CHUNK_SIZE;
  options.signal?.throwIfAborted();
  if (!workersUnavailable && typeof Worker !== 'undefined') {
    try {
      const hash = await inWorker(file, options, chunkSize);
      lastHashedIn = 'worker';
      return hash;
    } catch (error) {
      if (!(error instanceof WorkerStartError)) throw error;
      workersUnavailable = true;
    }
  }
  const hash = await sha1OfBlob(file, {
    chunkSize,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    between: () => new Promise((resolve) => setTimeout(resolve, 0)),
  });
  lastHashedIn = 'main-thread';
  return hash;
}
