// A row's problems before sending: the DSP's rules on the metadata, the patient's limits, dates.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DspHttpError } from '@dsp-kit/fhir';
import { createItem, type UploadMetadata } from './upload-item.js';
import { isCalendarDate, isSendable, localDate, rowProblems } from './upload-problems.js';
import { serverProblems } from './upload-send.js';

const professional = { patientMode: false, today: '2026-11-26' };
const patient = { patientMode: true, today: '2026-11-26' };
const defaults = { patientMode: false, language: 'fr' };

function row(metadata: Partial<UploadMetadata>, name = 'bilan.pdf') {
  const item = createItem(new File(['%PDF-1.7'], name), defaults, {
    typeCode: 'resume-patient',
    ...metadata,
  });
  return item;
}

const codes = (problems: ReturnType<typeof rowProblems>) =>
  Object.fromEntries(
    Object.entries(problems).map(([field, p]) => [field, 'code' in p ? p.code : p.text]),
  );

describe('rowProblems', () => {
  it('finds nothing wrong with a complete row, which may then be sent', () => {
    const problems = rowProblems(row({ date: '2026-11-26' }), professional);
    assert.deepEqual(problems, {});
    assert.equal(isSendable(problems), true);
  });

  it('requires a type of the 27 and a title; a file without a name says so', () => {
    assert.deepEqual(codes(rowProblems(row({ typeCode: '' }), professional)), {
      type: 'typeRequired',
    });
    assert.deepEqual(codes(rowProblems(row({ typeCode: 'radiographie' }), professional)), {
      type: 'typeUnknown',
    });
    assert.deepEqual(codes(rowProblems(row({ title: '  ' }), professional)), {
      title: 'titleRequired',
    });
    assert.deepEqual(codes(rowProblems(row({}, ''), professional)), { title: 'untitledFile' });
    assert.equal(isSendable(rowProblems(row({}, ''), professional)), false);
  });

  it('refuses a date in the future or not in the calendar, and takes today', () => {
    assert.deepEqual(codes(rowProblems(row({ date: '2026-11-27' }), professional)), {
      date: 'futureDate',
    });
    assert.deepEqual(codes(rowProblems(row({ date: '2026-02-30' }), professional)), {
      date: 'dateInvalid',
    });
    assert.deepEqual(codes(rowProblems(row({ date: '26/11/2026' }), professional)), {
      date: 'dateInvalid',
    });
    assert.deepEqual(rowProblems(row({ date: '2026-11-26' }), professional), {});
    assert.equal(isCalendarDate('2024-02-29'), true);
    assert.equal(isCalendarDate('2026-02-29'), false);
    assert.equal(localDate(new Date(2026, 0, 5, 23, 59)), '2026-01-05');
  });

  it('refuses both masks together, an unknown confidentiality and a malformed replaced id', () => {
    assert.deepEqual(codes(rowProblems(row({ masked: true, hidden: true }), professional)), {
      flags: 'bothFlags',
    });
    const bad = row({ confidentiality: 'X' as UploadMetadata['confidentiality'] });
    assert.deepEqual(codes(rowProblems(bad, professional)), {
      confidentiality: 'confidentialityInvalid',
    });
    assert.deepEqual(codes(rowProblems(row({ replaces: 'doc 1' }), professional)), {
      replaces: 'replaces',
    });
    assert.deepEqual(rowProblems(row({ replaces: 'DocumentReference/doc-1' }), professional), {});
  });

  it('lets a patient add only "Expression du titulaire", without masks', () => {
    assert.deepEqual(codes(rowProblems(row({}), patient)), { type: 'patientType' });
    assert.deepEqual(
      codes(rowProblems(row({ typeCode: 'expression-titulaire', masked: true }), patient)),
      { flags: 'flagsProfessionalOnly' },
    );
    assert.deepEqual(rowProblems(row({ typeCode: 'expression-titulaire' }), patient), {});
  });

  it('keeps the caller’s metadata over the defaults, but not its undefined values', () => {
    const item = createItem(
      new File(['x'], 'scan.png'),
      { patientMode: true, language: 'de', facilityType: { code: 'hopital' } },
      { title: undefined, language: 'lb' },
    );
    assert.equal(item.metadata.typeCode, 'expression-titulaire');
    assert.equal(item.metadata.title, 'scan');
    assert.equal(item.metadata.language, 'lb');
    assert.deepEqual(item.metadata.facilityType, { code: 'hopital' });
  });
});

describe('serverProblems', () => {
  it('puts each issue at the field its expression names, first words first', () => {
    const error = new DspHttpError(422, {
      resourceType: 'OperationOutcome',
      issue: [
        {
          severity: 'error',
          code: 'business-rule',
          details: { text: 'A patient adds only "Expression du titulaire"' },
          expression: ['Bundle.entry[1].resource.type'],
        },
        {
          severity: 'error',
          code: 'value',
          diagnostics: 'Another word on the type',
          expression: ['Bundle.entry[1].resource.type'],
        },
        {
          severity: 'error',
          code: 'value',
          diagnostics: 'Title too long',
          expression: ['Bundle.entry[1].resource.content[0].attachment.title'],
        },
        { severity: 'error', code: 'invalid', diagnostics: 'Unknown patient' },
      ],
    });
    assert.deepEqual(serverProblems(error), {
      type: 'A patient adds only "Expression du titulaire"',
      title: 'Title too long',
    });
  });

  it('maps nothing from a server error or a failure without answer', () => {
    const outcome = {
      resourceType: 'OperationOutcome' as const,
      issue: [
        {
          severity: 'error' as const,
          code: 'transient' as const,
          diagnostics: 'Busy',
          expression: ['Bundle.entry[1].resource.type'],
        },
      ],
    };
    assert.deepEqual(serverProblems(new DspHttpError(503, outcome)), {});
    assert.deepEqual(serverProblems(new Error('boom')), {});
  });
});
