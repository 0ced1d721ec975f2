// Name-based UUIDs and UUID OIDs against the published examples of RFC 9562 and ITU-T X.667.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nameBasedUuid, uuidOid } from './uuid.js';

describe('nameBasedUuid', () => {
  it('gives RFC 9562’s version 5 example (appendix A.4)', () => {
    // The DNS namespace of RFC 9562 section 6.6, and the name of its example.
    assert.equal(
      nameBasedUuid('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com'),
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('hashes names longer than one SHA-1 block, and non-ASCII ones, as Python’s uuid5 does', () => {
    // uuid.uuid5(uuid.NAMESPACE_URL, name) in CPython 3.
    assert.equal(
      nameBasedUuid('6ba7b811-9dad-11d1-80b4-00c04fd430c8', 'https://dsp-kit.org/'.repeat(5)),
      '8a0c59e0-189f-5e56-b0f1-dbbd78f3ff6c',
    );
    assert.equal(
      nameBasedUuid('6ba7b811-9dad-11d1-80b4-00c04fd430c8', 'Résumé'),
      '95dc824c-24c1-5140-933e-c787c136d363',
    );
  });

  it('refuses a namespace that is not a UUID', () => {
    assert.throws(() => nameBasedUuid('x', 'y'), TypeError);
  });
});

describe('uuidOid', () => {
  it('gives ITU-T X.667’s example OID (clause 6.3)', () => {
    assert.equal(
      uuidOid('f81d4fae-7dec-11d0-a765-00a0c91e6bf6'),
      '2.25.329800735698586629295641978511506172918',
    );
    assert.equal(
      uuidOid('F81D4FAE-7DEC-11D0-A765-00A0C91E6BF6'),
      '2.25.329800735698586629295641978511506172918',
    );
  });
});
