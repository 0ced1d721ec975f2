import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { groupRepeats } from './audit-group.js';
import { auditRow } from '../../test/audit-row.helpers.js';

const search = auditRow({ id: 's1', recorded: '2026-11-26T10:00:02Z' });

describe('groupRepeats', () => {
  it('makes one line of identical consecutive entries, the most recent first, keeping them all', () => {
    const rows = [
      search,
      { ...search, id: 's2', recorded: '2026-11-26T10:00:01Z' },
      // The log's own read: its server text is not shown for a success, so it reads the same.
      {
        ...search,
        id: 's3',
        recorded: '2026-11-26T10:00:00Z',
        outcomeDescription: 'Consultation du journal des accès',
      },
    ];
    const lines = groupRepeats(rows);
    assert.equal(lines.length, 1);
    assert.equal(lines[0]!.row.id, 's1');
    assert.deepEqual(
      lines[0]!.rows.map((r) => r.id),
      ['s1', 's2', 's3'],
    );
  });

  it('keeps apart what reads differently, what is not consecutive, and visits a minute apart', () => {
    const other = {
      ...search,
      id: 'w',
      who: { reference: 'Practitioner/paul-weber', name: 'Dr Paul Weber' },
    };
    const refused = {
      ...search,
      id: 'r',
      outcome: 'refused' as const,
      outcomeDescription: 'Refusé',
    };
    const later = { ...search, id: 'l', recorded: '2026-11-26T10:01:03Z' };
    assert.deepEqual(
      groupRepeats([later, search, other, { ...search, id: 's2' }, refused]).map(
        (l) => l.rows.length,
      ),
      [1, 1, 1, 1, 1],
    );
  });
});
