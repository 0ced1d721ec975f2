import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Patient } from '@medplum/fhirtypes';
import { FhirFailure } from './fhir-http.js';
import {
  checkParameters,
  dateMatcher,
  dateSortDirection,
  paging,
  patientId,
  requiredPatient,
  searchset,
  tokenMatcher,
} from './search.js';

const params = (query: string) => new URLSearchParams(query);

function failure(run: () => unknown): FhirFailure {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof FhirFailure, String(error));
    return error;
  }
  assert.fail('expected a FhirFailure');
}

describe('dateMatcher: every FHIR R4 prefix at every precision', () => {
  // The expected sets follow the FHIR R4 search page (3.1.1.4.2, "date"): a value stands for the
  // range its precision covers, and each prefix compares the resource's instant with that range.
  const instants = {
    beforeYear: '2025-12-31T23:59:59.999Z',
    yearStart: '2026-01-01T00:00:00.000Z',
    febEnd: '2026-02-28T23:59:59.999Z',
    marchStart: '2026-03-01T00:00:00.000Z',
    march5Midnight: '2026-03-05T00:00:00.000Z',
    march5Noon: '2026-03-05T12:00:00.000Z',
    march5Last: '2026-03-05T23:59:59.999Z',
    march6: '2026-03-06T00:00:00.000Z',
    march31Late: '2026-03-31T23:59:59.999Z',
    aprilStart: '2026-04-01T00:00:00.000Z',
    yearEnd: '2026-12-31T23:59:59.999Z',
    nextYear: '2027-01-01T00:00:00.000Z',
  } as const;
  type Name = keyof typeof instants;
  const all = Object.keys(instants) as Name[];
  const matching = (param: string): Name[] => {
    const matches = dateMatcher(param);
    return all.filter((name) => matches(instants[name]));
  };
  const year: Name[] = [
    'yearStart',
    'febEnd',
    'marchStart',
    'march5Midnight',
    'march5Noon',
    'march5Last',
    'march6',
    'march31Late',
    'aprilStart',
    'yearEnd',
  ];
  const march: Name[] = [
    'marchStart',
    'march5Midnight',
    'march5Noon',
    'march5Last',
    'march6',
    'march31Late',
  ];
  const march5: Name[] = ['march5Midnight', 'march5Noon', 'march5Last'];
  const not = (names: Name[]) => all.filter((n) => !names.includes(n));
  const after = (last: Name) => all.slice(all.indexOf(last) + 1);
  const before = (first: Name) => all.slice(0, all.indexOf(first));

  const cases: [string, Name[]][] = [
    ['2026', year],
    ['eq2026', year],
    ['ne2026', not(year)],
    ['ge2026', [...year, 'nextYear']],
    ['le2026', ['beforeYear', ...year]],
    ['gt2026', ['nextYear']],
    ['lt2026', ['beforeYear']],
    ['sa2026', ['nextYear']],
    ['eb2026', ['beforeYear']],
    ['eq2026-03', march],
    ['ne2026-03', not(march)],
    ['ge2026-03', after('febEnd')],
    // The audit log's month bug: `le2026-03` must reach the end of March, not stop on 1 March.
    ['le2026-03', before('aprilStart')],
    ['gt2026-03', after('march31Late')],
    ['lt2026-03', before('marchStart')],
    ['eq2026-03-05', march5],
    ['ne2026-03-05', not(march5)],
    ['ge2026-03-05', after('marchStart')],
    ['le2026-03-05', before('march6')],
    ['gt2026-03-05', after('march5Last')],
    ['lt2026-03-05', before('march5Midnight')],
    ['eq2026-03-05T12:00:00Z', ['march5Noon']],
    ['ge2026-03-05T12:00:00Z', after('march5Midnight')],
    ['le2026-03-05T12:00:00Z', before('march5Last')],
    ['gt2026-03-05T12:00:00Z', after('march5Noon')],
    ['lt2026-03-05T12:00:00Z', before('march5Noon')],
    ['eq2026-03-05T13:00:00+01:00', ['march5Noon']],
  ];
  for (const [param, expected] of cases) {
    it(param, () => assert.deepEqual(matching(param), expected));
  }

  it('matches no resource without a date', () =>
    assert.equal(dateMatcher('ge2026')(undefined), false));

  it('refuses a malformed date with 400 value', () => {
    for (const bad of ['2026-3', 'xx2026', '26-03-05', 'ge', '2026-13', '2026-02-30']) {
      const error = failure(() => dateMatcher(bad));
      assert.equal(error.status, 400, bad);
      assert.equal(error.issues[0]?.code, 'value', bad);
    }
  });
});

