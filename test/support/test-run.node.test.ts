// What a test run gives its files: a build shared by them, made once per set of inputs, made again
// when an input changes, private and removed outside a run; and from `scripts/node-test.mjs`, the
// run's scratch folder, removed once the files have finished, and as many files at once as asked;
// and `scripts/run-together.mjs`, which runs npm scripts at the same time.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { RUN_DIR_VARIABLE } from '../../scripts/test-run-dir.mjs';
import { sharedBuild, type SharedBuildOptions } from './shared-build.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));

describe('sharedBuild', () => {
  let scratch: string;
  let sources: string;
  let runDir: string;
  let saved: string | undefined;
  let builds: number;

  /** A build that copies `src/page.txt` into its folder, counting how often it runs. */
  const options = (): SharedBuildOptions => ({
    name: 'site',
    root: sources,
    inputs: ['src', 'config.json'],
    make: async (dir) => {
      builds += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      writeFileSync(join(dir, 'page.txt'), readFileSync(join(sources, 'src', 'page.txt')));
    },
  });

  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), 'shared-build-test-'));
    sources = join(scratch, 'sources');
    runDir = join(scratch, 'run');
    mkdirSync(join(sources, 'src', 'node_modules'), { recursive: true });
    mkdirSync(runDir);
    writeFileSync(join(sources, 'src', 'page.txt'), 'first');
    writeFileSync(join(sources, 'config.json'), '{}');
    builds = 0;
    saved = process.env[RUN_DIR_VARIABLE];
    process.env[RUN_DIR_VARIABLE] = runDir;
  });

  afterEach(() => {
    if (saved === undefined) Reflect.deleteProperty(process.env, RUN_DIR_VARIABLE);
    else process.env[RUN_DIR_VARIABLE] = saved;
    rmSync(scratch, { recursive: true, force: true });
  });

  it('builds once in a run for the same inputs, and keeps the build for the run', async () => {
    const first = await sharedBuild(options());
    const second = await sharedBuild(options());
    assert.equal(builds, 1);
    assert.equal(second.dir, first.dir);
    assert.ok(first.dir.startsWith(runDir));
    first.release();
    assert.equal(readFileSync(join(first.dir, 'page.txt'), 'utf8'), 'first');
  });

  it('builds again when an input changed, never handing out the stale build', async () => {
    const first = await sharedBuild(options());
    writeFileSync(join(sources, 'src', 'page.txt'), 'second');
    const second = await sharedBuild(options());
    assert.equal(builds, 2);
    assert.notEqual(second.dir, first.dir);
    assert.equal(readFileSync(join(second.dir, 'page.txt'), 'utf8'), 'second');
    writeFileSync(join(sources, 'config.json'), '{"changed":true}');
    await sharedBuild(options());
    assert.equal(builds, 3, 'a changed input file, not only a changed folder');
  });

  it('ignores installed packages among the inputs', async () => {
    await sharedBuild(options());
    writeFileSync(join(sources, 'src', 'node_modules', 'dep.js'), 'changed');
    await sharedBuild(options());
    assert.equal(builds, 1);
  });

  it('hands two files building at once the same complete build', async () => {
    const [a, b] = await Promise.all([sharedBuild(options()), sharedBuild(options())]);
    assert.equal(a.dir, b.dir);
    assert.equal(readFileSync(join(a.dir, 'page.txt'), 'utf8'), 'first');
  });

  it('outside a run, builds a folder of its own each time and removes it on release', async () => {
    Reflect.deleteProperty(process.env, RUN_DIR_VARIABLE);
    const first = await sharedBuild(options());
    const second = await sharedBuild(options());
    assert.equal(builds, 2);
    assert.notEqual(second.dir, first.dir);
    assert.ok(!first.dir.startsWith(runDir));
    first.release();
    second.release();
    assert.equal(existsSync(first.dir), false);
    assert.equal(existsSync(second.dir), false);
  });

  it('fails with the build’s error and leaves nothing behind when the build fails', async () => {
    const failing = { ...options(), make: () => Promise.reject(new Error('vite said no')) };
    await assert.rejects(sharedBuild(failing), /vite said no/);
    assert.deepEqual(readdirSync(runDir), []);
  });
});

/** Runs `scripts/node-test.mjs` with `args` as `npm run` would, outside this test's own run. */
function nodeTest(args: readonly string[]) {
  // Without the variable Node sets in the files it tests, the run below reports as its own.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => name !== 'NODE_TEST_CONTEXT'),
  );
  return spawnSync(process.execPath, ['scripts/node-test.mjs', ...args], {
    cwd: repo,
    encoding: 'utf8',
    env,
  });
}

