import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DspValidationError } from './errors.js';
import {
  dateValue,
  documentTypeTokens,
  referenceValue,
  setCount,
  setDateRange,
  setSort,
  textValue,
} from './search-params.js';

function rejects(fn: () => unknown, field: string, message: RegExp) {
  assert.throws(
    fn,
    (e: unknown) => e instanceof DspValidationError && e.field === field && message.test(e.message),
  );
}

describe('search parameters', () => {
  it('accept FHIR dates of every precision, and Dates', () => {
    for (const value of [
      '2026',
      '2026-03',
      '2026-03-14',
      '2026-03-14T10:00:00Z',
      '2026-03-14T10:00:00.123+01:00',
    ]) {
      assert.equal(dateValue(value, 'from'), value);
    }
    assert.equal(dateValue(new Date(Date.UTC(2026, 2, 14)), 'from'), '2026-03-14T00:00:00.000Z');
  });

  it('refuse dates that are not FHIR dates', () => {
    for (const value of ['14/03/2026', '2026-13-01', '2026-02-30T', 'yesterday', '']) {
      rejects(() => dateValue(value, 'from'), 'from', /must be a date/);
    }
    rejects(() => dateValue(new Date('nope'), 'to'), 'to', /invalid Date/);
  });

  it('write a date range as ge/le, refusing one that ends before it starts', () => {
    const params = new URLSearchParams();
    setDateRange(params, 'date', '2026-01-01', '2026-06-30');
    assert.deepEqual(params.getAll('date'), ['ge2026-01-01', 'le2026-06-30']);
    rejects(
      () => setDateRange(new URLSearchParams(), 'date', '2026-06-30', '2026-01-01'),
      'to',
      /ends/,
    );
  });

  it('check _count, _sort, references and text', () => {
    rejects(() => setCount(new URLSearchParams(), 0), '_count', /1 to 1000/);
    rejects(() => setCount(new URLSearchParams(), 1001), '_count', /1 to 1000/);
    rejects(() => setCount(new URLSearchParams(), 2.5), '_count', /integer/);
    rejects(
      () => setSort(new URLSearchParams(), 'title', ['-date', 'date'], '-date'),
      '_sort',
      /-date, date/,
    );
    assert.equal(referenceValue('Patient/abc', 'patient', 'Patient'), 'abc');
    rejects(() => referenceValue('a b', 'patient', 'Patient'), 'patient', /not a FHIR id/);
    rejects(() => referenceValue(undefined, 'patient', 'Patient'), 'patient', /required/);
    rejects(() => textValue('   ', 'author'), 'author', /empty/);
    rejects(() => textValue('x'.repeat(201), 'author'), 'author', /200/);
  });
});

describe('documentTypeTokens', () => {
  const LOINC = 'http://loinc.org';
  const DSP = 'https://dsp-kit.org/fhir/CodeSystem/dsp-document-type';
  const labels = { fr: 'x', de: 'x', en: 'x' };

  it('sends a confirmed LOINC code with the DSP code, an unconfirmed one not at all', () => {
    assert.deepEqual(documentTypeTokens('resume-patient'), [
      `${LOINC}|60591-5`,
      `${DSP}|resume-patient`,
    ]);
    assert.deepEqual(documentTypeTokens('antecedents-familiaux'), [`${DSP}|antecedents-familiaux`]);
  });

  it('searches two types that share a LOINC code by their DSP codes alone', () => {
    // A shared LOINC code would find the other type's documents too.
    const types = [
      { code: 'a', labels, classCode: 'synthese', loinc: '11111-1', loincConfirmed: true },
      { code: 'b', labels, classCode: 'synthese', loinc: '11111-1', loincConfirmed: true },
      { code: 'c', labels, classCode: 'synthese', loinc: '22222-2', loincConfirmed: true },
    ] as const;
    assert.deepEqual(documentTypeTokens('a', types), [`${DSP}|a`]);
    assert.deepEqual(documentTypeTokens('b', types), [`${DSP}|b`]);
    assert.deepEqual(documentTypeTokens('c', types), [`${LOINC}|22222-2`, `${DSP}|c`]);
  });

  it('refuses an unknown type', () => {
    rejects(() => documentTypeTokens('x-ray'), 'type', /Unknown DSP document type "x-ray"/);
  });
});
