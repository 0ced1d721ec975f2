// Named fixtures shared by tests, stories and the sandbox: a patient with a small DSP, a patient
// whose DSP is still empty, and the professionals who wrote the documents.
import {
  CONFIDENTIALITY_SYSTEM,
  MATRICULE_SYSTEM,
  documentClassConcept,
  documentTypeByCode,
  documentTypeConcept,
} from '@dsp-kit/fhir';
import type {
  DocumentReference,
  Organization,
  Patient,
  Practitioner,
  Reference,
} from '@medplum/fhirtypes';

/** A fixture resource: its id is always there. */
type Fixture<T> = T & { id: string };

function patient(
  id: string,
  family: string,
  given: string,
  birthDate: string,
  matricule: string,
  gender: Patient['gender'],
): Fixture<Patient> {
  return {
    resourceType: 'Patient',
    id,
    identifier: [{ system: MATRICULE_SYSTEM, value: matricule }],
    name: [{ family, given: [given] }],
    gender,
    birthDate,
  };
}

function practitioner(
  id: string,
  family: string,
  given: string,
  prefix: string,
): Fixture<Practitioner> {
  return { resourceType: 'Practitioner', id, name: [{ family, given: [given], prefix: [prefix] }] };
}

export const patients = {
  /** Marie Schmit, 48: a DSP with a handful of documents of several types and authors. */
  marie: patient('marie-schmit', 'Schmit', 'Marie', '1978-03-14', '1978031412371', 'female'),
  /** Jean Hoffmann: a DSP opened but still empty. */
  jean: patient('jean-hoffmann', 'Hoffmann', 'Jean', '1952-06-11', '1952061104526', 'male'),
} as const;

export const practitioners = {
  /** Dr Paul Weber, general practitioner (Marie's médecin référent). */
  weber: practitioner('paul-weber', 'Weber', 'Paul', 'Dr'),
  /** Dr Anne Muller, cardiologist at the CHL. */
  muller: practitioner('anne-muller', 'Muller', 'Anne', 'Dr'),
} as const;

export const organizations = {
  chl: {
    resourceType: 'Organization',
    id: 'chl',
    name: 'Centre Hospitalier de Luxembourg',
  } as Fixture<Organization>,
  lns: {
    resourceType: 'Organization',
    id: 'lns',
    name: 'Laboratoire national de santé',
  } as Fixture<Organization>,
} as const;

function ref<T extends Patient | Practitioner | Organization>(resource: T): Reference<T> {
  const name =
    resource.resourceType === 'Organization'
      ? resource.name
      : [
          resource.name?.[0]?.prefix?.[0],
          resource.name?.[0]?.given?.[0],
          resource.name?.[0]?.family,
        ]
          .filter(Boolean)
          .join(' ');
  return { reference: `${resource.resourceType}/${resource.id}`, display: name };
}

interface DocumentFixture {
  id: string;
  patient: Patient;
  typeCode: string;
  title: string;
  date: string;
  author: Practitioner | Patient | Organization;
  contentType?: string;
  confidentiality?: 'N' | 'R' | 'V';
}

function documentReference(fixture: DocumentFixture): Fixture<DocumentReference> {
  const type = documentTypeByCode(fixture.typeCode);
  if (!type) throw new Error(`Unknown DSP document type ${fixture.typeCode}`);
  return {
    resourceType: 'DocumentReference',
    id: fixture.id,
    masterIdentifier: { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${fixture.id}` },
    status: 'current',
    type: documentTypeConcept(type),
    category: [documentClassConcept(type)],
    subject: ref(fixture.patient),
    date: fixture.date,
    author: [ref(fixture.author)],
    description: fixture.title,
    securityLabel: [
      { coding: [{ system: CONFIDENTIALITY_SYSTEM, code: fixture.confidentiality ?? 'N' }] },
    ],
    content: [
      {
        attachment: {
          contentType: fixture.contentType ?? 'application/pdf',
          language: 'fr-LU',
          url: `Binary/${fixture.id}`,
          title: fixture.title,
          creation: fixture.date,
        },
      },
    ],
  };
}

/** Marie's documents, newest first. */
export const documents = {
  bloodTest: documentReference({
    id: 'doc-marie-bilan-sanguin',
    patient: patients.marie,
    typeCode: 'resultat-biologie',
    title: 'Bilan sanguin complet',
    date: '2026-10-02T09:15:00+02:00',
    author: organizations.lns,
  }),
  cardiology: documentReference({
    id: 'doc-marie-echo-cardiaque',
    patient: patients.marie,
    typeCode: 'cr-acte-diagnostique',
    title: 'Échocardiographie transthoracique',
    date: '2026-06-18T14:30:00+02:00',
    author: practitioners.muller,
    confidentiality: 'R',
  }),
  summary: documentReference({
    id: 'doc-marie-resume',
    patient: patients.marie,
    typeCode: 'resume-patient',
    title: 'Résumé patient',
    date: '2026-01-09T11:00:00+01:00',
    author: practitioners.weber,
  }),
  certificate: documentReference({
    id: 'doc-marie-certificat',
    patient: patients.marie,
    typeCode: 'certificat-medical',
    title: "Certificat d'aptitude au sport",
    date: '2025-09-01T08:45:00+02:00',
    author: practitioners.weber,
  }),
  ownNote: documentReference({
    id: 'doc-marie-expression',
    patient: patients.marie,
    typeCode: 'expression-titulaire',
    title: 'Mes directives anticipées',
    date: '2024-11-20T19:05:00+01:00',
    author: patients.marie,
    contentType: 'text/plain',
  }),
} as const;

/** Every fixture resource, as loaded into a fresh mock server. */
export const fixtureResources = [
  ...Object.values(patients),
  ...Object.values(practitioners),
  ...Object.values(organizations),
  ...Object.values(documents),
];
