// `npm run build:bundle`: the whole kit as one minified ES module for intranets without a bundler
// (every panel registered, DspClient, DspCache and the handoff token providers), written to
// packages/elements/dist-bundle/dsp-kit.min.js from the built packages (run `tsc -b` first), with
// the two workers it starts from beside itself: `hash.worker.js` (the uploader's hashing) and
// `pdf.worker.js` (PDF.js, for the preview). Without them the kit still works: it hashes on the
// main thread and shows PDFs in a sandboxed frame with the download.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { build, transform } from 'esbuild';
import { rollup } from 'rollup';

const root = fileURLToPath(new URL('..', import.meta.url));
export const BUNDLE_FILE = `${root}packages/elements/dist-bundle/dsp-kit.min.js`;

/** The workers the kit starts from `new URL('./<name>', import.meta.url)`, by file name. */
export const WORKERS = {
  'hash.worker.js': 'document-uploader/hash.worker',
  'pdf.worker.js': 'document-preview/pdf.worker',
};

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

/**
 * Bundles each worker of `WORKERS` as one minified ES module (esbuild: PDF.js is large, and
 * already minified). `source: true` reads the TypeScript sources; `write: false` keeps the result
 * in memory. Resolves to each worker's code by file name.
 */
export async function buildWorkers({ source = false, write = true } = {}) {
  /** @type {Record<string, string>} */
  const code = {};
  await Promise.all(
    Object.entries(WORKERS).map(async ([name, module]) => {
      const result = await build({
        entryPoints: [
          `${root}packages/elements/${source ? `src/${module}.ts` : `dist/${module}.js`}`,
        ],
        absWorkingDir: root,
        bundle: true,
        format: 'esm',
        platform: 'browser',
        target: 'es2022',
        minify: true,
        conditions: [...(source ? ['source'] : []), 'browser', 'production'],
        legalComments: 'none',
        write: false,
        logLevel: 'warning',
      });
      code[name] = result.outputFiles[0].text;
    }),
  );
  if (write) {
    await mkdir(dirname(BUNDLE_FILE), { recursive: true });
    await Promise.all(
      Object.entries(code).map(([name, text]) =>
        writeFile(`${dirname(BUNDLE_FILE)}/${name}`, text),
      ),
    );
  }
  return code;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  await Promise.all([buildBundle(), buildWorkers()]);
  const { gzipSync } = await import('node:zlib');
  for (const file of [
    BUNDLE_FILE,
    ...Object.keys(WORKERS).map((name) => `${dirname(BUNDLE_FILE)}/${name}`),
  ]) {
    const bytes = await readFile(file);
    console.log(
      `${file.slice(root.length)}: ${(bytes.length / 1000).toFixed(1)} kB, ` +
        `${(gzipSync(bytes, { level: 9 }).length / 1000).toFixed(1)} kB gzip`,
    );
  }
  console.log(`${Date.now() - started} ms`);
}
