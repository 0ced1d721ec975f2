import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Bundle } from '@medplum/fhirtypes';
import { DspHttpError, DspProtocolError, DspValidationError } from './errors.js';
import { buildCountBatch, monthBound, readCountBatch } from './stats.js';
import { DOCUMENT_TYPE_SYSTEM, documentTypes } from './vocabulary.js';

/** The seed presentation's seven dates and the bounds the mock's `snapshotBound` gives them. */
const SEED_BOUNDS = {
  '2015-10': '2015-11-01T00:00:00Z',
  '2016-01': '2016-02-01T00:00:00Z',
  '2016-04': '2016-05-01T00:00:00Z',
  '2016-07': '2016-08-01T00:00:00Z',
  '2016-10': '2016-11-01T00:00:00Z',
  '2017-01': '2017-02-01T00:00:00Z',
  '2017-03': '2017-04-01T00:00:00Z',
};

/** The search parameters of a batch entry's relative URL. */
function params(url: string | undefined): Record<string, string> {
  if (!url?.startsWith('DocumentReference?'))
    assert.fail(`not a DocumentReference search: ${String(url)}`);
  return Object.fromEntries(new URL(url, 'https://dsp.example/fhir/').searchParams);
}

/** A batch-response answering each count with `totals[i]`. */
function response(totals: readonly number[]): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'batch-response',
    entry: totals.map((total) => ({
      resource: { resourceType: 'Bundle', type: 'searchset', total },
      response: { status: '200 OK' },
    })),
  };
}

describe('monthBound', () => {
  it('gives the first instant (UTC) of the following month, as the mock does', () => {
    for (const [month, bound] of Object.entries(SEED_BOUNDS))
      assert.equal(monthBound(month), bound);
    assert.equal(monthBound('2016-12'), '2017-01-01T00:00:00Z');
  });

  it('gives the first instant of the following day for a full date', () => {
    assert.equal(monthBound('2016-02-28'), '2016-02-29T00:00:00Z');
    assert.equal(monthBound('2016-02-29'), '2016-03-01T00:00:00Z');
    assert.equal(monthBound('2016-12-31'), '2017-01-01T00:00:00Z');
  });

  it('refuses anything else, naming the field', () => {
    for (const bad of ['2015', '2015-13', '2015-1', '2015-02-30', '2015-10-01T00:00', ' 2015-10']) {
      assert.throws(
        () => monthBound(bad),
        (error: unknown) => error instanceof DspValidationError && error.field === 'dates',
        bad,
      );
    }
  });
});

describe('buildCountBatch', () => {
  it('asks one _summary=count search per type and date, types first', () => {
    const bundle = buildCountBatch({
      dates: ['2015-10', '2016-02-29'],
      typeCodes: ['resume-patient', 'allergies'],
    });
    assert.equal(bundle.resourceType, 'Bundle');
    assert.equal(bundle.type, 'batch');
    const entries = bundle.entry ?? [];
    assert.equal(entries.length, 4);
    assert.ok(entries.every((e) => e.request?.method === 'GET'));
    assert.deepEqual(
      entries.map((e) => params(e.request?.url)),
      [
        ['resume-patient', '2015-11-01T00:00:00Z'],
        ['resume-patient', '2016-03-01T00:00:00Z'],
        ['allergies', '2015-11-01T00:00:00Z'],
        ['allergies', '2016-03-01T00:00:00Z'],
      ].map(([code = '', bound = '']) => ({
        _summary: 'count',
        status: 'current',
        // Résumés patients is LOINC 60591-5 (DOMAIN.md, confirmed); allergies has none confirmed.
        type:
          code === 'resume-patient'
            ? `http://loinc.org|60591-5,${DOCUMENT_TYPE_SYSTEM}|resume-patient`
            : `${DOCUMENT_TYPE_SYSTEM}|${code}`,
        date: `lt${bound}`,
      })),
    );
    // A valid URL query: the token's `|` and the instant's `:` are percent-encoded.
    assert.equal(
      entries[0]?.request?.url,
      `DocumentReference?_summary=count&status=current&type=${encodeURIComponent(`http://loinc.org|60591-5,${DOCUMENT_TYPE_SYSTEM}|resume-patient`)}&date=lt2015-11-01T00%3A00%3A00Z`,
    );
  });

  it('counts every type of the vocabulary, in its order, by default', () => {
    const dates = Object.keys(SEED_BOUNDS);
    const entries = buildCountBatch({ dates }).entry ?? [];
    assert.equal(entries.length, documentTypes.length * dates.length);
    assert.equal(documentTypes.length, 27);
    documentTypes.forEach((type, t) => {
      dates.forEach((date, d) => {
        const query = params(entries[t * dates.length + d]?.request?.url);
        const own = `${DOCUMENT_TYPE_SYSTEM}|${type.code}`;
        assert.equal(
          query.type,
          type.loincConfirmed ? `http://loinc.org|${type.loinc ?? ''},${own}` : own,
        );
        assert.equal(query.date, `lt${SEED_BOUNDS[date as keyof typeof SEED_BOUNDS]}`);
      });
    });
  });

  it("restricts the counts to one patient's DSP when asked", () => {
    const entries =
      buildCountBatch({ dates: ['2026-01'], typeCodes: ['allergies'], patient: 'Patient/p-1' })
        .entry ?? [];
    assert.equal(params(entries[0]?.request?.url).patient, 'p-1');
    assert.throws(
      () => buildCountBatch({ dates: ['2026-01'], patient: 'a b' }),
      DspValidationError,
    );
  });

  it('refuses no dates, a bad date, no types or an unknown type before anything is sent', () => {
    const refused = (field: string) => (error: unknown) =>
      error instanceof DspValidationError && error.field === field;
    assert.throws(() => buildCountBatch({ dates: [] }), refused('dates'));
    assert.throws(() => buildCountBatch({ dates: ['2015-10', 'octobre'] }), refused('dates'));
    assert.throws(
      () => buildCountBatch({ dates: ['2015-10'], typeCodes: [] }),
      refused('typeCodes'),
    );
    assert.throws(
      () => buildCountBatch({ dates: ['2015-10'], typeCodes: ['resume-patient', 'nope'] }),
      (error: unknown) => refused('typeCodes')(error) && (error as Error).message.includes('nope'),
    );
  });
});

