// Publishing readiness: `npm pack --dry-run` of each package (its prepack rebuilds it from clean)
// holds exactly what users need — built JS, types, their maps and the sources they point to,
// README, LICENSE, and for the elements their manifest and single file — and nothing else.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const packagesDir = join(root, 'packages');

interface PackageJson {
  name: string;
  private?: boolean;
  exports?: Record<string, string | Record<string, string>>;
  bin?: Record<string, string>;
  sideEffects?: boolean | string[];
  customElements?: string;
}

interface PackResult {
  name: string;
  files: { path: string }[];
}

/** What `npm pack` would publish (`--dry-run`: no tarball; the prepack build does run). */
function pack(dir: string): string[] {
  const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--loglevel=error'], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  // Anything the prepack build printed comes before npm's JSON.
  const [result] = JSON.parse(output.slice(output.indexOf('[\n'))) as PackResult[];
  assert.ok(result);
  return result.files.map((f) => f.path).sort();
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : [path];
  });
}

/** The modules a package publishes: its `src/**\/*.ts` but the tests. */
function sourceModules(dir: string): string[] {
  return walk(join(dir, 'src'))
    .map((file) => relative(dir, file).split('\\').join('/'))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
}

/** The package's expected contents, derived from its sources. */
function expectedFiles(dir: string, pkg: PackageJson): string[] {
  const files = ['package.json', 'README.md', 'LICENSE'];
  for (const source of sourceModules(dir)) {
    const built = source.replace(/^src\//, 'dist/').replace(/\.ts$/, '');
    // The sources ship because the `source` export condition and the maps point at them.
    files.push(source, `${built}.js`, `${built}.js.map`, `${built}.d.ts`, `${built}.d.ts.map`);
  }
  if (pkg.name === '@dsp-kit/elements') {
    files.push(
      'dist/custom-elements.json',
      'dist/vscode.html-custom-data.json',
      'dist/vscode.css-custom-data.json',
      'dist-bundle/dsp-kit.min.js',
      'dist-bundle/hash.worker.js',
      'dist-bundle/pdf.worker.js',
    );
  }
  return files.sort();
}

/** A package.json path (`./dist/*.js`) as a test against the packed files. */
function matcher(pattern: string): (file: string) => boolean {
  const normalized = posix.normalize(pattern).replace(/^\.\//, '');
  const regex = new RegExp(
    `^${normalized
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^]*')}$`,
  );
  return (file) => regex.test(file);
}

function exportTargets(pkg: PackageJson): string[] {
  return Object.values(pkg.exports ?? {}).flatMap((target) =>
    typeof target === 'string' ? [target] : Object.values(target),
  );
}

const packages = readdirSync(packagesDir)
  .map((name) => join(packagesDir, name))
  .map((dir) => ({
    dir,
    pkg: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson,
  }))
  .filter(({ pkg }) => !pkg.private);

describe('npm pack of each package', () => {
  it('covers every public package', () => {
    assert.deepEqual(packages.map(({ pkg }) => pkg.name).sort(), [
      '@dsp-kit/auth',
      '@dsp-kit/elements',
      '@dsp-kit/fhir',
      '@dsp-kit/mock',
      '@dsp-kit/react',
    ]);
  });

  for (const { dir, pkg } of packages) {
    describe(pkg.name, () => {
      let files: string[] = [];
      before(() => {
        files = pack(dir);
      });

      it('publishes exactly the built modules, their types, maps and sources, README and LICENSE', () => {
        const expected = expectedFiles(dir, pkg);
        const extra = files.filter((f) => !expected.includes(f));
        const missing = expected.filter((f) => !files.includes(f));
        assert.deepEqual(
          { extra, missing },
          { extra: [], missing: [] },
          `${pkg.name}: the tarball differs from what its sources call for`,
        );
        assert.deepEqual(
          files.filter((f) => /\.test\.|(^|\/)(stories|test|__\w+__)\//.test(f)),
          [],
          'no tests, no stories',
        );
      });

      it('holds every file its package.json names', () => {
        const named = [
          ...exportTargets(pkg),
          ...Object.values(pkg.bin ?? {}),
          ...(pkg.customElements ? [pkg.customElements] : []),
        ];
        for (const target of named) {
          assert.ok(files.some(matcher(target)), `${pkg.name}: ${target} is not in the tarball`);
        }
        for (const pattern of Array.isArray(pkg.sideEffects) ? pkg.sideEffects : []) {
          assert.ok(
            files.some(matcher(pattern)),
            `${pkg.name}: sideEffects names ${pattern}, which matches nothing published`,
          );
        }
      });

      it('ships source maps whose sources are in the tarball', () => {
        const maps = files.filter((f) => f.endsWith('.map'));
        assert.ok(maps.length > 0);
        for (const map of maps) {
          const { sources } = JSON.parse(readFileSync(join(dir, map), 'utf8')) as {
            sources: string[];
          };
          for (const source of sources) {
            const file = posix.join(posix.dirname(map), source);
            assert.ok(files.includes(file), `${map} points at ${file}, which is not published`);
          }
        }
      });

      if (pkg.customElements) {
        it('ships a manifest naming every define module and only published modules', () => {
          const manifest = JSON.parse(
            readFileSync(join(dir, pkg.customElements ?? ''), 'utf8'),
          ) as {
            modules: { path: string; exports?: { kind: string; name: string }[] }[];
          };
          for (const module of manifest.modules) {
            assert.ok(files.includes(module.path), `manifest module ${module.path} not published`);
          }
          const defined = manifest.modules.flatMap((m) =>
            (m.exports ?? []).filter((e) => e.kind === 'custom-element-definition'),
          );
          const defineModules = files.filter((f) => /^dist\/define\/[^/]+\.js$/.test(f));
          assert.equal(defined.length, defineModules.length);
        });
      }
    });
  }
});
