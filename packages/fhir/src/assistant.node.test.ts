// The DSP assistant helpers: each field's problem, the RelatedPerson built, and reading one back.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  assistantCondition,
  assistantProblems,
  assistantSearch,
  buildAssistant,
  isAssistantOf,
  readAssistant,
  withAssistantActive,
} from './assistant.js';
import { DspValidationError } from './errors.js';
import { makeMatricule } from './matricule.js';
import { MATRICULE_SYSTEM } from './vocabulary.js';

const claire = makeMatricule('1962-04-08', 31);
const lucien = makeMatricule('1935-01-20', 12);
const valid = { given: 'Claire', family: 'Wagner', matricule: claire };

function problemsOf(input: Partial<typeof valid>, patientMatricule?: string) {
  return assistantProblems(input, { patientMatricule }).map((p) => `${p.field}:${p.problem}`);
}

describe('assistantProblems', () => {
  it('finds nothing wrong with valid details', () => {
    assert.deepEqual(problemsOf(valid), []);
    assert.deepEqual(
      problemsOf({ ...valid, matricule: ` ${claire.slice(0, 8)} ${claire.slice(8)} ` }),
      [],
    );
  });

  it('names every empty field, in the form’s order', () => {
    assert.deepEqual(problemsOf({ given: ' ', family: '', matricule: '' }), [
      'given:required',
      'family:required',
      'matricule:required',
    ]);
    assert.deepEqual(problemsOf({}), ['given:required', 'family:required', 'matricule:required']);
  });

  it('refuses a name longer than 100 characters', () => {
    assert.deepEqual(problemsOf({ ...valid, family: 'x'.repeat(101) }), ['family:too-long']);
  });

  it('says precisely what is wrong with the matricule', () => {
    const wrongLuhn = `${claire.slice(0, 11)}${(Number(claire[11]) + 1) % 10}${claire[12]}`;
    const wrongVerhoeff = `${claire.slice(0, 12)}${(Number(claire[12]) + 1) % 10}`;
    assert.deepEqual(problemsOf({ ...valid, matricule: '1962-04-08' }), ['matricule:format']);
    assert.deepEqual(problemsOf({ ...valid, matricule: '196204080' }), ['matricule:length']);
    assert.deepEqual(problemsOf({ ...valid, matricule: '1962134003100' }), ['matricule:date']);
    assert.deepEqual(problemsOf({ ...valid, matricule: wrongLuhn }), ['matricule:luhn']);
    assert.deepEqual(problemsOf({ ...valid, matricule: wrongVerhoeff }), ['matricule:verhoeff']);
  });

  it('refuses the patient as their own assistant', () => {
    assert.deepEqual(problemsOf({ ...valid, matricule: lucien }, lucien), ['matricule:self']);
    assert.deepEqual(problemsOf(valid, lucien), []);
  });
});

describe('buildAssistant', () => {
  it('builds an active RelatedPerson of the patient identified by matricule', () => {
    const built = buildAssistant('Patient/lucien-wagner', {
      given: ' Claire ',
      family: 'Wagner',
      matricule: `${claire.slice(0, 4)} ${claire.slice(4)}`,
    });
    assert.deepEqual(built, {
      resourceType: 'RelatedPerson',
      active: true,
      patient: { reference: 'Patient/lucien-wagner' },
      identifier: [{ system: MATRICULE_SYSTEM, value: claire }],
      name: [{ family: 'Wagner', given: ['Claire'] }],
    });
    assert.equal(
      assistantCondition(built),
      new URLSearchParams({
        patient: 'lucien-wagner',
        identifier: `${MATRICULE_SYSTEM}|${claire}`,
      }).toString(),
    );
  });

  it('throws a DspValidationError naming the field at fault', () => {
    assert.throws(
      () => buildAssistant('lucien-wagner', { ...valid, given: '' }),
      (error: unknown) => error instanceof DspValidationError && error.field === 'given',
    );
    assert.throws(
      () => buildAssistant('lucien-wagner', { ...valid, matricule: '123' }),
      (error: unknown) => error instanceof DspValidationError && error.field === 'matricule',
    );
    assert.throws(
      () => buildAssistant('not a patient', valid),
      (error: unknown) => error instanceof DspValidationError && error.field === 'patient',
    );
  });
});

describe('reading assistants', () => {
  const stored = {
    ...buildAssistant('lucien-wagner', valid),
    id: 'claire-wagner',
    meta: { versionId: '2' },
  };

  it('reads a RelatedPerson as an assistant', () => {
    const assistant = readAssistant(stored);
    assert.equal(assistant.id, 'claire-wagner');
    assert.equal(assistant.reference, 'RelatedPerson/claire-wagner');
    assert.equal(assistant.name, 'Claire Wagner');
    assert.equal(assistant.matricule, claire);
    assert.equal(assistant.active, true);
    const withdrawn = withAssistantActive(stored, false);
    assert.equal(readAssistant(withdrawn).active, false);
    assert.equal(stored.active, true, 'withAssistantActive changed its argument');
    assert.equal(readAssistant(withAssistantActive(withdrawn, true)).active, true);
  });

  it('tells whose assistant a RelatedPerson is', () => {
    assert.equal(isAssistantOf(stored, 'lucien-wagner'), true);
    assert.equal(isAssistantOf(stored, 'Patient/lucien-wagner'), true);
    assert.equal(isAssistantOf(stored, 'marie-schmit'), false);
  });

  it('searches the current assistants only', () => {
    assert.equal(
      assistantSearch('Patient/lucien-wagner').toString(),
      'patient=lucien-wagner&active=true&_count=50',
    );
  });
});
