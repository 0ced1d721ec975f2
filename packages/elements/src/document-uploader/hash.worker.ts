// The hash worker: SHA-1 of one file off the main thread, reporting progress as it reads.
import { sha1OfBlob } from './hash-core.js';
import type { HashRequest, HashResponse } from './hash.js';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<HashRequest>) => void) | null;
  postMessage(message: HashResponse): void;
};

scope.onmessage = (event) => {
  const { file, chunkSize } = event.data;
  sha1OfBlob(file, {
    chunkSize,
    onProgress: (loaded) => {
      scope.postMessage({ kind: 'progress', loaded });
    },
  }).then(
    (hash) => {
      scope.postMessage({ kind: 'done', hash });
    },
    (error: unknown) => {
      scope.postMessage({ kind: 'error', message: String(error) });
    },
  );
};
