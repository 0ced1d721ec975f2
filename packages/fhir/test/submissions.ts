// Valid ITI-65 submissions shared by the client's tests: one small text document ("abc"), several
// documents, every optional field, and a patient's own document; the same ids on every call.
import type { DocumentSubmission, SubmittedDocument } from '../src/provide.js';

/** "abc": three bytes and their SHA-1 in base64. */
function abc(uuid: string): SubmittedDocument {
  return {
    uuid,
    typeCode: 'certificat-medical',
    title: 'Certificat',
    contentType: 'text/plain',
    data: btoa('abc'),
    size: 3,
    hash: 'qZk+NkcGgWq6PiVxeFDCbJzQ2J0=',
  };
}

/** One text document of three bytes, with its size and SHA-1. */
export function textSubmission(): DocumentSubmission {
  return {
    uuid: '6f1c1a6e-2d1b-4f7e-9a51-1f1f0d3c4b5a',
    patient: 'p1',
    author: { reference: 'Practitioner/x' },
    date: '2026-11-26T10:00:00Z',
    documents: [abc('0b8e3f0e-9b8a-4a59-8f53-3c0c7c1d2e11')],
  };
}

/** Three documents in one submission. */
export function severalDocuments(): DocumentSubmission {
  return {
    ...textSubmission(),
    uuid: '1d5c0b6e-8f43-4b0e-a1a2-6c2f6a7b8c9d',
    documents: [
      abc('2a6c7d1e-3b4f-4c5d-8e6f-7a8b9c0d1e2f'),
      { ...abc('3b7d8e2f-4c5a-4d6e-9f7a-8b9c0d1e2f3a'), typeCode: 'resultat-biologie' },
      { ...abc('4c8e9f3a-5d6b-4e7f-a08b-9c0d1e2f3a4b'), typeCode: 'imagerie', title: 'Radio' },
    ],
  };
}

/** One document with every optional field of the submission and of the document given. */
export function everyField(): DocumentSubmission {
  return {
    uuid: '5d9f0a4b-6e7c-4f80-b19c-0d1e2f3a4b5c',
    patient: 'Patient/p1',
    author: { reference: 'Practitioner/paul-weber', display: 'Dr Paul Weber' },
    date: '2026-11-26T09:30:00+01:00',
    sourceId: 'urn:oid:1.2.3.4',
    designationType: { system: 'http://snomed.info/sct', code: '225728007' },
    documents: [
      {
        ...abc('6e0a1b5c-7f8d-4091-82ad-1e2f3a4b5c6d'),
        typeCode: 'resultat-biologie',
        title: 'Bilan lipidique',
        description: 'Bilan de contrôle',
        language: 'fr-LU',
        creation: '2026-11-21T08:00:00+01:00',
        serviceStart: '2026-11-20',
        serviceEnd: '2026-11-21',
        confidentiality: 'R',
        facilityType: {
          system: 'https://dsp-kit.org/fhir/CodeSystem/facility-type',
          code: 'laboratoire',
        },
        practiceSetting: {
          system: 'https://dsp-kit.org/fhir/CodeSystem/practice-setting',
          code: 'biologie',
        },
        maskedFromProfessionals: true,
        replaces: 'doc-old',
        format: {
          system: 'http://ihe.net/fhir/ihe.formatcode.fhir/CodeSystem/formatcode',
          code: 'urn:ihe:lab:xd-lab:2008',
        },
      },
    ],
  };
}

/** A patient's own "Expression du titulaire", written by the patient. */
export function patientOwnDocument(): DocumentSubmission {
  return {
    ...textSubmission(),
    uuid: '7f1b2c6d-8a9e-41a2-93be-2f3a4b5c6d7e',
    author: { reference: 'Patient/p1', display: 'Marie Schmit' },
    documents: [
      { ...abc('8a2c3d7e-9baf-42b3-a4cf-3a4b5c6d7e8f'), typeCode: 'expression-titulaire' },
    ],
  };
}

/**
 * A document the sender files for another author: the one ANS's lab report
 * (`BIO-CR-BIO_2023.01_Electrophorese.xml`, CI-SIS test contents) names in its header — an RPPS
 * (root `1.2.250.1.71.4.2.1`), a name in parts, a specialty, a laboratory with its FINESS — and a
 * second author the document names by identifier only.
 */
export function cdaAuthors(): DocumentSubmission {
  return {
    ...textSubmission(),
    uuid: '9b3d4e8f-acb0-43c4-b5d0-4b5c6d7e8f9a',
    author: { reference: 'Practitioner/paul-weber', display: 'Dr Paul Weber' },
    documents: [
      {
        ...abc('ac4e5f90-bdc1-44d5-86e1-5c6d7e8f9a0b'),
        typeCode: 'resultat-biologie',
        additionalAuthors: [
          {
            name: {
              text: 'M Marcel CAMPARINI DR',
              prefix: ['M'],
              given: ['Marcel'],
              family: 'CAMPARINI',
              suffix: ['DR'],
            },
            identifiers: [{ system: 'urn:oid:1.2.250.1.71.4.2.1', value: '801234534765' }],
            organization: {
              name: 'Laboratoire des charmes',
              identifiers: [{ system: 'urn:oid:1.2.250.1.71.4.2.2', value: '1120459876' }],
            },
            specialty: {
              system: 'urn:oid:1.2.250.1.213.1.1.4.5',
              code: 'G15_10/SM03',
              display: 'Médecin - Biologie médicale (SM)',
            },
          },
          { identifiers: [{ system: 'urn:oid:1.2.250.1.71.4.2.1', value: '801234567897' }] },
        ],
      },
    ],
  };
}
