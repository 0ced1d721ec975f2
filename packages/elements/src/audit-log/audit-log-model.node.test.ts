import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AuditRow } from '@dsp-kit/fhir';
import type { AuditFilters } from './audit-filter.js';
import { groupRepeats, type AuditLine } from './audit-group.js';
import { AuditIndex, prepareEntries, type AuditEntry } from './audit-index.js';
import { AuditLogModel, GROWTH_CHUNK } from './audit-log-model.js';
import { auditRow } from '../../test/audit-row.helpers.js';

const base = auditRow();

const ACTIONS: AuditRow['action'][] = ['search', 'search', 'search', 'read', 'create'];

/** A log newest first, an entry every 20 s or so, with runs of identical entries. */
function log(count: number): AuditRow[] {
  let time = Date.UTC(2026, 10, 26, 12);
  return Array.from({ length: count }, (_, i) => {
    time -= i % 11 === 0 ? 90_000 : 20_000;
    return {
      ...base,
      id: `e${i}`,
      recorded: new Date(time).toISOString(),
      action: ACTIONS[i % ACTIONS.length]!,
      who: i % 3 === 0 ? { reference: 'Practitioner/paul-weber', name: 'Dr Paul Weber' } : base.who,
    };
  });
}

const ids = (lines: readonly AuditLine[]) => lines.map((line) => line.rows.map((r) => r.id));

/** What the list shows of `rows` filtered as the log's filter does it, written out here. */
function expected(rows: readonly AuditRow[], action?: AuditRow['action']) {
  const kept = action ? rows.filter((r) => r.action === action) : rows;
  return { filtered: kept.map((r) => r.id), lines: ids(groupRepeats(kept)) };
}

function shown(model: AuditLogModel) {
  return { filtered: model.filtered.map((e) => e.row.id), lines: ids(model.lines) };
}

/** A model on a clock that moves `step` ms at each reading, and a count of its calls for more. */
function modelOn(step: number) {
  let now = 0;
  const more = { calls: 0 };
  const model = new AuditLogModel(
    () => {
      more.calls++;
    },
    () => (now += step),
  );
  return { model, more };
}

/** Updates `model` until it has taken every entry, as the panel does each time it is called. */
function settle(model: AuditLogModel, items: readonly AuditEntry[], filters: AuditFilters) {
  let updates = 0;
  while (model.index.entries.length < items.length) {
    model.update(items, filters);
    assert.ok(++updates < 1_000);
  }
  return updates;
}

describe('AuditLogModel', () => {
  it('grows page by page to exactly the entries and lines of the whole log', () => {
    const rows = log(6_000);
    const { model } = modelOn(1);
    let items: AuditEntry[] = [];
    for (let i = 0; i < rows.length; i += 500) {
      // As the search publishes: the same entries, then more, in a new array.
      items = items.concat(prepareEntries(rows.slice(i, i + 500)));
      settle(model, items, {});
    }
    assert.deepEqual(shown(model), expected(rows));
  });

  it('adds a large arrival in time slices, asking for more after a yield', async () => {
    const rows = log(10_000);
    // 5 ms per clock reading: a slice of 8 ms takes two chunks.
    const { model, more } = modelOn(5);
    const first = prepareEntries(rows.slice(0, 500));
    model.update(first, {});
    const all = first.concat(prepareEntries(rows.slice(500)));
    assert.equal(model.update(all, {}), true);
    assert.equal(model.index.entries.length, 500 + 2 * GROWTH_CHUNK);
    assert.equal(model.filtered.length, 500 + 2 * GROWTH_CHUNK);
    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(more.calls, 1);
    assert.ok(settle(model, all, {}) > 2);
    assert.deepEqual(shown(model), expected(rows));
  });

  it('keeps a filter while growing, and gives the same rows when it changes midway', () => {
    const rows = log(5_000);
    const { model } = modelOn(5);
    const first = prepareEntries(rows.slice(0, 500));
    model.update(first, { action: 'search' });
    const all = first.concat(prepareEntries(rows.slice(500)));
    model.update(all, { action: 'search' });
    assert.ok(model.index.entries.length < all.length);
    // Another filter before the rest is taken, then back to the first one.
    model.update(all, { action: 'read' });
    model.update(all, { action: 'search' });
    settle(model, all, { action: 'search' });
    assert.deepEqual(shown(model), expected(rows, 'search'));
    model.update(all, { action: 'read' });
    assert.deepEqual(shown(model), expected(rows, 'read'));
    model.update(all, {});
    assert.deepEqual(shown(model), expected(rows));
  });

  it('starts anew on another list, and hands the list a new array on each change', () => {
    const { model } = modelOn(1);
    const one = prepareEntries(log(700));
    model.update(one, {});
    const lines = model.lines;
    const other = prepareEntries(log(300));
    assert.equal(model.update(other, {}), true);
    assert.notEqual(model.lines, lines);
    assert.deepEqual(shown(model), expected(log(300)));
    assert.equal(model.update(other, {}), false);
  });

  it("tells when the filters' lists change: a new agent or document, not a known one again", () => {
    const index = new AuditIndex(prepareEntries(log(10)));
    const version = index.choicesVersion;
    index.add(prepareEntries(log(30).slice(10)));
    assert.equal(index.choicesVersion, version);
    const dupont = { reference: 'Practitioner/luc-dupont', name: 'Dr Luc Dupont' };
    index.add(prepareEntries([{ ...base, id: 'n', who: dupont }]));
    assert.notEqual(index.choicesVersion, version);
    const withDupont = index.choicesVersion;
    assert.deepEqual(
      index.choices('?').agents.map((a) => a.label),
      ['Dr Luc Dupont', 'Dr Paul Weber', 'Marie Schmit'],
    );
    const document = { id: 'd1', title: 'Compte rendu' };
    index.add(prepareEntries([{ ...base, id: 'd', document }]));
    assert.notEqual(index.choicesVersion, withDupont);
    assert.deepEqual(index.choices('?').documents, [{ value: 'd1', label: 'Compte rendu' }]);
  });
});

describe('AuditLogModel: the filters kept for going back', () => {
  it('keeps the filters used most recently, not those set first', () => {
    const rows = log(200);
    const entries = prepareEntries(rows);
    const model = new AuditLogModel(() => undefined);
    const filter = (action?: AuditRow['action']): AuditFilters => (action ? { action } : {});
    model.update(entries, filter());
    const all = model.filtered;
    model.update(entries, filter('search'));
    const search = model.filtered;
    // Four kept: all, search, read; all again (used again, so most recent); then create and
    // update, which push out the two used least recently (search, read), not "all".
    for (const action of ['read', undefined, 'create', 'update'] as const)
      model.update(entries, filter(action));
    model.update(entries, filter());
    assert.equal(model.filtered, all, 'going back to "all" found it kept');
    assert.deepEqual(shown(model), expected(rows));
    model.update(entries, filter('search'));
    assert.notEqual(model.filtered, search, '"search", used least recently, was let go');
    assert.deepEqual(shown(model), expected(rows, 'search'));
  });
});
