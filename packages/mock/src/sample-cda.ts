// Realistic CDA R2 documents for the mock, built for a given patient and author: a lab report
// (XD-LAB), a patient summary (PCC XPHR), a discharge letter (XDS-SD, a PDF in a level-1 body),
// an emergency department summary (PCC EDES, in German) and an imaging report with a viewer link.
import { FORMAT_CODE_SYSTEM } from '@dsp-kit/fhir/provide';
import type { Coding } from '@medplum/fhirtypes';
import {
  clinicalDocument,
  list,
  LOINC_OID,
  nonXmlBody,
  structuredBody,
  table,
  ts,
  x,
  type Care,
  type CdaContext,
  type DocumentHead,
  type Section,
} from './cda-document.js';
import { textPdf, toBase64 } from './sample-files.js';

export type { CdaAuthor, CdaContext, CdaOrganization, CdaPatient } from './cda-document.js';

/** The kinds of CDA document the mock holds. */
export type CdaKind =
  'lab-report' | 'patient-summary' | 'discharge-letter' | 'emergency-summary' | 'imaging-report';

export const CDA_KINDS: readonly CdaKind[] = [
  'lab-report',
  'patient-summary',
  'discharge-letter',
  'emergency-summary',
  'imaging-report',
];

/** A CDA document and what its DocumentReference says of it. */
export interface SampleCda {
  readonly kind: CdaKind;
  /** The DSP document type its LOINC code maps to. */
  readonly typeCode: string;
  /** The document's LOINC code (`ClinicalDocument/code`). */
  readonly loinc: string;
  readonly title: string;
  /** `DocumentReference.content.format`: the IHE format code. */
  readonly format: Coding;
  readonly contentType: 'text/xml';
  /** BCP 47, as `Attachment.language`. */
  readonly language: 'fr' | 'de';
  readonly bytes: Uint8Array;
}

// --- Times around a document's --------------------------------------------------------------

/** An instant moved by some minutes, keeping its offset (for the times around a document's). */
function shifted(instant: string, minutes: number): string {
  const offset = /([+-]\d{2}:\d{2}|Z)$/.exec(instant)?.[1] ?? 'Z';
  const sign = offset === 'Z' ? 0 : offset.startsWith('-') ? -1 : 1;
  const offsetMinutes =
    offset === 'Z' ? 0 : sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  const local = new Date(Date.parse(instant) + (minutes + offsetMinutes) * 60_000);
  return `${local.toISOString().slice(0, 19)}${offset === 'Z' ? 'Z' : offset}`;
}

/** `2026-10-02T09:15:00+02:00` → `20261002091500+02'00'` (a PDF date, without its `D:`). */
function pdfDate(instant: string): string {
  const value = ts(instant);
  return `${value.slice(0, 15)}${value.slice(15, 17)}'${value.slice(17, 19)}'`;
}

// --- Lab report (IHE XD-LAB) ------------------------------------------------------------------

interface LabResult {
  readonly id: string;
  readonly loinc: string;
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly low: number;
  readonly high: number;
  /** Written with a decimal comma in the narrative. */
  readonly decimals: number;
}

const HAEMATOLOGY: readonly LabResult[] = [
  {
    id: 'hb',
    loinc: '718-7',
    name: 'Hémoglobine',
    value: 13.8,
    unit: 'g/dL',
    low: 12,
    high: 16,
    decimals: 1,
  },
  {
    id: 'leuco',
    loinc: '6690-2',
    name: 'Leucocytes',
    value: 6.2,
    unit: '10*9/L',
    low: 4,
    high: 10,
    decimals: 1,
  },
  {
    id: 'plaq',
    loinc: '777-3',
    name: 'Plaquettes',
    value: 245,
    unit: '10*9/L',
    low: 150,
    high: 400,
    decimals: 0,
  },
];

