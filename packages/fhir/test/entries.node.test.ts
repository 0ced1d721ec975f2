// The helper entries (`@dsp-kit/fhir/errors`, `/vocabulary`, `/status`, `/audit`): the main
// entry's own values under another path, and a page that takes its helpers from them alone never
// reaches the client, whose lazily loaded chunks would keep the vocabulary whole in its first load.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as main from '@dsp-kit/fhir';
import * as audit from '@dsp-kit/fhir/audit';
import * as errors from '@dsp-kit/fhir/errors';
import * as status from '@dsp-kit/fhir/status';
import * as vocabulary from '@dsp-kit/fhir/vocabulary';
import { firstLoad } from './first-load.js';

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
    const page = await firstLoad(helpers((entry) => `@dsp-kit/fhir/${entry}`));
    assert.deepEqual(
      page.allInputs.filter((input) =>
        /\/fhir\/src\/(index|client|provide|document-lifecycle)\.ts$/.test(input),
      ),
      [],
      'the main entry, the client and its lazily loaded chunks are not in the build',
    );
    assert.ok(page.inputs.includes('packages/fhir/src/dsp-status.ts'));
    assert.doesNotMatch(page.code, typeTable, 'the document types are tree-shaken away');
  });

  it('are needed: the same helpers from the main entry bring the tables (evanw/esbuild#2922)', async () => {
    // The client's import() chunks (provide, lifecycle) use the vocabulary; reaching index.ts
    // makes them live, and esbuild keeps the module they share with the page whole in its first
    // load. When this fails, esbuild tree-shakes shared modules and the entries may go.
    const page = await firstLoad(helpers(() => '@dsp-kit/fhir'));
    assert.ok(page.allInputs.includes('packages/fhir/src/provide.ts'));
    assert.match(page.code, typeTable);
  });
});
