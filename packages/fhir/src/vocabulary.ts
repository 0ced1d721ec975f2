// The DSP vocabulary: document types, their classes and confidentiality codes, with labels in
// every language the kit speaks. The one source of truth for every package.
import type { CodeableConcept, Coding } from '@medplum/fhirtypes';

/** Languages the kit ships labels for. Luxembourgish falls back to French where not written. */
export type DspLanguage = 'fr' | 'de' | 'en' | 'lb';

export const languages: readonly DspLanguage[] = ['fr', 'de', 'en', 'lb'];

/** Labels of one concept; `lb` is optional and falls back to `fr`. */
export interface Labels {
  readonly fr: string;
  readonly de: string;
  readonly en: string;
  readonly lb?: string;
}

/** The label of a concept in a language, falling back to French. */
export function label(labels: Labels, language: DspLanguage): string {
  return labels[language] ?? labels.fr;
}

/** Code system of the 27 DSP document types (`DocumentReference.type`), the kit's own. */
export const DOCUMENT_TYPE_SYSTEM = 'https://dsp-kit.org/fhir/CodeSystem/dsp-document-type';
/** Code system of the DSP document classes (`DocumentReference.category`), the kit's own. */
export const DOCUMENT_CLASS_SYSTEM = 'https://dsp-kit.org/fhir/CodeSystem/dsp-document-class';
/** Security labels the DSP adds to documents (`masked`, `hidden-from-patient`), the kit's own. */
export const DSP_SECURITY_SYSTEM = 'https://dsp-kit.org/fhir/CodeSystem/dsp-security';
/** Identifier system of the Luxembourg national identifier (matricule), the kit's own URI. */
export const MATRICULE_SYSTEM = 'https://dsp-kit.org/fhir/NamingSystem/matricule';
export const LOINC_SYSTEM = 'http://loinc.org';
export const CONFIDENTIALITY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality';

export const documentClasses = [
  {
    code: 'synthese',
    labels: { fr: 'Synthèse', de: 'Zusammenfassung', en: 'Summary', lb: 'Zesummefassung' },
  },
  {
    code: 'certificat',
    labels: { fr: 'Certificat', de: 'Bescheinigung', en: 'Certificate', lb: 'Attest' },
  },
  {
    code: 'compte-rendu',
    labels: { fr: 'Compte rendu', de: 'Bericht', en: 'Report', lb: 'Bericht' },
  },
  {
    code: 'imagerie',
    labels: { fr: 'Imagerie', de: 'Bildgebung', en: 'Imaging', lb: 'Bildgebung' },
  },
  {
    code: 'patient',
    labels: {
      fr: 'Document du patient',
      de: 'Dokument des Patienten',
      en: 'Patient document',
      lb: 'Dokument vum Patient',
    },
  },
  {
    code: 'traitement',
    labels: { fr: 'Traitement', de: 'Behandlung', en: 'Treatment', lb: 'Behandlung' },
  },
  {
    code: 'prescription',
    labels: { fr: 'Prescription', de: 'Verordnung', en: 'Prescription', lb: 'Ordonnance' },
  },
  {
    code: 'plan-de-soins',
    labels: { fr: 'Plan de soins', de: 'Behandlungsplan', en: 'Care plan', lb: 'Fleegplang' },
  },
] as const satisfies readonly { code: string; labels: Labels }[];

export type DocumentClassCode = (typeof documentClasses)[number]['code'];

export interface DocumentType {
  /** Code in {@link DOCUMENT_TYPE_SYSTEM}. */
  readonly code: string;
  readonly labels: Labels;
  readonly classCode: DocumentClassCode;
  /** LOINC code, when one maps to this type. */
  readonly loinc?: string;
  /** True when the LOINC code is paired with this French label in the French national LOINC list. */
  readonly loincConfirmed: boolean;
}

// Pure (no side effects): a bundle that uses no type drops the whole table.
/* @__NO_SIDE_EFFECTS__ */
function type(
  code: string,
  classCode: DocumentClassCode,
  labels: Labels,
  loinc?: string,
  loincConfirmed = false,
): DocumentType {
  return loinc === undefined
    ? { code, labels, classCode, loincConfirmed: false }
    : { code, labels, classCode, loinc, loincConfirmed };
}