const CHEMISTRY: readonly LabResult[] = [
  {
    id: 'gly',
    loinc: '1558-6',
    name: 'Glycémie à jeun',
    value: 0.92,
    unit: 'g/L',
    low: 0.7,
    high: 1.1,
    decimals: 2,
  },
  {
    id: 'chol',
    loinc: '2093-3',
    name: 'Cholestérol total',
    value: 2.41,
    unit: 'g/L',
    low: 1.5,
    high: 2,
    decimals: 2,
  },
  {
    id: 'ldl',
    loinc: '13457-7',
    name: 'Cholestérol LDL',
    value: 1.68,
    unit: 'g/L',
    low: 0.5,
    high: 1.6,
    decimals: 2,
  },
  {
    id: 'hdl',
    loinc: '2085-9',
    name: 'Cholestérol HDL',
    value: 0.52,
    unit: 'g/L',
    low: 0.4,
    high: 0.9,
    decimals: 2,
  },
  {
    id: 'ferr',
    loinc: '2276-4',
    name: 'Ferritine',
    value: 11,
    unit: 'ug/L',
    low: 15,
    high: 150,
    decimals: 0,
  },
];

/** H or L by the reference range, or nothing when within it. */
function interpretation(result: LabResult): 'H' | 'L' | undefined {
  return result.value > result.high ? 'H' : result.value < result.low ? 'L' : undefined;
}

const frenchNumber = (value: number, decimals: number) => value.toFixed(decimals).replace('.', ',');

function labSection(title: string, loinc: string, results: readonly LabResult[], date: string) {
  const rows = results.map((r) => {
    const flag = interpretation(r);
    const style =
      flag === 'H' ? ' styleCode="xHigh Bold"' : flag === 'L' ? ' styleCode="xLow Bold"' : '';
    return [
      x(r.name),
      `<content ID="res-${r.id}"${style}>${frenchNumber(r.value, r.decimals)}</content>`,
      x(r.unit),
      `${frenchNumber(r.low, r.decimals)} – ${frenchNumber(r.high, r.decimals)}`,
      flag === 'H' ? 'Élevé' : flag === 'L' ? 'Bas' : 'Normal',
    ];
  });
  const observations = results
    .map((r) => {
      const flag = interpretation(r) ?? 'N';
      return (
        '<component><observation classCode="OBS" moodCode="EVN">' +
        '<templateId root="1.3.6.1.4.1.19376.1.3.1.6"/>' +
        `<code code="${r.loinc}" codeSystem="${LOINC_OID}" codeSystemName="LOINC" displayName="${x(r.name)}"/>` +
        `<text><reference value="#res-${r.id}"/></text>` +
        `<statusCode code="completed"/><effectiveTime value="${ts(date)}"/>` +
        `<value xsi:type="PQ" value="${r.value}" unit="${x(r.unit)}"/>` +
        `<interpretationCode code="${flag}" codeSystem="2.16.840.1.113883.5.83"/>` +
        `<referenceRange><observationRange><value xsi:type="IVL_PQ"><low value="${r.low}" unit="${x(r.unit)}"/><high value="${r.high}" unit="${x(r.unit)}"/></value></observationRange></referenceRange>` +
        '</observation></component>'
      );
    })
    .join('');
  return {
    templateId: '1.3.6.1.4.1.19376.1.3.3.2.1',
    loinc,
    title,
    text: table(['Analyse', 'Résultat', 'Unité', 'Valeurs de référence', 'Interprétation'], rows),
    entries: [
      '<act classCode="ACT" moodCode="EVN"><templateId root="1.3.6.1.4.1.19376.1.3.1"/>' +
        `<code code="${loinc}" codeSystem="${LOINC_OID}"/><statusCode code="completed"/>` +
        '<entryRelationship typeCode="COMP"><organizer classCode="BATTERY" moodCode="EVN">' +
        `<statusCode code="completed"/><effectiveTime value="${ts(date)}"/>${observations}` +
        '</organizer></entryRelationship></act>',
    ],
  } satisfies Section;
}

function labReport(context: CdaContext): DocumentParts {
  const sampled = shifted(context.date, -24 * 60);
  return {
    care: { service: { from: sampled, to: context.date } },
    body: structuredBody([
      labSection('Hématologie', '18723-7', HAEMATOLOGY, sampled),
      labSection('Biochimie', '18719-5', CHEMISTRY, sampled),
      {
        loinc: '48767-8',
        title: 'Commentaire du biologiste',
        text:
          '<paragraph>Hypercholestérolémie (LDL <content styleCode="Bold">1,68 g/L</content>) et ' +
          'ferritine basse, évocatrice d’une carence martiale débutante. À confronter à la clinique.</paragraph>',
      },
    ]),
  };
}

