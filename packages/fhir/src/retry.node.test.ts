import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { retryAfterMs, retryPolicy, sleep } from './retry.js';
import { backoffDelay } from './retryable.js';

describe('retry policy', () => {
  it('defaults to 3 tries from 300 ms, capped at 10 s, and can be switched off', () => {
    assert.deepEqual(retryPolicy(undefined), { tries: 3, baseDelayMs: 300, maxDelayMs: 10_000 });
    assert.equal(retryPolicy(false).tries, 1);
    assert.deepEqual(retryPolicy({ tries: 5 }), { tries: 5, baseDelayMs: 300, maxDelayMs: 10_000 });
  });

  it('refuses nonsense settings', () => {
    assert.throws(() => retryPolicy({ tries: 0 }), RangeError);
    assert.throws(() => retryPolicy({ tries: 1.5 }), RangeError);
    assert.throws(() => retryPolicy({ baseDelayMs: -1 }), RangeError);
    assert.throws(() => retryPolicy({ maxDelayMs: Number.NaN }), RangeError);
  });

  it('doubles the delay per attempt, jittered between half and all of it, within the cap', () => {
    const policy = retryPolicy({ baseDelayMs: 100, maxDelayMs: 1000 });
    assert.equal(
      backoffDelay(1, { base: policy.baseDelayMs, cap: policy.maxDelayMs, random: () => 0 }),
      50,
    );
    assert.equal(
      backoffDelay(1, { base: policy.baseDelayMs, cap: policy.maxDelayMs, random: () => 1 }),
      100,
    );
    assert.equal(
      backoffDelay(2, { base: policy.baseDelayMs, cap: policy.maxDelayMs, random: () => 1 }),
      200,
    );
    assert.equal(
      backoffDelay(3, { base: policy.baseDelayMs, cap: policy.maxDelayMs, random: () => 0.5 }),
      300,
    );
    assert.equal(
      backoffDelay(10, { base: policy.baseDelayMs, cap: policy.maxDelayMs, random: () => 1 }),
      1000,
    );
  });
});

describe('retryAfterMs', () => {
  it('reads delta-seconds and HTTP dates', () => {
    assert.equal(retryAfterMs('2'), 2000);
    assert.equal(retryAfterMs(' 0 '), 0);
    const now = Date.parse('2026-11-26T10:00:00Z');
    assert.equal(retryAfterMs('Thu, 26 Nov 2026 10:00:05 GMT', now), 5000);
    assert.equal(retryAfterMs('Thu, 26 Nov 2026 09:00:00 GMT', now), 0);
  });

  it('ignores an absent or unreadable header', () => {
    assert.equal(retryAfterMs(null), undefined);
    assert.equal(retryAfterMs(''), undefined);
    assert.equal(retryAfterMs('soon'), undefined);
    assert.equal(retryAfterMs('-3'), undefined);
  });
});

describe('sleep', () => {
  it('waits, and stops at once on abort with the reason', async () => {
    await sleep(1);
    const controller = new AbortController();
    const waiting = sleep(60_000, controller.signal);
    controller.abort(new Error('stop'));
    await assert.rejects(waiting, /stop/);
    await assert.rejects(sleep(1, AbortSignal.abort(new Error('already'))), /already/);
  });
});
