// The audit log's indexed filter and prepared grouping against the scan they replace, on a large
// log made from the mock's generated dataset: exactly the same rows, in the same order.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  auditRows,
  buildAuditEvent,
  professions,
  type AuditEvent,
  type AuditRow,
  type DspAuditAction,
} from '@dsp-kit/fhir';
import { generateDataset } from '@dsp-kit/mock';
import type { DocumentReference, PractitionerRole } from '@medplum/fhirtypes';
import type { AuditFilters } from '../src/audit-log/audit-filter.js';
import { filterRows } from '../src/audit-log/audit-filter.js';
import { groupEntries, groupRepeats } from '../src/audit-log/audit-group.js';
import { AuditIndex, prepareEntries } from '../src/audit-log/audit-index.js';

// ---- The previous scan, kept as an oracle (audit-filter.ts before the index), unchanged. ----

function oracleDayStart(day: string | undefined): number | undefined {
  if (!day) return undefined;
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return undefined;
  return new Date(y, m - 1, d).getTime();
}

const oracleTimes = new WeakMap<AuditRow, number>();
function oracleTimeOf(row: AuditRow): number {
  let time = oracleTimes.get(row);
  if (time === undefined) {
    time = Date.parse(row.recorded);
    oracleTimes.set(row, time);
  }
  return time;
}

function previousScan(rows: readonly AuditRow[], filters: AuditFilters): AuditRow[] {
  const from = oracleDayStart(filters.from);
  const toStart = oracleDayStart(filters.to);
  const to = toStart === undefined ? undefined : toStart + 86_400_000;
  const { agent, action, document } = filters;
  if (from === undefined && to === undefined && !agent && !action && !document) return [...rows];
  return rows.filter((row) => {
    if (from !== undefined || to !== undefined) {
      const time = oracleTimeOf(row);
      if (from !== undefined && time < from) return false;
      if (to !== undefined && time >= to) return false;
    }
    if (agent && row.who.reference !== agent) return false;
    if (action && row.action !== action) return false;
    if (document && row.document?.id !== document) return false;
    return true;
  });
}

// ---- A large log from the mock's generated dataset. ----

const ACTIONS: DspAuditAction[] = ['read', 'search', 'create', 'update', 'mask', 'consent'];

/**
 * Every generated document read, searched or changed by its author's role, a few times each,
 * some refused, some under emergency access; newest first, as the server answers.
 */
function generatedLog(): AuditRow[] {
  const dataset = generateDataset({ seed: 4, patients: 3, documents: 6_000 });
  const roles = dataset.filter((r): r is PractitionerRole => r.resourceType === 'PractitionerRole');
  const documents = dataset.filter(
    (r): r is DocumentReference => r.resourceType === 'DocumentReference',
  );
  const events: AuditEvent[] = [];
  documents.forEach((document, i) => {
    for (let k = 0; k < 3; k++) {
      const role = roles[(i * 7 + k) % roles.length];
      const when = Date.parse(document.date ?? '2020-01-01T00:00:00Z') + k * 30_000;
      const emergency = (i + k) % 41 === 0;
      events.push({
        ...buildAuditEvent({
          action: k === 2 && i % 9 === 0 ? 'break-the-glass' : ACTIONS[(i + k) % ACTIONS.length]!,
          outcome: (i * 3 + k) % 17 === 0 ? 'refused' : 'success',
          recorded: new Date(when).toISOString(),
          agent:
            // Some agents known only by name, as a foreign system may record them.
            i % 53 === 0
              ? { display: 'Système externe' }
              : { ...(role?.practitioner ?? {}), display: role?.practitioner?.display ?? 'Dr' },
          profession: professions[i % professions.length]?.code,
          patient: 'p',
          ...(emergency ? { purposeOfUse: ['BTG'], reason: 'Urgence' } : {}),
          ...(k !== 1
            ? {
                document: {
                  id: document.id ?? `doc-${i}`,
                  ...(document.description ? { title: document.description } : {}),
                },
              }
            : {}),
        }),
        id: `e${i}-${k}`,
      });
    }
  });
  // One entry whose time does not parse: date filters have always let it through.
  events.push({
    ...buildAuditEvent({
      action: 'read',
      outcome: 'success',
      recorded: 'not a date',
      agent: { display: 'X' },
      patient: 'p',
    }),
    id: 'odd',
  });
  const rows = auditRows(events);
  return rows.sort((a, b) => (a.recorded < b.recorded ? 1 : a.recorded > b.recorded ? -1 : 0));
}

