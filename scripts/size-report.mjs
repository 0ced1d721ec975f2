// `npm run bench`: min+gzip size of each package's browser entry and of the whole kit, bundled with
// esbuild from the built packages (run `tsc -b` first), against the budgets of docs/architecture.md.
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { BUNDLE_FILE, buildBundle } from './build-bundle.mjs';

const KB = 1000;
const FHIR = "export * from '@dsp-kit/fhir';\nexport * from '@dsp-kit/fhir/cache';";
const entries = [
  {
    name: '@dsp-kit/fhir (client, vocabulary, helpers)',
    code: "export * from '@dsp-kit/fhir';",
    budget: 10 * KB,
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
  },
  {
    name: '<dsp-document-viewer>',
    code: "export * from '@dsp-kit/elements/define/dsp-document-viewer.js';",
    budget: 25 * KB,
  },
  {
    name: 'whole kit (panels + client + cache + auth)',
    code: [
      "export * from '@dsp-kit/elements/define/dsp-document-viewer.js';",
      "export * from '@dsp-kit/elements/define/dsp-audit-log.js';",
      "export * from '@dsp-kit/elements/define/dsp-document-stats.js';",
      "export * from '@dsp-kit/elements/define/dsp-document-uploader.js';",
      "export * from '@dsp-kit/elements/define/dsp-access-rights.js';",
      "export * from '@dsp-kit/fhir';",
      "export * from '@dsp-kit/fhir/cache';",
      "export * from '@dsp-kit/auth';",
    ].join('\n'),
    budget: 55 * KB,
    forbidden: ['msw', '@dsp-kit/mock'],
  },
  { name: '<dsp-audit-log>', code: "export * from '@dsp-kit/elements/define/dsp-audit-log.js';" },
  {
    name: '<dsp-document-stats>',
    code: "export * from '@dsp-kit/elements/define/dsp-document-stats.js';",
  },
  { name: '@dsp-kit/mock (sandbox only)', code: "export * from '@dsp-kit/mock/browser';" },
  // The file intranets load (`npm run build:bundle`: rollup + terser), measured as shipped.
  { name: 'dsp-kit.min.js (single file)', file: BUNDLE_FILE },
];

async function measure(entry) {
  if (entry.file !== undefined) {
    if (!existsSync(entry.file)) await buildBundle();
    const bytes = readFileSync(entry.file);
    return { min: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, leaked: [] };
  }
  const result = await build({
    stdin: { contents: entry.code, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['browser', 'production'],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const bytes = result.outputFiles[0].contents;
  const inputs = Object.keys(result.metafile.inputs);
  const leaked = (entry.forbidden ?? []).filter((name) =>
    inputs.some(
      (input) =>
        input.includes(`node_modules/${name}/`) ||
        input.includes(`packages/${name.split('/')[1]}/`),
    ),
  );
  return { min: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, leaked };
}

const format = (bytes) => `${(bytes / KB).toFixed(1)} kB`;
let failed = false;
const rows = [];
for (const entry of entries) {
  let { min, gzip, leaked } = await measure(entry);
  if (entry.over !== undefined) {
    const base = await measure({ code: entry.over });
    min -= base.min;
    gzip -= base.gzip;
  }
  let verdict = '';
  if (entry.budget !== undefined) {
    const over = gzip > entry.budget;
    failed ||= over;
    verdict = `${over ? 'OVER' : 'within'} budget ${format(entry.budget)}`;
  }
  if (leaked.length > 0) {
    failed = true;
    verdict += ` — must not contain ${leaked.join(', ')}`;
  }
  rows.push([entry.name, format(min), format(gzip), verdict]);
}

const widths = [0, 1, 2].map((i) =>
  Math.max(...rows.map((r) => r[i].length), ['entry', 'min', 'min+gzip'][i].length),
);
const line = (cells) => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]) : c)).join('  ');
console.log('Bundle sizes (esbuild or rollup + terser, minified, gzip -9)\n');
console.log(line(['entry', 'min', 'min+gzip', '']));
for (const row of rows) console.log(line(row));
if (failed) {
  console.error('\nA size budget is exceeded or a forbidden module is bundled.');
  process.exit(1);
}