/**
 * The 27 DSP document types, in the order of the agency's statistics (most frequent first). The
 * French labels are the agency's own, character for character (its straight apostrophes too:
 * the 2017 statistics are matched on them). The Luxembourgish ones are the kit's; a native
 * review should confirm « Agrëffer », « Moossnamen », « Fleeg-Iwwergabsblat » and
 * « Behandlungsverleef ».
 */
export const documentTypes: readonly DocumentType[] = [
  type(
    'resume-patient',
    'synthese',
    {
      fr: 'Résumés patients',
      de: 'Patientenzusammenfassungen',
      en: 'Patient summaries',
      lb: 'Patientenzesummefassungen',
    },
    '60591-5',
    true,
  ),
  type(
    'certificat-medical',
    'certificat',
    {
      fr: 'Certificats médicaux',
      de: 'Ärztliche Atteste',
      en: 'Medical certificates',
      lb: 'Medezinesch Attester',
    },
    '89601-9',
    true,
  ),
  type(
    'cr-acte-diagnostique',
    'compte-rendu',
    {
      fr: "CR d'actes diagnostiques",
      de: 'Berichte diagnostischer Eingriffe',
      en: 'Diagnostic procedure reports',
      lb: 'Berichter iwwer diagnostesch Agrëffer',
    },
    '70004-7',
    true,
  ),
  type(
    'cr-acte-preventif',
    'compte-rendu',
    {
      fr: "CR d'actes à visée préventive",
      de: 'Berichte präventiver Maßnahmen',
      en: 'Preventive procedure reports',
      lb: 'Berichter iwwer präventiv Moossnamen',
    },
    '75492-9',
    true,
  ),
  type(
    'imagerie',
    'imagerie',
    {
      fr: 'Images radiologiques ou autres imageries médicales',
      de: 'Radiologische und andere medizinische Bilder',
      en: 'Radiology and other medical imaging',
      lb: 'Radiologesch an aner medezinesch Biller',
    },
    '18748-4',
    true,
  ),
  type(
    'resultat-biologie',
    'compte-rendu',
    {
      fr: "Résultats d'examens biologiques",
      de: 'Laborergebnisse',
      en: 'Laboratory results',
      lb: 'Laborresultater',
    },
    '11502-2',
    true,
  ),
  type('expression-titulaire', 'patient', {
    fr: 'Expression du titulaire',
    de: 'Eigene Angaben des Patienten',
    en: "Patient's own notes",
    lb: 'Eegen Ugaben vum Patient',
  }),
  type(
    'cr-sejour-hospitalier',
    'compte-rendu',
    {
      fr: 'CR de séjours hospitaliers et lettres de sorties',
      de: 'Krankenhausberichte und Entlassungsbriefe',
      en: 'Hospital stay reports and discharge letters',
      lb: 'Spidolsberichter an Entlassungsbréiwer',
    },
    '34112-3',
    true,
  ),
  type(
    'rapport-medical',
    'compte-rendu',
    {
      fr: 'Rapports médicaux',
      de: 'Ärztliche Berichte',
      en: 'Medical reports',
      lb: 'Medezinesch Rapporten',
    },
    '11488-4',
  ),
  type(
    'passage-urgences',
    'compte-rendu',
    {
      fr: 'Résumé de Passage aux Urgences',
      de: 'Notaufnahmebericht',
      en: 'Emergency department summary',
      lb: 'Bericht vun der Urgence',
    },
    '15507-7',
    true,
  ),
  type(
    'antecedents-medicaux',
    'synthese',
    {
      fr: 'Antécédents médicaux et chirurgicaux',
      de: 'Medizinische und chirurgische Vorgeschichte',
      en: 'Medical and surgical history',
      lb: 'Medezinesch a chirurgesch Virgeschicht',
    },
    '11348-0',
  ),
  type(
    'traitements-medicamenteux',
    'traitement',
    {
      fr: 'Traitements médicamenteux',
      de: 'Medikamentöse Behandlungen',
      en: 'Medication',
      lb: 'Medikamentéis Behandlungen',
    },
    '10160-0',
  ),
  type(
    'resume-soins',
    'synthese',
    {
      fr: 'Résumé des soins / Fiche de liaison de soins',
      de: 'Pflegezusammenfassung / Pflegeüberleitungsbogen',
      en: 'Care summary / care transfer form',
      lb: 'Fleegzesummefassung / Fleeg-Iwwergabsblat',
    },
    '34133-9',
    true,
  ),
  type(
    'cr-acte-therapeutique',
    'compte-rendu',
    {
      fr: "CR d'actes thérapeutiques",
      de: 'Berichte therapeutischer Eingriffe',
      en: 'Therapeutic procedure reports',
      lb: 'Berichter iwwer therapeutesch Agrëffer',
    },
    '11505-5',
    true,
  ),
  type(
    'protheses-appareillages',
    'synthese',
    {
      fr: 'Prothèses et appareillages',
      de: 'Prothesen und Hilfsmittel',
      en: 'Prostheses and medical devices',
      lb: 'Prothesen an Hëllefsmëttel',
    },
    '46264-8',
  ),
  type(
    'traitements-prescrits',
    'prescription',
    {
      fr: 'Traitements médicaux prescrits',
      de: 'Verordnete Behandlungen',
      en: 'Prescribed treatments',
      lb: 'Verschriwwe Behandlungen',
    },
    '57833-6',
    true,
  ),
  type(
    'allergies',
    'synthese',
    {
      fr: 'Allergies intolérances reconnues',
      de: 'Bekannte Allergien und Unverträglichkeiten',
      en: 'Known allergies and intolerances',
      lb: 'Bekannt Allergien an Intoleranzen',
    },
    '48765-2',
  ),
  type(
    'education',
    'compte-rendu',
    { fr: 'Education', de: 'Patientenschulung', en: 'Patient education', lb: 'Patienteschoulung' },
    '34895-3',
  ),
  type(
    'antecedents-familiaux',
    'synthese',
    {
      fr: 'Antécédents familiaux',
      de: 'Familienanamnese',
      en: 'Family history',
      lb: 'Familljevirgeschicht',
    },
    '10157-6',
  ),
  type(
    'cr-administration',
    'traitement',
    {
      fr: "CR d'administration",
      de: 'Verabreichungsberichte',
      en: 'Administration reports',
      lb: 'Verabreechungsberichter',
    },
    '80565-5',
  ),
  type('facteurs-risque', 'synthese', {
    fr: 'Facteurs de risques individuels',
    de: 'Individuelle Risikofaktoren',
    en: 'Individual risk factors',
    lb: 'Individuell Risikofaktoren',
  }),
  type(
    'suivi-pluridisciplinaire',
    'compte-rendu',
    {
      fr: 'Suivi de soins et actes pluridisciplinaires',
      de: 'Interdisziplinäre Behandlungsverläufe',
      en: 'Multidisciplinary care follow-up',
      lb: 'Interdisziplinär Behandlungsverleef',
    },
    '34794-8',
    true,
  ),
  type(
    'traitements-preventifs',
    'traitement',
    {
      fr: 'Traitements préventifs prescrits ou administrés',
      de: 'Verordnete oder verabreichte Präventivbehandlungen',
      en: 'Preventive treatments prescribed or given',
      lb: 'Verschriwwen oder verabreecht Präventivbehandlungen',
    },
    '11369-6',
    true,
  ),
  type('bilan-autonomie', 'compte-rendu', {
    fr: "Bilan d'autonomie",
    de: 'Selbstständigkeitsbeurteilung',
    en: 'Autonomy assessment',
    lb: 'Autonomiebewäertung',
  }),
  type(
    'bilan-fonctionnel',
    'compte-rendu',
    {
      fr: 'Bilan fonctionnel',
      de: 'Funktionsbeurteilung',
      en: 'Functional assessment',
      lb: 'Funktiounsbewäertung',
    },
    '47420-5',
    true,
  ),
  type('carnet-soins-palliatifs', 'plan-de-soins', {
    fr: 'Carnet soins palliatifs',
    de: 'Palliativpflegeheft',
    en: 'Palliative care record',
    lb: 'Carnet fir palliativ Fleeg',
  }),
  type(
    'schema-therapeutique',
    'plan-de-soins',
    {
      fr: 'Schéma thérapeutique',
      de: 'Therapieschema',
      en: 'Treatment plan',
      lb: 'Therapieschema',
    },
    '77604-7',
    true,
  ),
];

