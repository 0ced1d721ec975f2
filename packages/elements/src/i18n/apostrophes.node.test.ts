// French, German and Luxembourgish text uses the typographic apostrophe (’), never the straight
// one: messages are plain strings and template literals (no ICU syntax), so `'` has no other use.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { accessRightsMessages } from '../access-rights/access-rights.messages.js';
import { auditLogMessages } from '../audit-log/audit-log.messages.js';
import { cdaMessages } from '../document-preview/cda/cda.messages.js';
import { cdaKit } from '../document-preview/cda/cda-kit.js';
import { install } from '../document-preview/cda/cda-runtime.js';
import { previewMessages } from '../document-preview/document-preview.messages.js';
import { statsMessages } from '../document-stats/document-stats.messages.js';
import { uploaderMessages } from '../document-uploader/document-uploader.messages.js';
import { viewerMessages } from '../document-viewer/document-viewer.messages.js';
import { summaryMessages } from '../patient-summary/patient-summary.messages.js';
import {
  confidentialityCodes,
  documentClasses,
  documentTypes,
  professions,
  type Labels,
} from '@dsp-kit/fhir';
import type { Catalog } from './catalog.js';
import { commonMessages } from './common.messages.js';

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
};

/** A straight apostrophe between two letters: an elision (l'accès, d'Dokument), not code. */
const straight = /\p{L}'\p{L}/u;

/** Every string of a catalog, and the source of every message function (its literal text). */
function texts(value: unknown, path: string): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') return [[path, String(value)]];
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, child]) => texts(child, `${path}.${key}`));
  return [];
}

describe('apostrophes', () => {
  for (const [name, catalog] of Object.entries(catalogs)) {
    for (const language of ['fr', 'de', 'lb'] as const) {
      it(`${name}: ${language} writes ’, not '`, async () => {
        const messages = await catalog.load(language);
        const found = texts(messages, `${name}.${language}`).filter(([, text]) =>
          straight.test(text),
        );
        assert.deepEqual(found, []);
      });
    }
  }

  it('flags an elision written with a straight apostrophe', () => {
    assert.ok(straight.test("l'accès"));
    assert.ok(!straight.test('l’accès'));
    assert.ok(!straight.test("n === 1 ? 'document' : 'documents'"));
  });

  it('the vocabulary’s German and Luxembourgish labels write ’ (French is the agency’s)', () => {
    const concepts: { code: string; labels: Labels }[] = [
      ...documentTypes,
      ...documentClasses,
      ...confidentialityCodes,
      ...professions,
    ];
    const found = concepts.flatMap(({ code, labels }) =>
      [labels.de, labels.lb ?? ''].filter((text) => straight.test(text)).map(() => code),
    );
    assert.deepEqual(found, []);
  });
});
