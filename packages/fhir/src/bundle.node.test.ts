import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readSearchSet } from './bundle.js';
import { DspProtocolError } from './errors.js';

const url = 'https://dsp.example/fhir/DocumentReference?patient=p1';
const origin = 'https://dsp.example';

describe('readSearchSet', () => {
  it('returns matches, total and the next link, leaving included resources out', () => {
    const set = readSearchSet(
      {
        resourceType: 'Bundle',
        type: 'searchset',
        total: 3,
        link: [
          { relation: 'self', url },
          { relation: 'next', url: 'DocumentReference?patient=p1&_offset=2' },
        ],
        entry: [
          { resource: { resourceType: 'DocumentReference', id: 'a' }, search: { mode: 'match' } },
          { resource: { resourceType: 'Patient', id: 'p1' }, search: { mode: 'include' } },
          { resource: { resourceType: 'DocumentReference', id: 'b' } },
        ],
      },
      'DocumentReference',
      url,
      origin,
    );
    assert.deepEqual(
      set.entries.map((e) => e.id),
      ['a', 'b'],
    );
    assert.equal(set.total, 3);
    assert.equal(set.nextUrl, 'https://dsp.example/fhir/DocumentReference?patient=p1&_offset=2');
  });

  it('accepts an empty Bundle with no entry and no total', () => {
    const set = readSearchSet(
      { resourceType: 'Bundle', type: 'searchset' },
      'DocumentReference',
      url,
      origin,
    );
    assert.deepEqual(set.entries, []);
    assert.equal(set.total, undefined);
    assert.equal(set.nextUrl, undefined);
  });

  for (const [name, body, message] of [
    [
      'a non-Bundle resource',
      { resourceType: 'OperationOutcome' },
      /Expected a FHIR Bundle, got OperationOutcome/,
    ],
    ['a string', 'hello', /Expected a FHIR Bundle, got string/],
    ['null', null, /Expected a FHIR Bundle, got null/],
    ['a transaction Bundle', { resourceType: 'Bundle', type: 'transaction' }, /searchset/],
    [
      'entries of the wrong type',
      {
        resourceType: 'Bundle',
        type: 'searchset',
        entry: [{ resource: { resourceType: 'Patient' } }],
      },
      /Expected DocumentReference entries, got Patient/,
    ],
    [
      'a next link to another origin',
      {
        resourceType: 'Bundle',
        type: 'searchset',
        link: [{ relation: 'next', url: 'https://evil.example/steal' }],
      },
      /another origin \(https:\/\/evil\.example\)/,
    ],
  ] as const) {
    it(`refuses ${name} with a DspProtocolError`, () => {
      assert.throws(
        () => readSearchSet(body, 'DocumentReference', url, origin),
        (error: unknown) =>
          error instanceof DspProtocolError && message.test(error.message) && error.url === url,
      );
    });
  }
});
