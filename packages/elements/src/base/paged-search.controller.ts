// A search whose results show as soon as the first page arrives, while the following pages load
// behind it through the Bundle's `next` links; a new search (new arguments) stops the old one. A
// first page from the cache shows at once, and gives way to the server's when it comes. A panel
// taken out of the document asks for no further page (each read is one more audited access to
// the patient's record) until it is put back, and then goes on where it stopped.
import type { Page, Resource } from '@dsp-kit/fhir';
import { Task } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { afterYield, frameRoom, yieldedOnce } from './after-yield.js';
import { sameArguments } from './same-arguments.js';

/** How often, at most, further pages are added to what shows while they load. */
export const PUBLISH_INTERVAL_MS = 250;

/**
 * Entries mapped in one task: a long page (a first page of 100,000 from a server or the cache)
 * shows its first `MAP_CHUNK` entries at once and the rest as further pages, chunk after chunk
 * with a yield between, so its first rows show without mapping it all first.
 */
export const MAP_CHUNK = 1_000;

const yielded = () => new Promise<void>((resolve) => afterYield(resolve));

export interface PagedResult<U> {
  /** Everything loaded so far, mapped. */
  readonly items: readonly U[];
  /** Matches in the whole search, when the server says; else what is loaded. */
  readonly total: number;
  /** True while further pages load. */
  readonly loading: boolean;
  /** The error that stopped the loading of further pages; what is loaded stays. */
  readonly moreError: unknown;
  /** Set while what shows came from the cache: the time it was stored. */
  readonly cachedAt: Date | undefined;
  /** True while a cached first page shows and the server's answer is awaited. */
  readonly revalidating: boolean;
}

/** What `first` is told about the server's answer to a first page it gave from the cache. */
export interface Revalidation<T extends Resource> {
  /** The server's fresh first page: the search starts over from it. */
  readonly fresh: (page: Page<T>) => void;
  /** The server could not answer: the cached page stays, and is said to be stale. */
  readonly failed: (error: unknown) => void;
}

export interface PagedSearchOptions<T extends Resource, U, A extends readonly unknown[]> {
  args: () => A;
  /**
   * The first page, or undefined when there is nothing to search (no patient yet). A first page
   * read from the cache (`stale-while-revalidate`) reports the server's answer to `revalidation`.
   */
  first: (
    args: A,
    signal: AbortSignal,
    revalidation: Revalidation<T>,
  ) => Promise<Page<T> | undefined>;
  /**
   * True when `first` reads with `stale-while-revalidate`: a first page from the cache is then
   * followed by the server's answer (`revalidation`), not a page the server could not give.
   */
  revalidates?: boolean;
  /** Turns a page's resources into what the panel shows; `offset` counts those before. */
  map: (entries: readonly T[], offset: number) => U[];
}

export class PagedSearch<
  T extends Resource,
  U,
  A extends readonly unknown[],
