// Named fixtures shared by tests, stories and the sandbox: patients in every situation the rules
// distinguish, professionals of several professions, the organisations of the seed, a few
// documents with real content, and each patient's Consent.
import {
  CONFIDENTIALITY_SYSTEM,
  DSP_SECURITY_SYSTEM,
  MATRICULE_SYSTEM,
  PROFESSION_SYSTEM,
  blockProfessional,
  defaultConsent,
  documentClassConcept,
  documentTypeByCode,
  documentTypeConcept,
  grantAccess,
  maskDocument,
  setBreakTheGlass,
  closeDsp,
  type ProfessionCode,
} from '@dsp-kit/fhir';
import { makeMatricule } from '@dsp-kit/fhir/matricule';
import { sampleCda, type CdaContext, type CdaKind, type SampleCda } from './sample-cda.js';
import { sampleSummary, type SummaryKind } from './sample-summaries.js';
import { sampleFile, sha1, toBase64 } from './sample-files.js';
import type {
  Binary,
  Coding,
  Consent,
  DocumentReference,
  Organization,
  Patient,
  Practitioner,
  PractitionerRole,
  Reference,
  RelatedPerson,
  Resource,
} from '@medplum/fhirtypes';

/** A fixture resource: its id is always there. */
export type Fixture<T> = T & { id: string };

function organization(id: string, name: string, alias: string): Fixture<Organization> {
  return { resourceType: 'Organization', id, name, alias: [alias], active: true };
}

export const organizations = {
  chl: organization('chl', 'Centre Hospitalier de Luxembourg', 'CHL'),
  chem: organization('chem', 'Centre Hospitalier Emile Mayrisch', 'CHEM'),
  hrs: organization('hrs', 'Hôpitaux Robert Schuman', 'HRS'),
  chdn: organization('chdn', 'Centre Hospitalier du Nord', 'CHdN'),
  ketterthill: organization('ketterthill', 'Laboratoires Ketterthill', 'Ketterthill'),
  bionext: organization('bionext', 'Laboratoires BioNext', 'BioNext'),
  lns: organization('lns', 'Laboratoire national de santé', 'LNS'),
  cabinetWeber: organization(
    'cabinet-weber',
    'Cabinet médical Weber, Esch-sur-Alzette',
    'Cabinet Weber',
  ),
} as const;

function practitioner(
  id: string,
  given: string,
  family: string,
  gender: 'female' | 'male',
  prefix?: string,
): Fixture<Practitioner> {
  return {
    resourceType: 'Practitioner',
    id,
    active: true,
    name: [{ family, given: [given], ...(prefix ? { prefix: [prefix] } : {}) }],
    gender,
  };
}

export const practitioners = {
  /** Dr Paul Weber, general practitioner: Marie's médecin référent. */
  weber: practitioner('paul-weber', 'Paul', 'Weber', 'male', 'Dr'),
  /** Dr Anne Muller, cardiologist at the CHL. */
  muller: practitioner('anne-muller', 'Anne', 'Muller', 'female', 'Dr'),
  /** Lisa Schmitt, home-care nurse. */
  schmitt: practitioner('lisa-schmitt', 'Lisa', 'Schmitt', 'female'),
  /** Marc Thill, physiotherapist: does not read lab results. */
  thill: practitioner('marc-thill', 'Marc', 'Thill', 'male'),
  /** Dr Inès Faber, biologist at Ketterthill. */
  faber: practitioner('ines-faber', 'Inès', 'Faber', 'female', 'Dr'),
  /** Dr Luc Kremer, general practitioner blocked by Marie. */
  kremer: practitioner('luc-kremer', 'Luc', 'Kremer', 'male', 'Dr'),
  /** Dr Sarah Hansen, emergency physician at the CHEM. */
  hansen: practitioner('sarah-hansen', 'Sarah', 'Hansen', 'female', 'Dr'),
  /** Julie Meyer, pharmacist. */
  meyer: practitioner('julie-meyer', 'Julie', 'Meyer', 'female'),
} as const;

function role(
  who: Fixture<Practitioner>,
  profession: ProfessionCode,
  org: Fixture<Organization>,
  specialty?: string,
): Fixture<PractitionerRole> {
  return {
    resourceType: 'PractitionerRole',
    id: `role-${who.id}`,
    active: true,
    practitioner: { reference: `Practitioner/${who.id}`, display: displayName(who) },
    organization: { reference: `Organization/${org.id}`, display: org.name ?? '' },
    code: [{ coding: [{ system: PROFESSION_SYSTEM, code: profession }] }],
    ...(specialty ? { specialty: [{ text: specialty }] } : {}),
  };
}

