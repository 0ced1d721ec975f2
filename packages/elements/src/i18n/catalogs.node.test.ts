// Every catalog of the kit loads in every language, with exactly the keys of its French version
// and no empty message. A new component adds its catalog to `catalogs` below.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { auditLogMessages } from '../audit-log/audit-log.messages.js';
import { accessRightsMessages } from '../access-rights/access-rights.messages.js';
import { previewMessages } from '../document-preview/document-preview.messages.js';
import { cdaMessages } from '../document-preview/cda/cda.messages.js';
import { cdaKit } from '../document-preview/cda/cda-kit.js';
import { install } from '../document-preview/cda/cda-runtime.js';
import { uploaderMessages } from '../document-uploader/document-uploader.messages.js';
import { statsMessages } from '../document-stats/document-stats.messages.js';
import { viewerMessages } from '../document-viewer/document-viewer.messages.js';
import { summaryMessages } from '../patient-summary/patient-summary.messages.js';
import { emergencyAlertsMessages } from '../emergency-alerts/emergency-alerts.messages.js';
import { newSinceMessages } from '../status/new-since.messages.js';
import { statusListMessages } from '../status/status-list.messages.js';
import { statusMessages } from '../status/status.messages.js';
import { languages } from '@dsp-kit/fhir';
import { catalog, type Catalog } from './catalog.js';
import { commonMessages } from './common.messages.js';

// The CDA renderer's catalog is made once the renderer has the page's `catalog` (see cda-runtime).
install(cdaKit);

const catalogs: Record<string, Catalog<object>> = {
  common: commonMessages,
  viewer: viewerMessages,
  patientSummary: summaryMessages,
  auditLog: auditLogMessages,
  stats: statsMessages,
  preview: previewMessages,
  cda: cdaMessages(),
  uploader: uploaderMessages,
  accessRights: accessRightsMessages,
  status: statusMessages,
  statusList: statusListMessages,
  newSince: newSinceMessages,
  emergencyAlerts: emergencyAlertsMessages,
};

/** Every key path of a catalog, with the type of its value. */
function shape(value: unknown, path = ''): string[] {
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, child]) =>
      shape(child, path ? `${path}.${key}` : key),
    );
  }
  return [`${path}:${typeof value}`];
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(strings);
  return [];
}

describe('message catalogs', () => {
  for (const [name, catalog] of Object.entries(catalogs)) {
    const reference = shape(catalog.fr).sort();
    for (const language of languages) {
      it(`${name}: ${language} loads, with exactly the keys of French, none empty`, async () => {
        const messages = await catalog.load(language);
        assert.equal(catalog.get(language), messages);
        assert.deepEqual(shape(messages).sort(), reference);
        for (const text of strings(messages))
          assert.notEqual(text.trim(), '', `${name}.${language} has an empty message`);
      });
    }
  }

  it('counts documents with the right plural in each language', async () => {
    const en = await viewerMessages.load('en');
    const de = await viewerMessages.load('de');
    assert.equal(viewerMessages.fr.count(1, 1), '1 document');
    assert.equal(viewerMessages.fr.count(0, 0), '0 document');
    assert.equal(viewerMessages.fr.count(5, 5), '5 documents');
    assert.equal(en.count(1, undefined), '1 document');
    assert.equal(en.count(0, 0), '0 documents');
    assert.equal(de.count(100, 105), '100 Dokumente von 105');
    assert.equal(viewerMessages.fr.count(1, 9), '1 document sur 9');
  });

  it('loads a language once, and tries again after a failed load', async () => {
    let calls = 0;
    const flaky = catalog(
      { hello: 'Bonjour' },
      {
        de: () => {
          calls += 1;
          return calls === 1
            ? Promise.reject(new TypeError('Failed to fetch dynamically imported module'))
            : Promise.resolve({ default: { hello: 'Hallo' } });
        },
        en: () => Promise.resolve({ default: { hello: 'Hello' } }),
        lb: () => Promise.resolve({ default: { hello: 'Moien' } }),
      },
    );
    assert.equal(flaky.get('de'), undefined);
    await assert.rejects(flaky.load('de'), TypeError);
    assert.equal(flaky.get('de'), undefined);
    const [first, second] = await Promise.all([flaky.load('de'), flaky.load('de')]);
    assert.equal(first.hello, 'Hallo');
    assert.equal(second, first);
    assert.equal(calls, 2);
    assert.equal(flaky.get('fr')?.hello, 'Bonjour');
  });
});
