// What the viewer lists: a patient's documents filtered, sorted and grouped (by month, DSP type or
// class) into one flat list of group headers and rows, ready for a virtualized list, each dated
// by its act rather than its filing. Pure and fast: 10,000 documents regroup within a frame.
import {
  documentClassOf,
  documentTypeOf,
  documentTypes,
  documentClasses,
} from '@dsp-kit/fhir/vocabulary';
import type { DocumentReference } from '@dsp-kit/fhir';
import { filedApart, timeOf } from '../base/document-dates.js';

export type ViewMode = 'timeline' | 'types' | 'classes';
export type SortOrder = '-date' | 'date' | 'type';

export interface ViewerFilters {
  /** DSP type codes; any of them. */
  readonly types?: readonly string[];
  /** DSP class codes; any of them. */
  readonly classes?: readonly string[];
  /** First day, `YYYY-MM-DD`. */
  readonly from?: string;
  /** Last day, `YYYY-MM-DD`. */
  readonly to?: string;
  /** Words to find in the title, description or author (case and accents aside). */
  readonly q?: string;
  /** Words to find in the authors' names or the facility (case and accents aside). */
  readonly author?: string;
}

/** A document with what filtering, sorting and grouping need, computed once. */
export interface PreparedDocument {
  readonly document: DocumentReference;
  readonly id: string;
  /** The clinical date (`clinicalDate`) as a time: what the list sorts, groups and filters by. */
  readonly time: number;
  /**
   * The filing date (`DocumentReference.date`) when it falls on another day than the act's;
   * worked out when a row first shows it.
   */
  readonly filedApart: string | undefined;
  readonly typeCode: string | undefined;
  readonly classCode: string | undefined;
  readonly typeRank: number;
  /** Folded search text, filled by `searchText` on first use. */
  search: { readonly text: string; readonly authors: string } | undefined;
  /** Its row in the list, made once however often the list is regrouped. */
  item: DocumentItem | undefined;
}

/** Title, description and authors, and separately authors and facility, folded for search. */
export function searchText(prepared: PreparedDocument): { text: string; authors: string } {
  // Folding text for search costs more than everything else a row needs: done on the first
  // search that needs it, not for every document on the first render, and kept on the document.
  if (!prepared.search) {
    const document = prepared.document;
    const authors = (document.author ?? []).map((a) => a.display);
    prepared.search = {
      text: fold([titleOf(document), document.description, ...authors].filter(Boolean).join(' ')),
      authors: fold(
        [
          ...authors,
          ...(document.context?.facilityType?.coding ?? []).map((c) => c.display),
          document.context?.facilityType?.text,
        ]
          .filter(Boolean)
          .join(' '),
      ),
    };
  }
  return prepared.search;
}

export interface GroupItem {
  readonly kind: 'group';
  /** `2026-10` (timeline), a type code, a class code, or `unknown`. */
  readonly key: string;
  readonly count: number;
  readonly collapsed: boolean;
}

export interface DocumentItem {
  readonly kind: 'document';
  readonly prepared: PreparedDocument;
}

export type ListItem = GroupItem | DocumentItem;

/** Lower case without accents, so "echo" finds "Échographie". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

const typeRanks = new Map(documentTypes.map((t, i) => [t.code, i]));
const classRanks = new Map<string, number>(documentClasses.map((c, i) => [c.code, i]));

/** The document's title as shown: the attachment's title, else its description. */
export function titleOf(document: DocumentReference): string | undefined {
  const title = document.content[0]?.attachment.title ?? document.description;
  return title?.trim() ? title : undefined;
}

/**
 * The clinical date (`clinicalDate`) as a time, read in one pass: the first of the service
 * period's start, the content's creation and the filing date that is a date at all.
 */
function clinicalTime(document: DocumentReference): number {
  for (const value of [
    document.context?.period?.start,
    document.content[0]?.attachment.creation,
    document.date,
  ]) {
    if (value === undefined) continue;
    const time = timeOf(value);
    if (!Number.isNaN(time)) return time;
  }
  return Number.NEGATIVE_INFINITY;
}

/**
 * A prepared document. Preparing runs for every document as its page arrives, 100,000 of them on
 * a first render, so it parses one date; whether the filing date is another day than the act's
 * (two calendar days worked out) waits until a row shows it.
 */
class Prepared implements PreparedDocument, DocumentItem {
  search: PreparedDocument['search'] = undefined;
  // Its own row: no second object per document for the list to allocate on a first render.
  item: DocumentItem | undefined = this;
  #filedApart: string | undefined | null = null;

  readonly kind = 'document';

  get prepared(): PreparedDocument {
    return this;
  }

  constructor(
    readonly document: DocumentReference,
    readonly id: string,
    readonly time: number,
    readonly typeCode: string | undefined,
    readonly classCode: string | undefined,
    readonly typeRank: number,
  ) {}

