// The audit log as a prepared model: each entry's time and on-screen key worked out once, when
// its page arrives, and indexes by action, agent and document grown page by page, so a filter
// reads the entries that can match rather than scanning every row.
import type { AuditRow } from '@dsp-kit/fhir';
import type { AuditFilters, Choice } from './audit-filter.js';
import { shownAs } from './audit-group.js';

/** An entry of the log with what filtering and grouping need, computed once. */
export interface AuditEntry {
  readonly row: AuditRow;
  /** `recorded` as a time; NaN when it does not parse (such an entry passes date filters). */
  readonly time: number;
  /** What a line shows of the entry apart from its time: equal keys read the same on screen. */
  readonly key: string;
}

/** Prepares rows as they arrive (a page's own task), not when the list is filtered. */
export function prepareEntries(rows: readonly AuditRow[]): AuditEntry[] {
  return rows.map((row) => ({ row, time: Date.parse(row.recorded), key: shownAs(row) }));
}

function dayStart(day: string | undefined): number | undefined {
  if (!day) return undefined;
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return undefined;
  return new Date(y, m - 1, d).getTime();
}

function add(index: Map<string, number[]>, key: string, position: number): void {
  const positions = index.get(key);
  if (positions) positions.push(position);
  else index.set(key, [position]);
}

/** Where the first position at or after `start` is in `positions` (ascending): a binary search. */
function firstAtOrAfter(positions: readonly number[], start: number): number {
  let low = 0;
  let high = positions.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((positions[middle] ?? start) < start) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The entries of a log in the order given, with their indexes; grown by `add` page by page. */
export class AuditIndex {
  readonly #entries: AuditEntry[] = [];
  /** Times by position, read by date filters without touching the entries. */
  #times = new Float64Array(1024);
  readonly #byAction = new Map<string, number[]>();
  readonly #byAgent = new Map<string, number[]>();
  readonly #byDocument = new Map<string, number[]>();
  /** Each agent's and document's name as the latest entry gives it, for the filters' lists. */
  readonly #agentNames = new Map<string, string | undefined>();
  readonly #documentTitles = new Map<string, string>();
  #choicesVersion = 0;

  constructor(entries: readonly AuditEntry[] = []) {
    this.add(entries);
  }

  /** Every entry, in the order given. */
  get entries(): readonly AuditEntry[] {
    return this.#entries;
  }

  /**
   * Changes each time an agent or document is added to the filters' lists or renamed there: their
   * lists, sorted by label, are worth sorting again only then, not at every page.
   */
  get choicesVersion(): number {
    return this.#choicesVersion;
  }

  /** Appends entries (a further page) to the model and its indexes: linear in what is added. */
  add(entries: readonly AuditEntry[]): void {
    const start = this.#entries.length;
    if (start + entries.length > this.#times.length) {
      const grown = new Float64Array(Math.max(this.#times.length * 2, start + entries.length));
      grown.set(this.#times.subarray(0, start));
      this.#times = grown;
    }
    entries.forEach((entry, i) => {
      const position = start + i;
      const row = entry.row;
      this.#entries.push(entry);
      this.#times[position] = entry.time;
      add(this.#byAction, row.action, position);
      if (row.who.reference !== undefined) {
        add(this.#byAgent, row.who.reference, position);
        this.#name(this.#agentNames, row.who.reference, row.who.name);
      }
      if (row.document) {
        add(this.#byDocument, row.document.id, position);
        this.#name(this.#documentTitles, row.document.id, row.document.title ?? row.document.id);
      }
    });
  }

  #name<T>(names: Map<string, T>, key: string, name: T): void {
    if (names.has(key) && names.get(key) === name) return;
    names.set(key, name);
    this.#choicesVersion++;
  }

  /**
   * The entries matching every filter given, in the order given; from position `start` on when
   * given (the entries a page added, for a list that grows with the log).
   */
  filter(filters: AuditFilters, start = 0): AuditEntry[] {
    const from = dayStart(filters.from);
    const toStart = dayStart(filters.to);
    const to = toStart === undefined ? undefined : toStart + 86_400_000;
    const { agent, action, document } = filters;
    if (from === undefined && to === undefined && !agent && !action && !document) {
      return this.#entries.slice(start);
    }
    // The shortest list of positions that can match; the other filters are checked on it.
    const lists: (readonly number[])[] = [];
    if (action) lists.push(this.#byAction.get(action) ?? []);
    if (agent) lists.push(this.#byAgent.get(agent) ?? []);
    if (document) lists.push(this.#byDocument.get(document) ?? []);
    const shortest = lists.reduce<readonly number[] | undefined>(
      (best, list) => (best === undefined || list.length < best.length ? list : best),
      undefined,
    );
    const entries = this.#entries;
    const times = this.#times;
    const result: AuditEntry[] = [];
    const check = (position: number) => {
      // NaN compares false both ways, so an entry without a readable time stays, as it always has.
      const time = times[position] ?? Number.NaN;
      if (from !== undefined && time < from) return;
      if (to !== undefined && time >= to) return;
      const entry = entries[position];
      if (!entry) return;
      const row = entry.row;
      if (agent && row.who.reference !== agent) return;
      if (action && row.action !== action) return;
      if (document && row.document?.id !== document) return;
      result.push(entry);
    };
    if (shortest) {
      for (let i = firstAtOrAfter(shortest, start); i < shortest.length; i++) {
        check(shortest[i] ?? -1);
      }
    } else for (let position = start; position < entries.length; position++) check(position);
    return result;
  }

  /** The distinct agents and documents, for the filters' lists, sorted by label. */
  choices(unknownAgent: string): { agents: Choice[]; documents: Choice[] } {
    const sorted = (entries: Iterable<[string, string]>) =>
      [...entries]
        .map(([value, label]) => ({ value, label }))
        .sort((a, b) => a.label.localeCompare(b.label));
    return {
      agents: sorted(
        [...this.#agentNames].map(([value, name]): [string, string] => [
          value,
          name ?? unknownAgent,
        ]),
      ),
      documents: sorted(this.#documentTitles),
    };
  }
}
