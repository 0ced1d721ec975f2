// Loads a module the first time a call needs it, so a page pays only for the calls it makes.
import { DspNetworkError } from './errors.js';

/**
 * A loader of the module behind `load` (an `import()`), run on the first call and shared by the
 * following ones. A load that fails (a chunk the network did not deliver) rejects with a
 * `DspNetworkError`, like any request that got no answer, and the next call tries again.
 */
export function lazy<T>(name: string, load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      const reason = error instanceof Error ? `: ${error.message}` : '';
      throw new DspNetworkError(`The client's ${name} code could not be loaded${reason}`, false, {
        cause: error,
      });
    }));
}
