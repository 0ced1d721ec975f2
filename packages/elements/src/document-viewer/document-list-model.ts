// The viewer's list as it grows: sorted once per order, filtered once per filter, and, while
// further pages arrive, grown by merging only what came, a chunk at a time with a yield to the
// browser between chunks, so a list loading 100,000 documents never holds a frame for long.
import { grownFrom } from '../base/virtual-list.js';
import {
  comparators,
  filterDocuments,
  groupItems,
  mergeSorted,
  sortDocuments,
  type ListItem,
  type PreparedDocument,
  type SortOrder,
  type ViewerFilters,
  type ViewMode,
} from './document-list.js';

/** Documents added to the list per step while further pages arrive; the rest after a yield. */
export const GROWTH_CHUNK = 5_000;

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
  #view: ListView | undefined;
  /** The filters as compared, so a new but equal object keeps the list. */
  #filterKey = '';
  #yieldScheduled = false;

  /** `more` is called, after a yield, when documents are left to add: update again then. */
  constructor(private readonly more: () => void) {}

  /**
   * Brings the list up to `documents` shown as `view`; true when `items` changed. A change of
   * order sorts again, of filters filters again; documents added at the end (further pages)
   * are merged in, at most `GROWTH_CHUNK` of them now, the rest after a yield.
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

    if (kept === undefined) {
      // Another list, or another order: everything there is, at once (the first render).
      this.#taken = documents;
      this.#sorted = sortDocuments([...documents], view.sort);
      this.#filtered = filterDocuments(this.#sorted, view.filters);
    } else {
      if (!sameFilters) this.#filtered = filterDocuments(this.#sorted, view.filters);
      if (kept < documents.length) {
        const end = Math.min(documents.length, kept + GROWTH_CHUNK);
        const added = sortDocuments(documents.slice(kept, end), view.sort);
        this.#sorted = appendSorted(this.#sorted, added, view.sort);
        this.#filtered = appendSorted(
          this.#filtered,
          filterDocuments(added, view.filters),
          view.sort,
        );
        this.#taken = end === documents.length ? documents : documents.slice(0, end);
        if (end < documents.length) this.#yieldThenMore();
      } else {
        this.#taken = documents;
      }
    }
    this.shownCount = this.#filtered.length;
    this.items = groupItems(this.#filtered, view.view, view.sort, view.collapsed);
    return true;
  }

  #yieldThenMore(): void {
    if (this.#yieldScheduled) return;
    this.#yieldScheduled = true;
    // A task of its own: the browser renders and handles input before the next chunk.
    setTimeout(() => {
      this.#yieldScheduled = false;
      this.more();
    }, 0);
  }
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
  const first = more[0];
  if (first === undefined) return sorted;
  const last = sorted.at(-1);
  if (last === undefined || !(comparators[sort](first, last) < 0)) {
    for (const document of more) sorted.push(document);
    return sorted;
  }
  return mergeSorted(sorted, more, sort);
}
