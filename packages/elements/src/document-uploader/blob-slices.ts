// Reads a Blob in fixed-size slices through one reused buffer, so that reading a file of any size
// holds one slice in memory, not as many as the garbage collector has yet to reclaim.

/**
 * Calls `visit` with each slice of `blob` in order (every one `size` bytes but the last) and the
 * bytes read so far. The slice is a view of a buffer reused for the next one: `visit` must be done
 * with it when its promise settles. Reads through a BYOB stream reader when the browser has one,
 * else slice by slice.
 */
export async function forEachSlice(
  blob: Blob,
  size: number,
  visit: (slice: Uint8Array, loaded: number) => void | Promise<void>,
): Promise<void> {
  if (!(size > 0)) throw new RangeError(`The slice size must be positive, got ${size}`);
  let reader: ReadableStreamBYOBReader | undefined;
  try {
    reader = blob.stream().getReader({ mode: 'byob' });
  } catch {
    // No byte stream (older engines): one fresh buffer per slice.
  }
  if (!reader) {
    for (let offset = 0; offset < blob.size; offset += size) {
      const slice = new Uint8Array(await blob.slice(offset, offset + size).arrayBuffer());
      await visit(slice, offset + slice.byteLength);
    }
    return;
  }
  try {
    let buffer = new ArrayBuffer(Math.min(size, Math.max(blob.size, 1)));
    let loaded = 0;
    for (;;) {
      let filled = 0;
      let done = false;
      while (filled < buffer.byteLength) {
        const read = await reader.read(new Uint8Array(buffer, filled, buffer.byteLength - filled));
        if (read.done) {
          done = true;
          // The stream gives the buffer back even at its end, when it was handed one.
          if (read.value) buffer = read.value.buffer;
          break;
        }
        buffer = read.value.buffer;
        filled += read.value.byteLength;
      }
      if (filled > 0) {
        loaded += filled;
        await visit(new Uint8Array(buffer, 0, filled), loaded);
      }
      if (done || loaded >= blob.size) return;
    }
  } finally {
    // Stops reading what is left (after an error in `visit`, or a Blob that grew nothing more).
    reader.cancel().catch(() => undefined);
  }
}