  get filedApart(): string | undefined {
    if (this.#filedApart === null) this.#filedApart = filedApart(this.document, this.time);
    return this.#filedApart;
  }
}

export function prepare(document: DocumentReference, index: number): PreparedDocument {
  const type = documentTypeOf(document.type);
  return new Prepared(
    document,
    document.id ?? `#${index}`,
    clinicalTime(document),
    type?.code,
    type ? documentClassOf(type).code : undefined,
    type ? (typeRanks.get(type.code) ?? documentTypes.length) : documentTypes.length,
  );
}

function dayStart(day: string | undefined): number | undefined {
  const match = day ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(day) : null;
  return match
    ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).getTime()
    : undefined;
}

export function filterDocuments(
  documents: readonly PreparedDocument[],
  filters: ViewerFilters,
): PreparedDocument[] {
  const types = filters.types?.length ? new Set(filters.types) : undefined;
  const classes = filters.classes?.length ? new Set(filters.classes) : undefined;
  const from = dayStart(filters.from);
  const toStart = dayStart(filters.to);
  const to = toStart === undefined ? undefined : toStart + 86_400_000;
  const words = fold(filters.q ?? '')
    .split(/\s+/)
    .filter(Boolean);
  const authorWords = fold(filters.author ?? '')
    .split(/\s+/)
    .filter(Boolean);
  // No filter (the list as it loads): a copy, without testing every document six times.
  if (
    !types &&
    !classes &&
    from === undefined &&
    to === undefined &&
    words.length === 0 &&
    authorWords.length === 0
  )
    return documents.slice();
  return documents.filter(
    (d) =>
      (!types || (d.typeCode !== undefined && types.has(d.typeCode))) &&
      (!classes || (d.classCode !== undefined && classes.has(d.classCode))) &&
      (from === undefined || d.time >= from) &&
      (to === undefined || d.time < to) &&
      (words.length === 0 || words.every((word) => searchText(d).text.includes(word))) &&
      (authorWords.length === 0 ||
        authorWords.every((word) => searchText(d).authors.includes(word))),
  );
}

type Compare = (a: PreparedDocument, b: PreparedDocument) => number;

/** How each order compares two documents (ties keep the order given: sorts are stable). */
export const comparators: Record<SortOrder, Compare> = {
  '-date': (a, b) => b.time - a.time,
  date: (a, b) => a.time - b.time,
  type: (a, b) => a.typeRank - b.typeRank || b.time - a.time,
};

/** Sorts in place, stably. */
export function sortDocuments(documents: PreparedDocument[], sort: SortOrder): PreparedDocument[] {
  return documents.sort(comparators[sort]);
}

/**
 * Two lists sorted in the same order as one, in linear time: how a list grows by a page without
 * sorting it all again. On a tie, `sorted` comes first, as a stable sort of both would keep it.
 */
export function mergeSorted(
  sorted: readonly PreparedDocument[],
  more: readonly PreparedDocument[],
  sort: SortOrder,
): PreparedDocument[] {
  const compare = comparators[sort];
  const merged: PreparedDocument[] = [];
  let i = 0;
  for (const next of more) {
    // Everything of `sorted` that does not come after `next` goes first. Not `>= 0`: undated
    // documents compare as NaN, which sorting takes as a tie.
    let current = sorted[i];
    while (current !== undefined && !(compare(next, current) < 0)) {
      merged.push(current);
      current = sorted[++i];
    }
    merged.push(next);
  }
  return i < sorted.length ? merged.concat(sorted.slice(i)) : merged;
}

/**
 * `2026-10` for a time, `unknown` for none. Sorted documents come month after month, so the last
 * month's bounds answer nearly every call without building a Date.
 */
function monthKeys(): (time: number) => string {
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  let key = '';
  return (time) => {
    if (time >= start && time < end) return key;
    if (!Number.isFinite(time)) return 'unknown';
    const date = new Date(time);
    const year = date.getFullYear();
    const month = date.getMonth();
    start = new Date(year, month, 1).getTime();
    end = new Date(year, month + 1, 1).getTime();
    key = `${year}-${String(month + 1).padStart(2, '0')}`;
    return key;
  };
}

/** The key of the group a document falls in, for a view: its month, DSP type or class. */
function groupKeyOf(view: ViewMode): (document: PreparedDocument) => string {
  if (view === 'types') return (d) => d.typeCode ?? 'unknown';
  if (view === 'classes') return (d) => d.classCode ?? 'unknown';
  const monthKey = monthKeys();
  return (d) => monthKey(d.time);
}

/**
 * How groups follow one another: the vocabulary's order (types, classes) or the sort's direction
 * (months), `unknown` last.
 */
