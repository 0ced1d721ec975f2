// The contract between DspClient and a cache of read responses (DspCache is the IndexedDB one).

export interface CachedRead {
  /** The response body, as JSON. */
  readonly value: unknown;
  /** When it was stored. */
  readonly storedAt: Date;
}

/** Where DspClient keeps successful reads, keyed by request URL. Failures are the client's to ignore. */
export interface ReadCache {
  get(key: string): Promise<CachedRead | undefined>;
  put(key: string, value: unknown): Promise<void>;
}

/** How a read uses the client's cache. */
export type CacheMode =
  /** Ask the server; fall back to the cache when it cannot be reached (the default). */
  | 'network-first'
  /** Answer from the cache at once when possible, and refresh it from the server behind. */
  | 'stale-while-revalidate'
  /** Neither read nor write the cache. */
  | 'no-store';
