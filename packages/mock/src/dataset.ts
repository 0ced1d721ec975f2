// Generates large, deterministic DSP datasets (patients, professionals, organizations, documents
// and their binaries), either at random along the 2017 distribution or reproducing the agency's
// 2015–2017 statistics table cell for cell.
import {
  CONFIDENTIALITY_SYSTEM,
  MATRICULE_SYSTEM,
  PROFESSION_SYSTEM,
  documentClassConcept,
  documentTypeConcept,
  documentTypes,
  professions,
} from '@dsp-kit/fhir';
import { makeMatricule } from '@dsp-kit/fhir/matricule';
import type { ConfidentialityCode, DocumentType, ProfessionCode } from '@dsp-kit/fhir';
import type {
  Binary,
  DocumentReference,
  Organization,
  Patient,
  Practitioner,
  PractitionerRole,
  Resource,
} from '@medplum/fhirtypes';
import { SEED_2017_DATES, seed2017 } from './data/seed-2017.js';
import { cdaKindOf, sampleCda } from './sample-cda.js';
import type { CdaAuthor, CdaOrganization, CdaPatient, SampleCda } from './sample-cda.js';
import { sampleFiles, sha1, toBase64 } from './sample-files.js';
import type { SampleFile } from './sample-files.js';

export { SEED_2017_DATES } from './data/seed-2017.js';

export interface DatasetOptions {
  /** Any integer; the same options always give deep-equal output. */
  seed: number;
  /** Number of patients (at least 1). */
  patients: number;
  /** Number of DocumentReferences. */
  documents: number;
  /** First day documents may be dated, `YYYY-MM-DD` (default 2015-01-01, the pilot's year). */
  from?: string;
  /** Last day (inclusive) documents may be dated, `YYYY-MM-DD` (default 2026-10-31). */
  to?: string;
}

const DAY_MS = 86_400_000;

// --- Randomness -------------------------------------------------------------------------------

/** mulberry32: tiny, fast and good enough for test data; Math.random could not be replayed. */
class Rng {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  uint32(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4_294_967_296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('Cannot pick from an empty list');
    return item;
  }

  /** An index drawn along cumulative weights (last entry = total). */
  weighted(cumulative: readonly number[]): number {
    const total = cumulative[cumulative.length - 1] ?? 0;
    const target = this.next() * total;
    const index = cumulative.findIndex((bound) => target < bound);
    return index === -1 ? cumulative.length - 1 : index;
  }

  /** A random (version 4, RFC 4122 variant) UUID, from this generator so it replays too. */
  uuid(): string {
    const hex = (value: number, digits: number) => value.toString(16).padStart(digits, '0');
    const [a, b, c, d] = [this.uint32(), this.uint32(), this.uint32(), this.uint32()];
    return [
      hex(a, 8),
      hex(b >>> 16, 4),
      `4${hex(b & 0xfff, 3)}`,
      hex(((c >>> 16) & 0x3fff) | 0x8000, 4),
      `${hex(c & 0xffff, 4)}${hex(d, 8)}`,
    ].join('-');
  }
}

function cumulate(weights: readonly number[]): number[] {
  let sum = 0;
  return weights.map((w) => (sum += w));
}

// --- Time -------------------------------------------------------------------------------------

/** 01:00 UTC on the last Sunday of a month: when the EU switches summer time on or off. */
function lastSundayOneUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

const summerTime = new Map<number, readonly [number, number]>();

/** Luxembourg's offset from UTC at an instant, in minutes (CET +60, CEST +120). */
function luxembourgOffset(ms: number): number {
  const year = new Date(ms).getUTCFullYear();
  let range = summerTime.get(year);
  if (!range) {
    range = [lastSundayOneUtc(year, 2), lastSundayOneUtc(year, 9)];
    summerTime.set(year, range);
  }
  return ms >= range[0] && ms < range[1] ? 120 : 60;
}

/** A FHIR instant in Luxembourg local time with its offset, as a DSP server would write it. */
function luxembourgInstant(ms: number): string {
  const offset = luxembourgOffset(ms);
  const local = new Date(ms + offset * 60_000).toISOString().slice(0, 19);
  return `${local}+0${offset / 60}:00`;
}

