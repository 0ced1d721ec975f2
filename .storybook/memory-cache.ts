// A ReadCache kept in memory for one story: what a DspCache would hold, without IndexedDB, so a
// story's "offline with cache" state never outlives the page.
import type { CachedRead, ReadCache } from '@dsp-kit/fhir';

export class MemoryReadCache implements ReadCache {
  readonly #reads = new Map<string, CachedRead>();

  get(key: string): Promise<CachedRead | undefined> {
    return Promise.resolve(this.#reads.get(key));
  }

  put(key: string, value: unknown): Promise<void> {
    this.#reads.set(key, { value, storedAt: new Date() });
    return Promise.resolve();
  }

  /** How many reads it holds. */
  get size(): number {
    return this.#reads.size;
  }
}
