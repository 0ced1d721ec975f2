// Reading a Blob in slices through one reused buffer: every byte once, in order, in full slices.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forEachSlice } from './blob-slices.js';

const bytes = new Uint8Array(100_003).map((_, i) => (i * 7 + 3) % 251);
/** A Blob of many parts, so the stream's own chunks do not line up with the slices. */
const blob = new Blob(
  Array.from({ length: 13 }, (_, i) => bytes.subarray(i * 7_693, (i + 1) * 7_693)),
);

describe('forEachSlice', () => {
  it('gives every byte once, in order, in slices of the size asked but the last', async () => {
    assert.equal(blob.size, bytes.length);
    const sizes: number[] = [];
    const loaded: number[] = [];
    const seen = new Uint8Array(bytes.length);
    await forEachSlice(blob, 32_768, (slice, total) => {
      seen.set(slice, total - slice.byteLength);
      sizes.push(slice.byteLength);
      loaded.push(total);
    });
    assert.deepEqual(sizes, [32_768, 32_768, 32_768, 1_699]);
    assert.deepEqual(loaded, [32_768, 65_536, 98_304, 100_003]);
    assert.deepEqual(seen, bytes);
  });

  it('reuses one buffer: each slice’s memory goes back to the stream for the next one', async () => {
    let previous: ArrayBufferLike | undefined;
    let slices = 0;
    let handedBack = 0;
    await forEachSlice(blob, 10_000, (slice) => {
      // A buffer handed to the stream again is detached here: its byteLength drops to 0.
      if (previous?.byteLength === 0) handedBack++;
      previous = slice.buffer;
      slices++;
    });
    assert.equal(slices, 11);
    assert.equal(handedBack, 10);
  });

  it('reads nothing from an empty Blob, and a small one in one slice', async () => {
    let calls = 0;
    await forEachSlice(new Blob([]), 1024, () => {
      calls++;
    });
    assert.equal(calls, 0);
    const small: number[] = [];
    await forEachSlice(new Blob(['abc']), 1024, (slice, total) => {
      small.push(slice.byteLength, total);
    });
    assert.deepEqual(small, [3, 3]);
  });

  it('stops at the first error of the visitor, and refuses a slice size of 0', async () => {
    let calls = 0;
    await assert.rejects(
      forEachSlice(blob, 1_000, () => {
        calls++;
        if (calls === 3) throw new Error('aborted');
      }),
      /aborted/,
    );
    assert.equal(calls, 3);
    await assert.rejects(
      forEachSlice(blob, 0, () => undefined),
      RangeError,
    );
  });
});