/**
 * An instant during working hours (07:00–20:00 Luxembourg time) of a day drawn in
 * [firstDay, firstDay + days), days counted from the epoch in UTC. Those hours are 05:00–19:00 UTC,
 * so the instant stays on the drawn UTC date and inside any window made of whole UTC days.
 */
function workingInstant(rng: Rng, firstDay: number, days: number): number {
  const dayStart = (firstDay + rng.int(days)) * DAY_MS;
  const offset = luxembourgOffset(dayStart + DAY_MS / 2);
  const localSeconds = 7 * 3600 + rng.int(13 * 3600);
  return dayStart + localSeconds * 1000 - offset * 60_000;
}

/** Days since the epoch of a `YYYY-MM-DD` date, checked. */
function dayOf(date: string, name: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00Z`) : NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`${name} must be a date YYYY-MM-DD, not ${JSON.stringify(date)}`);
  }
  return ms / DAY_MS;
}

/**
 * The exclusive bound of a snapshot month of the agency's table: the first instant (UTC) of the
 * following month, e.g. `2015-10` → `2015-11-01T00:00:00Z`. A document counts at that snapshot
 * when its `date` is strictly before it.
 */
export function snapshotBound(month: string): string {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!match) throw new RangeError(`A snapshot month is YYYY-MM, not ${JSON.stringify(month)}`);
  // Date.UTC's month is 0-based, so the 1-based month number is already the following month.
  const next = new Date(Date.UTC(Number(match[1]), Number(match[2]), 1));
  return `${next.toISOString().slice(0, 19)}Z`;
}

// --- Names and places -------------------------------------------------------------------------

function words(text: string): readonly string[] {
  return text.split(' ');
}

// Space-separated lists: short to read, and none of these names contains a space.
const FAMILY_NAMES = words(
  'Schmit Muller Weber Hoffmann Wagner Schmitz Thill Reuter Klein Schroeder Kremer Faber ' +
    'Meyer Kieffer Majerus Welter Weis Hansen Ries Lentz Becker Frisch Goergen Kayser ' +
    'Wampach Steichen Bettendorf Feltgen Kohn Thix Hilger Braun Diederich Schiltz Back ' +
    'Glesener Pesch Krier Origer Wirtz',
);
const FEMALE_NAMES = words(
  'Marie Anne Sophie Claudine Nathalie Carole Josée Martine Lisa Emma Léa Chloé Sarah ' +
    'Laura Mia Lena Jeanne Mireille Christiane Monique Nicole Tessy Joëlle Sandra',
);
const MALE_NAMES = words(
  'Jean Paul Marc Luc Pol Jos Tom Ben Gilles Claude Romain Fernand Henri Mathis Noah ' +
    'Lucas Léon Charel Nico Yves Georges Raymond Patrick Carlo',
);
const CITIES = words(
  'Luxembourg Esch-sur-Alzette Differdange Dudelange Ettelbruck Diekirch Wiltz Echternach ' +
    'Remich Grevenmacher Mersch Clervaux Vianden Bettembourg Mamer Strassen Pétange Sanem ' +
    'Hesperange Bertrange',
);

interface OrganizationSeed {
  id: string;
  name: string;
  alias?: string;
  kind: 'hospital' | 'laboratory';
  city?: string;
}

/**
 * The hospitals and laboratories the seed presentation names as the DSP's first producers. `chl`
 * and `lns` are the fixtures' ids and names, so a dataset can be loaded beside the fixtures.
 */
const ORGANIZATIONS: readonly OrganizationSeed[] = [
  {
    id: 'chl',
    name: 'Centre Hospitalier de Luxembourg',
    alias: 'CHL',
    kind: 'hospital',
    city: 'Luxembourg',
  },
  {
    id: 'chem',
    name: 'Centre Hospitalier Emile Mayrisch',
    alias: 'CHEM',
    kind: 'hospital',
    city: 'Esch-sur-Alzette',
  },
  {
    id: 'hrs',
    name: 'Hôpitaux Robert Schuman',
    alias: 'HRS',
    kind: 'hospital',
    city: 'Luxembourg',
  },
  {
    id: 'chdn',
    name: 'Centre Hospitalier du Nord',
    alias: 'CHdN',
    kind: 'hospital',
    city: 'Ettelbruck',
  },
  { id: 'ketterthill', name: 'Laboratoires Ketterthill', kind: 'laboratory' },
  { id: 'bionext', name: 'Laboratoires BioNext', kind: 'laboratory' },
  {
    id: 'lns',
    name: 'Laboratoire national de santé',
    alias: 'LNS',
    kind: 'laboratory',
    city: 'Dudelange',
  },
];

/** Ids of the laboratory Organizations, which may author lab results themselves. */
export const LABORATORY_IDS: readonly string[] = ORGANIZATIONS.filter(
  (o) => o.kind === 'laboratory',
).map((o) => o.id);

/** Share of each profession among generated professionals (GPs and specialists dominate). */
const PROFESSION_WEIGHTS: Readonly<Record<ProfessionCode, number>> = {
  'medecin-generaliste': 30,
  'medecin-specialiste': 30,
  'medecin-dentiste': 8,
  pharmacien: 8,
  infirmier: 12,
  kinesitherapeute: 6,
  'sage-femme': 3,
  biologiste: 3,
};

/** Professions whose members carry the title "Dr". */
const DOCTORS: ReadonlySet<ProfessionCode> = new Set([
  'medecin-generaliste',
  'medecin-specialiste',
  'medecin-dentiste',
  'biologiste',
]);

// --- Document types: who writes them, what they are called, which file they hold ----------------

interface DocumentProfile {
  /** Professions that write this type; `patient` for the patient's own documents. */
  readonly authors: readonly ProfessionCode[] | 'patient';
  readonly titles: readonly string[];
}

/**
 * Per DSP type, the professions that plausibly author it and a few titles. Lab results may also
 * be authored by the laboratory itself (see {@link LABORATORY_IDS}).
 */
const PROFILES: Readonly<Record<string, DocumentProfile>> = {
  'resume-patient': {
    authors: ['medecin-generaliste'],
    titles: ['Résumé patient', 'Résumé patient mis à jour'],
  },
  'certificat-medical': {
    authors: ['medecin-generaliste', 'medecin-specialiste', 'medecin-dentiste'],
    titles: [
      "Certificat d'aptitude au sport",
      'Certificat médical',
      "Certificat d'incapacité de travail",
    ],
  },
  'cr-acte-diagnostique': {
    authors: ['medecin-specialiste'],
    titles: [
      'Échocardiographie transthoracique',
      'Coloscopie',
      'Électrocardiogramme',
      "Épreuve d'effort",
      'Endoscopie digestive haute',
    ],
  },
  'cr-acte-preventif': {
    authors: [
      'medecin-generaliste',
      'medecin-specialiste',
      'medecin-dentiste',
      'infirmier',
      'sage-femme',
    ],
    titles: [
      'Dépistage du cancer du sein',
      'Vaccination antigrippale',
      'Bilan de prévention bucco-dentaire',
      'Dépistage du cancer colorectal',
    ],
  },
  imagerie: {
    authors: ['medecin-specialiste', 'medecin-dentiste'],
    titles: [
      'Radiographie du thorax',
      'IRM du genou',
      'Scanner abdominal',
      'Échographie abdominale',
      'Mammographie',
    ],
  },
  'resultat-biologie': {
    authors: ['biologiste'],
    titles: [
      'Bilan sanguin complet',
      'Bilan lipidique',
      'Hémoglobine glyquée (HbA1c)',
      "Analyse d'urine",
      'Bilan thyroïdien',
    ],
  },
  'expression-titulaire': { authors: 'patient', titles: [] },
  'cr-sejour-hospitalier': {
    authors: ['medecin-specialiste'],
    titles: [
      'Lettre de sortie',
      "Compte rendu d'hospitalisation",
      'Lettre de sortie - chirurgie orthopédique',
    ],
  },
  'rapport-medical': {
    authors: ['medecin-generaliste', 'medecin-specialiste'],
    titles: ['Rapport médical', "Rapport d'expertise médicale"],
  },
  'passage-urgences': {
    authors: ['medecin-specialiste'],
    titles: ['Résumé de passage aux urgences'],
  },
  'antecedents-medicaux': {
    authors: ['medecin-generaliste', 'medecin-specialiste'],
    titles: ['Antécédents médicaux et chirurgicaux'],
  },
  'traitements-medicamenteux': {
    authors: ['medecin-generaliste', 'medecin-specialiste', 'pharmacien'],
    titles: ['Traitement médicamenteux en cours', 'Liste des médicaments'],
  },
  'resume-soins': {
    authors: ['infirmier', 'medecin-generaliste'],
    titles: ['Fiche de liaison de soins', 'Résumé des soins infirmiers'],
  },
  'cr-acte-therapeutique': {
    authors: ['medecin-specialiste', 'medecin-dentiste', 'kinesitherapeute'],
    titles: ['Compte rendu opératoire', 'Séance de kinésithérapie', 'Soins dentaires'],
  },
  'protheses-appareillages': {
    authors: ['medecin-specialiste', 'medecin-dentiste', 'kinesitherapeute'],
    titles: ['Prothèse de hanche', 'Appareillage auditif', 'Prothèse dentaire'],
  },
  'traitements-prescrits': {
    authors: ['medecin-generaliste', 'medecin-specialiste', 'medecin-dentiste', 'sage-femme'],
    titles: ['Ordonnance', 'Prescription de kinésithérapie'],
  },
  allergies: {
    authors: ['medecin-generaliste', 'medecin-specialiste'],
    titles: ['Allergies et intolérances'],
  },
  education: {
    authors: ['infirmier', 'medecin-generaliste', 'sage-femme'],
    titles: ["Séance d'éducation thérapeutique", 'Éducation au diabète'],
  },
  'antecedents-familiaux': {
    authors: ['medecin-generaliste'],
    titles: ['Antécédents familiaux'],
  },
  'cr-administration': {
    authors: ['infirmier', 'pharmacien'],
    titles: ["Compte rendu d'administration", 'Administration de vaccin'],
  },
  'facteurs-risque': {
    authors: ['medecin-generaliste'],
    titles: ['Facteurs de risque cardiovasculaire', 'Facteurs de risques individuels'],
  },
  'suivi-pluridisciplinaire': {
    authors: ['infirmier', 'kinesitherapeute', 'medecin-generaliste'],
    titles: ['Réunion de concertation pluridisciplinaire', 'Suivi pluridisciplinaire'],
  },
  'traitements-preventifs': {
    authors: ['medecin-generaliste', 'pharmacien', 'infirmier', 'sage-femme'],
    titles: ['Vaccination', 'Traitement préventif'],
  },
  'bilan-autonomie': {
    authors: ['infirmier', 'kinesitherapeute'],
    titles: ["Bilan d'autonomie"],
  },
  'bilan-fonctionnel': {
    authors: ['kinesitherapeute'],
    titles: ['Bilan fonctionnel', 'Bilan kinésithérapique'],
  },
  'carnet-soins-palliatifs': {
    authors: ['infirmier', 'medecin-generaliste'],
    titles: ['Carnet de soins palliatifs'],
  },
  'schema-therapeutique': {
    authors: ['medecin-generaliste', 'medecin-specialiste', 'pharmacien'],
    titles: ['Schéma thérapeutique', 'Plan de médication'],
  },
};

/** The professions that may author a DSP type (`patient` for the patient's own documents). */
export function authorProfessions(typeCode: string): readonly ProfessionCode[] | 'patient' {
  const profile = PROFILES[typeCode];
  if (!profile) throw new Error(`No authors known for DSP document type ${typeCode}`);
  return profile.authors;
}

/** The sample files a document of this type may hold: images, the patient's notes, or a PDF. */
function filesFor(type: DocumentType, files: readonly SampleFile[]): readonly SampleFile[] {
  const ids =
    type.code === 'imagerie'
      ? ['png-radiographie', 'png-echographie']
      : type.code === 'expression-titulaire'
        ? ['txt-directives-anticipees', 'txt-journal-symptomes', 'txt-questions-consultation']
        : type.code === 'resultat-biologie'
          ? ['pdf-resultats-biologie']
          : type.code === 'certificat-medical'
            ? ['pdf-certificat']
            : type.classCode === 'synthese'
              ? ['pdf-resume-patient']
              : ['pdf-compte-rendu'];
  return ids.map((id) => {
    const found = files.find((f) => f.id === id);
    if (!found) throw new Error(`No sample file ${id}`);
    return found;
  });
}

/** The Binary id holding a sample file. */
export function sampleBinaryId(fileId: string): string {
  return `sample-${fileId}`;
}

// --- The world: organizations, professionals, patients ------------------------------------------

interface Ref {
  reference: string;
  display: string;
}

interface PatientEntry {
  ref: Ref;
  /** The médecin référent, when the patient has declared one. */
  gp: Ref | undefined;
  /** What a CDA document says of the patient. */
  cda: CdaPatient;
  /** Among the first {@link CDA_PATIENTS}: some of their documents are CDA documents. */
  holdsCda: boolean;
}

/** An author as a CDA document names them: the person, if any, and their organisation. */
interface CdaSigner {
  person: CdaAuthor | undefined;
  organization: CdaOrganization;
}

interface TypeEntry {
  type: DocumentType;
  profile: DocumentProfile;
  files: readonly SampleFile[];
}

interface World {
  resources: Resource[];
  patients: PatientEntry[];
  /** CDA authors by reference (`Practitioner/…`, `Organization/…`). */
  signers: ReadonlyMap<string, CdaSigner>;
  /** `patient reference|CDA kind` pairs that already have their CDA document. */
  cdaDone: Set<string>;
  byProfession: ReadonlyMap<ProfessionCode, readonly Ref[]>;
  labs: readonly Ref[];
  types: readonly TypeEntry[];
}

/**
 * How many of the first patients (the largest records) have CDA documents: the first document of
 * each CDA kind (lab report, summary, discharge letter, emergency summary, imaging report).
 */
const CDA_PATIENTS = 20;

const CONFIDENTIALITY: readonly ConfidentialityCode[] = ['N', 'R', 'V'];
/** Most documents are normal; some restricted, a few very restricted. */
const CONFIDENTIALITY_WEIGHTS = cumulate([90, 8, 2]);

function professionalCount(patients: number): number {
  // About one active professional per 20 patients, and always two of every profession so each
  // document type has authors.
  return Math.max(professions.length * 2, Math.ceil(patients / 20));
}

function buildWorld(rng: Rng, patientCount: number, firstDocumentDay: number): World {
  const files = sampleFiles();
  const types = documentTypes.map((type): TypeEntry => {
    const profile = PROFILES[type.code];
    if (!profile) throw new Error(`No profile for DSP document type ${type.code}`);
    return { type, profile, files: filesFor(type, files) };
  });

  const organizations = ORGANIZATIONS.map((seed): Organization => ({
    resourceType: 'Organization',
    id: seed.id,
    active: true,
    type: [
      {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/organization-type',
            code: 'prov',
            display: 'Healthcare Provider',
          },
        ],
        text: seed.kind === 'hospital' ? 'Hôpital' : 'Laboratoire',
      },
    ],
    name: seed.name,
    ...(seed.alias === undefined ? {} : { alias: [seed.alias] }),
    address: [seed.city === undefined ? { country: 'LU' } : { city: seed.city, country: 'LU' }],
  }));
  const orgRef = (seed: OrganizationSeed): Ref => ({
    reference: `Organization/${seed.id}`,
    display: seed.name,
  });
  const signers = new Map<string, CdaSigner>(
    ORGANIZATIONS.map((seed) => [
      `Organization/${seed.id}`,
      { person: undefined, organization: { id: seed.id, name: seed.name } },
    ]),
  );
  const hospitals = ORGANIZATIONS.filter((o) => o.kind === 'hospital');
  const laboratories = ORGANIZATIONS.filter((o) => o.kind === 'laboratory');

  const practitioners: Practitioner[] = [];
  const roles: PractitionerRole[] = [];
  const byProfession = new Map<ProfessionCode, Ref[]>(professions.map((p) => [p.code, []]));
  const professionWeights = cumulate(professions.map((p) => PROFESSION_WEIGHTS[p.code]));
  const count = professionalCount(patientCount);
  for (let i = 0; i < count; i++) {
    const profession =
      i < professions.length * 2
        ? professions[i % professions.length]
        : professions[rng.weighted(professionWeights)];
    if (!profession) throw new Error('Profession out of range');
    const female = rng.next() < 0.5;
    const given = rng.pick(female ? FEMALE_NAMES : MALE_NAMES);
    const family = rng.pick(FAMILY_NAMES);
    const doctor = DOCTORS.has(profession.code);
    const id = `practitioner-${String(i + 1).padStart(4, '0')}`;
    practitioners.push({
      resourceType: 'Practitioner',
      id,
      active: true,
      name: [doctor ? { family, given: [given], prefix: ['Dr'] } : { family, given: [given] }],
      gender: female ? 'female' : 'male',
    });
    const ref: Ref = {
      reference: `Practitioner/${id}`,
      display: `${doctor ? 'Dr ' : ''}${given} ${family}`,
    };
    // Every role names an organization, so searches by facility work: biologists work in a
    // laboratory, everyone else with one of the hospitals.
    const organization = rng.pick(profession.code === 'biologiste' ? laboratories : hospitals);
    roles.push({
      resourceType: 'PractitionerRole',
      id: `role-${String(i + 1).padStart(4, '0')}`,
      active: true,
      practitioner: ref,
      organization: orgRef(organization),
      code: [{ coding: [{ system: PROFESSION_SYSTEM, code: profession.code }] }],
    });
    byProfession.get(profession.code)?.push(ref);
    signers.set(ref.reference, {
      person: { id, given, family, ...(doctor ? { prefix: 'Dr' } : {}) },
      organization: { id: organization.id, name: organization.name },
    });
  }
  const gps = byProfession.get('medecin-generaliste') ?? [];

  // Patients are born before the first document can be dated, and before 2025 so their
  // matricules stay valid (a matricule's birth date may not be in the future).
  const lastBirthDay = Math.min(firstDocumentDay - 1, dayOf('2024-12-31', 'last birth day'));
  const birthSpan = 90 * 365;
  const sequences = new Map<string, number>();
  const patients: Patient[] = [];
  const patientEntries: PatientEntry[] = [];
  for (let i = 0; i < patientCount; i++) {
    let birthDate: string;
    let sequence: number;
    do {
      birthDate = new Date((lastBirthDay - rng.int(birthSpan)) * DAY_MS).toISOString().slice(0, 10);
      sequence = sequences.get(birthDate) ?? 0;
    } while (sequence > 999);
    sequences.set(birthDate, sequence + 1);
    const female = rng.next() < 0.5;
    const given = rng.pick(female ? FEMALE_NAMES : MALE_NAMES);
    const family = rng.pick(FAMILY_NAMES);
    // Most patients have declared a médecin référent to the CNS.
    const gp = rng.next() < 0.85 ? rng.pick(gps) : undefined;
    const id = `patient-${String(i + 1).padStart(5, '0')}`;
    patients.push({
      resourceType: 'Patient',
      id,
      identifier: [{ system: MATRICULE_SYSTEM, value: makeMatricule(birthDate, sequence) }],
      active: true,
      name: [{ family, given: [given] }],
      gender: female ? 'female' : 'male',
      birthDate,
      address: [{ city: rng.pick(CITIES), country: 'LU' }],
      ...(gp ? { generalPractitioner: [{ ...gp }] } : {}),
    });
    patientEntries.push({
      ref: { reference: `Patient/${id}`, display: `${given} ${family}` },
      gp,
      cda: {
        matricule: makeMatricule(birthDate, sequence),
        given,
        family,
        birthDate,
        gender: female ? 'female' : 'male',
      },
      holdsCda: i < CDA_PATIENTS,
    });
  }

  const binaries = sampleFiles().map((file): Binary => ({
    resourceType: 'Binary',
    id: sampleBinaryId(file.id),
    contentType: file.contentType,
    data: toBase64(file.bytes),
  }));

  return {
    resources: [...organizations, ...practitioners, ...roles, ...patients, ...binaries],
    patients: patientEntries,
    signers,
    cdaDone: new Set(),
    byProfession,
    labs: laboratories.map(orgRef),
    types,
  };
}

// --- Documents --------------------------------------------------------------------------------

/** The author of a document of this type for this patient. */
function authorFor(rng: Rng, world: World, entry: TypeEntry, patient: PatientEntry): Ref {
  const { authors } = entry.profile;
  if (authors === 'patient') return patient.ref;
  // Laboratories sign about half of the results themselves.
  if (entry.type.code === 'resultat-biologie' && rng.next() < 0.5) return rng.pick(world.labs);
  // The médecin référent writes most of what a general practitioner writes for their patients.
  if (patient.gp && authors.includes('medecin-generaliste') && rng.next() < 0.7) return patient.gp;
  return rng.pick(world.byProfession.get(rng.pick(authors)) ?? []);
}

/**
 * The CDA document a new document holds instead of its sample file, if any: the first document of
 * each CDA kind for each of the first patients, so each CDA names its own patient, author and
 * date while the dataset stays small and fast to build.
 */
function cdaFor(
  world: World,
  entry: TypeEntry,
  patient: PatientEntry,
  author: Ref,
  uuid: string,
  date: string,
): SampleCda | undefined {
  // Most documents are not: decided before any lookup, as generating must stay fast.
  if (!patient.holdsCda) return undefined;
  const kind = cdaKindOf(entry.type.code);
  const signer = world.signers.get(author.reference);
  const key = `${patient.ref.reference}|${kind}`;
  if (!kind || !signer || world.cdaDone.has(key)) return undefined;
  world.cdaDone.add(key);
  return sampleCda(kind, {
    uuid,
    patient: patient.cda,
    ...(signer.person ? { author: signer.person } : {}),
    organization: signer.organization,
    date,
  });
}

function makeDocument(
  rng: Rng,
  world: World,
  index: number,
  entry: TypeEntry,
  ms: number,
): { document: DocumentReference; binary?: Binary } {
  // Squaring skews documents towards the first patients: a few large records, many small ones,
  // as in real life, so paging and long lists get exercised.
  const u = rng.next();
  const patient = world.patients[Math.floor(u * u * world.patients.length)];
  if (!patient) throw new Error('Patient out of range');
  const author = authorFor(rng, world, entry, patient);
  const file = rng.pick(entry.files);
  const drawnTitle = entry.profile.titles.length > 0 ? rng.pick(entry.profile.titles) : file.title;
  const date = luxembourgInstant(ms);
  const confidentiality = CONFIDENTIALITY[rng.weighted(CONFIDENTIALITY_WEIGHTS)] ?? 'N';
  const uuid = rng.uuid();
  const id = `doc-${String(index + 1).padStart(6, '0')}`;
  const cda = cdaFor(world, entry, patient, author, uuid, date);
  const title = cda?.title ?? drawnTitle;
  const attachment = cda
    ? {
        contentType: cda.contentType,
        language: cda.language,
        url: `Binary/cda-${id}`,
        size: cda.bytes.length,
        hash: toBase64(sha1(cda.bytes)),
        title,
        creation: date,
      }
    : {
        contentType: file.contentType,
        language: 'fr',
        // Documents share the pool's Binaries, so a large dataset holds only a few files.
        url: `Binary/${sampleBinaryId(file.id)}`,
        size: file.size,
        hash: file.sha1Base64,
        title,
        creation: date,
      };
  const document: DocumentReference = {
    resourceType: 'DocumentReference',
    id,
    masterIdentifier: { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${uuid}` },
    status: 'current',
    type: documentTypeConcept(entry.type),
    category: [documentClassConcept(entry.type)],
    subject: { ...patient.ref },
    date,
    author: [{ ...author }],
    description: title,
    securityLabel: [{ coding: [{ system: CONFIDENTIALITY_SYSTEM, code: confidentiality }] }],
    content: [
      {
        attachment,
        ...(cda ? { format: { ...cda.format } } : {}),
      },
    ],
  };
  if (!cda) return { document };
  const binary: Binary = {
    resourceType: 'Binary',
    id: `cda-${id}`,
    contentType: cda.contentType,
    data: toBase64(cda.bytes),
  };
  return { document, binary };
}

