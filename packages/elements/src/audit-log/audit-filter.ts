// Filters the audit log's rows as the user narrows it down: by date range, who, action and
// document. The panel keeps an `AuditIndex` and asks it; these functions answer for plain rows.
import type { AuditRow, DspAuditAction } from '@dsp-kit/fhir';
import { AuditIndex, type AuditEntry } from './audit-index.js';

export interface AuditFilters {
  /** First day included, `YYYY-MM-DD` (local time). */
  from?: string | undefined;
  /** Last day included, `YYYY-MM-DD` (local time). */
  to?: string | undefined;
  /** The agent's reference, e.g. `Practitioner/paul-weber`. */
  agent?: string | undefined;
  action?: DspAuditAction | 'other' | undefined;
  /** A document's id. */
  document?: string | undefined;
}

/** The rows matching every filter given, in the order given. */
export function filterRows(rows: readonly AuditRow[], filters: AuditFilters): AuditRow[] {
  return new AuditIndex(entriesOf(rows)).filter(filters).map((entry) => entry.row);
}

export interface Choice {
  readonly value: string;
  readonly label: string;
}

/** The distinct agents and documents of the rows, for the filters' lists, sorted by label. */
export function filterChoices(
  rows: readonly AuditRow[],
  unknownAgent: string,
): { agents: Choice[]; documents: Choice[] } {
  return new AuditIndex(entriesOf(rows)).choices(unknownAgent);
}

/** Rows as entries for filtering alone: their on-screen keys, which only grouping reads, left out. */
function entriesOf(rows: readonly AuditRow[]): AuditEntry[] {
  return rows.map((row) => ({ row, time: Date.parse(row.recorded), key: '' }));
}
