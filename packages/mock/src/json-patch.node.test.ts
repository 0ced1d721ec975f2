// applyJsonPatch against the examples of RFC 6902, Appendix A (documents, patches and results
// as the RFC prints them), and the rule that a failing patch changes nothing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FhirFailure } from './fhir-http.js';
import { applyJsonPatch } from './json-patch.js';

// [section, document, patch, result]
const examples: [string, unknown, unknown[], unknown][] = [
  [
    'A.1 adding an object member',
    { foo: 'bar' },
    [{ op: 'add', path: '/baz', value: 'qux' }],
    { baz: 'qux', foo: 'bar' },
  ],
  [
    'A.2 adding an array element',
    { foo: ['bar', 'baz'] },
    [{ op: 'add', path: '/foo/1', value: 'qux' }],
    { foo: ['bar', 'qux', 'baz'] },
  ],
  [
    'A.3 removing an object member',
    { baz: 'qux', foo: 'bar' },
    [{ op: 'remove', path: '/baz' }],
    { foo: 'bar' },
  ],
  [
    'A.4 removing an array element',
    { foo: ['bar', 'qux', 'baz'] },
    [{ op: 'remove', path: '/foo/1' }],
    { foo: ['bar', 'baz'] },
  ],
  [
    'A.5 replacing a value',
    { baz: 'qux', foo: 'bar' },
    [{ op: 'replace', path: '/baz', value: 'boo' }],
    { baz: 'boo', foo: 'bar' },
  ],
  [
    'A.6 moving a value',
    { foo: { bar: 'baz', waldo: 'fred' }, qux: { corge: 'grault' } },
    [{ op: 'move', from: '/foo/waldo', path: '/qux/thud' }],
    { foo: { bar: 'baz' }, qux: { corge: 'grault', thud: 'fred' } },
  ],
  [
    'A.7 moving an array element',
    { foo: ['all', 'grass', 'cows', 'eat'] },
    [{ op: 'move', from: '/foo/1', path: '/foo/3' }],
    { foo: ['all', 'cows', 'eat', 'grass'] },
  ],
  [
    'A.8 testing a value: success',
    { baz: 'qux', foo: ['a', 2, 'c'] },
    [
      { op: 'test', path: '/baz', value: 'qux' },
      { op: 'test', path: '/foo/1', value: 2 },
    ],
    { baz: 'qux', foo: ['a', 2, 'c'] },
  ],
  [
    'A.10 adding a nested member object',
    { foo: 'bar' },
    [{ op: 'add', path: '/child', value: { grandchild: {} } }],
    { foo: 'bar', child: { grandchild: {} } },
  ],
  [
    'A.14 ~ escape ordering',
    { '/': 9, '~1': 10 },
    [{ op: 'test', path: '/~01', value: 10 }],
    { '/': 9, '~1': 10 },
  ],
  [
    'A.16 adding an array value',
    { foo: ['bar'] },
    [{ op: 'add', path: '/foo/-', value: ['abc', 'def'] }],
    { foo: ['bar', ['abc', 'def']] },
  ],
];

// [section, document, patch, status]
const errors: [string, unknown, unknown[], number][] = [
  ['A.9 testing a value: error', { baz: 'qux' }, [{ op: 'test', path: '/baz', value: 'bar' }], 409],
  [
    'A.12 adding to a nonexistent target',
    { foo: 'bar' },
    [{ op: 'add', path: '/baz/bat', value: 'qux' }],
    422,
  ],
  [
    'A.15 comparing strings and numbers',
    { '/': 9, '~1': 10 },
    [{ op: 'test', path: '/~01', value: '10' }],
    409,
  ],
];

describe('applyJsonPatch (RFC 6902, Appendix A)', () => {
  for (const [section, document, patch, result] of examples) {
    it(section, () => {
      const before = structuredClone(document);
      assert.deepEqual(applyJsonPatch(document, patch), result);
      assert.deepEqual(document, before, 'the target is left untouched');
    });
  }

  for (const [section, document, patch, status] of errors) {
    it(`${section}: ${status}`, () => {
      assert.throws(
        () => applyJsonPatch(document, patch),
        (e: unknown) => e instanceof FhirFailure && e.status === status,
      );
    });
  }

  it('applies nothing when a later operation fails (§5), and refuses what is not a patch', () => {
    const document = { status: 'current' };
    assert.throws(() =>
      applyJsonPatch(document, [
        { op: 'replace', path: '/status', value: 'entered-in-error' },
        { op: 'remove', path: '/nothing' },
      ]),
    );
    assert.deepEqual(document, { status: 'current' });
    for (const patch of [
      {},
      [{ op: 'frobnicate', path: '/a' }],
      [{ op: 'add', path: 'a', value: 1 }],
      [{ op: 'add', path: '/a' }],
    ]) {
      assert.throws(
        () => applyJsonPatch(document, patch),
        (e: unknown) => e instanceof FhirFailure && e.status === 422,
        JSON.stringify(patch),
      );
    }
  });
});
