// The helper entries (`@dsp-kit/fhir/errors`, `/vocabulary`, `/status`, `/audit`): the main
// entry's own values under another path, and a page that takes its helpers from them alone never
// reaches the client, whose lazily loaded chunks would keep the vocabulary whole in its first load.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';
import * as main from '@dsp-kit/fhir';
import * as audit from '@dsp-kit/fhir/audit';
import * as errors from '@dsp-kit/fhir/errors';
import * as status from '@dsp-kit/fhir/status';
import * as vocabulary from '@dsp-kit/fhir/vocabulary';

const root = fileURLToPath(new URL('../../..', import.meta.url));

interface Bundle {
  /** Source files in the chunks the page loads first (repository-relative). */
  firstLoad: string[];
  /** Every source file of the build, the chunks `import()` loads included. */
  all: string[];
  /** The first load's code, unminified. */
  code: string;
}

/** Bundles `entry` with code splitting, as the size report does, from the sources. */
async function bundle(entry: string): Promise<Bundle> {
  const result = await build({
    stdin: { contents: entry, resolveDir: root, loader: 'js' },
    absWorkingDir: root,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['source', 'browser', 'production'],
    outdir: 'entries-test-out',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const outputs: Metafile['outputs'] = result.metafile.outputs;
  const [start] = Object.keys(outputs).filter((name) => outputs[name]?.entryPoint === '<stdin>');
  assert.ok(start, 'the entry has an output');
  const initial = new Set<string>();
  const visit = (name: string) => {
    if (initial.has(name)) return;
    initial.add(name);
    for (const imported of outputs[name]?.imports ?? []) {
      if (imported.kind === 'import-statement') visit(imported.path);
    }
  };
  visit(start);
  return {
    firstLoad: [...initial].flatMap((name) => Object.keys(outputs[name]?.inputs ?? {})),
    all: Object.keys(result.metafile.inputs),
    code: result.outputFiles
      .filter((file) => [...initial].some((name) => file.path.endsWith(name)))
      .map((file) => file.text)
      .join('\n'),
  };
}

// What a badge takes: the status batch, the errors and the retry rule, the list of languages.
const helpers = (from: (entry: string) => string) =>
  [
    `export { buildStatusBatch, readStatusBatch } from '${from('status')}';`,
    `export { DspNetworkError, isRetryable } from '${from('errors')}';`,
    `export { languages } from '${from('vocabulary')}';`,
  ].join('\n');

// A row of the vocabulary's document-type table: the LOINC code of "Résumés patients".
const typeTable = /60591-5/;

describe('the helper entries of @dsp-kit/fhir', () => {
  it('export the very values of the main entry, which keeps them all', () => {
    for (const [path, entry] of Object.entries({ audit, errors, status, vocabulary })) {
      const names = Object.keys(entry);
      assert.ok(names.length > 0, `@dsp-kit/fhir/${path} exports something`);
      for (const name of names) {
        assert.equal(
          (main as Record<string, unknown>)[name],
          (entry as Record<string, unknown>)[name],
          `@dsp-kit/fhir/${path}: ${name} is the main entry's own (one class for instanceof)`,
        );
      }
    }
    assert.ok(new errors.DspNetworkError('offline') instanceof main.DspError);
  });

  it('keep the client and the vocabulary tables out of a page that takes only helpers', async () => {
    const page = await bundle(helpers((entry) => `@dsp-kit/fhir/${entry}`));
    assert.deepEqual(
      page.all.filter((input) =>
        /\/fhir\/src\/(index|client|provide|document-lifecycle)\.ts$/.test(input),
      ),
      [],
      'the main entry, the client and its lazily loaded chunks are not in the build',
    );
    assert.ok(page.firstLoad.includes('packages/fhir/src/dsp-status.ts'));
    assert.doesNotMatch(page.code, typeTable, 'the document types are tree-shaken away');
  });

  it('are needed: the same helpers from the main entry bring the tables (evanw/esbuild#2922)', async () => {
    // The client's import() chunks (provide, lifecycle) use the vocabulary; reaching index.ts
    // makes them live, and esbuild keeps the module they share with the page whole in its first
    // load. When this fails, esbuild tree-shakes shared modules and the entries may go.
    const page = await bundle(helpers(() => '@dsp-kit/fhir'));
    assert.ok(page.all.includes('packages/fhir/src/provide.ts'));
    assert.match(page.code, typeTable);
  });
});
