// A scratch folder that lives exactly as long as one test run: made before the test files start,
// named to them in an environment variable, removed when they have finished (Node 20's runner has
// no global setup or teardown, so the script that starts it plays that part).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The environment variable that names the run's scratch folder to the test files. */
export const RUN_DIR_VARIABLE = 'DSP_KIT_TEST_RUN_DIR';

/**
 * Makes a new scratch folder, calls `run` with an environment naming it, and removes the folder
 * afterwards, whatever `run` did. A new folder each run: nothing from an earlier run is ever seen.
 */
export function withRunDir(run) {
  const dir = mkdtempSync(join(tmpdir(), 'dsp-kit-test-run-'));
  // Ctrl-C reaches the test files too (same process group); the folder still goes once they stop.
  const interrupted = () => {};
  process.on('SIGINT', interrupted);
  process.on('SIGTERM', interrupted);
  try {
    return run({ ...process.env, [RUN_DIR_VARIABLE]: dir });
  } finally {
    rmSync(dir, { recursive: true, force: true });
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  }
}
