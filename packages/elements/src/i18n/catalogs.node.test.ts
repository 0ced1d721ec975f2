// Every catalog of the kit has, in every language, exactly the keys of its French version and no
// empty message. A new component adds its catalog to `catalogs` below.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { auditLogMessages } from '../audit-log/audit-log.messages.js';
import { accessRightsMessages } from '../access-rights/access-rights.messages.js';
import { previewMessages } from '../document-preview/document-preview.messages.js';
import { uploaderMessages } from '../document-uploader/document-uploader.messages.js';
import { statsMessages } from '../document-stats/document-stats.messages.js';
import { viewerMessages } from '../document-viewer/document-viewer.messages.js';
import type { Catalog } from './catalog.js';
import { commonMessages } from './common.messages.js';

const catalogs: Record<string, Catalog<object>> = {
  common: commonMessages,
  viewer: viewerMessages,
  auditLog: auditLogMessages,
  stats: statsMessages,
  preview: previewMessages,
  uploader: uploaderMessages,
  accessRights: accessRightsMessages,
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
    for (const [language, messages] of Object.entries(catalog)) {
      it(`${name}: ${language} has exactly the keys of French, none empty`, () => {
        assert.deepEqual(shape(messages).sort(), reference);
        for (const text of strings(messages))
          assert.notEqual(text.trim(), '', `${name}.${language} has an empty message`);
      });
    }
  }

  it('counts documents with the right plural in each language', () => {
    assert.equal(viewerMessages.fr.count(1, 1), '1 document');
    assert.equal(viewerMessages.fr.count(0, 0), '0 document');
    assert.equal(viewerMessages.fr.count(5, 5), '5 documents');
    assert.equal(viewerMessages.en.count(1, undefined), '1 document');
    assert.equal(viewerMessages.en.count(0, 0), '0 documents');
    assert.equal(viewerMessages.de.count(100, 105), '100 Dokumente von 105');
    assert.equal(viewerMessages.fr.count(1, 9), '1 document sur 9');
  });
});
