// Runs the browser tests (`npm run test:browser`) as two web-test-runner processes at once, each
// with its own Chromium over every other test file and its own port (so its own origin: its own
// msw worker, IndexedDB and storage). One runner cannot run two files at once: Chromium leaves a
// background page's `requestAnimationFrame` unanswered at times (modernweb-dev/web#2588), and the
// virtualized lists wait for frames. Most of a browser test's time is waiting (the mock's delays,
// frames, timers), so two runners take about 80% of the time of one (245 s against 303 s in CI). Each runner's output is printed in one block when it ends; the exit
// status is the first failing runner's, else 0. Arguments are passed to both runners, and files
// named among them replace the whole list (`node scripts/browser-tests.mjs packages/x/test/y.test.ts`).
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBuffered } from './buffered-process.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNNERS = 2;
const FIRST_PORT = 8100;

/** What `web-test-runner.config.mjs` lists: every `.test.ts` under a package's `src/` or `test/`, but the `.node.test.ts`. */
function testFiles() {
  const files = [];
  for (const pkg of readdirSync(join(root, 'packages'))) {
    for (const dir of ['src', 'test']) {
      let names;
      try {
        names = readdirSync(join(root, 'packages', pkg, dir), { recursive: true });
      } catch {
        continue; // a package without tests there
      }
      for (const name of names) {
        const path = String(name);
        if (path.endsWith('.test.ts') && !path.endsWith('.node.test.ts')) {
          files.push(relative(root, join(root, 'packages', pkg, dir, path)));
        }
      }
    }
  }
  return files.sort();
}

const args = process.argv.slice(2);
const named = args.filter((arg) => arg.endsWith('.ts'));
const options = args.filter((arg) => !arg.endsWith('.ts'));
const files = named.length > 0 ? named : testFiles();
const runners = Math.min(RUNNERS, files.length);
const bin = join(root, 'node_modules/@web/test-runner/dist/bin.js');

/** One runner over every `runners`-th file from `index`; resolves with its exit status. */
function run(index) {
  const mine = files.filter((_, i) => i % runners === index);
  return runBuffered(
    `browser tests, runner ${String(index + 1)} of ${String(runners)} (${String(mine.length)} files)`,
    process.execPath,
    [bin, ...mine, '--port', String(FIRST_PORT + index), ...options],
    { cwd: root },
  );
}

const statuses = await Promise.all(Array.from({ length: runners }, (_, i) => run(i)));
process.exit(statuses.find((status) => status !== 0) ?? 0);
