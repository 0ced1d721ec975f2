// What a page that imports only `DspClient` loads first, bundled with esbuild as the size report
// does: the helpers it never calls are tree-shaken away, and upload progress loads on use.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { firstLoad, type FirstLoad } from './first-load.js';

describe("DspClient's first load", () => {
  let load: FirstLoad;
  before(async () => {
    load = await firstLoad("export { DspClient } from '@dsp-kit/fhir';");
  });

  it('holds the client itself', () => {
    assert.ok(load.inputs.includes('packages/fhir/src/client.ts'));
    assert.match(load.code, /\bDspClient = class\b/);
  });

  it('leaves out what it never calls: audit, statistics, consent editing, the cache', () => {
    for (const module of ['audit.ts', 'stats.ts', 'cache.ts']) {
      assert.ok(!load.inputs.includes(`packages/fhir/src/${module}`), `${module} is not loaded`);
    }
    assert.deepEqual(
      load.inputs.filter((input) => input.includes('node_modules/idb/')),
      [],
      'no idb',
    );
    const unused = [
      'auditRows',
      'buildAuditEvent',
      'buildCountBatch',
      'readCountBatch',
      'makeMatricule',
      'blockProfessional',
      'grantAccess',
      'maskDocument',
      'closeDsp',
      'accessSummary',
      'typeLabel',
    ];
    assert.deepEqual(
      unused.filter((name) => new RegExp(`function ${name}\\b`).test(load.code)),
      [],
      'helpers the client never calls are tree-shaken',
    );
  });

  it('loads the XMLHttpRequest upload code only on an upload with progress', () => {
    assert.ok(!load.inputs.includes('packages/fhir/src/xhr-fetch.ts'));
    assert.ok(load.lazyInputs.includes('packages/fhir/src/xhr-fetch.ts'));
  });

  it('costs nothing to a page that takes only a helper', async () => {
    // esbuild puts a module the entry reaches into the first load once any import() makes it
    // live: a lazily loaded module that index.ts re-exports would land in every page.
    const helperOnly = await firstLoad("export { auditRows } from '@dsp-kit/fhir';");
    assert.deepEqual(
      helperOnly.inputs.filter((input) =>
        /\/(client|http|provide|assistant|xhr-fetch)\.ts$/.test(input),
      ),
      [],
    );
  });
});
