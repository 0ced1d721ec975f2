// A page of search results, what the server says it withheld from them, and the way to the next one.
import type { Resource } from '@medplum/fhirtypes';
import type { WithheldDocuments } from './withheld.js';

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
    /** What the server says the search did not return to this caller (never which ones). */
    readonly withheld: readonly WithheldDocuments[] = [],
  ) {}

  get hasNext(): boolean {
    return this.nextUrl !== undefined;
  }

  /** The next page, or `undefined` after the last one. */
  async next(options?: PageOptions): Promise<Page<T> | undefined> {
    return this.nextUrl === undefined ? undefined : this.fetchPage(this.nextUrl, options);
  }
}
