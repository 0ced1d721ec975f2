// Finding DSP types by words of their label or class, in each language, accents and case aside.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentTypes } from '@dsp-kit/fhir';
import { fold, searchTypes, typeNamed } from './type-search.js';

const codes = (types: { code: string }[]) => types.map((t) => t.code);

describe('searchTypes', () => {
  it('lists the 27 types in the agency order for an empty query', () => {
    assert.equal(searchTypes('  ', 'fr').length, 27);
    assert.deepEqual(codes(searchTypes('', 'fr')), codes([...documentTypes]));
  });

  it('ignores case, accents and the kind of apostrophe', () => {
    assert.equal(fold('  CR d’Actes  À visée '), "cr d'actes a visee");
    assert.deepEqual(codes(searchTypes('resultats biolog', 'fr')), ['resultat-biologie']);
    assert.deepEqual(codes(searchTypes('CR D’ACTES THERAP', 'fr')), ['cr-acte-therapeutique']);
  });

  it('puts labels starting with the query first, then the others in order', () => {
    const found = codes(searchTypes('antecedents', 'fr'));
    assert.deepEqual(found, ['antecedents-medicaux', 'antecedents-familiaux']);
    const traitements = codes(searchTypes('traitement', 'fr'));
    assert.deepEqual(traitements.slice(0, 4), [
      'traitements-medicamenteux',
      'traitements-prescrits',
      'traitements-preventifs',
      // then a type of the class "Traitement" whose label says otherwise
      'cr-administration',
    ]);
  });

  it('searches the current language, and the class', () => {
    assert.deepEqual(codes(searchTypes('laboratory', 'en')), ['resultat-biologie']);
    assert.deepEqual(codes(searchTypes('laboratory', 'fr')), []);
    assert.ok(codes(searchTypes('imaging', 'en')).includes('imagerie'));
    // Every type of the class "Plan de soins", though neither label says "plan de soins".
    assert.deepEqual(codes(searchTypes('plan de soins', 'fr')), [
      'carnet-soins-palliatifs',
      'schema-therapeutique',
    ]);
    // Luxembourgish has its own labels.
    assert.deepEqual(codes(searchTypes('allergien', 'lb')), ['allergies']);
    assert.deepEqual(codes(searchTypes('laborresultater', 'lb')), ['resultat-biologie']);
  });

  it('searches only the types it is given', () => {
    const patientOnly = documentTypes.filter((t) => t.code === 'expression-titulaire');
    assert.deepEqual(codes(searchTypes('', 'fr', patientOnly)), ['expression-titulaire']);
    assert.deepEqual(codes(searchTypes('résumé', 'fr', patientOnly)), []);
  });
});

describe('typeNamed', () => {
  it('finds the type whose whole label was typed, and nothing for a part of one', () => {
    assert.equal(typeNamed('bilan fonctionnel', 'fr')?.code, 'bilan-fonctionnel');
    assert.equal(typeNamed('Functional assessment ', 'en')?.code, 'bilan-fonctionnel');
    assert.equal(typeNamed('bilan', 'fr'), undefined);
    assert.equal(typeNamed('', 'fr'), undefined);
  });
});
