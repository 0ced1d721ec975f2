// Groups identical consecutive entries of the audit log into one line with a count: one page
// view's panels each search the record (viewer, access rights, the log itself), which would
// otherwise read as the same entry three times. Every entry stays in the group (CSV, print).
import type { AuditRow } from '@dsp-kit/fhir';
import type { AuditEntry } from './audit-index.js';

/** One line of the log: the most recent entry of a run of identical ones, and the whole run. */
export interface AuditLine {
  readonly row: AuditRow;
  readonly rows: readonly AuditRow[];
}

/** Entries further apart than this stay apart: a search at 9:00 and one at 15:00 are two visits. */
export const GROUP_WINDOW_MS = 60_000;

/** What a line shows of an entry, apart from its time: equal keys read the same on screen. */
export function shownAs(row: AuditRow): string {
  return JSON.stringify([
    row.who.reference,
    row.who.name,
    row.profession,
    row.organization,
    row.action,
    row.document?.id,
    row.outcome,
    row.outcome === 'success' ? undefined : [row.refusal, row.outcomeDescription],
    row.breakTheGlass,
    row.reason,
    row.changes,
    row.documentChange,
  ]);
}

/** The rows as lines, in the order given, each run of identical rows within the window as one. */
export function groupRepeats(rows: readonly AuditRow[]): AuditLine[] {
  return groupEntries(
    rows.map((row) => ({ row, time: Date.parse(row.recorded), key: shownAs(row) })),
  );
}

/** The line being grown: the entry that opened it gives the key and time later ones must match. */
interface OpenLine {
  readonly rows: AuditRow[];
  readonly key: string;
  readonly time: number;
}

/** True when `entry` reads as `line` and falls within its window: it joins the line. */
function joins(line: OpenLine | undefined, { time, key }: AuditEntry): boolean {
  return (
    line?.key === key && Number.isFinite(time) && Math.abs(line.time - time) <= GROUP_WINDOW_MS
  );
}

/**
 * `groupRepeats` over prepared entries: their keys and times were worked out when their page
 * arrived, so grouping a filtered log is one pass of comparisons.
 */
export function groupEntries(entries: readonly AuditEntry[]): AuditLine[] {
  const lines = new AuditLines();
  lines.append(entries);
  return lines.lines;
}

/**
 * The lines of a log that grows at its end (further pages): each page's entries continue the last
 * line or open new ones, in place, so adding a page costs what the page holds, not the whole log.
 * Grouping reads the entries in the order given, so lines grown page by page are those of the
 * whole log grouped at once, whatever the times of the pages.
 */
export class AuditLines {
  /** The lines so far; grown in place. */
  readonly lines: AuditLine[] = [];
  #last: OpenLine | undefined;

  /** Adds `entries`, which follow every entry grouped so far. */
  append(entries: readonly AuditEntry[]): void {
    for (const entry of entries) {
      if (joins(this.#last, entry)) {
        this.#last?.rows.push(entry.row);
      } else {
        const last: OpenLine = { rows: [entry.row], key: entry.key, time: entry.time };
        this.#last = last;
        this.lines.push({ row: entry.row, rows: last.rows });
      }
    }
  }
}