// --- Patient summary (IHE PCC XPHR) -----------------------------------------------------------

/** An adult with type 2 diabetes (Tom in the fixtures; anyone in a generated dataset). */
const DIABETES_SUMMARY: readonly Section[] = [
  {
    templateId: '1.3.6.1.4.1.19376.1.5.3.1.3.13',
    loinc: '48765-2',
    title: 'Allergies et intolérances',
    text: table(
      ['Agent', 'Réaction', 'Sévérité', 'Depuis'],
      [
        [
          'Pénicilline',
          'Urticaire généralisée',
          '<content styleCode="Bold">Modérée</content>',
          '2009',
        ],
        ['Pollens de graminées', 'Rhinite saisonnière', 'Légère', '1995'],
      ],
    ),
  },
  {
    templateId: '1.3.6.1.4.1.19376.1.5.3.1.3.6',
    loinc: '11450-4',
    title: 'Problèmes actifs',
    text: table(
      ['Problème', 'Début', 'Statut'],
      [
        ['Diabète de type 2', '2019', 'Actif'],
        ['Hypercholestérolémie', '2026', 'Actif'],
      ],
    ),
  },
  {
    templateId: '1.3.6.1.4.1.19376.1.5.3.1.3.19',
    loinc: '10160-0',
    title: 'Traitements en cours',
    text: table(
      ['Médicament', 'Posologie', 'Voie', 'Depuis'],
      [
        ['Metformine 850 mg', '1 comprimé matin et soir', 'Orale', '2019'],
        ['Atorvastatine 20 mg', '1 comprimé le soir', 'Orale', '2026'],
      ],
    ),
  },
  {
    templateId: '1.3.6.1.4.1.19376.1.5.3.1.3.23',
    loinc: '11369-6',
    title: 'Vaccinations',
    text: table(
      ['Vaccin', 'Date', 'Rappel prévu'],
      [
        ['Diphtérie, tétanos, poliomyélite, coqueluche', '12/03/2019', '2029'],
        ['Grippe saisonnière', '15/10/2025', '2026'],
        ['COVID-19 (ARNm)', '04/11/2024', '—'],
      ],
    ),
  },
  {
    loinc: '11348-0',
    title: 'Antécédents',
    text: list(['Appendicectomie (1998).', 'Ancien fumeur, arrêt en 2015.']),
  },
];

/** A summary covers the patient's whole life so far. */
export function lifetime(context: CdaContext): Care {
  return { service: { from: context.patient.birthDate, to: context.date } };
}

function patientSummary(context: CdaContext): DocumentParts {
  return { care: lifetime(context), body: structuredBody(DIABETES_SUMMARY) };
}

// --- Discharge letter (IHE XDS-SD: a PDF in a level-1 body) -----------------------------------

function dischargePdf(context: CdaContext): Uint8Array {
  const { patient } = context;
  const name = `${patient.given} ${patient.family}`;
  const day = context.date.slice(0, 10).split('-').reverse().join('/');
  return textPdf(
    'Lettre de sortie',
    [
      {
        heading: 'Séjour',
        lines: [
          `Patient : ${name}, né(e) le ${patient.birthDate.split('-').reverse().join('/')}`,
          `Matricule : ${patient.matricule}`,
          `Service : ${context.organization.name}`,
          `Sortie le ${day}, retour à domicile.`,
        ],
      },
      {
        heading: 'Évolution et traitement de sortie',
        lines: [
          'Évolution favorable au cours du séjour, examens de contrôle rassurants.',
          'Traitement : paracétamol 1 g jusqu’à 3 fois par jour si douleur.',
          'Surveillance de la tension artérielle par le médecin traitant.',
        ],
      },
      {
        heading: 'Suivi',
        lines: [
          'Consultation chez le médecin traitant dans les 8 jours.',
          'Contrôle biologique (ionogramme, créatinine) dans 15 jours.',
          'Document fictif produit par DSP Kit - aucune donnée réelle.',
        ],
      },
    ],
    pdfDate(context.date),
  );
}

function dischargeLetter(context: CdaContext): DocumentParts {
  return {
    care: {
      service: { from: shifted(context.date, -5 * 24 * 60), to: context.date },
      encounter: { code: 'IMP', display: 'inpatient encounter' },
    },
    body: nonXmlBody('application/pdf', toBase64(dischargePdf(context))),
  };
}

