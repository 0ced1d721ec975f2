// The viewer's list as it grows: sorted once per order, filtered once per filter, and, while
// further pages arrive, grown by merging and grouping only what came, chunk after chunk for a
// few milliseconds, then a yield to the browser, so a list loading 100,000 documents never holds
// a frame for long.
import { yieldedOnce } from '../base/after-yield.js';
import { grownFrom } from '../base/virtual-list.js';
import {
  appendToGroups,
  comparators,
  filterDocuments,
  groupList,
  mergeSorted,
  type GroupedList,
  sortDocuments,
  type ListItem,
  type PreparedDocument,
  type SortOrder,
  type ViewerFilters,
  type ViewMode,
} from './document-list.js';

/** Documents merged into the list at a time while further pages arrive. */
export const GROWTH_CHUNK = 1_000;

/**
 * How long an update goes on merging chunks before it yields to the browser: half a frame, so
 * the list's rendering fits in the same frame.
 */
export const GROWTH_SLICE_MS = 8;

/** How the list is asked to show: every input but the documents. */
export interface ListView {
  readonly sort: SortOrder;
  readonly view: ViewMode;
  readonly filters: ViewerFilters;
  readonly collapsed: ReadonlySet<string>;
}

export class DocumentListModel {
  /** Group headers and rows, as the virtualized list shows them; a new array on each change. */
  items: ListItem[] = [];
  /** Documents shown (matching the filters), collapsed groups included. */
  shownCount = 0;

  /** The documents taken so far: a prefix of the search's list while it grows. */
  #taken: readonly PreparedDocument[] = [];
  #sorted: PreparedDocument[] = [];
  #filtered: PreparedDocument[] = [];
  /** `#filtered` grouped: what `items` copies. */
  #grouped: GroupedList = { items: [], headers: new Map(), last: undefined };
  #view: ListView | undefined;
  /** The filters as compared, so a new but equal object keeps the list. */
  #filterKey = '';
  /** Updates again after a yield, once however many slices ask for it. */
  readonly #goOn = yieldedOnce(() => {
    this.more();
  });

  /**
   * `more` is called, after a yield, when documents are left to add: update again then. `clock`
   * tells the time slice's milliseconds.
   */
  constructor(
    private readonly more: () => void,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /**
   * Brings the list up to `documents` shown as `view`; true when `items` changed. A change of
   * order sorts again, of filters filters again; documents added at the end (further pages)
   * are merged in, `GROWTH_CHUNK` at a time for `GROWTH_SLICE_MS`, the rest after a yield.
   */
  update(documents: readonly PreparedDocument[], view: ListView): boolean {
    const filterKey = JSON.stringify(view.filters);
    const previous = this.#view;
    const sameSort = previous?.sort === view.sort;
    const sameFilters = sameSort && this.#filterKey === filterKey;
    const sameGroups =
      sameFilters && previous.view === view.view && previous.collapsed === view.collapsed;
    const kept = sameSort ? grownFrom(this.#taken, documents) : undefined;
    if (sameGroups && kept === documents.length && documents === this.#taken) return false;
    this.#view = view;
    this.#filterKey = filterKey;

    // Grouping again costs as much as the list is long: done once at the end of an update, and
    // only when what came could not be added after the groups already listed.
    let regroup = !sameGroups;
    if (kept === undefined) {
      // Another list, or another order: everything there is, at once (the first render).
      this.#taken = documents;
      this.#sorted = sortDocuments([...documents], view.sort);
      this.#filtered = filterDocuments(this.#sorted, view.filters);
      regroup = true;
    } else {
      if (!sameFilters) this.#filtered = filterDocuments(this.#sorted, view.filters);
      let taken = kept;
      const started = this.clock();
      while (taken < documents.length) {
        const end = Math.min(documents.length, taken + GROWTH_CHUNK);
        const added = sortDocuments(documents.slice(taken, end), view.sort);
        this.#sorted = appendSorted(this.#sorted, added, view.sort);
        const shown = filterDocuments(added, view.filters);
        const after = comesAfter(this.#filtered, shown, view.sort);
        this.#filtered = appendSorted(this.#filtered, shown, view.sort);
        regroup ||=
          !after || !appendToGroups(this.#grouped, shown, view.view, view.sort, view.collapsed);
        taken = end;
        if (this.clock() - started >= GROWTH_SLICE_MS) break;
      }
      this.#taken = taken === documents.length ? documents : documents.slice(0, taken);
      if (taken < documents.length) this.#goOn();
    }
    if (regroup) this.#grouped = groupList(this.#filtered, view.view, view.sort, view.collapsed);
    this.shownCount = this.#filtered.length;
    // A new array, so the virtualized list sees the change; copying is a memory copy.
    this.items = this.#grouped.items.slice();
    return true;
  }
}

/** True when every one of `more` (sorted as `sort`) comes after all of `sorted`. */
function comesAfter(
  sorted: readonly PreparedDocument[],
  more: readonly PreparedDocument[],
  sort: SortOrder,
): boolean {
  const first = more[0];
  const last = sorted.at(-1);
  return first === undefined || last === undefined || !(comparators[sort](first, last) < 0);
}

/**
 * `sorted` with `more` (sorted the same way) merged in: in place when all of `more` comes after
 * (a server answering in the list's order), else by a linear merge.
 */
function appendSorted(
  sorted: PreparedDocument[],
  more: readonly PreparedDocument[],
  sort: SortOrder,
): PreparedDocument[] {
  if (more.length === 0) return sorted;
  if (comesAfter(sorted, more, sort)) {
    for (const document of more) sorted.push(document);
    return sorted;
  }
  return mergeSorted(sorted, more, sort);
}
