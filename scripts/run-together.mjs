// Runs the named npm scripts at the same time (`node scripts/run-together.mjs lint typecheck`):
// each is one process on one core, so two of them take about the time of the longer one. Each
// script's output is printed in one block when it ends, with how long it took; the exit status is
// the first failing script's, else 0.
import { spawn } from 'node:child_process';

const names = process.argv.slice(2);
if (names.length === 0) {
  console.error('Name the npm scripts to run together, e.g. `run-together.mjs lint typecheck`');
  process.exit(1);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Runs `npm run <name>`; resolves with its exit status once its output is printed. */
function run(name) {
  const started = Date.now();
  const child = spawn(npm, ['run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'] });
  const output = [];
  child.stdout.on('data', (chunk) => output.push(chunk));
  child.stderr.on('data', (chunk) => output.push(chunk));
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      const status = code ?? (signal ? 1 : 0);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(
        `\n> npm run ${name}: ${status === 0 ? 'passed' : 'FAILED'} in ${seconds} s\n`,
      );
      process.stdout.write(Buffer.concat(output));
      resolve(status);
    });
  });
}

const statuses = await Promise.all(names.map(run));
process.exit(statuses.find((status) => status !== 0) ?? 0);