// --- Emergency department summary (IHE PCC EDES, in German) -----------------------------------

function emergencySummary(context: CdaContext): DocumentParts {
  const arrived = shifted(context.date, -4 * 60);
  return {
    care: {
      service: { from: arrived, to: context.date },
      encounter: { code: 'EMER', display: 'emergency' },
    },
    body: structuredBody([
      {
        templateId: '1.3.6.1.4.1.19376.1.5.3.1.1.13.2.1',
        loinc: '10154-3',
        title: 'Hauptbeschwerde',
        text: '<paragraph>Thoraxschmerzen seit zwei Stunden, in Ruhe aufgetreten.</paragraph>',
      },
      {
        templateId: '1.3.6.1.4.1.19376.1.5.3.1.3.4',
        loinc: '10164-2',
        title: 'Aktuelle Anamnese',
        text:
          '<paragraph>Drückender retrosternaler Schmerz ohne Ausstrahlung, keine Dyspnoe. ' +
          'Kein Fieber, keine Übelkeit.</paragraph>',
      },
      {
        loinc: '8716-3',
        title: 'Vitalparameter',
        text: table(
          ['Parameter', 'Wert', 'Uhrzeit'],
          [
            [
              'Blutdruck',
              '<content ID="vs-bp" styleCode="xHigh">152/94 mmHg</content>',
              arrived.slice(11, 16),
            ],
            ['Herzfrequenz', '88/min', arrived.slice(11, 16)],
            ['Sauerstoffsättigung', '98 %', arrived.slice(11, 16)],
            ['Temperatur', '36,8 °C', arrived.slice(11, 16)],
          ],
        ),
      },
      {
        templateId: '1.3.6.1.4.1.19376.1.5.3.1.1.13.2.11',
        loinc: '29554-3',
        title: 'Maßnahmen',
        text: list([
          'EKG: Sinusrhythmus, keine ST-Veränderungen.',
          'Troponin T hs: 6 ng/L, nach drei Stunden 7 ng/L (unauffällig).',
          'Röntgen-Thorax: kein pathologischer Befund.',
        ]),
      },
      {
        templateId: '1.3.6.1.4.1.19376.1.5.3.1.1.13.2.9',
        loinc: '11301-9',
        title: 'Diagnose',
        text: '<paragraph>Thoraxschmerz, nicht kardial bedingt (ICD-10 R07.4).</paragraph>',
      },
      {
        loinc: '11302-7',
        title: 'Weiteres Vorgehen',
        text:
          '<paragraph>Entlassung nach Hause. Kardiologische Abklärung mit Echokardiographie ' +
          'ambulant empfohlen; Blutdruckkontrolle beim Hausarzt.</paragraph>',
      },
    ]),
  };
}

// --- Imaging report (HL7 DIR, with a link to the images) -------------------------------------

/** Where the study's images open: an image viewer of the hospital (a made-up, reserved domain). */
function viewerUrl(context: CdaContext): string {
  return `https://pacs.${context.organization.id}.example.lu/viewer?study=${context.uuid}`;
}

function imagingReport(context: CdaContext): DocumentParts {
  return {
    care: { service: { from: shifted(context.date, -90), to: shifted(context.date, -45) } },
    body: structuredBody([
      {
        loinc: '55752-0',
        title: 'Indication',
        text: '<paragraph>Douleurs thoraciques atypiques ; recherche de cardiomyopathie.</paragraph>',
      },
      {
        loinc: '55111-9',
        title: 'Technique',
        text:
          '<paragraph>IRM 1,5 T, séquences ciné SSFP en petit axe et quatre cavités, ' +
          'rehaussement tardif après gadolinium (0,1 mmol/kg).</paragraph>',
      },
      {
        loinc: '59776-5',
        title: 'Résultats',
        text: table(
          ['Mesure', 'Valeur', 'Valeurs normales'],
          [
            ['FEVG', '61 %', '57 – 77 %'],
            ['Volume télédiastolique VG indexé', '78 mL/m²', '62 – 96 mL/m²'],
            ['Rehaussement tardif', 'Absent', '—'],
          ],
        ),
      },
      {
        loinc: '19005-8',
        title: 'Conclusion',
        text:
          '<paragraph>Cœur de taille et de fonction normales, sans fibrose myocardique.</paragraph>' +
          `<paragraph>Images : <linkHtml href="${x(viewerUrl(context))}">ouvrir l’examen dans la visionneuse</linkHtml></paragraph>`,
      },
    ]),
  };
}

