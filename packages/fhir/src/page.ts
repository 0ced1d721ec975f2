// A page of search results, and the way to the next one.
import type { Resource } from '@medplum/fhirtypes';

export interface PageOptions {
  /** Aborts the request; the call then rejects with the signal's reason (an `AbortError`). */
  signal?: AbortSignal;
}

/** One page of search results; `next()` fetches the following one through the Bundle's link. */
export class Page<T extends Resource> {
  constructor(
    readonly entries: readonly T[],
    /** Matches in the whole search, when the server reports it. */
    readonly total: number | undefined,
    readonly nextUrl: string | undefined,
    private readonly fetchPage: (url: string, options?: PageOptions) => Promise<Page<T>>,
    /** When the page comes from the cache (the server was unreachable): when it was stored. */
    readonly cachedAt?: Date,
  ) {}

  get hasNext(): boolean {
    return this.nextUrl !== undefined;
  }

  /** The next page, or `undefined` after the last one. */
  async next(options?: PageOptions): Promise<Page<T> | undefined> {
    return this.nextUrl === undefined ? undefined : this.fetchPage(this.nextUrl, options);
  }
}
