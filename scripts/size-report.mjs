// Min+gzip size of each package's browser entry and of the whole kit, bundled with esbuild from
// the built packages (run `tsc -b` first). A page pays the entry's first load (its chunk and the
// chunks it imports statically); code behind `import()` (the preview, other languages' words) is
// reported apart, as it loads only when used.
//
// `node scripts/size-report.mjs` (in `npm run bench`): every figure against the issues' budgets;
// exits non-zero when one is over.
// `node scripts/size-report.mjs --check` (in `npm test`): fails only when an entry grows past its
// ceiling (today's size plus a small margin, so a regression cannot land unnoticed) or bundles a
// module it must never contain (msw, the mock, idb in the client, oidc-client-ts in the handoff,
// `@dsp-kit/fhir`'s main entry in a panel that takes its helpers from the subpath entries).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { buildBundle } from './build-bundle.mjs';

const KB = 1000;
const root = new URL('..', import.meta.url).pathname;
const FHIR = "export * from '@dsp-kit/fhir';\nexport * from '@dsp-kit/fhir/cache';";
const NEVER_IN_PANELS = ['msw', '@dsp-kit/mock'];
const define = (name) => `export * from '@dsp-kit/elements/define/dsp-${name}.js';`;
// Reaching it at all makes the client's `import()` chunks live, and with them every module they
// share with the page kept whole in its first load (the vocabulary): docs/architecture.md, Budgets.
const FHIR_MAIN_ENTRY = 'packages/fhir/dist/index.js';

const entries = [
  {
    // Every entry but the cache: what the fhir issue's budget covers.
    name: '@dsp-kit/fhir: client, vocabulary, every helper',
    code: ['', '/provide', '/assistant', '/matricule']
      .map((entry) => `export * from '@dsp-kit/fhir${entry}';`)
      .join('\n'),
    budget: 10 * KB,
    ceiling: 23.8 * KB,
    forbidden: ['idb'],
  },
  {
    name: '@dsp-kit/fhir main entry (client, vocabulary, errors)',
    code: "export * from '@dsp-kit/fhir';",
    ceiling: 17.3 * KB,
    forbidden: ['idb'],
  },
  {
    name: 'DspClient alone (what a panel pays)',
    code: "export { DspClient } from '@dsp-kit/fhir';",
    ceiling: 11.8 * KB,
    forbidden: ['idb'],
  },
  { name: '@dsp-kit/fhir/cache (idb)', code: "export * from '@dsp-kit/fhir/cache';" },
  {
    name: '@dsp-kit/auth (handoff: callback, static, postMessage)',
    code: "export * from '@dsp-kit/auth';",
    forbidden: ['oidc-client-ts'],
  },
  {
    // What the OIDC login adds to a page that has the client: (fhir + auth/oidc) − fhir.
    name: '@dsp-kit/auth/oidc (with oidc-client-ts), over @dsp-kit/fhir',
    code: `${FHIR}\nexport * from '@dsp-kit/auth/oidc';`,
    over: FHIR,
    budget: 20 * KB,
    ceiling: 14.3 * KB,
  },
  {
    // As a host uses it: the viewer, its provider and a DspClient to give it.
    name: '<dsp-document-viewer> with lit and the client',
    code: `${define('document-viewer')}\nexport { DspClient } from '@dsp-kit/fhir';`,
    budget: 25 * KB,
    ceiling: 51.7 * KB,
    forbidden: NEVER_IN_PANELS,
  },
  {
    name: 'whole kit (panels + client + cache + auth)',
    code: [
      define('document-viewer'),
      define('document-preview'),
      define('audit-log'),
      define('document-stats'),
      define('document-uploader'),
      define('access-rights'),
      "export * from '@dsp-kit/fhir';",
      "export * from '@dsp-kit/fhir/cache';",
      "export * from '@dsp-kit/auth';",
    ].join('\n'),
    budget: 55 * KB,
    ceiling: 119.0 * KB,
    forbidden: NEVER_IN_PANELS,
  },
  ...[
    ['document-uploader', 34.7],
    ['access-rights', 38.6],
    // Takes its helpers from `@dsp-kit/fhir/audit`, `/vocabulary`, `/errors`: no main entry.
    ['audit-log', 34.8, { withoutMainEntry: true }],
    ['document-stats', 21.4],
    // Its reader and the CDA narrative load with the first summary, in chunks of their own.
    ['patient-summary', 20.8],
    // The badge for an EHR's patient banner, used alone (aim 18 kB), from `@dsp-kit/fhir/status`,
    // `/errors` and `/vocabulary`: without the main entry it carries none of the vocabulary's tables.
    ['status', 15.5, { withoutMainEntry: true }],
  ].map(([panel, ceiling, { withoutMainEntry = false } = {}]) => ({
    name: `<dsp-${panel}>`,
    code: define(panel),
    ceiling: ceiling * KB,
    forbidden: withoutMainEntry ? [...NEVER_IN_PANELS, FHIR_MAIN_ENTRY] : NEVER_IN_PANELS,
  })),
  { name: '@dsp-kit/mock (sandbox only)', code: "export * from '@dsp-kit/mock/browser';" },
  // The file intranets load (`npm run build:bundle`: rollup + terser), measured as shipped.
  {
    name: 'dsp-kit.min.js (single file)',
    file: true,
    ceiling: 176.5 * KB,
    forbidden: NEVER_IN_PANELS,
  },
];

const gzipSize = (bytes) => gzipSync(bytes, { level: 9 }).length;