export const roles = {
  weber: role(practitioners.weber, 'medecin-generaliste', organizations.cabinetWeber),
  muller: role(practitioners.muller, 'medecin-specialiste', organizations.chl, 'Cardiologie'),
  schmitt: role(practitioners.schmitt, 'infirmier', organizations.hrs),
  thill: role(practitioners.thill, 'kinesitherapeute', organizations.chdn),
  faber: role(practitioners.faber, 'biologiste', organizations.ketterthill),
  kremer: role(practitioners.kremer, 'medecin-generaliste', organizations.hrs),
  hansen: role(practitioners.hansen, 'medecin-specialiste', organizations.chem, 'Urgences'),
  meyer: role(practitioners.meyer, 'pharmacien', organizations.chdn),
} as const;

function patient(
  id: string,
  given: string,
  family: string,
  birthDate: string,
  sequence: number,
  gender: Patient['gender'],
  referent?: Fixture<Practitioner>,
): Fixture<Patient> {
  return {
    resourceType: 'Patient',
    id,
    identifier: [{ system: MATRICULE_SYSTEM, value: makeMatricule(birthDate, sequence) }],
    name: [{ family, given: [given] }],
    gender,
    birthDate,
    ...(referent
      ? {
          generalPractitioner: [
            { reference: `Practitioner/${referent.id}`, display: displayName(referent) },
          ],
        }
      : {}),
  };
}

export const patients = {
  /** Marie Schmit: Dr Weber is her référent; she blocked Dr Kremer and masked one document. */
  marie: patient(
    'marie-schmit',
    'Marie',
    'Schmit',
    '1978-03-14',
    123,
    'female',
    practitioners.weber,
  ),
  /** Jean Hoffmann: a DSP opened but still empty. */
  jean: patient('jean-hoffmann', 'Jean', 'Hoffmann', '1952-06-11', 45, 'male'),
  /** Sophie Klein: she closed her DSP. */
  sophie: patient('sophie-klein', 'Sophie', 'Klein', '1985-11-02', 87, 'female'),
  /** Lucien Wagner, 91: his daughter Claire is his DSP assistant. */
  lucien: patient(
    'lucien-wagner',
    'Lucien',
    'Wagner',
    '1935-01-20',
    12,
    'male',
    practitioners.weber,
  ),
  /** Nadia Reuter: she refused emergency access. */
  nadia: patient('nadia-reuter', 'Nadia', 'Reuter', '1990-07-05', 301, 'female'),
  /** Tom Becker: an ordinary DSP, Dr Muller granted full access. */
  tom: patient('tom-becker', 'Tom', 'Becker', '1969-09-30', 18, 'male', practitioners.kremer),
} as const;

/** Claire Wagner, Lucien's daughter and DSP assistant. */
export const assistants = {
  claire: {
    resourceType: 'RelatedPerson',
    id: 'claire-wagner',
    active: true,
    patient: { reference: `Patient/${patients.lucien.id}` },
    relationship: [
      { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'DAU' }] },
    ],
    name: [{ family: 'Wagner', given: ['Claire'] }],
  } as Fixture<RelatedPerson>,
} as const;

function displayName(resource: Patient | Practitioner | RelatedPerson): string {
  const name = resource.name?.[0];
  return [name?.prefix?.[0], name?.given?.[0], name?.family].filter(Boolean).join(' ');
}

function ref(
  resource: Fixture<Patient | Practitioner | Organization>,
): Reference<Patient | Practitioner | Organization> {
  const display =
    resource.resourceType === 'Organization' ? (resource.name ?? '') : displayName(resource);
  return { reference: `${resource.resourceType}/${resource.id}`, display };
}

const text = (value: string) => new TextEncoder().encode(value);

/**
 * What a fixture document holds: plain text, a file of the sample pool, a CDA document, or a
 * patient summary of `sample-summaries.ts`.
 */
type DocumentContent =
  | { readonly body: string }
  | { readonly sample: string }
  | { readonly cda: CdaKind }
  | { readonly summary: SummaryKind };

type DocumentFixture = {
  id: string;
  patient: Fixture<Patient>;
  typeCode: string;
  title: string;
  date: string;
  author: Fixture<Practitioner | Patient | Organization>;
  confidentiality?: 'N' | 'R' | 'V';
  hiddenFromPatient?: boolean;
} & DocumentContent;

