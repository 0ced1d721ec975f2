// Runs the named npm scripts at the same time (`node scripts/run-together.mjs lint typecheck`):
// each is one process on one core, so two of them take about the time of the longer one. Each
// script's output is printed in one block when it ends, with how long it took; the exit status is
// the first failing script's, else 0.
import { runBuffered } from './buffered-process.mjs';

const names = process.argv.slice(2);
if (names.length === 0) {
  console.error('Name the npm scripts to run together, e.g. `run-together.mjs lint typecheck`');
  process.exit(1);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Runs `npm run <name>`; resolves with its exit status once its output is printed. */
function run(name) {
  return runBuffered(`npm run ${name}`, npm, ['run', '--silent', name]);
}

const statuses = await Promise.all(names.map(run));
process.exit(statuses.find((status) => status !== 0) ?? 0);
