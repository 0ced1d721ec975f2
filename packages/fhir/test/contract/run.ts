// Runs contract checks against one server, one after the other, and writes their results as a
// plain table: interaction, result (passed, failed with why, unsupported, skipped), time in ms.
import { declined } from './capabilities.js';
import type { Check } from './checks.js';
import type { ContractContext } from './context.js';
import { failureReason, unsupportedReason } from './verdict.js';

export type Status = 'passed' | 'failed' | 'unsupported' | 'skipped';

export interface CheckRow {
  readonly name: string;
  readonly interaction: string;
  readonly status: Status;
  /** Why it failed, is unsupported or was skipped. */
  readonly reason: string | undefined;
  readonly ms: number;
}

/** Runs one check: its needs and the CapabilityStatement first, then the check itself. */
export async function runCheck(check: Check, ctx: ContractContext): Promise<CheckRow> {
  const row = (status: Status, reason?: string, ms = 0): CheckRow => ({
    name: check.name,
    interaction: check.interaction,
    status,
    reason,
    ms,
  });
  const missing = [
    check.needs.write && !ctx.write ? '--write' : undefined,
    check.needs.patient && ctx.patient === undefined ? '--patient' : undefined,
  ].filter(Boolean);
  if (missing.length > 0) return row('skipped', `needs ${missing.join(' and ')}`);
  const refusal = check.uses.map((use) => declined(ctx.metadata, use)).find(Boolean);
  if (refusal) return row('unsupported', refusal);
  const start = performance.now();
  const elapsed = () => Math.round(performance.now() - start);
  try {
    const result = await check.run(ctx);
    if (result === 'passed') return row('passed', undefined, elapsed());
    return 'unsupported' in result
      ? row('unsupported', result.unsupported, elapsed())
      : row('skipped', result.skipped, elapsed());
  } catch (error) {
    const reason = unsupportedReason(error);
    return reason
      ? row('unsupported', reason, elapsed())
      : row('failed', failureReason(error), elapsed());
  }
}

/** Runs the checks in order; `onRow` sees each row as it is made (for live output). */
export async function runChecks(
  checks: readonly Check[],
  ctx: ContractContext,
  onRow?: (row: CheckRow) => void,
): Promise<CheckRow[]> {
  const rows: CheckRow[] = [];
  for (const check of checks) {
    const row = await runCheck(check, ctx);
    rows.push(row);
    onRow?.(row);
  }
  return rows;
}

/** Longest result text in the table; the rest of a long reason is cut with an ellipsis. */
const MAX_RESULT = 120;

export function resultText(row: CheckRow): string {
  const text = row.reason ? `${row.status}: ${row.reason}` : row.status;
  return text.length > MAX_RESULT ? `${text.slice(0, MAX_RESULT - 1)}…` : text;
}

/** The rows as a plain-text table with a header and a closing tally. */
export function formatTable(rows: readonly CheckRow[]): string {
  const header = { interaction: 'interaction', result: 'result', ms: 'ms' };
  const lines = rows.map((row) => ({
    interaction: row.interaction,
    result: resultText(row),
    ms: String(row.ms),
  }));
  const width = (key: 'interaction' | 'result' | 'ms') =>
    Math.max(header[key].length, ...lines.map((line) => line[key].length));
  const [wi, wr, wm] = [width('interaction'), width('result'), width('ms')];
  const format = (line: typeof header) =>
    `${line.interaction.padEnd(wi)}  ${line.result.padEnd(wr)}  ${line.ms.padStart(wm)}`.trimEnd();
  const rule = `${'-'.repeat(wi)}  ${'-'.repeat(wr)}  ${'-'.repeat(wm)}`;
  const count = (status: Status) => rows.filter((row) => row.status === status).length;
  const tally = `${rows.length} checks: ${count('passed')} passed, ${count('failed')} failed, ${count('unsupported')} unsupported, ${count('skipped')} skipped`;
  return [format(header), rule, ...lines.map(format), '', tally].join('\n');
}
