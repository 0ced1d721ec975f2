// A build the test files of one run share: made once in the run's scratch folder (named by
// `scripts/test-run-dir.mjs`), under a key of its inputs' contents so a changed source is built
// again; a file run on its own, outside such a run, builds into a temporary folder of its own.
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { RUN_DIR_VARIABLE } from '../../scripts/test-run-dir.mjs';

/** Folders never read as inputs: installed, built or generated things. */
const SKIP = new Set(['node_modules', 'dist', 'dist-bundle', '.git']);

export interface SharedBuildOptions {
  /** A short name for the build, part of its folder's name. */
  readonly name: string;
  /** The folder the inputs are given relative to. */
  readonly root: string;
  /** The files and folders the build reads (folders walked, minus {@link SKIP}). */
  readonly inputs: readonly string[];
  /** Builds into `dir`, an empty folder. */
  readonly make: (dir: string) => Promise<void>;
}

export interface SharedBuild {
  readonly dir: string;
  /** Removes the build when it is this file's own; a shared one stays for the run's other files. */
  readonly release: () => void;
}

function files(path: string): string[] {
  if (!existsSync(path)) return [];
  const entries = readdirSync(path, { withFileTypes: true });
  return entries.flatMap((entry) => {
    if (SKIP.has(entry.name)) return [];
    const child = join(path, entry.name);
    if (entry.isDirectory()) return files(child);
    return entry.isFile() ? [child] : [];
  });
}

/** A hash of every input file's path and contents: what the build's output depends on. */
export function inputsKey(root: string, inputs: readonly string[]): string {
  const hash = createHash('sha256');
  for (const input of inputs) {
    const path = join(root, input);
    const found = existsSync(path) && statSync(path).isFile() ? [path] : files(path);
    for (const file of found.sort()) {
      hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * The build of `options.inputs`: the run's when it exists for these inputs, else made now. Made in
 * a folder of its own and renamed into place when complete, so a file never sees half a build;
 * when two files build at once, the first rename wins and the other's copy is dropped.
 */
export async function sharedBuild(options: SharedBuildOptions): Promise<SharedBuild> {
  const runDir = process.env[RUN_DIR_VARIABLE];
  if (!runDir) {
    const dir = mkdtempSync(join(tmpdir(), `dsp-kit-${options.name}-`));
    await options.make(dir);
    return { dir, release: () => rmSync(dir, { recursive: true, force: true }) };
  }
  const dir = join(runDir, `${options.name}-${inputsKey(options.root, options.inputs)}`);
  const shared = {
    dir,
    release: () => {
      // The run's other files may use it still; the run removes its folder at the end.
    },
  };
  if (existsSync(dir)) return shared;
  const building = mkdtempSync(join(runDir, `${options.name}-building-`));
  try {
    await options.make(building);
    renameSync(building, dir);
  } catch (error) {
    rmSync(building, { recursive: true, force: true });
    if (!existsSync(dir)) throw error;
  }
  return shared;
}
