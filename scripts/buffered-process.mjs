// One child process whose output is printed in one block when it ends, after a line saying what it
// was, whether it passed and how long it took: what runs beside others (`run-together.mjs`,
// `browser-tests.mjs`) without their outputs interleaving.
import { spawn } from 'node:child_process';

/** Runs `command` with `args`; resolves with its exit status once its output is printed. */
export function runBuffered(label, command, args, options = {}) {
  const started = Date.now();
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = [];
  child.stdout.on('data', (chunk) => output.push(chunk));
  child.stderr.on('data', (chunk) => output.push(chunk));
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      const status = code ?? (signal ? 1 : 0);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(`\n> ${label}: ${status === 0 ? 'passed' : 'FAILED'} in ${seconds} s\n`);
      process.stdout.write(Buffer.concat(output));
      resolve(status);
    });
  });
}