const rows = generatedLog();
const someAgent = rows.find((r) => r.who.reference)?.who.reference;
const someDocument = rows.find((r) => r.document)?.document?.id;
const years = rows.map((r) => r.recorded.slice(0, 4)).filter((y) => /^\d{4}$/.test(y));
const middle = years[Math.floor(years.length / 2)] ?? '2020';

const queries: AuditFilters[] = [
  {},
  { action: 'read' },
  { action: 'break-the-glass' },
  { action: 'other' },
  { agent: someAgent },
  { agent: 'Practitioner/nobody' },
  { document: someDocument },
  { document: 'nothing' },
  { from: `${middle}-03-01` },
  { to: `${middle}-06-30` },
  { from: `${middle}-01-01`, to: `${middle}-12-31`, action: 'search' },
  { from: `${middle}-05-10`, to: `${middle}-05-10` },
  { from: `${middle}-7-4`, to: `${middle}-8-1` },
  { from: 'not-a-day', to: '' },
  { to: `${middle}-02-30` },
  { from: `${middle}-12-31`, to: `${middle}-01-01` },
  { agent: someAgent, action: 'read', from: `${middle}-01-01` },
  { agent: someAgent, document: someDocument },
  { document: someDocument, action: 'update', to: `${middle}-12-31` },
];

describe('the audit log’s indexed filter', () => {
  it('is given a large log with every kind of entry', () => {
    assert.ok(rows.length > 18_000);
    assert.ok(someAgent && someDocument);
    for (const action of ['read', 'search', 'break-the-glass'])
      assert.ok(rows.some((r) => r.action === action));
    assert.ok(rows.some((r) => !r.who.reference));
    assert.ok(rows.some((r) => r.outcome === 'refused') && rows.some((r) => r.breakTheGlass));
  });

  it('gives exactly the rows of the previous scan, in order, for each filter', () => {
    const index = new AuditIndex(prepareEntries(rows));
    for (const filters of queries) {
      const expected = previousScan(rows, filters);
      assert.deepEqual(
        index.filter(filters).map((entry) => entry.row),
        expected,
        JSON.stringify(filters),
      );
      assert.deepEqual(filterRows(rows, filters), expected, JSON.stringify(filters));
    }
    // Every query but the empty and the unreadable one narrows the log.
    const narrowing = queries.filter((f) => f.from !== 'not-a-day' && Object.keys(f).length > 0);
    assert.ok(narrowing.every((f) => previousScan(rows, f).length < rows.length));
  });

  it('gives the same rows when the log arrives page by page', () => {
    const whole = new AuditIndex(prepareEntries(rows));
    const paged = new AuditIndex();
    for (let start = 0; start < rows.length; start += 500)
      paged.add(prepareEntries(rows.slice(start, start + 500)));
    for (const filters of queries)
      assert.deepEqual(paged.filter(filters), whole.filter(filters), JSON.stringify(filters));
    assert.deepEqual(paged.choices('?'), whole.choices('?'));
  });

  it('reads only the entries its indexes point at, not every row', () => {
    const touched = new Set<AuditRow>();
    const watched = rows.map(
      (row) =>
        new Proxy(row, {
          get(target, key, receiver) {
            touched.add(target);
            return Reflect.get(target, key, receiver) as unknown;
          },
        }),
    );
    const index = new AuditIndex(prepareEntries(watched));
    touched.clear();
    const shown = index.filter({ action: 'break-the-glass' });
    assert.ok(shown.length > 0 && shown.length < rows.length / 10);
    assert.equal(touched.size, shown.length);
  });

  it('groups a filtered log into the same lines as the rows themselves', () => {
    const index = new AuditIndex(prepareEntries(rows));
    for (const filters of queries) {
      const entries = index.filter(filters);
      assert.deepEqual(
        groupEntries(entries),
        groupRepeats(entries.map((entry) => entry.row)),
        JSON.stringify(filters),
      );
    }
  });
});
