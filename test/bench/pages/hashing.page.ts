// The hashing bench page: a large file made in the page, hashed as the uploader does (in its Web
// Worker, in slices), on the main thread in slices (the fallback), and in one shot with WebCrypto,
// while the main thread's longest task and longest frame are watched.
import { hashFile, lastHashedIn } from '../../../packages/elements/src/document-uploader/hash.js';
import { sha1OfBlob } from '../../../packages/elements/src/document-uploader/hash-core.js';

const MIB = 1024 * 1024;

/**
 * The time when the next animation frame's callbacks run. Not the callback's timestamp: headless
 * Chromium stamps a frame when the compositor began it, so a frame the main thread delayed would
 * look on time.
 */
const frame = () =>
  new Promise<number>((resolve) =>
    requestAnimationFrame(() => {
      resolve(performance.now());
    }),
  );
let file: Blob | undefined;

/** What one way of hashing did: its time, its result, and how the main thread fared meanwhile. */
export interface HashRun {
  readonly ms: number;
  readonly hash: string;
  readonly where: string;
  /** The longest task the Long Tasks API saw (it reports tasks over 50 ms only; 0: none). */
  readonly longestTask: number;
  readonly longTasks: number;
  /** The longest gap between two animation frames. */
  readonly longestFrame: number;
}

/** Makes a `mib` MiB file of pseudo-random bytes, one MiB at a time (never whole in the heap). */
function makeFile(mib: number): Blob {
  const chunk = new Uint8Array(MIB);
  let x = 0x9e3779b9;
  const parts: Blob[] = [];
  for (let i = 0; i < mib; i++) {
    for (let j = 0; j < chunk.length; j += 4) {
      // xorshift32: cheap bytes that compress to nothing, so no layer can shortcut them.
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      chunk[j] = x & 0xff;
      chunk[j + 1] = (x >>> 8) & 0xff;
      chunk[j + 2] = (x >>> 16) & 0xff;
      chunk[j + 3] = x >>> 24;
    }
    parts.push(new Blob([chunk]));
  }
  return new Blob(parts, { type: 'application/pdf' });
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** Runs `work`, watching long tasks and frame gaps on the main thread until it ends. */
async function watched(work: () => Promise<string>, where: () => string): Promise<HashRun> {
  const entries: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => {
    entries.push(...list.getEntries());
  });
  observer.observe({ type: 'longtask', buffered: false });
  let running = true;
  let longestFrame = 0;
  const frames = (async () => {
    let last = await frame();
    while (running) {
      const now = await frame();
      longestFrame = Math.max(longestFrame, now - last);
      last = now;
    }
  })();
  await frame();
  const t0 = performance.now();
  const hash = await work();
  const t1 = performance.now();
  const ms = t1 - t0;
  running = false;
  await frames;
  // Long-task entries are delivered after their task: one more frame lets the last one in.
  await frame();
  observer.disconnect();
  // Only the tasks that ran while hashing (not, say, the collection of the buffer afterwards).
  const tasks = entries
    .filter((e) => e.startTime < t1 && e.startTime + e.duration > t0)
    .map((e) => e.duration);
  return {
    ms,
    hash,
    where: where(),
    longestTask: Math.max(0, ...tasks),
    longTasks: tasks.length,
    longestFrame,
  };
}

const bench = {
  prepare(mib: number): number {
    file = makeFile(mib);
    return file.size;
  },
  /** The uploader's way: `hashFile`, in its worker, in 4 MiB slices. */
  worker(): Promise<HashRun> {
    const blob = file!;
    return watched(
      () => hashFile(blob),
      () => lastHashedIn ?? 'none',
    );
  },
  /** The fallback without a worker: 4 MiB slices on the main thread, a task between each. */
  mainThread(): Promise<HashRun> {
    const blob = file!;
    return watched(
      () => sha1OfBlob(blob, { between: () => new Promise((resolve) => setTimeout(resolve, 0)) }),
      () => 'main-thread',
    );
  },
  /** The baseline: the whole file read into one ArrayBuffer, hashed by WebCrypto at once. */
  oneShot(): Promise<HashRun> {
    const blob = file!;
    return watched(
      async () =>
        base64(new Uint8Array(await crypto.subtle.digest('SHA-1', await blob.arrayBuffer()))),
      () => 'webcrypto-one-shot',
    );
  },
};

(window as unknown as { bench: typeof bench }).bench = bench;
