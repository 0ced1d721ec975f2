import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  DOCUMENT_TYPE_SYSTEM,
  LOINC_SYSTEM,
  documentClassConcept,
  documentClasses,
  documentTypeConcept,
  documentTypeOf,
  documentTypes,
  label,
} from './vocabulary.js';

interface SeedTable {
  types: { label_fr: string; counts: number[] }[];
}

describe('vocabulary', () => {
  it('holds exactly the 27 document types of the seed table, by French label', () => {
    const seed = JSON.parse(
      readFileSync(
        new URL('../../../test/fixtures/document-counts-2015-2017.json', import.meta.url),
        'utf8',
      ),
    ) as SeedTable;
    const seedLabels = seed.types.map((t) => t.label_fr).sort();
    assert.deepEqual(documentTypes.map((t) => t.labels.fr).sort(), seedLabels);
    assert.equal(documentTypes.length, 27);
  });

  it('lists types by March 2017 frequency, most frequent first', () => {
    assert.equal(documentTypes[0]?.labels.fr, 'Résumés patients');
    assert.equal(documentTypes[1]?.labels.fr, 'Certificats médicaux');
    assert.equal(documentTypes.at(-1)?.labels.fr, 'Schéma thérapeutique');
  });

  it('has unique codes, unique LOINC codes and known classes', () => {
    assert.equal(new Set(documentTypes.map((t) => t.code)).size, documentTypes.length);
    const loinc = documentTypes.flatMap((t) => (t.loinc ? [t.loinc] : []));
    assert.equal(new Set(loinc).size, loinc.length);
    const classes = new Set<string>(documentClasses.map((c) => c.code));
    for (const t of documentTypes) assert.ok(classes.has(t.classCode), t.code);
  });

  it('has a non-empty label in fr, de and en for every type and class', () => {
    for (const { labels } of [...documentTypes, ...documentClasses]) {
      for (const lang of ['fr', 'de', 'en'] as const) assert.notEqual(labels[lang].trim(), '');
    }
  });

  it('falls back to French where Luxembourgish is not written', () => {
    const type = documentTypes[0]!;
    assert.equal(label({ fr: 'Synthèse', de: 'Übersicht', en: 'Summary' }, 'lb'), 'Synthèse');
    assert.equal(label(type.labels, 'en'), 'Patient summaries');
  });

  it('recognises a type by its own code, or by LOINC alone', () => {
    assert.equal(
      documentTypeOf({ coding: [{ system: DOCUMENT_TYPE_SYSTEM, code: 'certificat-medical' }] })
        ?.labels.fr,
      'Certificats médicaux',
    );
    assert.equal(
      documentTypeOf({ coding: [{ system: LOINC_SYSTEM, code: '11502-2' }] })?.code,
      'resultat-biologie',
    );
    assert.equal(documentTypeOf({ coding: [{ system: LOINC_SYSTEM, code: '0000-0' }] }), undefined);
    assert.equal(documentTypeOf(undefined), undefined);
  });

  it('codes a type with LOINC only where the pairing is confirmed', () => {
    const confirmed = documentTypes.find((t) => t.code === 'resume-patient')!;
    const unconfirmed = documentTypes.find((t) => t.code === 'rapport-medical')!;
    assert.deepEqual(
      documentTypeConcept(confirmed).coding?.map((c) => c.system),
      [DOCUMENT_TYPE_SYSTEM, LOINC_SYSTEM],
    );
    assert.deepEqual(
      documentTypeConcept(unconfirmed).coding?.map((c) => c.system),
      [DOCUMENT_TYPE_SYSTEM],
    );
    assert.equal(documentClassConcept(confirmed).coding?.[0]?.code, 'synthese');
  });
});
