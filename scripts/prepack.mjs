// A package's `prepack` (run by `npm pack` and `npm publish`, also with --dry-run): deletes its
// build output and builds it again, so nothing stale (a module deleted since) is ever published.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = process.cwd();
const { name } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
if (!dir.startsWith(join(root, 'packages'))) {
  throw new Error(`prepack runs in a package folder under packages/, not in ${dir}`);
}
rmSync(join(dir, 'dist'), { recursive: true, force: true });
// Without its build info, `tsc -b` would think the deleted output is still up to date.
rmSync(join(dir, 'tsconfig.tsbuildinfo'), { force: true });
const tsc = join(root, 'node_modules/typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-b', dir], { cwd: root, stdio: 'inherit' });
if (name === '@dsp-kit/elements') {
  const { writeManifest } = await import('./manifest.mjs');
  writeManifest(`${dir}/`);
  // The single file imports the other packages' builds: bring them up to date first.
  execFileSync(process.execPath, [tsc, '-b'], { cwd: root, stdio: 'inherit' });
  const { buildBundle, buildWorkers } = await import('./build-bundle.mjs');
  await Promise.all([buildBundle(), buildWorkers()]);
}
if (!existsSync(join(dir, 'dist'))) throw new Error(`${name}: the build wrote no dist/`);
