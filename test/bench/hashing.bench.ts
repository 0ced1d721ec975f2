// The uploader's hashing in real Chromium: a 200 MiB file made in the page is hashed in the
// uploader's Web Worker (SHA-1 in 4 MiB slices with hash-wasm), on the main thread in slices (its
// fallback), and in one shot by `crypto.subtle.digest` over the whole file. Reports throughput,
// the ratio to the one-shot in the same run, the peak JS heap of the main thread and of the worker
// (CDP `Runtime.getHeapUsage`, sampled), and the longest main-thread task while the worker hashes
// (budget ≤ 50 ms). The page and the worker are served from 127.0.0.1; nothing else is reached.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { CHROME_ARGS, requireChrome } from '../../scripts/chrome.mjs';
import type { HashRun } from './pages/hashing.page.js';

const FILE_MIB = Number(process.env.HASH_BENCH_MIB ?? 200);
const ROUNDS = 3;
const LONGEST_TASK_BUDGET_MS = 50;
/** Bounded memory: the worker's hashing holds one 4 MiB slice (a few at most), never the file. */
const HEAP_BUDGET_MIB = 16;
const MIB = 1024 * 1024;

/** The page and the hash worker, bundled as the uploader ships them (worker beside the page). */
async function bundles(): Promise<Map<string, string>> {
  const root = new URL('../../', import.meta.url).pathname;
  const result = await build({
    entryPoints: {
      'hashing.page': `${root}test/bench/pages/hashing.page.ts`,
      'hash.worker': `${root}packages/elements/src/document-uploader/hash.worker.ts`,
    },
    bundle: true,
    format: 'esm',
    write: false,
    minify: true,
    outdir: '/bench',
    conditions: ['source', 'browser', 'production'],
    tsconfig: `${root}tsconfig.base.json`,
    logLevel: 'error',
  });
  return new Map(result.outputFiles.map((f) => [f.path.replace('/bench', ''), f.text]));
}

