// The audit log as the list shows it while it grows: the loaded entries indexed, filtered and
// grouped into lines, and, as further pages arrive, grown by indexing, filtering and grouping only
// what came, chunk after chunk for a few milliseconds, then a yield to the browser, so a log
// loading 50,000 entries never holds a frame for long.
import { yieldedOnce } from '../base/after-yield.js';
import { grownFrom } from '../base/virtual-list.js';
import type { AuditFilters } from './audit-filter.js';
import { AuditLines, type AuditLine } from './audit-group.js';
import { AuditIndex, type AuditEntry } from './audit-index.js';

/** Entries added to the model at a time while further pages arrive. */
export const GROWTH_CHUNK = 1_000;

/**
 * How long an update goes on adding chunks before it yields to the browser: half a frame, so the
 * list's rendering fits in the same frame.
 */
export const GROWTH_SLICE_MS = 8;

/** Filters whose results are kept for going back to them. */
const RECENT_FILTERS = 4;

/** What one filter shows: its entries and their lines, both grown in place with the log. */
interface Shown {
  readonly filtered: AuditEntry[];
  readonly lines: AuditLines;
}

function shownOf(filtered: AuditEntry[]): Shown {
  const lines = new AuditLines();
  lines.append(filtered);
  return { filtered, lines };
}

export class AuditLogModel {
  /** The entries taken so far and their indexes. */
  index = new AuditIndex();
  /** The entries matching the filters, in the log's order. */
  filtered: readonly AuditEntry[] = [];
  /** `filtered` as the list shows it, identical consecutive entries as one line; a new array on each change. */
  lines: readonly AuditLine[] = [];

  /** The search's list the model follows; its first `#taken` entries are in `index`. */
  #source: readonly AuditEntry[] = [];
  #taken = 0;
  #filterKey: string | undefined;
  #shown: Shown = shownOf([]);
  /**
   * The last few filters' results over the model as it is: going back to one (clearing a filter,
   * trying another and back) shows it again without grouping 50,000 entries anew.
   */
  readonly #recent = new Map<string, Shown>();
  /** Updates again after a yield, once however many slices ask for it. */
  readonly #goOn = yieldedOnce(() => {
    this.more();
  });

  /**
   * `more` is called, after a yield, when entries are left to add: update again then. `clock`
   * tells the time slice's milliseconds.
   */
  constructor(
    private readonly more: () => void,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /**
   * Brings the model up to `entries` filtered by `filters`; true when `filtered` or `lines`
   * changed. Another list (a new search) is taken at once; entries added at the end (further
   * pages) are added `GROWTH_CHUNK` at a time for `GROWTH_SLICE_MS`, the rest after a yield.
   */
  update(entries: readonly AuditEntry[], filters: AuditFilters): boolean {
    let changed = false;
    if (entries !== this.#source && grownFrom(this.#source, entries) === undefined) {
      // Another list: everything there is, at once (the first render).
      this.index = new AuditIndex(entries);
      this.#taken = entries.length;
      this.#recent.clear();
      this.#filterKey = undefined;
    }
    this.#source = entries;
    const filterKey = JSON.stringify(filters);
    if (filterKey !== this.#filterKey) {
      this.#filterKey = filterKey;
      this.#shown = this.#recall(filterKey) ?? this.#remember(filterKey, filters);
      changed = true;
    }
    if (this.#taken < entries.length) {
      this.#grow(entries, filters);
      // The other filters' results lack what came: only the shown one grew with it.
      this.#recent.clear();
      this.#recent.set(filterKey, this.#shown);
      changed = true;
    }
    if (changed) {
      this.filtered = this.#shown.filtered;
      // A new array, so the virtualized list sees the change; copying is a memory copy.
      this.lines = this.#shown.lines.lines.slice();
    }
    return changed;
  }

  /** A kept result, made the most recent: the filters used most stay kept. */
  #recall(filterKey: string): Shown | undefined {
    const shown = this.#recent.get(filterKey);
    if (shown) {
      this.#recent.delete(filterKey);
      this.#recent.set(filterKey, shown);
    }
    return shown;
  }

  /** Filters and groups the whole index, and keeps the result for going back to it. */
  #remember(filterKey: string, filters: AuditFilters): Shown {
    const shown = shownOf(this.index.filter(filters));
    if (this.#recent.size >= RECENT_FILTERS) {
      const oldest = this.#recent.keys().next().value;
      if (oldest !== undefined) this.#recent.delete(oldest);
    }
    this.#recent.set(filterKey, shown);
    return shown;
  }

  /** Adds entries past those taken, chunk after chunk, until the time slice is spent. */
  #grow(entries: readonly AuditEntry[], filters: AuditFilters): void {
    const started = this.clock();
    const { filtered, lines } = this.#shown;
    while (this.#taken < entries.length) {
      const end = Math.min(entries.length, this.#taken + GROWTH_CHUNK);
      const start = this.index.entries.length;
      this.index.add(entries.slice(this.#taken, end));
      const matching = this.index.filter(filters, start);
      for (const entry of matching) filtered.push(entry);
      lines.append(matching);
      this.#taken = end;
      if (this.clock() - started >= GROWTH_SLICE_MS) break;
    }
    if (this.#taken < entries.length) this.#goOn();
  }
}
