import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AuditRow } from '@dsp-kit/fhir';
import { AuditLines, groupRepeats, type AuditLine } from './audit-group.js';
import { prepareEntries } from './audit-index.js';
import { auditRow } from '../../test/audit-row.helpers.js';

function row(id: string, recorded: string, action: AuditRow['action'] = 'search'): AuditRow {
  return auditRow({ id, recorded, action });
}

const ids = (lines: readonly AuditLine[]) => lines.map((line) => line.rows.map((r) => r.id));

/** The lines of `pages` grouped page by page, in place. */
function inPages(pages: readonly (readonly AuditRow[])[]): AuditLine[] {
  const lines = new AuditLines();
  for (const page of pages) lines.append(prepareEntries(page));
  return lines.lines;
}

/** `rows` cut into pages of `size`. */
function pages(rows: readonly AuditRow[], size: number): AuditRow[][] {
  const result: AuditRow[][] = [];
  for (let i = 0; i < rows.length; i += size) result.push(rows.slice(i, i + size));
  return result;
}

/**
 * A log newest first, an entry every 20 s, with runs of identical entries (1 to 6 long) broken by
 * another action, by a gap of over a minute, and a refusal here and there.
 */
function log(count: number): AuditRow[] {
  const rows: AuditRow[] = [];
  let time = Date.UTC(2026, 10, 26, 12);
  for (let i = 0; i < count; i++) {
    const action = i % 7 < 4 ? 'search' : i % 7 === 4 ? 'read' : 'create';
    time -= i % 11 === 0 ? 90_000 : 20_000;
    const entry = row(`e${i}`, new Date(time).toISOString(), action);
    rows.push(
      i % 13 === 0 ? { ...entry, outcome: 'refused', outcomeDescription: 'Refusé' } : entry,
    );
  }
  return rows;
}

describe('AuditLines', () => {
  it('continues the last line across a page boundary, its window counted from its first entry', () => {
    // s1..s3 read the same; s3 is 65 s from s1, which opened the line, though 35 s from s2.
    const s1 = row('s1', '2026-11-26T10:01:10Z');
    const s2 = row('s2', '2026-11-26T10:00:40Z');
    const s3 = row('s3', '2026-11-26T10:00:05Z');
    const s4 = row('s4', '2026-11-26T10:00:00Z');
    const r = row('r', '2026-11-26T09:59:59Z', 'read');
    const expected = [['s1', 's2'], ['s3', 's4'], ['r']];
    assert.deepEqual(ids(inPages([[s1], [s2, s3], [s4, r]])), expected);
    assert.deepEqual(ids(inPages([[s1, s2], [s3], [], [s4], [r]])), expected);
    assert.deepEqual(ids(inPages([[s1, s2, s3, s4, r]])), expected);
  });

  it('keeps each line first entry and its rows as the same objects the list shows', () => {
    const s1 = row('s1', '2026-11-26T10:00:30Z');
    const s2 = row('s2', '2026-11-26T10:00:10Z');
    const [line] = inPages([[s1], [s2]]);
    assert.equal(line?.row, s1);
    assert.deepEqual(line?.rows, [s1, s2]);
  });

  it('gives the lines of the whole log grouped at once, whatever the page size', () => {
    const rows = log(2_000);
    const whole = ids(groupRepeats(rows));
    // The log has runs that a page boundary cuts.
    assert.ok(whole.some((line) => line.length > 2));
    assert.ok(whole.length > 300 && whole.length < 1_900);
    for (const size of [1, 2, 3, 7, 100, 500, 2_000]) {
      assert.deepEqual(ids(inPages(pages(rows, size))), whole, `pages of ${size}`);
    }
  });

  it('groups a page that arrives out of order where it arrives, as the log lists it', () => {
    const rows = log(1_500);
    const [first, second, third, ...rest] = pages(rows, 500) as [
      AuditRow[],
      AuditRow[],
      AuditRow[],
    ];
    assert.equal(rest.length, 0);
    // The oldest page first, then the newest, then the middle one: the log lists them so.
    const arrived = [third, first, second];
    assert.deepEqual(ids(inPages(arrived)), ids(groupRepeats(arrived.flat())));
    // A page whose first entry is identical to the last line's and within its window joins it.
    const late = [row('a', '2026-11-26T10:00:00Z'), row('b', '2026-11-26T10:00:30Z')];
    assert.deepEqual(ids(inPages([[late[0]!], [late[1]!]])), [['a', 'b']]);
    // One over a minute newer does not.
    const newer = [row('a', '2026-11-26T10:00:00Z'), row('c', '2026-11-26T10:01:30Z')];
    assert.deepEqual(ids(inPages([[newer[0]!], [newer[1]!]])), [['a'], ['c']]);
  });
});