/** Bundles `code` with code splitting; sizes its first load and its lazily loaded chunks. */
async function measure(code) {
  const dir = mkdtempSync(join(tmpdir(), 'dsp-size-'));
  try {
    const entryFile = join(dir, 'entry.js');
    writeFileSync(entryFile, code);
    const result = await build({
      entryPoints: [entryFile],
      absWorkingDir: root,
      nodePaths: [join(root, 'node_modules')],
      bundle: true,
      splitting: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      conditions: ['browser', 'production'],
      outdir: join(dir, 'out'),
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const files = new Map(result.outputFiles.map((file) => [file.path, file.contents]));
    const outputs = result.metafile.outputs;
    const pathOf = (relative) => join(root, relative);
    // Chunks loaded by `import()` have an entry point too: the page's is the temporary file.
    const [entryOutput] =
      Object.entries(outputs).find(([, output]) => output.entryPoint?.endsWith('entry.js')) ?? [];
    // The first load: the entry chunk and everything it imports statically, transitively.
    const initial = new Set();
    const visit = (output) => {
      if (initial.has(output)) return;
      initial.add(output);
      for (const imported of outputs[output].imports) {
        if (imported.kind === 'import-statement') visit(imported.path);
      }
    };
    visit(entryOutput);
    const sum = (names, size) => names.reduce((total, name) => total + size(name), 0);
    const js = Object.keys(outputs).filter((name) => name.endsWith('.js'));
    const lazy = js.filter((name) => !initial.has(name));
    // Words of one other language (`*.messages.de.js`…) against the rest: the preview and such.
    const languageOf = (name) => {
      const languages = Object.keys(outputs[name].inputs).map(
        (input) => /\.messages\.(de|en|lb)\.js$/.exec(input)?.[1],
      );
      return languages.every((language) => language === languages[0]) ? languages[0] : undefined;
    };
    const gzipOf = (name) => gzipSize(files.get(pathOf(name)));
    const wordsPerLanguage = ['de', 'en', 'lb'].map((language) =>
      sum(
        lazy.filter((name) => languageOf(name) === language),
        gzipOf,
      ),
    );
    return {
      min: sum([...initial], (name) => files.get(pathOf(name)).length),
      gzip: sum([...initial], gzipOf),
      lazyCode: sum(
        lazy.filter((name) => languageOf(name) === undefined),
        gzipOf,
      ),
      lazyWords: Math.max(...wordsPerLanguage),
      inputs: Object.keys(result.metafile.inputs),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The single file as `npm run build:bundle` writes it, built afresh from `dist/`. */
async function measureFile() {
  const bytes = Buffer.from(await buildBundle({ write: false }));
  const text = bytes.toString();
  return { min: bytes.length, gzip: gzipSize(bytes), lazyCode: 0, lazyWords: 0, text };
}

function leaks(entry, size) {
  return (entry.forbidden ?? []).filter((name) =>
    size.inputs
      ? size.inputs.some((input) =>
          // A module path (the fhir main entry), or a package by name.
          name.endsWith('.js')
            ? input === name
            : input.includes(`node_modules/${name}/`) ||
              input.includes(`packages/${name.split('/')[1]}/`),
        )
      : // The shipped file keeps no module paths: look for each module's own marks.
        (name === 'msw' && /\bsetupWorker\b|mockServiceWorker/.test(size.text)) ||
        (name === '@dsp-kit/mock' && /generateDataset|createDspServer/.test(size.text)),
  );
}

const check = process.argv.includes('--check');
const format = (bytes) => `${(bytes / KB).toFixed(1)} kB`;
let failed = false;
const rows = [];
for (const entry of entries) {
  const size = entry.file ? await measureFile() : await measure(entry.code);
  if (entry.over !== undefined) {
    const base = await measure(entry.over);
    size.min -= base.min;
    size.gzip -= base.gzip;
  }
  const verdicts = [];
  const limit = check ? entry.ceiling : entry.budget;
  if (limit !== undefined) {
    const over = size.gzip > limit;
    failed ||= over;
    verdicts.push(`${over ? 'OVER' : 'within'} ${check ? 'ceiling' : 'budget'} ${format(limit)}`);
  }
  const leaked = leaks(entry, size);
  if (leaked.length > 0) {
    failed = true;
    verdicts.push(`must not contain ${leaked.join(', ')}`);
  }
  rows.push([
    entry.name,
    format(size.min),
    format(size.gzip),
    size.lazyCode > 0 ? `+${format(size.lazyCode)}` : '',
    size.lazyWords > 0 ? `+${format(size.lazyWords)}` : '',
    verdicts.join('; '),
  ]);
}

const header = ['entry', 'min', 'min+gzip', 'on use', 'a language', ''];
const widths = header.map((title, i) =>
  Math.max(title.length, ...rows.map((row) => row[i].length)),
);
const line = (cells) =>
  cells
    .map((cell, i) => cell.padEnd(widths[i]))
    .join('  ')
    .trimEnd();
console.log(
  'Bundle sizes, gzip -9: the first load (esbuild, or rollup + terser for the single file); then\n' +
    'code loaded on first use (the preview), and the words of one language other than French.\n',
);
console.log(line(header));
for (const row of rows) console.log(line(row));
if (failed) {
  console.error(
    check
      ? '\nAn entry grew past its ceiling or bundles a forbidden module (scripts/size-report.mjs).'
      : '\nA size budget is exceeded or a forbidden module is bundled.',
  );
  process.exit(1);
}
