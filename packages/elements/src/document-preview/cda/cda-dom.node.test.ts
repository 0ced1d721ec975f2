// HL7 timestamps to ISO 8601, against the TS examples of HL7 V3 Data Types (R1) and CDA headers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isoTime } from './cda-dom.js';

describe('isoTime', () => {
  it('keeps each precision the document gives', () => {
    assert.equal(isoTime('2023'), '2023');
    assert.equal(isoTime('202301'), '2023-01');
    assert.equal(isoTime('19790328'), '1979-03-28');
    assert.equal(isoTime('200003141530'), '2000-03-14T15:30:00');
  });

  it('reads seconds, fractions and the zone', () => {
    assert.equal(isoTime('20230104160527+0100'), '2023-01-04T16:05:27+01:00');
    assert.equal(isoTime('20000314153045.123-0500'), '2000-03-14T15:30:45-05:00');
  });

  it('refuses what is not a timestamp', () => {
    assert.equal(isoTime(undefined), undefined);
    assert.equal(isoTime('2023-01-04'), undefined);
    assert.equal(isoTime('javascript:alert(1)'), undefined);
  });
});