interface Content {
  readonly bytes: Uint8Array;
  readonly contentType: string;
  readonly language: 'fr' | 'de';
  readonly format?: Coding;
}

/** The documents' contents by document id, so sizes and hashes are right. */
const contents = new Map<string, Content>();

/** The organisation a practitioner works for, from their role. */
function organizationOf(practitioner: Fixture<Practitioner>): Fixture<Organization> {
  const role = Object.values(roles).find(
    (r) => r.practitioner?.reference === `Practitioner/${practitioner.id}`,
  );
  const org = Object.values(organizations).find(
    (o) => role?.organization?.reference === `Organization/${o.id}`,
  );
  if (!org) throw new Error(`No organization for ${practitioner.id}`);
  return org;
}

/** A CDA document of `kind` about the fixture's patient, by its author, on its date. */
function cdaOf(fixture: DocumentFixture, kind: CdaKind): SampleCda {
  const cda = sampleCda(kind, cdaContextOf(fixture));
  if (cda.typeCode !== fixture.typeCode) {
    throw new Error(`${fixture.id}: a ${kind} is a ${cda.typeCode}, not a ${fixture.typeCode}`);
  }
  return cda;
}

/** Who and what a generated document is about: the fixture's patient, author, date and id. */
function cdaContextOf(fixture: DocumentFixture): CdaContext {
  const { patient, author } = fixture;
  const name = patient.name?.[0];
  const matricule = patient.identifier?.[0]?.value;
  if (!name?.given?.[0] || !name.family || !patient.birthDate || !matricule) {
    throw new Error(`Fixture patient ${patient.id} lacks a name, birth date or matricule`);
  }
  if (author.resourceType === 'Patient') throw new Error(`${fixture.id}: a CDA by the patient`);
  const person =
    author.resourceType === 'Practitioner'
      ? {
          id: author.id,
          given: author.name?.[0]?.given?.[0] ?? '',
          family: author.name?.[0]?.family ?? '',
          ...(author.name?.[0]?.prefix?.[0] ? { prefix: author.name[0].prefix[0] } : {}),
        }
      : undefined;
  const org = author.resourceType === 'Organization' ? author : organizationOf(author);
  return {
    uuid: uuidFor(fixture.id),
    patient: {
      matricule,
      given: name.given[0],
      family: name.family,
      birthDate: patient.birthDate,
      gender: patient.gender ?? 'unknown',
    },
    ...(person ? { author: person } : {}),
    organization: { id: org.id, name: org.name ?? '' },
    date: fixture.date,
  };
}

function contentOf(fixture: DocumentFixture): Content {
  if ('summary' in fixture) {
    const summary = sampleSummary(fixture.summary, cdaContextOf(fixture));
    return {
      bytes: summary.bytes,
      contentType: summary.contentType,
      language: summary.language,
      format: summary.format,
    };
  }
  if ('cda' in fixture) {
    const cda = cdaOf(fixture, fixture.cda);
    return {
      bytes: cda.bytes,
      contentType: cda.contentType,
      language: cda.language,
      format: cda.format,
    };
  }
  if ('sample' in fixture) {
    const file = sampleFile(fixture.sample);
    if (!file) throw new Error(`No sample file ${fixture.sample}`);
    return { bytes: file.bytes, contentType: file.contentType, language: 'fr' };
  }
  return { bytes: text(fixture.body), contentType: 'text/plain', language: 'fr' };
}

