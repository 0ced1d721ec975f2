// FHIR's transaction rule for references, on the shapes an ITI-65 bundle holds.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DocumentReference, List } from '@medplum/fhirtypes';
import { resolveReferences } from './references.js';

const ids = new Map([
  ['urn:uuid:0b8e3f0e-9b8a-4a59-8f53-3c0c7c1d2e11', 'DocumentReference/documentreference-2'],
  ['urn:uuid:bf78bad6-625a-5a2f-8d92-375cdbfc1b32', 'Binary/4f1c3c1e-7d0a-4b8e-9a2c-1d2e3f4a5b6c'],
]);

describe('resolveReferences', () => {
  it('rewrites List.entry.item and attachment.url given as fullUrls', () => {
    const list: List = {
      resourceType: 'List',
      status: 'current',
      mode: 'working',
      entry: [{ item: { reference: 'urn:uuid:0b8e3f0e-9b8a-4a59-8f53-3c0c7c1d2e11' } }],
    };
    assert.deepEqual(resolveReferences(list, ids).entry, [
      { item: { reference: 'DocumentReference/documentreference-2' } },
    ]);
    const doc = {
      resourceType: 'DocumentReference',
      status: 'current',
      content: [{ attachment: { url: 'urn:uuid:bf78bad6-625a-5a2f-8d92-375cdbfc1b32' } }],
    } as DocumentReference;
    assert.equal(
      resolveReferences(doc, ids).content[0]?.attachment.url,
      'Binary/4f1c3c1e-7d0a-4b8e-9a2c-1d2e3f4a5b6c',
    );
  });

  it('leaves identifiers, local references, other references and the original alone', () => {
    const doc: DocumentReference = {
      resourceType: 'DocumentReference',
      contained: [
        {
          resourceType: 'PractitionerRole',
          id: 'author',
          practitioner: { reference: 'Practitioner/paul-weber' },
        },
      ],
      masterIdentifier: {
        system: 'urn:ietf:rfc:3986',
        value: 'urn:uuid:0b8e3f0e-9b8a-4a59-8f53-3c0c7c1d2e11',
      },
      status: 'current',
      author: [{ reference: '#author' }],
      relatesTo: [
        {
          code: 'replaces',
          target: { reference: 'urn:uuid:0b8e3f0e-9b8a-4a59-8f53-3c0c7c1d2e11/x' },
        },
      ],
      content: [{ attachment: { url: 'Binary/x' } }],
    };
    const copy = structuredClone(doc);
    assert.deepEqual(resolveReferences(doc, ids), doc);
    assert.deepEqual(doc, copy);
  });
});
