// `npm run bench`: every benchmark in turn (sizes, then speed), each against its budget. Runs
// them all even when one is over budget, then exits non-zero if any was.
import { spawnSync } from 'node:child_process';

const runs = [
  ['node', ['scripts/size-report.mjs']],
  ['node', ['--conditions=source', '--import', 'tsx', 'test/bench/mock.bench.ts']],
  ['node', ['--conditions=source', '--import', 'tsx', 'test/bench/audit-log.bench.ts']],
  ['node', ['--conditions=source', '--import', 'tsx', 'test/bench/browser.bench.ts']],
  ['node', ['--conditions=source', '--import', 'tsx', 'test/bench/hashing.bench.ts']],
];
let failed = false;
for (const [command, args] of runs) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  failed ||= result.status !== 0;
}
process.exit(failed ? 1 : 0);