// The indexes are built on first use, so a page that classifies no document does not carry the
// table of types (a top-level \`new Map(…)\` would keep it in every bundle).
let typesByCodeIndex: ReadonlyMap<string, DocumentType> | undefined;
const typesByCode = () => (typesByCodeIndex ??= new Map(documentTypes.map((t) => [t.code, t])));

/**
 * LOINC codes that more than one of `types` carries: such a code cannot say which DSP type a
 * document is, so it is neither searched for nor read as one (today no code is shared).
 */
export function sharedLoincCodes(types: readonly DocumentType[]): ReadonlySet<string> {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const { loinc } of types) {
    if (loinc === undefined) continue;
    if (seen.has(loinc)) shared.add(loinc);
    seen.add(loinc);
  }
  return shared;
}

let typesByLoincIndex: ReadonlyMap<string, DocumentType> | undefined;
function typesByLoinc(): ReadonlyMap<string, DocumentType> {
  if (typesByLoincIndex) return typesByLoincIndex;
  const shared = sharedLoincCodes(documentTypes);
  return (typesByLoincIndex = new Map(
    documentTypes.flatMap((t) =>
      t.loinc !== undefined && !shared.has(t.loinc) ? [[t.loinc, t] as const] : [],
    ),
  ));
}

/** The DSP type with this code in {@link DOCUMENT_TYPE_SYSTEM}. */
export function documentTypeByCode(code: string): DocumentType | undefined {
  return typesByCode().get(code);
}

