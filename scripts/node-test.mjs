// Runs Node's test runner over the given folders' `*.node.test.ts` files (Node 20's --test takes
// no globs), with workspace packages resolved to their TypeScript sources through tsx, a timeout
// per test, and a scratch folder for the run where files share what they build.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { withRunDir } from './test-run-dir.mjs';

const SKIP = new Set(['node_modules', 'dist', '.git']);
// `--concurrency=N` runs N files at once; Node's own default is one less than the cores, which is
// one file at a time on a 2-core CI machine even where the files mostly wait.
const options = process.argv.slice(2).filter((arg) => arg.startsWith('--'));
const [suffix = '.node.test.ts', ...roots] = process.argv
  .slice(2)
  .filter((arg) => !arg.startsWith('--'));
const concurrency = options.find((arg) => arg.startsWith('--concurrency='))?.split('=')[1];
const unknown = options.filter((arg) => !/^--concurrency=[1-9][0-9]*$/.test(arg));
if (unknown.length > 0) {
  console.error(
    `Unknown option ${unknown.join(' ')}; the one option is --concurrency=<files at once>`,
  );
  process.exit(1);
}

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return walk(path);
    return entry.name.endsWith(suffix) ? [path] : [];
  });
}

const files = roots.flatMap(walk).sort();
if (files.length === 0) {
  console.error(`No ${suffix} files under ${roots.join(', ')}`);
  process.exit(1);
}
// A test that hangs (a page that never answers) fails after this, rather than holding CI. Node
// applies it to each file as a whole too: the Storybook file replays every panel's story (about
// 140 s on a loaded machine), so the limit leaves it room.
const TEST_TIMEOUT_MS = 300_000;
const result = withRunDir((env) =>
  spawnSync(
    process.execPath,
    [
      '--conditions=source',
      '--import',
      'tsx',
      '--test',
      `--test-timeout=${TEST_TIMEOUT_MS}`,
      ...(concurrency ? [`--test-concurrency=${concurrency}`] : []),
      ...files,
    ],
    { stdio: 'inherit', env },
  ),
);
process.exit(result.status ?? 1);
