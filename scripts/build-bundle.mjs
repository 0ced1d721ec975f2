// `npm run build:bundle`: the whole kit as one minified ES module for intranets without a bundler
// (every panel registered, DspClient, DspCache and the handoff token providers), written to
// packages/elements/dist-bundle/dsp-kit.min.js from the built packages (run `tsc -b` first).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { transform } from 'esbuild';
import { rollup } from 'rollup';

const root = fileURLToPath(new URL('..', import.meta.url));
export const BUNDLE_FILE = `${root}packages/elements/dist-bundle/dsp-kit.min.js`;

const ENTRY = '\0dsp-kit-bundle';
const DEFINES = [
  'dsp-provider',
  'dsp-document-viewer',
  'dsp-document-preview',
  'dsp-document-uploader',
  'dsp-access-rights',
  'dsp-audit-log',
  'dsp-document-stats',
];
// The auth main entry holds the handoff providers only; OIDC (`@dsp-kit/auth/oidc`) and the mock
// stay out: an intranet page hands over its token, and brings no test server.
const ENTRY_CODE = [
  ...DEFINES.map((name) => `export * from '@dsp-kit/elements/define/${name}.js';`),
  "export * from '@dsp-kit/fhir';",
  "export { DspCache } from '@dsp-kit/fhir/cache';",
  "export * from '@dsp-kit/auth';",
].join('\n');

/** The entry as a virtual module, so the bundle's contents are listed here and nowhere else. */
function entry() {
  return {
    name: 'dsp-kit-entry',
    resolveId: (id) => (id === ENTRY ? ENTRY : null),
    load: (id) => (id === ENTRY ? ENTRY_CODE : null),
  };
}

/**
 * Workspace sources instead of dist/ (for tests, which must not depend on a fresh `tsc -b`):
 * `.js` specifiers resolve to the `.ts` beside them, and esbuild strips the types with the
 * project's decorator settings.
 */
function typescriptSources() {
  return {
    name: 'dsp-kit-sources',
    async resolveId(source, importer, options) {
      if (!importer?.endsWith('.ts') || !source.startsWith('.') || !source.endsWith('.js')) {
        return null;
      }
      return this.resolve(source.replace(/\.js$/, '.ts'), importer, {
        ...options,
        skipSelf: true,
      });
    },
    async transform(code, id) {
      if (!id.endsWith('.ts')) return null;
      const result = await transform(code, {
        loader: 'ts',
        target: 'es2022',
        sourcefile: id,
        tsconfigRaw: {
          compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false },
        },
      });
      return { code: result.code, map: null };
    },
  };
}

/**
 * Bundles the kit. `source: true` reads the workspace's TypeScript sources; `write: false` keeps
 * the result in memory. Resolves to the bundle's code.
 */
export async function buildBundle({ source = false, write = true } = {}) {
  const bundle = await rollup({
    input: ENTRY,
    plugins: [
      entry(),
      ...(source ? [typescriptSources()] : []),
      nodeResolve({
        rootDir: root,
        browser: true,
        exportConditions: [...(source ? ['source'] : []), 'browser', 'production'],
        extensions: source ? ['.mjs', '.js', '.ts', '.json'] : ['.mjs', '.js', '.json'],
      }),
    ],
    onwarn(warning, warn) {
      // tsc's `__decorate` helper tests `this` at module level, which ES modules leave undefined.
      if (warning.code === 'THIS_IS_UNDEFINED') return;
      warn(warning);
    },
  });
  try {
    const options = {
      format: 'es',
      plugins: [terser({ ecma: 2020, module: true, format: { comments: false } })],
    };
    const { output } = write
      ? await bundle.write({ ...options, file: BUNDLE_FILE, inlineDynamicImports: true })
      : await bundle.generate({ ...options, inlineDynamicImports: true });
    return output[0].code;
  } finally {
    await bundle.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  await buildBundle();
  const { gzipSync } = await import('node:zlib');
  const bytes = await readFile(BUNDLE_FILE);
  console.log(
    `${BUNDLE_FILE.slice(root.length)}: ${(bytes.length / 1000).toFixed(1)} kB, ` +
      `${(gzipSync(bytes, { level: 9 }).length / 1000).toFixed(1)} kB gzip, ${Date.now() - started} ms`,
  );
}
