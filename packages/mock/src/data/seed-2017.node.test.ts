import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { documentTypeByCode, documentTypes } from '@dsp-kit/fhir';
import { SEED_2017_DATES, seed2017 } from './seed-2017.js';

const json = JSON.parse(
  readFileSync(
    new URL('../../../../test/fixtures/document-counts-2015-2017.json', import.meta.url),
    'utf8',
  ),
) as unknown;

describe('seed2017', () => {
  it('equals the agency table in test/fixtures exactly', () => {
    const asJson = {
      source: seed2017.source,
      meaning: seed2017.meaning,
      dates: seed2017.dates,
      types: seed2017.rows.map((row) => ({ label_fr: row.labelFr, counts: row.counts })),
      total: seed2017.total,
    };
    assert.deepEqual(asJson, json);
    assert.equal(SEED_2017_DATES, seed2017.dates);
  });

  it('names every DSP document type once, by the code whose French label it prints', () => {
    for (const row of seed2017.rows) {
      assert.equal(documentTypeByCode(row.code)?.labels.fr, row.labelFr, row.code);
    }
    assert.deepEqual(
      seed2017.rows.map((r) => r.code).sort(),
      documentTypes.map((t) => t.code).sort(),
    );
  });

  it('has columns summing to the total row, and counts that never decrease', () => {
    SEED_2017_DATES.forEach((date, i) => {
      const sum = seed2017.rows.reduce((s, row) => s + row.counts[i]!, 0);
      assert.equal(sum, seed2017.total[i], date);
    });
    for (const row of seed2017.rows) {
      row.counts.forEach((count, i) => {
        assert.ok(i === 0 || count >= row.counts[i - 1]!, `${row.code} decreases at ${i}`);
      });
    }
  });
});