/** Adds a document and the Binary of its CDA document, if it has one. */
function push(result: Resource[], made: { document: DocumentReference; binary?: Binary }): void {
  result.push(made.document);
  if (made.binary) result.push(made.binary);
}

function checkCount(value: number, name: string, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`${name} must be an integer ≥ ${min}, not ${value}`);
  }
}

/**
 * A random dataset: organizations, professionals with their roles, patients, one Binary per
 * sample file and one per CDA document (see {@link CDA_PATIENTS}), and `documents` DocumentReferences whose types follow the March 2017 distribution
 * and whose dates spread over `from`..`to`. The same options always give deep-equal output.
 */
export function generateDataset(options: DatasetOptions): Resource[] {
  const { seed, patients, documents, from = '2015-01-01', to = '2026-10-31' } = options;
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, not ${seed}`);
  checkCount(patients, 'patients', 1);
  checkCount(documents, 'documents', 0);
  const firstDay = dayOf(from, 'from');
  const days = dayOf(to, 'to') - firstDay + 1;
  if (days < 1) throw new RangeError(`from (${from}) is after to (${to})`);

  const rng = new Rng(seed);
  const world = buildWorld(rng, patients, firstDay);
  const march2017 = new Map(seed2017.rows.map((row) => [row.code, row.counts[6]]));
  const typeWeights = cumulate(world.types.map((t) => march2017.get(t.type.code) ?? 0));
  const result = world.resources;
  for (let i = 0; i < documents; i++) {
    const entry = world.types[rng.weighted(typeWeights)];
    if (!entry) throw new Error('Document type out of range');
    push(result, makeDocument(rng, world, i, entry, workingInstant(rng, firstDay, days)));
  }
  return result;
}

/** The pilot's first day: documents of the first snapshot are dated from here. */
const PILOT_START = '2015-01-01';

/**
 * A dataset reproducing the agency's table exactly: for each type and each date of
 * {@link SEED_2017_DATES}, the DocumentReferences of that type dated before
 * `snapshotBound(date)` are exactly the table's count. Each document is dated strictly after the
 * previous snapshot's bound (the pilot's start for the first) and strictly before its own.
 */
export function seed2017Dataset(options: { patients?: number } = {}): Resource[] {
  const patients = options.patients ?? 500;
  checkCount(patients, 'patients', 1);
  const rng = new Rng(2017);
  let lowerDay = dayOf(PILOT_START, 'pilot start');
  const world = buildWorld(rng, patients, lowerDay);
  const entries = new Map(world.types.map((t) => [t.type.code, t]));
  const result = world.resources;
  let index = 0;
  SEED_2017_DATES.forEach((month, column) => {
    const upperDay = Date.parse(snapshotBound(month)) / DAY_MS;
    for (const row of seed2017.rows) {
      const entry = entries.get(row.code);
      if (!entry) throw new Error(`Unknown DSP document type ${row.code}`);
      // The table is cumulative: this window holds the growth since the previous snapshot.
      const added = (row.counts[column] ?? 0) - (column === 0 ? 0 : (row.counts[column - 1] ?? 0));
      for (let k = 0; k < added; k++) {
        const ms = workingInstant(rng, lowerDay, upperDay - lowerDay);
        push(result, makeDocument(rng, world, index++, entry, ms));
      }
    }
    lowerDay = upperDay;
  });
  return result;
}
