// Runs Node's test runner over the given folders' `*.node.test.ts` files (Node 20's --test takes
// no globs), with workspace packages resolved to their TypeScript sources through tsx, and a
// timeout per test.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const SKIP = new Set(['node_modules', 'dist', '.git']);
const suffix = process.argv[2] ?? '.node.test.ts';
const roots = process.argv.slice(3);

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
const result = spawnSync(
  process.execPath,
  [
    '--conditions=source',
    '--import',
    'tsx',
    '--test',
    `--test-timeout=${TEST_TIMEOUT_MS}`,
    ...files,
  ],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
