// The agency's months in the sandbox run to the current month, whatever the day.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { agencyDates } from './agency-dates.js';

describe('the agency’s months in the sandbox', () => {
  it('end at the current month, after the end of each of the four previous years', () => {
    assert.deepEqual(agencyDates(new Date('2026-12-06T17:00:00Z')), [
      '2022-12',
      '2023-12',
      '2024-12',
      '2025-12',
      '2026-12',
    ]);
    assert.deepEqual(agencyDates(new Date('2027-01-01T00:00:00Z')), [
      '2023-12',
      '2024-12',
      '2025-12',
      '2026-12',
      '2027-01',
    ]);
  });

  it('counts a month in UTC, as the statistics’ bounds do', () => {
    // Already March in Luxembourg (UTC+1), still February in UTC.
    assert.equal(agencyDates(new Date('2027-02-28T23:30:00Z')).at(-1), '2027-02');
  });
});