function documentReference(fixture: DocumentFixture): Fixture<DocumentReference> {
  const type = documentTypeByCode(fixture.typeCode);
  if (!type) throw new Error(`Unknown DSP document type ${fixture.typeCode}`);
  const content = contentOf(fixture);
  contents.set(fixture.id, content);
  const { bytes } = content;
  return {
    resourceType: 'DocumentReference',
    id: fixture.id,
    masterIdentifier: { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${uuidFor(fixture.id)}` },
    status: 'current',
    type: documentTypeConcept(type),
    category: [documentClassConcept(type)],
    subject: { reference: `Patient/${fixture.patient.id}`, display: displayName(fixture.patient) },
    date: fixture.date,
    author: [ref(fixture.author)],
    description: fixture.title,
    securityLabel: [
      { coding: [{ system: CONFIDENTIALITY_SYSTEM, code: fixture.confidentiality ?? 'N' }] },
      ...(fixture.hiddenFromPatient
        ? [{ coding: [{ system: DSP_SECURITY_SYSTEM, code: 'hidden-from-patient' }] }]
        : []),
    ],
    content: [
      {
        attachment: {
          contentType: content.contentType,
          language: content.language,
          url: `Binary/content-${fixture.id}`,
          size: bytes.byteLength,
          hash: toBase64(sha1(bytes)),
          title: fixture.title,
          creation: fixture.date,
        },
        ...(content.format ? { format: content.format } : {}),
      },
    ],
  };
}

/** A stable UUID-shaped identifier derived from a fixture id (fixtures must not be random). */
function uuidFor(id: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x1b873593;
  for (const char of id) {
    h1 = Math.imul(h1 ^ char.charCodeAt(0), 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ char.charCodeAt(0), 0x5bd1e995) >>> 0;
  }
  const hex = (h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0')).repeat(2);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Marie's documents, newest first, then the others'. */
export const documents = {
  bloodTest: documentReference({
    id: 'doc-marie-bilan-sanguin',
    patient: patients.marie,
    typeCode: 'resultat-biologie',
    title: 'Bilan sanguin complet',
    date: '2026-10-02T09:15:00+02:00',
    author: organizations.lns,
    body: 'Bilan sanguin complet\nHémoglobine 13,8 g/dl\nCholestérol total 1,92 g/l\n',
  }),
  cardiology: documentReference({
    id: 'doc-marie-echo-cardiaque',
    patient: patients.marie,
    typeCode: 'cr-acte-diagnostique',
    title: 'Échocardiographie transthoracique',
    date: '2026-06-18T14:30:00+02:00',
    author: practitioners.muller,
    confidentiality: 'R',
    body: 'Échocardiographie transthoracique\nFEVG conservée (62 %). Pas de valvulopathie.\n',
  }),
  /** A mild asthma treated with salbutamol when needed, as a CDA (IHE PCC XPHR). */
  summary: documentReference({
    id: 'doc-marie-resume',
    patient: patients.marie,
    typeCode: 'resume-patient',
    title: 'Résumé patient',
    date: '2026-01-09T11:00:00+01:00',
    author: practitioners.weber,
    summary: 'xphr-asthma',
  }),
  certificate: documentReference({
    id: 'doc-marie-certificat',
    patient: patients.marie,
    typeCode: 'certificat-medical',
    title: "Certificat d'aptitude au sport",
    date: '2025-09-01T08:45:00+02:00',
    author: practitioners.weber,
    sample: 'pdf-certificat',
  }),
  ownNote: documentReference({
    id: 'doc-marie-expression',
    patient: patients.marie,
    typeCode: 'expression-titulaire',
    title: 'Mes directives anticipées',
    date: '2024-11-20T19:05:00+01:00',
    author: patients.marie,
    body: 'Mes directives anticipées\nJe refuse tout acharnement thérapeutique.\n',
  }),
  /** Masked by Marie: only Dr Muller (its author) and Dr Weber (référent) see it. */
  masked: documentReference({
    id: 'doc-marie-consultation',
    patient: patients.marie,
    typeCode: 'rapport-medical',
    title: 'Consultation de suivi psychologique',
    date: '2024-03-12T16:00:00+01:00',
    author: practitioners.muller,
    confidentiality: 'V',
    body: 'Consultation de suivi psychologique\nCompte rendu confidentiel.\n',
  }),
  /** Hidden from Marie until Dr Muller explains it. */
  hidden: documentReference({
    id: 'doc-marie-biopsie',
    patient: patients.marie,
    typeCode: 'cr-acte-diagnostique',
    title: 'Résultat de biopsie',
    date: '2026-11-02T10:00:00+01:00',
    author: practitioners.muller,
    confidentiality: 'R',
    hiddenFromPatient: true,
    body: 'Résultat de biopsie\nÀ annoncer en consultation.\n',
  }),
  lucienDischarge: documentReference({
    id: 'doc-lucien-sortie',
    patient: patients.lucien,
    typeCode: 'cr-sejour-hospitalier',
    title: 'Lettre de sortie — service de gériatrie',
    date: '2026-08-14T15:20:00+02:00',
    author: organizations.chl,
    cda: 'discharge-letter',
  }),
  sophieSummary: documentReference({
    id: 'doc-sophie-resume',
    patient: patients.sophie,
    typeCode: 'resume-patient',
    title: 'Résumé patient',
    date: '2023-05-04T09:00:00+02:00',
    author: practitioners.kremer,
    body: 'Résumé patient\nPas d’antécédent notable.\n',
  }),
  nadiaAllergy: documentReference({
    id: 'doc-nadia-allergies',
    patient: patients.nadia,
    typeCode: 'allergies',
    title: 'Allergie à la pénicilline',
    date: '2022-02-17T11:30:00+01:00',
    author: practitioners.hansen,
    body: 'Allergie à la pénicilline\nUrticaire généralisée en 2019.\n',
  }),
  /** Lucien's summary as a FHIR IPS document Bundle (every section the card shows first). */
  lucienSummary: documentReference({
    id: 'doc-lucien-resume-ips',
    patient: patients.lucien,
    typeCode: 'resume-patient',
    title: 'Résumé patient (IPS)',
    date: '2026-10-20T16:10:00+02:00',
    author: practitioners.weber,
    summary: 'ips',
  }),
  /** Nadia's old summary (eHDSI CDA): no known allergies nor medication, problems not known. */
  nadiaSummary: documentReference({
    id: 'doc-nadia-resume',
    patient: patients.nadia,
    typeCode: 'resume-patient',
    title: 'Résumé patient',
    date: '2021-03-08T10:20:00+01:00',
    author: practitioners.hansen,
    summary: 'ehdsi-empty',
  }),
  tomMedication: documentReference({
    id: 'doc-tom-traitement',
    patient: patients.tom,
    typeCode: 'traitements-medicamenteux',
    title: 'Traitement en cours',
    date: '2026-09-10T10:10:00+02:00',
    author: practitioners.kremer,
    body: 'Traitement en cours\nMetformine 850 mg, 2 fois par jour.\n',
  }),
  /** A laboratory's report with abnormal results, as a level-3 CDA (IHE XD-LAB). */
  tomLabReport: documentReference({
    id: 'doc-tom-biologie',
    patient: patients.tom,
    typeCode: 'resultat-biologie',
    title: 'Compte rendu d’examens de biologie médicale',
    date: '2026-10-05T08:30:00+02:00',
    author: organizations.ketterthill,
    cda: 'lab-report',
  }),
  /** Allergies, problems, medication and vaccinations, as a level-3 CDA (IHE PCC XPHR). */
  tomSummary: documentReference({
    id: 'doc-tom-resume',
    patient: patients.tom,
    typeCode: 'resume-patient',
    title: 'Résumé patient',
    date: '2026-02-16T09:45:00+01:00',
    author: practitioners.kremer,
    cda: 'patient-summary',
  }),
  /** Tom's visit to the CHEM's emergency department, written in German. */
  tomEmergency: documentReference({
    id: 'doc-tom-urgences',
    patient: patients.tom,
    typeCode: 'passage-urgences',
    title: 'Notaufnahmebericht',
    date: '2026-05-23T22:40:00+02:00',
    author: practitioners.hansen,
    cda: 'emergency-summary',
  }),
  tomCardiacMri: documentReference({
    id: 'doc-tom-irm-cardiaque',
    patient: patients.tom,
    typeCode: 'imagerie',
    title: 'IRM cardiaque, coupe petit axe',
    date: '2026-07-07T11:20:00+02:00',
    author: practitioners.muller,
    sample: 'png-irm-cardiaque',
  }),
  tomCardiacMriReport: documentReference({
    id: 'doc-tom-irm-cardiaque-cr',
    patient: patients.tom,
    typeCode: 'imagerie',
    title: 'IRM cardiaque — compte rendu',
    date: '2026-07-07T12:05:00+02:00',
    author: practitioners.muller,
    cda: 'imaging-report',
  }),
  // The document lifecycle in the sandbox: every professional of the fixtures wrote a document
  // (to replace, correct or withdraw), Lucien has his own note (Claire may delete it), and Tom
  // has a restricted (R) and a very restricted (V) document besides Marie's.
  /** Written by Lisa Schmitt, home-care nurse. */
  lucienCare: documentReference({
    id: 'doc-lucien-soins',
    patient: patients.lucien,
    typeCode: 'resume-soins',
    title: 'Synthèse des soins à domicile',
    date: '2026-09-03T17:30:00+02:00',
    author: practitioners.schmitt,
    body: 'Synthèse des soins à domicile\nPansement de jambe tous les deux jours. Bonne autonomie.\n',
  }),
  /** Written by Marc Thill, physiotherapist. */
  lucienPhysio: documentReference({
    id: 'doc-lucien-kine',
    patient: patients.lucien,
    typeCode: 'bilan-fonctionnel',
    title: 'Bilan kinésithérapique de la marche',
    date: '2026-09-17T10:00:00+02:00',
    author: practitioners.thill,
    body: 'Bilan kinésithérapique de la marche\nPérimètre de marche 200 m avec déambulateur.\n',
  }),
  /** Lucien's own note: he, or Claire his assistant, may correct or delete it. */
  lucienNote: documentReference({
    id: 'doc-lucien-expression',
    patient: patients.lucien,
    typeCode: 'expression-titulaire',
    title: 'Mes souhaits pour rester chez moi',
    date: '2026-07-02T15:00:00+02:00',
    author: patients.lucien,
    body: 'Mes souhaits pour rester chez moi\nJe souhaite rester à domicile aussi longtemps que possible.\n',
  }),
  /** Written by Julie Meyer, pharmacist. */
  tomPharmacy: documentReference({
    id: 'doc-tom-pharmacie',
    patient: patients.tom,
    typeCode: 'schema-therapeutique',
    title: 'Plan de prise des médicaments',
    date: '2026-09-12T11:15:00+02:00',
    author: practitioners.meyer,
    body: 'Plan de prise des médicaments\nMetformine 850 mg : matin et soir, au repas.\n',
  }),
  /** Written by Dr Inès Faber, biologist; restricted (R): Dr Muller's grant is not extended. */
  tomSerology: documentReference({
    id: 'doc-tom-serologie',
    patient: patients.tom,
    typeCode: 'resultat-biologie',
    title: 'Sérologies',
    date: '2026-10-06T09:00:00+02:00',
    author: practitioners.faber,
    confidentiality: 'R',
    body: 'Sérologies\nHépatite B : immunisé (vaccination).\n',
  }),
  /** Very restricted (V): only Dr Kremer (author and référent) and Tom see it. */
  tomAddiction: documentReference({
    id: 'doc-tom-addictologie',
    patient: patients.tom,
    typeCode: 'rapport-medical',
    title: 'Consultation d’addictologie',
    date: '2026-04-14T18:00:00+02:00',
    author: practitioners.kremer,
    confidentiality: 'V',
    body: 'Consultation d’addictologie\nSevrage tabagique en cours, substitution nicotinique.\n',
  }),
} as const;

function binaries(): Fixture<Binary>[] {
  return Object.values(documents).map((doc) => {
    const content = contents.get(doc.id);
    return {
      resourceType: 'Binary',
      id: `content-${doc.id}`,
      contentType: content?.contentType ?? 'text/plain',
      data: toBase64(content?.bytes ?? new Uint8Array()),
    };
  });
}

function consent(p: Fixture<Patient>, edit: (c: Consent) => Consent = (c) => c): Fixture<Consent> {
  return { ...edit(defaultConsent(p.id, '2026-01-01T00:00:00Z')), id: `consent-${p.id}` };
}

export const consents = {
  marie: consent(patients.marie, (c) =>
    maskDocument(
      blockProfessional(c, {
        reference: `Practitioner/${practitioners.kremer.id}`,
        display: 'Dr Luc Kremer',
      }),
      documents.masked.id,
    ),
  ),
  jean: consent(patients.jean),
  sophie: consent(patients.sophie, closeDsp),
  lucien: consent(patients.lucien),
  nadia: consent(patients.nadia, (c) => setBreakTheGlass(c, false)),
  tom: consent(patients.tom, (c) =>
    grantAccess(
      c,
      { reference: `Practitioner/${practitioners.muller.id}`, display: 'Dr Anne Muller' },
      { full: true },
    ),
  ),
} as const;

/** Who can sign in to the mock: a mock token is `mock:<id>` with one of these ids. */
export const users = {
  marie: patients.marie.id,
  lucien: patients.lucien.id,
  claire: assistants.claire.id,
  weber: practitioners.weber.id,
  muller: practitioners.muller.id,
  schmitt: practitioners.schmitt.id,
  thill: practitioners.thill.id,
  faber: practitioners.faber.id,
  kremer: practitioners.kremer.id,
  hansen: practitioners.hansen.id,
  meyer: practitioners.meyer.id,
  agency: 'agence-esante',
} as const;

/** The bearer token of a fixture user for the mock server. */
export function mockToken(user: string): string {
  return `mock:${user}`;
}

/** Every fixture resource, as loaded into a fresh mock server. */
export const fixtureResources: Resource[] = [
  ...Object.values(organizations),
  ...Object.values(practitioners),
  ...Object.values(roles),
  ...Object.values(patients),
  ...Object.values(assistants),
  ...Object.values(documents),
  ...binaries(),
  ...Object.values(consents),
];