describe('readCountBatch', () => {
  const dates = ['2015-10', '2016-01', '2016-04'];
  const types = ['resume-patient', 'allergies'];

  it('reads the totals into a types × dates table', () => {
    assert.deepEqual(readCountBatch(response([16, 23, 25, 3, 3, 3]), dates, types), {
      counts: [
        [16, 23, 25],
        [3, 3, 3],
      ],
    });
  });

  it('accepts a bare status code and zero counts', () => {
    const bundle = response([0]);
    bundle.entry![0]!.response = { status: '200' };
    assert.deepEqual(readCountBatch(bundle, ['2015-10'], ['allergies']), { counts: [[0]] });
  });

  it('names the entry that failed, with the server’s explanation', () => {
    const bundle = response([16, 23, 25, 3, 3, 3]);
    bundle.entry![4] = {
      response: {
        status: '403 Forbidden',
        outcome: {
          resourceType: 'OperationOutcome',
          issue: [{ severity: 'error', code: 'forbidden', details: { text: 'Accès refusé.' } }],
        },
      },
    };
    assert.throws(
      () => readCountBatch(bundle, dates, types),
      (error: unknown) =>
        error instanceof DspHttpError &&
        error.status === 403 &&
        error.serverMessage === 'Accès refusé.' &&
        error.url === 'Entry 4 (type allergies, date 2016-01)',
    );
  });

  it('refuses what is not a batch-response of the expected counts', () => {
    const bad: [string, unknown][] = [
      ['not a Bundle', { resourceType: 'OperationOutcome' }],
      ['not JSON object', 'batch'],
      ['a searchset', { ...response([1, 2, 3, 4, 5, 6]), type: 'searchset' }],
      ['too few entries', response([1, 2, 3, 4, 5])],
      ['no entry at all', { resourceType: 'Bundle', type: 'batch-response' }],
      [
        'an entry without status',
        {
          ...response([1, 2, 3, 4, 5, 6]),
          entry: [...(response([1, 2, 3, 4, 5]).entry ?? []), { resource: {} }],
        },
      ],
      [
        'an entry without total',
        {
          ...response([1, 2, 3, 4, 5, 6]),
          entry: [
            ...(response([1, 2, 3, 4, 5]).entry ?? []),
            {
              resource: { resourceType: 'Bundle', type: 'searchset' },
              response: { status: '200' },
            },
          ],
        },
      ],
      ['a negative total', response([1, 2, 3, 4, 5, -6])],
      ['a fractional total', response([1, 2, 3, 4, 5, 6.5])],
    ];
    for (const [name, bundle] of bad) {
      assert.throws(() => readCountBatch(bundle, dates, types), DspProtocolError, name);
    }
  });
});