/**
 * The DSP type a `DocumentReference.type` designates: by our code system first, then by LOINC,
 * so documents from servers that send LOINC alone are still classified (a LOINC code two DSP
 * types share classifies nothing).
 */
export function documentTypeOf(concept: CodeableConcept | undefined): DocumentType | undefined {
  const codings = concept?.coding ?? [];
  const own = codings.find((c) => c.system === DOCUMENT_TYPE_SYSTEM && c.code !== undefined);
  if (own?.code !== undefined) {
    const found = typesByCode().get(own.code);
    if (found) return found;
  }
  for (const coding of codings) {
    if (coding.system === LOINC_SYSTEM && coding.code !== undefined) {
      const found = typesByLoinc().get(coding.code);
      if (found) return found;
    }
  }
  return undefined;
}

/** The `DocumentReference.type` for a DSP type: our coding, plus LOINC where it is confirmed. */
export function documentTypeConcept(type: DocumentType): CodeableConcept {
  const coding: Coding[] = [
    { system: DOCUMENT_TYPE_SYSTEM, code: type.code, display: type.labels.fr },
  ];
  if (type.loinc !== undefined && type.loincConfirmed) {
    coding.push({ system: LOINC_SYSTEM, code: type.loinc });
  }
  return { coding, text: type.labels.fr };
}

/** The class of a DSP type. */
export function documentClassOf(type: DocumentType): (typeof documentClasses)[number] {
  const found = documentClasses.find((c) => c.code === type.classCode);
  if (!found) throw new Error(`Unknown document class ${type.classCode}`);
  return found;
}

/** The `DocumentReference.category` for a DSP type's class. */
export function documentClassConcept(type: DocumentType): CodeableConcept {
  const cls = documentClassOf(type);
  return { coding: [{ system: DOCUMENT_CLASS_SYSTEM, code: cls.code, display: cls.labels.fr }] };
}

/** The label of a document type given as a coding or concept, in a language. */
export function typeLabel(
  coded: Coding | CodeableConcept | undefined,
  language: DspLanguage,
): string | undefined {
  const concept: CodeableConcept | undefined =
    coded && 'code' in coded ? { coding: [coded] } : coded;
  const type = documentTypeOf(concept);
  if (type) return label(type.labels, language);
  return concept?.text ?? concept?.coding?.find((c) => c.display)?.display;
}

/** Confidentiality codes (`DocumentReference.securityLabel`) the DSP uses. */
export const confidentialityCodes = [
  { code: 'N', labels: { fr: 'Normal', de: 'Normal', en: 'Normal', lb: 'Normal' } },
  {
    code: 'R',
    labels: { fr: 'Restreint', de: 'Eingeschränkt', en: 'Restricted', lb: 'Limitéiert' },
  },
  {
    code: 'V',
    labels: {
      fr: 'Très restreint',
      de: 'Streng vertraulich',
      en: 'Very restricted',
      lb: 'Streng vertraulech',
    },
  },
] as const satisfies readonly { code: string; labels: Labels }[];

export type ConfidentialityCode = (typeof confidentialityCodes)[number]['code'];

/** Code system of health professions (`PractitionerRole.code`), the kit's own. */
export const PROFESSION_SYSTEM = 'https://dsp-kit.org/fhir/CodeSystem/profession';

