import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DocumentReference } from '@dsp-kit/fhir';
import { chooseSummary, isStale } from './summary-choice.js';

function summary(
  id: string,
  date: string | undefined,
  more: Partial<DocumentReference> = {},
): DocumentReference {
  return {
    resourceType: 'DocumentReference',
    id,
    status: 'current',
    ...(date ? { date } : {}),
    content: [{ attachment: { contentType: 'text/xml', url: `Binary/${id}` } }],
    ...more,
  };
}

describe('chooseSummary', () => {
  it('takes the most recent current summary, whatever the order of the list', () => {
    const chosen = chooseSummary([
      summary('a', '2025-03-01T10:00:00Z'),
      summary('b', '2026-04-01T10:00:00+02:00'),
      summary('c', '2026-01-01'),
    ]);
    assert.equal(chosen?.id, 'b');
  });

  it('never takes a superseded or withdrawn one, however recent', () => {
    const chosen = chooseSummary([
      summary('old', '2025-03-01'),
      summary('superseded', '2026-12-01', { status: 'superseded' }),
      summary('withdrawn', '2026-11-01', { status: 'entered-in-error' }),
    ]);
    assert.equal(chosen?.id, 'old');
  });

  it('never takes one another document of the list replaces (a server still listing it)', () => {
    const replaces = (target: string): Partial<DocumentReference> => ({
      relatesTo: [{ code: 'replaces', target: { reference: `DocumentReference/${target}` } }],
    });
    const chosen = chooseSummary([
      summary('replaced', '2026-06-01'),
      summary('replacement', '2026-05-01', replaces('replaced')),
      summary('older', '2026-03-01'),
    ]);
    assert.equal(chosen?.id, 'replacement');
    // An absolute reference names it too.
    const absolute = chooseSummary([
      summary('replaced', '2026-06-01'),
      summary('new', '2026-05-01', {
        relatesTo: [
          {
            code: 'replaces',
            target: { reference: 'https://dsp.example/fhir/DocumentReference/replaced' },
          },
        ],
      }),
    ]);
    assert.equal(absolute?.id, 'new');
  });

  it('uses the content’s creation time when the document has no date, and is empty for none', () => {
    const undated = summary('undated', undefined, {
      content: [{ attachment: { url: 'Binary/u', creation: '2026-07-01T00:00:00Z' } }],
    });
    assert.equal(chooseSummary([summary('dated', '2026-02-01'), undated])?.id, 'undated');
    assert.equal(chooseSummary([]), undefined);
  });
});

describe('isStale', () => {
  const now = Date.parse('2026-12-06T12:00:00Z');

  it('marks a summary older than the months given', () => {
    assert.equal(isStale('2025-12-01', 12, now), true);
    assert.equal(isStale('2025-12-10', 12, now), false);
    assert.equal(isStale('2026-10-20T16:10:00+02:00', 1, now), true);
    assert.equal(isStale('2026-11-20', 1, now), false);
  });

  it('marks nothing without a date, an unreadable one, or a threshold that is not positive', () => {
    assert.equal(isStale(undefined, 12, now), false);
    assert.equal(isStale('someday', 12, now), false);
    assert.equal(isStale('2000-01-01', 0, now), false);
    assert.equal(isStale('2000-01-01', Number.NaN, now), false);
  });
});
