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

/**
 * `groupRepeats` over prepared entries: their keys and times were worked out when their page
 * arrived, so grouping a filtered log is one pass of comparisons.
 */
export function groupEntries(entries: readonly AuditEntry[]): AuditLine[] {
  const lines: AuditLine[] = [];
  let last: { rows: AuditRow[]; key: string; time: number } | undefined;
  for (const { row, time, key } of entries) {
    if (
      last?.key === key &&
      Number.isFinite(time) &&
      Math.abs(last.time - time) <= GROUP_WINDOW_MS
    ) {
      last.rows.push(row);
    } else {
      last = { rows: [row], key, time };
      lines.push({ row, rows: last.rows });
    }
  }
  return lines;
}