> implements ReactiveController {
  readonly task: Task<A, PagedResult<U> | undefined>;
  #items: U[] = [];
  #total = 0;
  #loading = false;
  #moreError: unknown;
  #page: Page<T> | undefined;
  #cachedAt: Date | undefined;
  #revalidating = false;
  #generation = 0;
  /** The arguments of what shows: another search (another patient) must not show it. */
  #shownFor: A | undefined;
  #connected = false;
  /** Called once the host is back in the document: a further page is asked for then. */
  #back: (() => void) | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: PagedSearchOptions<T, U, A>,
  ) {
    host.addController(this);
    this.task = new Task(host, {
      args: options.args,
      task: async (args, { signal }) => {
        const generation = ++this.#generation;
        this.#loading = false;
        // A new search drops the old results at once: a panel switched to another patient must
        // never show the previous patient's data while the new one loads. A search run again
        // with the same arguments (refresh, retry) keeps showing what it had.
        if (!sameArguments(args, this.#shownFor)) {
          this.#shownFor = args;
          this.#clear();
        }
        const page = await options.first(args, signal, {
          fresh: (fresh) => {
            if (generation !== this.#generation || signal.aborted) return;
            this.#show(fresh, ++this.#generation, signal);
            this.host.requestUpdate();
          },
          failed: () => {
            if (generation !== this.#generation) return;
            this.#revalidating = false;
            this.host.requestUpdate();
          },
        });
        if (!page) return undefined;
        this.#show(page, generation, signal);
        this.#revalidating = options.revalidates === true && page.cachedAt !== undefined;
        return this.result;
      },
    });
  }

  hostConnected(): void {
    this.#connected = true;
    this.#back?.();
  }

  hostDisconnected(): void {
    this.#connected = false;
  }

  #clear(): void {
    this.#page = undefined;
    this.#items = [];
    this.#total = 0;
    this.#moreError = undefined;
    this.#cachedAt = undefined;
    this.#revalidating = false;
  }

  /**
   * Shows `page` as the first page, its first `MAP_CHUNK` entries at once, and loads the rest of
   * it and the following pages behind them.
   */
  #show(page: Page<T>, generation: number, signal: AbortSignal): void {
    this.#page = page;
    this.#cachedAt = page.cachedAt;
    this.#revalidating = false;
    const long = page.entries.length > MAP_CHUNK;
    this.#items = this.options.map(long ? page.entries.slice(0, MAP_CHUNK) : page.entries, 0);
    this.#total = page.total ?? page.entries.length;
    this.#moreError = undefined;
    this.#loading = page.hasNext || long;
    if (this.#loading) void this.#loadRest(generation, signal, long ? page.entries : undefined);
  }

  get result(): PagedResult<U> {
    return {
      items: this.#items,
      total: Math.max(this.#total, this.#items.length),
      loading: this.#loading,
      moreError: this.#moreError,
      cachedAt: this.#cachedAt,
      revalidating: this.#revalidating,
    };
  }

  /** Resumes loading after a further page failed. */
  resume(): void {
    if (!this.#page?.hasNext || this.#loading) return;
    this.#loading = true;
    this.#moreError = undefined;
    this.host.requestUpdate();
    void this.#loadRest(this.#generation, undefined);
  }

  /** Loads the following pages, after mapping the rest of `first` (the first page) when given. */
  async #loadRest(
    generation: number,
    signal: AbortSignal | undefined,
    first?: readonly T[],
  ): Promise<void> {
    // Pages are shown together at most every PUBLISH_INTERVAL_MS: a panel regroups its whole list
    // each time, and 1,000 pages of 100 must not mean 1,000 regroupings of up to 100,000 rows.
    // They are shown in a task of their own, after a yield: a page's parsing and mapping, and
    // the panel's update they cause, are two tasks, so neither holds a frame for both.
    let arrived: U[] = [];
    let published = performance.now();
    let finished = false;
    const publishAfterYield = yieldedOnce(() => {
      if (generation !== this.#generation) return;
      if (arrived.length > 0) this.#items = this.#items.concat(arrived);
      // Loading ends with the last page shown, not before.
      if (finished) this.#loading = false;
      arrived = [];
      published = performance.now();
      this.host.requestUpdate();
    });
    const current = () => generation === this.#generation && !signal?.aborted;
    /** Maps `entries` from `start`, a chunk a task; false when another search took over. */
    const take = async (entries: readonly T[], start: number) => {
      for (let from = start; from < entries.length; from += MAP_CHUNK) {
        if (from > 0) {
          await yielded();
          if (!current()) return false;
        }
        const mapped = this.options.map(
          entries.slice(from, from + MAP_CHUNK),
          this.#items.length + arrived.length,
        );
        for (const item of mapped) arrived.push(item);
        if (performance.now() - published >= PUBLISH_INTERVAL_MS) publishAfterYield();
      }
      return true;
    };
    /** The page after the last one loaded, once the host is in the document. */
    const ask = () => {
      const page = this.#page;
      if (!page?.hasNext) return undefined;
      // Out of the document, the host asks for nothing until it is back; what came shows.
      if (!this.#connected) publishAfterYield();
      const asked = new Promise<void>((resolve) => {
        if (this.#connected) resolve();
        else this.#back = resolve;
      }).then(() => (current() ? page.next(signal ? { signal } : {}) : undefined));
      // Awaited below; a failure meanwhile is not an unhandled one.
      asked.catch(() => undefined);
      return asked;
    };
    try {
      if (first && !(await take(first, MAP_CHUNK))) return;
      let asked = ask();
      while (asked && current()) {
        // Pages answered at once would otherwise follow each other with no frame between.
        await frameRoom();
        if (!current()) return;
        const next = await asked;
        if (!next || generation !== this.#generation) return;
        this.#page = next;
        if (!(await take(next.entries, 0))) return;
        asked = ask();
      }
    } catch (error) {
      if (generation === this.#generation && !signal?.aborted) this.#moreError = error;
    } finally {
      if (generation === this.#generation) {
        finished = true;
        publishAfterYield();
      }
    }
  }
}