/**
 * Health professions the DSP's access rules distinguish: `labels` name the profession (the
 * masculine form, as the profession's title), `feminine` the same for a woman (FHIR
 * `Practitioner.gender` `female`); French keeps « médecin » and the epicene titles as they are.
 * Luxembourgish titles follow the country's usage (French titles for nursing, « Dokter »
 * compounds); « Laborbiolog » awaits a native speaker's review.
 */
export const professions = [
  {
    code: 'medecin-generaliste',
    labels: {
      fr: 'Médecin généraliste',
      de: 'Allgemeinmediziner',
      en: 'General practitioner',
      lb: 'Allgemengmedeziner',
    },
    feminine: {
      fr: 'Médecin généraliste',
      de: 'Allgemeinmedizinerin',
      en: 'General practitioner',
      lb: 'Allgemengmedezinerin',
    },
  },
  {
    code: 'medecin-specialiste',
    labels: {
      fr: 'Médecin spécialiste',
      de: 'Facharzt',
      en: 'Specialist physician',
      lb: 'Facharzt',
    },
    feminine: {
      fr: 'Médecin spécialiste',
      de: 'Fachärztin',
      en: 'Specialist physician',
      lb: 'Fachärztin',
    },
  },
  {
    code: 'medecin-dentiste',
    labels: { fr: 'Médecin-dentiste', de: 'Zahnarzt', en: 'Dentist', lb: 'Zänndokter' },
    feminine: { fr: 'Médecin-dentiste', de: 'Zahnärztin', en: 'Dentist', lb: 'Zänndokterin' },
  },
  {
    code: 'pharmacien',
    labels: { fr: 'Pharmacien', de: 'Apotheker', en: 'Pharmacist', lb: 'Apdikter' },
    feminine: { fr: 'Pharmacienne', de: 'Apothekerin', en: 'Pharmacist', lb: 'Apdikterin' },
  },
  {
    code: 'infirmier',
    labels: { fr: 'Infirmier', de: 'Krankenpfleger', en: 'Nurse', lb: 'Infirmier' },
    feminine: { fr: 'Infirmière', de: 'Krankenpflegerin', en: 'Nurse', lb: 'Infirmière' },
  },
  {
    code: 'kinesitherapeute',
    labels: {
      fr: 'Kinésithérapeute',
      de: 'Physiotherapeut',
      en: 'Physiotherapist',
      lb: 'Kinesitherapeut',
    },
    feminine: {
      fr: 'Kinésithérapeute',
      de: 'Physiotherapeutin',
      en: 'Physiotherapist',
      lb: 'Kinesitherapeutin',
    },
  },
  {
    code: 'sage-femme',
    labels: { fr: 'Sage-femme', de: 'Hebamme', en: 'Midwife', lb: 'Hebamm' },
    feminine: { fr: 'Sage-femme', de: 'Hebamme', en: 'Midwife', lb: 'Hebamm' },
  },
  {
    code: 'biologiste',
    labels: {
      fr: 'Biologiste (laboratoire)',
      de: 'Laborarzt',
      en: 'Laboratory biologist',
      lb: 'Laborbiolog',
    },
    feminine: {
      fr: 'Biologiste (laboratoire)',
      de: 'Laborärztin',
      en: 'Laboratory biologist',
      lb: 'Laborbiologin',
    },
  },
] as const satisfies readonly { code: string; labels: Labels; feminine: Labels }[];

export type ProfessionCode = (typeof professions)[number]['code'];

/** The profession with this code. */
export function professionByCode(code: string): (typeof professions)[number] | undefined {
  return professions.find((p) => p.code === code);
}

/**
 * A profession as it names one person: the feminine title when their FHIR `gender` is `female`,
 * else the profession's title (which also serves when the gender is unknown).
 */
export function professionLabel(
  profession: { readonly labels: Labels; readonly feminine: Labels },
  language: DspLanguage,
  gender?: string,
): string {
  return label(gender === 'female' ? profession.feminine : profession.labels, language);
}

/** Purpose-of-use codes (v3 ActReason) the DSP's audit and consent use. */
export const PURPOSE_OF_USE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ActReason';
export const BREAK_THE_GLASS = 'BTG';

/** Codes the kit's servers put in an OperationOutcome's `details.coding`, the kit's own system. */
export const OUTCOME_SYSTEM = 'https://dsp-kit.org/fhir/CodeSystem/dsp-outcome';
/** On a 403: the professional may ask for emergency access (`DspClient.breakTheGlass`). */
export const BREAK_THE_GLASS_AVAILABLE = 'break-the-glass-available';
