// docs/api.md is the reference generated from the elements' manifest: it must say what the code
// says today. After changing an element's API, run `npm run build:api-docs`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { API_DOCS_FILE, apiDocs } from '../../scripts/api-docs.mjs';

describe('docs/api.md', () => {
  it('is the reference generated from the current manifest (npm run build:api-docs)', async () => {
    const generated = await apiDocs();
    assert.ok(generated.includes('## `<dsp-document-viewer>`'));
    assert.equal(
      readFileSync(API_DOCS_FILE, 'utf8'),
      generated,
      'docs/api.md is out of date: run `npm run build:api-docs`',
    );
  });
});
