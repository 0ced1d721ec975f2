// Filters the audit log's rows as the user narrows it down: by date range, who, action and
// document. Pure and fast (50,000 rows well under a frame), so it runs on every change.
import type { AuditRow, DspAuditAction } from '@dsp-kit/fhir';

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

function dayStart(day: string | undefined): number | undefined {
  if (!day) return undefined;
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return undefined;
  return new Date(y, m - 1, d).getTime();
}

// Parsing 50,000 dates on every keystroke would cost more than a frame: each row's once.
const times = new WeakMap<AuditRow, number>();
function timeOf(row: AuditRow): number {
  let time = times.get(row);
  if (time === undefined) {
    time = Date.parse(row.recorded);
    times.set(row, time);
  }
  return time;
}

/** The rows matching every filter given, in the order given. */
export function filterRows(rows: readonly AuditRow[], filters: AuditFilters): AuditRow[] {
  const from = dayStart(filters.from);
  const toStart = dayStart(filters.to);
  const to = toStart === undefined ? undefined : toStart + 86_400_000;
  const { agent, action, document } = filters;
  if (from === undefined && to === undefined && !agent && !action && !document) return [...rows];
  return rows.filter((row) => {
    if (from !== undefined || to !== undefined) {
      const time = timeOf(row);
      if (from !== undefined && time < from) return false;
      if (to !== undefined && time >= to) return false;
    }
    if (agent && row.who.reference !== agent) return false;
    if (action && row.action !== action) return false;
    if (document && row.document?.id !== document) return false;
    return true;
  });
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
  const agents = new Map<string, string>();
  const documents = new Map<string, string>();
  for (const row of rows) {
    if (row.who.reference) agents.set(row.who.reference, row.who.name ?? unknownAgent);
    if (row.document) documents.set(row.document.id, row.document.title ?? row.document.id);
  }
  const sorted = (map: Map<string, string>) =>
    [...map]
      .map(([value, label]) => ({ value, label }))
      .sort((a, b) => a.label.localeCompare(b.label));
  return { agents: sorted(agents), documents: sorted(documents) };
}
