import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AuditRow } from '@dsp-kit/fhir';
import { filterChoices, filterRows } from './audit-filter.js';
import { auditRow } from '../../test/audit-row.helpers.js';

function row(
  id: string,
  recorded: string,
  agent: string,
  action: AuditRow['action'],
  document?: string,
): AuditRow {
  return auditRow({
    id,
    recorded,
    who: { reference: `Practitioner/${agent}`, name: `Dr ${agent}` },
    action,
    document: document ? { id: document, title: `Doc ${document}` } : undefined,
  });
}

const rows = [
  row('1', new Date(2026, 10, 26, 9).toISOString(), 'weber', 'read', 'd1'),
  row('2', new Date(2026, 10, 25, 23, 30).toISOString(), 'muller', 'search'),
  row('3', new Date(2026, 10, 20, 8).toISOString(), 'weber', 'break-the-glass'),
  row('4', new Date(2026, 9, 1, 12).toISOString(), 'hansen', 'read', 'd2'),
];

const ids = (list: AuditRow[]) => list.map((r) => r.id);

describe('filterRows', () => {
  it('keeps everything without filters', () => {
    assert.deepEqual(ids(filterRows(rows, {})), ['1', '2', '3', '4']);
  });

  it('filters by whole local days, agent, action and document, combined', () => {
    assert.deepEqual(ids(filterRows(rows, { from: '2026-11-25', to: '2026-11-25' })), ['2']);
    assert.deepEqual(ids(filterRows(rows, { from: '2026-11-20' })), ['1', '2', '3']);
    assert.deepEqual(ids(filterRows(rows, { to: '2026-11-20' })), ['3', '4']);
    assert.deepEqual(ids(filterRows(rows, { agent: 'Practitioner/weber' })), ['1', '3']);
    assert.deepEqual(ids(filterRows(rows, { action: 'read' })), ['1', '4']);
    assert.deepEqual(ids(filterRows(rows, { document: 'd2' })), ['4']);
    assert.deepEqual(ids(filterRows(rows, { agent: 'Practitioner/weber', action: 'read' })), ['1']);
  });

  it('ignores a malformed date instead of hiding everything', () => {
    assert.deepEqual(ids(filterRows(rows, { from: 'yesterday' })), ['1', '2', '3', '4']);
  });

  it('lists the distinct agents and documents, sorted', () => {
    const { agents, documents } = filterChoices(rows, '?');
    assert.deepEqual(
      agents.map((a) => a.label),
      ['Dr hansen', 'Dr muller', 'Dr weber'],
    );
    assert.deepEqual(
      documents.map((d) => d.value),
      ['d1', 'd2'],
    );
  });
});