function serve(files: Map<string, string>): Promise<Server> {
  const server = createServer((request, response) => {
    const path = request.url === '/' ? '/index.html' : (request.url ?? '');
    const body =
      path === '/index.html'
        ? '<!doctype html><html lang="fr"><body><script type="module" src="/hashing.page.js"></script></body></html>'
        : files.get(path);
    if (body === undefined) {
      response.writeHead(404).end();
      return;
    }
    const type = path.endsWith('.html') ? 'text/html' : 'text/javascript';
    response.writeHead(200, { 'Content-Type': `${type}; charset=utf-8` }).end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

interface HeapUsage {
  usedSize: number;
  backingStorageSize?: number;
}

interface Peaks {
  /** JS heap objects, and ArrayBuffer backing stores, at their highest. */
  mainUsed: number;
  mainBuffers: number;
  mainTotal: number;
  workerUsed: number;
  workerBuffers: number;
  workerTotal: number;
  samples: number;
  workerSamples: number;
}

/**
 * Samples the JS heap of the page's main thread and of its workers (attached through CDP's
 * non-flat sessions, the only way playwright-core's CDP session reaches a worker) while a run goes.
 */
class HeapWatch {
  readonly #workers = new Set<string>();
  readonly #pending = new Map<number, (usage: HeapUsage | undefined) => void>();
  #next = 0;

  constructor(private readonly cdp: CDPSession) {
    cdp.on('Target.attachedToTarget', (event) => {
      if (event.targetInfo.type === 'worker') this.#workers.add(event.sessionId);
    });
    cdp.on('Target.detachedFromTarget', (event) => {
      if (event.sessionId) this.#workers.delete(event.sessionId);
    });
    cdp.on('Target.receivedMessageFromTarget', (event) => {
      const message = JSON.parse(event.message) as { id?: number; result?: HeapUsage };
      if (message.id === undefined) return;
      this.#pending.get(message.id)?.(message.result);
      this.#pending.delete(message.id);
    });
  }

  async start(): Promise<void> {
    await this.cdp.send('Target.setAutoAttach', {
      autoAttach: true,
      waitForDebuggerOnStart: false,
      flatten: false,
    });
  }

  #workerHeap(sessionId: string): Promise<HeapUsage | undefined> {
    const id = ++this.#next;
    return new Promise((resolve) => {
      this.#pending.set(id, resolve);
      // A worker that ends while asked never answers.
      setTimeout(() => {
        this.#pending.delete(id);
        resolve(undefined);
      }, 250);
      this.cdp
        .send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }),
        })
        .catch(() => {
          resolve(undefined);
        });
    });
  }

  async mainHeap(): Promise<HeapUsage> {
    return await this.cdp.send('Runtime.getHeapUsage');
  }

  /** Peaks while `run` goes, sampled as often as CDP answers (every few milliseconds). */
  async during<T>(run: Promise<T>): Promise<{ result: T; peaks: Peaks }> {
    const peaks: Peaks = {
      mainUsed: 0,
      mainBuffers: 0,
      mainTotal: 0,
      workerUsed: 0,
      workerBuffers: 0,
      workerTotal: 0,
      samples: 0,
      workerSamples: 0,
    };
    let done = false;
    const sampling = (async () => {
      while (!done) {
        const main = await this.mainHeap();
        const mainBuffers = main.backingStorageSize ?? 0;
        peaks.mainUsed = Math.max(peaks.mainUsed, main.usedSize);
        peaks.mainBuffers = Math.max(peaks.mainBuffers, mainBuffers);
        peaks.mainTotal = Math.max(peaks.mainTotal, main.usedSize + mainBuffers);
        peaks.samples++;
        for (const session of this.#workers) {
          const worker = await this.#workerHeap(session);
          if (!worker) continue;
          const buffers = worker.backingStorageSize ?? 0;
          peaks.workerUsed = Math.max(peaks.workerUsed, worker.usedSize);
          peaks.workerBuffers = Math.max(peaks.workerBuffers, buffers);
          peaks.workerTotal = Math.max(peaks.workerTotal, worker.usedSize + buffers);
          peaks.workerSamples++;
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    try {
      return { result: await run, peaks };
    } finally {
      done = true;
      await sampling;
    }
  }
}

type Way = 'worker' | 'mainThread' | 'oneShot';

async function hash(page: Page, way: Way): Promise<HashRun> {
  return page.evaluate(
    (w) => (window as unknown as { bench: Record<Way, () => Promise<HashRun>> }).bench[w](),
    way,
  );
}

interface Round {
  run: HashRun;
  peaks: Peaks;
  /** The main thread's peak above its heap just before the run. */
  mainAbove: number;
  /** Main thread above idle, plus the worker's whole heap. */
  both: number;
}

interface Summary {
  ms: number;
  where: string;
  longestTask: number;
  longTasks: number;
  longestFrame: number;
  mainAbove: number;
  mainBuffers: number;
  workerTotal: number;
  workerBuffers: number;
  both: number;
  samples: number;
  workerSamples: number;
}

/** The median time of the rounds, and the worst of everything else. */
function summary(rounds: Round[]): Summary {
  const times = rounds.map((r) => r.run.ms).sort((a, b) => a - b);
  const worst = (pick: (r: Round) => number) => Math.max(...rounds.map(pick));
  const sum = (pick: (r: Round) => number) => rounds.reduce((total, r) => total + pick(r), 0);
  return {
    ms: times[Math.floor(times.length / 2)] ?? Number.NaN,
    where: [...new Set(rounds.map((r) => r.run.where))].join(', '),
    longestTask: worst((r) => r.run.longestTask),
    longTasks: sum((r) => r.run.longTasks),
    longestFrame: worst((r) => r.run.longestFrame),
    mainAbove: worst((r) => r.mainAbove),
    mainBuffers: worst((r) => r.peaks.mainBuffers),
    workerTotal: worst((r) => r.peaks.workerTotal),
    workerBuffers: worst((r) => r.peaks.workerBuffers),
    both: worst((r) => r.both),
    samples: sum((r) => r.peaks.samples),
    workerSamples: sum((r) => r.peaks.workerSamples),
  };
}

const mib = (bytes: number) => `${(bytes / MIB).toFixed(1)} MiB`;
const mbps = (bytes: number, ms: number) => bytes / 1e6 / (ms / 1000);

const server = await serve(await bundles());
const browser = await chromium.launch({ executablePath: requireChrome(), args: CHROME_ARGS });
let failed = false;
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  await page.waitForFunction(() => 'bench' in window);
  const cdp = await page.context().newCDPSession(page);
  const heap = new HeapWatch(cdp);
  await heap.start();
  const size = await page.evaluate(
    (n) => (window as unknown as { bench: { prepare: (n: number) => number } }).bench.prepare(n),
    FILE_MIB,
  );

  /** One run of `way`, from a collected heap, with the peaks above the main thread's idle heap. */
  const measure = async (way: Way): Promise<Round> => {
    await cdp.send('HeapProfiler.collectGarbage');
    const idle = await heap.mainHeap();
    const { result, peaks } = await heap.during(hash(page, way));
    const mainAbove = peaks.mainTotal - (idle.usedSize + (idle.backingStorageSize ?? 0));
    return { run: result, peaks, mainAbove, both: mainAbove + peaks.workerTotal };
  };
  // A first run compiles the worker and hash-wasm; then the ways take turns, ROUNDS times each.
  const warm = await measure('worker');
  const rounds: Record<Way, Round[]> = { worker: [], oneShot: [], mainThread: [] };
  for (let i = 0; i < ROUNDS; i++) {
    for (const way of ['worker', 'oneShot', 'mainThread'] as const)
      rounds[way].push(await measure(way));
  }
  const worker = summary(rounds.worker);
  const oneShot = summary(rounds.oneShot);
  const mainThread = summary(rounds.mainThread);
  const hashes = new Set(
    [warm, ...rounds.worker, ...rounds.oneShot, ...rounds.mainThread].map((r) => r.run.hash),
  );
  const workerSpeed = mbps(size, worker.ms);
  const oneShotSpeed = mbps(size, oneShot.ms);
  const mainSpeed = mbps(size, mainThread.ms);

  console.log(
    `\nHashing a ${FILE_MIB} MiB file (${(size / 1e6).toFixed(1)} MB) in Chromium, headless, this machine; ` +
      `MB = 10^6 bytes; times are medians of ${ROUNDS} runs, the rest the worst of them\n`,
  );
  const row = (name: string, value: string, verdict = '') => {
    console.log(`${name.padEnd(72)} ${value.padStart(14)}  ${verdict}`);
  };
  row(
    `worker, 4 MiB slices, hash-wasm (${worker.where})`,
    `${workerSpeed.toFixed(0)} MB/s`,
    `${worker.ms.toFixed(0)} ms (first run ${warm.run.ms.toFixed(0)} ms)`,
  );
  row(
    'one shot, crypto.subtle.digest over the whole file',
    `${oneShotSpeed.toFixed(0)} MB/s`,
    `${oneShot.ms.toFixed(0)} ms`,
  );
  row('worker ÷ one shot (throughput)', `×${(workerSpeed / oneShotSpeed).toFixed(2)}`);
  row(
    'main thread, 4 MiB slices (fallback without worker)',
    `${mainSpeed.toFixed(0)} MB/s`,
    `${mainThread.ms.toFixed(0)} ms`,
  );
  row('same SHA-1 from every way and run', hashes.size === 1 ? 'yes' : 'NO');
  failed ||= hashes.size !== 1 || worker.where !== 'worker';

  console.log(
    '\nMain thread while hashing (long tasks: the Long Tasks API, which sees tasks > 50 ms; ' +
      'frames: time between animation-frame callbacks)\n',
  );
  const taskVerdict = (ms: number) =>
    `${ms <= LONGEST_TASK_BUDGET_MS ? 'within' : 'OVER'} ≤ ${LONGEST_TASK_BUDGET_MS} ms`;
  const longest = (s: Summary) =>
    s.longTasks === 0 ? '< 50 ms' : `${s.longestTask.toFixed(0)} ms`;
  row('worker: longest main-thread task', longest(worker), taskVerdict(worker.longestTask));
  row('worker: longest frame', `${worker.longestFrame.toFixed(1)} ms`);
  row(
    'main-thread slices: longest task',
    longest(mainThread),
    `${mainThread.longTasks} long tasks`,
  );
  row('main-thread slices: longest frame', `${mainThread.longestFrame.toFixed(1)} ms`);
  row('one shot: longest task', longest(oneShot), `${oneShot.longTasks} long tasks`);
  row('one shot: longest frame', `${oneShot.longestFrame.toFixed(1)} ms`);
  failed ||= worker.longestTask > LONGEST_TASK_BUDGET_MS;

  console.log(
    '\nPeak JS heap, objects + ArrayBuffer backing stores (CDP Runtime.getHeapUsage, sampled every ' +
      'few ms; the Blob’s bytes live in the browser’s blob store, outside any JS heap)\n',
  );
  row(
    'worker hashing: main thread, above idle',
    mib(worker.mainAbove),
    `${worker.samples} samples`,
  );
  row(
    'worker hashing: the worker (its whole heap: hash-wasm, one slice)',
    mib(worker.workerTotal),
    `buffers ${mib(worker.workerBuffers)}, ${worker.workerSamples} samples`,
  );
  row(
    'worker hashing: both together',
    mib(worker.both),
    `${worker.both <= HEAP_BUDGET_MIB * MIB ? 'within' : 'OVER'} ≤ ${HEAP_BUDGET_MIB} MiB`,
  );
  row(
    'main-thread slices: main thread, above idle',
    mib(mainThread.mainAbove),
    `buffers ${mib(mainThread.mainBuffers)}`,
  );
  row(
    'one shot: main thread, above idle (holds the whole file)',
    mib(oneShot.mainAbove),
    `buffers ${mib(oneShot.mainBuffers)}`,
  );
  failed ||= worker.both > HEAP_BUDGET_MIB * MIB || worker.workerSamples === 0;
} finally {
  await browser.close();
  server.close();
}
if (failed) process.exitCode = 1;