describe('scripts/node-test.mjs', () => {
  it('gives the test files one scratch folder for the run and removes it afterwards', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'node-test-run-'));
    try {
      const seen = join(scratch, 'seen.txt');
      // Two files, so both must see the same folder.
      for (const name of ['a', 'b']) {
        writeFileSync(
          join(scratch, `${name}.node.test.ts`),
          `import { appendFileSync, existsSync } from 'node:fs';
import { test } from 'node:test';
test('${name}', () => {
  const dir = process.env.${RUN_DIR_VARIABLE} ?? '';
  appendFileSync(${JSON.stringify(seen)}, dir + ' ' + existsSync(dir) + '\\n');
});
`,
        );
      }
      const run = nodeTest(['.node.test.ts', scratch]);
      assert.equal(run.status, 0, run.stdout + run.stderr);
      const lines = readFileSync(seen, 'utf8').trim().split('\n');
      assert.equal(lines.length, 2);
      const dirs = lines.map((line) => line.split(' '));
      assert.ok(
        dirs.every(([dir, existed]) => dir && existed === 'true'),
        lines.join('\n'),
      );
      assert.equal(dirs[0]?.[0], dirs[1]?.[0]);
      assert.equal(existsSync(dirs[0]?.[0] ?? ''), false, 'removed once the run ended');
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('runs as many files at once as --concurrency says', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'node-test-concurrency-'));
    try {
      // Each file says it started, then waits for the other to say so: only files run at the
      // same time both pass; one after the other, the first gives up after two seconds.
      const pairs: [name: string, other: string][] = [
        ['a', 'b'],
        ['b', 'a'],
      ];
      for (const [name, other] of pairs) {
        writeFileSync(
          join(scratch, `${name}.node.test.ts`),
          `import { existsSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
test('${name}', async () => {
  writeFileSync(${JSON.stringify(join(scratch, name))}, '');
  const until = Date.now() + 2000;
  while (!existsSync(${JSON.stringify(join(scratch, other))})) {
    if (Date.now() > until) throw new Error('${other} did not start alongside');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
});
`,
        );
      }
      const together = nodeTest(['--concurrency=2', '.node.test.ts', scratch]);
      assert.equal(together.status, 0, together.stdout + together.stderr);
      for (const name of ['a', 'b']) rmSync(join(scratch, name));
      const alone = nodeTest(['--concurrency=1', '.node.test.ts', scratch]);
      assert.notEqual(alone.status, 0, 'one file at a time: the first waits in vain');
      assert.match(alone.stdout, /did not start alongside/);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('refuses an option it does not know, saying which', () => {
    const run = nodeTest(['--concurency=2', '.node.test.ts', 'demo']);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /Unknown option --concurency=2/);
  });
});

describe('scripts/run-together.mjs', () => {
  /** Runs the script in a package whose npm scripts are `scripts`. */
  function together(scripts: Record<string, string>, names: readonly string[]) {
    const dir = mkdtempSync(join(tmpdir(), 'run-together-'));
    try {
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'fixture', scripts }));
      return spawnSync(process.execPath, [join(repo, 'scripts/run-together.mjs'), ...names], {
        cwd: dir,
        encoding: 'utf8',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  /** An npm script that says it started, then waits up to 5 s for `other` to say so. */
  const waitsFor = (name: string, other: string) =>
    `node -e "const fs=require('fs');fs.writeFileSync('${name}.started','');` +
    `const until=Date.now()+5000;(function poll(){if(fs.existsSync('${other}.started'))` +
    `{console.log('${name} saw ${other}');return}` +
    `if(Date.now()>until){console.error('${name} alone');process.exit(3)}setTimeout(poll,20)})()"`;

  it('runs the scripts at the same time and prints each one’s output', () => {
    const run = together({ a: waitsFor('a', 'b'), b: waitsFor('b', 'a') }, ['a', 'b']);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /> npm run a: passed in [\d.]+ s\n[^]*a saw b/);
    assert.match(run.stdout, /> npm run b: passed in [\d.]+ s\n[^]*b saw a/);
  });

  it('fails with the failing script’s status, after the others ended', () => {
    const run = together({ ok: 'node -e "1"', bad: 'node -e "process.exit(4)"' }, ['ok', 'bad']);
    assert.equal(run.status, 4);
    assert.match(run.stdout, /> npm run bad: FAILED/);
    assert.match(run.stdout, /> npm run ok: passed/);
  });
});