// --- The documents ----------------------------------------------------------------------------

/** What a document builder gives for one context: the care reported on and the body. */
interface DocumentParts {
  readonly care: Care;
  readonly body: string;
}

interface KindProfile {
  readonly typeCode: string;
  readonly format: string;
  readonly head: DocumentHead;
  readonly build: (context: CdaContext) => DocumentParts;
}

/** The header of an IHE PCC XPHR patient summary (HL7 CCD, IHE PCC medical summary, XPHR extract). */
export const XPHR_HEAD: DocumentHead = {
  templateIds: [
    '2.16.840.1.113883.10.20.1',
    '1.3.6.1.4.1.19376.1.5.3.1.1.1',
    '1.3.6.1.4.1.19376.1.5.3.1.1.5',
  ],
  loinc: '60591-5',
  displayName: 'Patient summary Document',
  title: 'Résumé patient',
  language: 'fr',
};

const PROFILES: Readonly<Record<CdaKind, KindProfile>> = {
  'lab-report': {
    typeCode: 'resultat-biologie',
    format: 'urn:ihe:lab:xd-lab:2008',
    head: {
      templateIds: ['1.3.6.1.4.1.19376.1.3.3'],
      loinc: '11502-2',
      displayName: 'Laboratory report',
      title: 'Compte rendu d’examens de biologie médicale',
      language: 'fr',
    },
    build: labReport,
  },
  'patient-summary': {
    typeCode: 'resume-patient',
    format: 'urn:ihe:pcc:xphr:2007',
    head: XPHR_HEAD,
    build: patientSummary,
  },
  'discharge-letter': {
    typeCode: 'cr-sejour-hospitalier',
    format: 'urn:ihe:iti:xds-sd:pdf:2008',
    head: {
      // IHE XDS-SD, scanned document.
      templateIds: ['1.3.6.1.4.1.19376.1.2.20'],
      loinc: '34112-3',
      displayName: 'Hospital Note',
      title: 'Lettre de sortie',
      language: 'fr',
    },
    build: dischargeLetter,
  },
  'emergency-summary': {
    typeCode: 'passage-urgences',
    format: 'urn:ihe:pcc:edes:2007',
    head: {
      // IHE PCC medical document, ED Physician Note.
      templateIds: ['1.3.6.1.4.1.19376.1.5.3.1.1.1', '1.3.6.1.4.1.19376.1.5.3.1.1.13.1.2'],
      loinc: '15507-7',
      displayName: 'Emergency department Note',
      title: 'Notaufnahmebericht',
      language: 'de',
    },
    build: emergencySummary,
  },
  'imaging-report': {
    typeCode: 'imagerie',
    format: 'urn:ihe:rad:CDA:ImagingReportStructuredHeadings:2013',
    head: {
      // HL7 CDA Diagnostic Imaging Report.
      templateIds: ['2.16.840.1.113883.10.20.6'],
      loinc: '18748-4',
      displayName: 'Diagnostic imaging study',
      title: 'IRM cardiaque — compte rendu',
      language: 'fr',
    },
    build: imagingReport,
  },
};

/** The CDA kind whose documents have this DSP type, if any. */
export function cdaKindOf(typeCode: string): CdaKind | undefined {
  return CDA_KINDS.find((kind) => PROFILES[kind].typeCode === typeCode);
}

const encoder = new TextEncoder();

/** A CDA document of this kind for this patient, author and date. */
export function sampleCda(kind: CdaKind, context: CdaContext): SampleCda {
  const { typeCode, format, head, build } = PROFILES[kind];
  const { care, body } = build(context);
  return {
    kind,
    typeCode,
    loinc: head.loinc,
    title: head.title,
    format: { system: FORMAT_CODE_SYSTEM, code: format },
    contentType: 'text/xml',
    language: head.language,
    bytes: encoder.encode(clinicalDocument(context, head, care, body)),
  };
}