describe('tokenMatcher', () => {
  const codings = [{ system: 'http://loinc.org', code: '11502-2' }, { code: 'local' }];
  it('matches code, system|code, |code and alternatives', () => {
    assert.equal(tokenMatcher('11502-2')(codings), true);
    assert.equal(tokenMatcher('http://loinc.org|11502-2')(codings), true);
    assert.equal(tokenMatcher('http://snomed.info/sct|11502-2')(codings), false);
    assert.equal(tokenMatcher('|local')(codings), true);
    assert.equal(tokenMatcher('|11502-2')(codings), false);
    assert.equal(tokenMatcher('x,local')(codings), true);
  });
});

describe('parameters, patient, sort and paging', () => {
  it('refuses an unknown parameter with 400 not-supported', () => {
    const error = failure(() =>
      checkParameters(params('patient=1&colour=red'), new Set(['patient'])),
    );
    assert.deepEqual([error.status, error.issues[0]?.code], [400, 'not-supported']);
    assert.match(error.message, /"colour"/);
  });

  it('reads the patient from an id, a relative or an absolute reference', () => {
    assert.equal(patientId('123'), '123');
    assert.equal(patientId('Patient/123'), '123');
    assert.equal(patientId('https://dsp.example/fhir/Patient/123'), '123');
    assert.equal(requiredPatient(params('patient=Patient/9')), '9');
    assert.equal(failure(() => requiredPatient(params('patient=%20'))).issues[0]?.code, 'required');
  });

  it('sorts by date, newest first by default', () => {
    assert.equal(dateSortDirection(params('')), -1);
    assert.equal(dateSortDirection(params('_sort=date')), 1);
    assert.equal(failure(() => dateSortDirection(params('_sort=title'))).status, 400);
  });

  it('pages from _count and _offset within bounds', () => {
    assert.deepEqual(paging(params('')), { count: 50, offset: 0 });
    assert.deepEqual(paging(params(''), 20), { count: 20, offset: 0 });
    assert.deepEqual(paging(params('_count=7&_offset=14')), { count: 7, offset: 14 });
    for (const bad of ['_count=0', '_count=1001', '_count=2.5', '_offset=-1', '_offset=a'])
      assert.equal(failure(() => paging(params(bad))).status, 400, bad);
  });
});

describe('searchset', () => {
  const patients: Patient[] = [1, 2, 3, 4, 5].map((n) => ({
    resourceType: 'Patient',
    id: String(n),
  }));
  const url = new URL('http://127.0.0.1/fhir/Patient?name=x&_count=2');

  it('answers a page with the total and a next link that keeps the query', () => {
    const bundle = searchset(url, patients, {
      page: { count: 2, offset: 2 },
      fullUrl: (p) => `http://127.0.0.1/fhir/Patient/${p.id ?? ''}`,
    });
    assert.equal(bundle.type, 'searchset');
    assert.equal(bundle.total, 5);
    assert.deepEqual(
      bundle.entry?.map((e) => [e.fullUrl, e.resource?.id, e.search?.mode]),
      [
        ['http://127.0.0.1/fhir/Patient/3', '3', 'match'],
        ['http://127.0.0.1/fhir/Patient/4', '4', 'match'],
      ],
    );
    const next = new URL(bundle.link?.find((l) => l.relation === 'next')?.url ?? '');
    assert.deepEqual(
      [
        next.searchParams.get('name'),
        next.searchParams.get('_offset'),
        next.searchParams.get('_count'),
      ],
      ['x', '4', '2'],
    );
  });

  it('has no next link on the last page, and lists included resources after the matches', () => {
    const bundle = searchset(url, patients.slice(0, 2), {
      page: { count: 2, offset: 0 },
      included: [{ resourceType: 'Organization', id: 'o' }],
    });
    assert.equal(
      bundle.link?.some((l) => l.relation === 'next'),
      false,
    );
    assert.deepEqual(
      bundle.entry?.map((e) => e.search?.mode),
      ['match', 'match', 'include'],
    );
    assert.equal(bundle.total, 2, 'included resources are not counted');
  });
});
