// What a searchset says it withheld (its OperationOutcome entries, `search.mode = outcome`), read
// by itself and on a page of DspClient.searchDocuments.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DspClient } from './client.js';
import {
  readWithheld,
  WITHHELD_BY_PROFESSION,
  WITHHELD_COUNT_EXTENSION,
  MASKED_BY_PATIENT_LABEL,
} from './withheld.js';

const OUTCOME_SYSTEM = 'https://dsp-kit.org/fhir/CodeSystem/dsp-outcome';

/** A searchset as FHIR R4 lays one out (bundle.html, "Search Results"): matches, then an outcome. */
const searchset = {
  resourceType: 'Bundle',
  type: 'searchset',
  total: 1,
  entry: [
    {
      fullUrl: 'http://127.0.0.1:8787/fhir/DocumentReference/d1',
      resource: { resourceType: 'DocumentReference', id: 'd1', status: 'current', content: [] },
      search: { mode: 'match' },
    },
    {
      resource: {
        resourceType: 'OperationOutcome',
        issue: [
          {
            severity: 'information',
            code: 'suppressed',
            details: {
              coding: [{ system: OUTCOME_SYSTEM, code: 'withheld-profession' }],
              text: '4 documents ne sont pas accessibles à votre profession.',
            },
            extension: [
              {
                url: 'https://dsp-kit.org/fhir/StructureDefinition/withheld-count',
                valueUnsignedInt: 4,
              },
            ],
          },
          // Another server's words, without the kit's code nor a count.
          { severity: 'information', code: 'suppressed', diagnostics: 'Some results withheld' },
          // Not about withheld results.
          { severity: 'warning', code: 'processing', diagnostics: 'Slow index' },
        ],
      },
      search: { mode: 'outcome' },
    },
  ],
};

describe('readWithheld', () => {
  it('reads the suppressed issues of the outcome entries: reason, count and text', () => {
    assert.equal(WITHHELD_BY_PROFESSION, 'withheld-profession');
    assert.equal(
      WITHHELD_COUNT_EXTENSION,
      'https://dsp-kit.org/fhir/StructureDefinition/withheld-count',
    );
    assert.deepEqual(readWithheld(searchset), [
      {
        reason: 'withheld-profession',
        count: 4,
        text: '4 documents ne sont pas accessibles à votre profession.',
      },
      { reason: undefined, count: undefined, text: 'Some results withheld' },
    ]);
  });

  it('finds nothing in a searchset without outcome entries, nor in odd shapes', () => {
    assert.deepEqual(readWithheld({ ...searchset, entry: [searchset.entry[0]] }), []);
    assert.deepEqual(readWithheld({ resourceType: 'Bundle', type: 'searchset' }), []);
    assert.deepEqual(readWithheld(null), []);
    // An outcome entry that is no OperationOutcome, and a count that is no count.
    const odd = structuredClone(searchset);
    (odd.entry[1]!.resource as { issue: { extension?: unknown[] }[] }).issue[0]!.extension = [
      { url: WITHHELD_COUNT_EXTENSION, valueUnsignedInt: -2 },
    ];
    odd.entry.push({
      resource: { resourceType: 'Patient' } as never,
      search: { mode: 'outcome' },
    });
    assert.deepEqual(readWithheld(odd)[0], {
      reason: 'withheld-profession',
      count: undefined,
      text: '4 documents ne sont pas accessibles à votre profession.',
    });
  });

  it('names the mark of a document the patient masked', () => {
    assert.deepEqual(MASKED_BY_PATIENT_LABEL, {
      system: 'https://dsp-kit.org/fhir/CodeSystem/dsp-security',
      code: 'masked-by-patient',
    });
  });
});

describe('DspClient.searchDocuments', () => {
  it('gives what the server withheld on the page, beside the documents', async () => {
    const client = new DspClient({
      baseUrl: 'http://127.0.0.1:8787/fhir',
      tokens: { getAccessToken: () => Promise.resolve('t') },
      retry: false,
      fetch: () =>
        Promise.resolve(
          new Response(JSON.stringify(searchset), {
            headers: { 'Content-Type': 'application/fhir+json' },
          }),
        ),
    });
    const page = await client.searchDocuments({ patient: 'marie-schmit' });
    assert.deepEqual(
      page.entries.map((d) => d.id),
      ['d1'],
    );
    assert.deepEqual(
      page.withheld.map((w) => [w.reason, w.count]),
      [
        ['withheld-profession', 4],
        [undefined, undefined],
      ],
    );
  });
});
