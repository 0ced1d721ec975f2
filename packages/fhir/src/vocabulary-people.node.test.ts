// Professions name the person (« infirmière » for a woman) and every DSP concept has its own
// Luxembourgish name rather than the French fallback.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  confidentialityCodes,
  documentClasses,
  documentTypeByCode,
  documentTypes,
  label,
  professionByCode,
  professionLabel,
  professions,
} from './vocabulary.js';

function profession(code: string) {
  const found = professionByCode(code);
  assert.ok(found, code);
  return found;
}

describe('professionLabel', () => {
  it('names a woman with the feminine title (FHIR Practitioner.gender female)', () => {
    assert.equal(professionLabel(profession('infirmier'), 'fr', 'female'), 'Infirmière');
    assert.equal(professionLabel(profession('pharmacien'), 'fr', 'female'), 'Pharmacienne');
    assert.equal(professionLabel(profession('infirmier'), 'de', 'female'), 'Krankenpflegerin');
    assert.equal(professionLabel(profession('medecin-dentiste'), 'de', 'female'), 'Zahnärztin');
    assert.equal(professionLabel(profession('pharmacien'), 'lb', 'female'), 'Apdikterin');
  });

  it('keeps the epicene French titles as they are', () => {
    for (const code of ['kinesitherapeute', 'biologiste', 'medecin-generaliste', 'sage-femme']) {
      const p = profession(code);
      assert.equal(professionLabel(p, 'fr', 'female'), professionLabel(p, 'fr', 'male'), code);
    }
  });

  it('uses the profession’s title for a man, another or an unknown gender', () => {
    for (const gender of ['male', 'other', 'unknown', undefined]) {
      assert.equal(professionLabel(profession('infirmier'), 'fr', gender), 'Infirmier');
      assert.equal(professionLabel(profession('infirmier'), 'de', gender), 'Krankenpfleger');
    }
  });
});

describe('Luxembourgish labels', () => {
  it('names every document type, class, confidentiality code and profession in lb', () => {
    const concepts = [
      ...documentTypes,
      ...documentClasses,
      ...confidentialityCodes,
      ...professions,
    ];
    for (const concept of concepts) {
      const labels: { lb?: string } = concept.labels;
      assert.ok(labels.lb, `${concept.code} has no Luxembourgish label`);
    }
  });

  it('says what the viewer’s list has always said for a restricted document', () => {
    const restricted = confidentialityCodes.find((c) => c.code === 'R');
    assert.equal(restricted && label(restricted.labels, 'lb'), 'Limitéiert');
  });

  it('names laboratory results as Luxembourgish does', () => {
    const results = documentTypeByCode('resultat-biologie');
    assert.equal(results && label(results.labels, 'lb'), 'Laborresultater');
  });
});