function groupOrder(view: ViewMode, sort: SortOrder): (a: string, b: string) => number {
  if (view === 'timeline') {
    return (a, b) =>
      a === b
        ? 0
        : a === 'unknown'
          ? 1
          : b === 'unknown'
            ? -1
            : sort === 'date'
              ? a.localeCompare(b)
              : b.localeCompare(a);
  }
  const ranks = view === 'types' ? typeRanks : classRanks;
  const rank = (key: string): number =>
    key === 'unknown' ? Number.POSITIVE_INFINITY : (ranks.get(key) ?? Number.MAX_SAFE_INTEGER);
  return (a, b) => rank(a) - rank(b);
}

/** The flat list of `groupItems` with where each group's header is, so the list can grow. */
export interface GroupedList {
  /** Headers and rows; grown in place by `appendToGroups`. */
  readonly items: ListItem[];
  /** Each group's header, by key, as its index in `items`. */
  readonly headers: Map<string, number>;
  /** The key of the last group. */
  last: string | undefined;
}

/** `groupItems`, with where each header is. */
export function groupList(
  documents: readonly PreparedDocument[],
  view: ViewMode,
  sort: SortOrder,
  collapsed: ReadonlySet<string>,
): GroupedList {
  const keyOf = groupKeyOf(view);
  const groups = new Map<string, PreparedDocument[]>();
  // Sorted documents come group after group (month after month, type after type): the last
  // group answers most of them without a lookup.
  let lastKey: string | undefined;
  let last: PreparedDocument[] = [];
  for (const document of documents) {
    const key = keyOf(document);
    if (key !== lastKey) {
      lastKey = key;
      const group = groups.get(key);
      if (group) last = group;
      else groups.set(key, (last = []));
    }
    last.push(document);
  }
  const keys = [...groups.keys()].sort(groupOrder(view, sort));
  const list: GroupedList = { items: [], headers: new Map(), last: keys.at(-1) };
  for (const key of keys) pushGroup(list, key, groups.get(key) ?? [], collapsed.has(key));
  return list;
}

/** A group's header and, unless it is collapsed, its rows, at the end of `list`. */
function pushGroup(
  list: GroupedList,
  key: string,
  members: readonly PreparedDocument[],
  collapsed: boolean,
): void {
  list.headers.set(key, list.items.length);
  list.items.push({ kind: 'group', key, count: members.length, collapsed });
  if (!collapsed) {
    for (const prepared of members)
      list.items.push((prepared.item ??= { kind: 'document', prepared }));
  }
}

/**
 * Adds `more`, which come after every document of `list` in the sort, to `list` in place: the
 * last group grows (a new header with its count) and new groups follow. False, with `list`
 * untouched, when one of them belongs to a group listed before the last or to a group that would
 * rank before it (an undated document in a list sorted oldest first): `list` must then be
 * grouped again. Linear in `more`, whatever the size of `list`: how a list loading page by page
 * in its own order grows without regrouping all it holds.
 */
export function appendToGroups(
  list: GroupedList,
  more: readonly PreparedDocument[],
  view: ViewMode,
  sort: SortOrder,
  collapsed: ReadonlySet<string>,
): boolean {
  const keyOf = groupKeyOf(view);
  const order = groupOrder(view, sort);
  // Runs of documents by group, checked before anything changes.
  const runs: { key: string; members: PreparedDocument[] }[] = [];
  let previous = list.last;
  for (const document of more) {
    const key = keyOf(document);
    const run = runs.at(-1);
    if (run?.key === key) {
      run.members.push(document);
      continue;
    }
    if (key !== previous) {
      if (list.headers.has(key) || (previous !== undefined && !(order(previous, key) < 0)))
        return false;
    }
    runs.push({ key, members: [document] });
    previous = key;
  }
  for (const { key, members } of runs) {
    const at = list.headers.get(key);
    const header = at === undefined ? undefined : list.items[at];
    if (at === undefined || header?.kind !== 'group') {
      pushGroup(list, key, members, collapsed.has(key));
      continue;
    }
    // The last group grows: its header counts the newcomers, its rows follow the last row.
    list.items[at] = { ...header, count: header.count + members.length };
    if (!header.collapsed) {
      for (const prepared of members)
        list.items.push((prepared.item ??= { kind: 'document', prepared }));
    }
  }
  list.last = previous;
  return true;
}

/**
 * The flat list a virtualized list shows: for each non-empty group a header (with its count),
 * then its documents unless the group is collapsed. Groups follow the vocabulary's order (types,
 * classes) or the sort's direction (months); documents keep the sort within their group.
 */
export function groupItems(
  documents: readonly PreparedDocument[],
  view: ViewMode,
  sort: SortOrder,
  collapsed: ReadonlySet<string>,
): ListItem[] {
  return groupList(documents, view, sort, collapsed).items;
}
