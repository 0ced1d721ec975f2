// Realistic CDA R2 documents for the mock, built for a given patient and author: a lab report
// (XD-LAB), a patient summary (PCC XPHR), a discharge letter (XDS-SD, a PDF in a level-1 body),
// an emergency department summary (PCC EDES, in German) and an imaging report with a viewer link.
import { MATRICULE_SYSTEM } from '@dsp-kit/fhir';
import { FORMAT_CODE_SYSTEM } from '@dsp-kit/fhir/provide';
import type { Coding } from '@medplum/fhirtypes';
import { textPdf, toBase64 } from './sample-files.js';

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

/** Who the document is about, as the DSP knows them. */
export interface CdaPatient {
  readonly matricule: string;
  readonly given: string;
  readonly family: string;
  /** `YYYY-MM-DD`. */
  readonly birthDate: string;
  readonly gender: 'male' | 'female' | 'other' | 'unknown';
}

/** The professional who wrote and signed the document. */
export interface CdaAuthor {
  /** The professional's id in the DSP. */
  readonly id: string;
  readonly given: string;
  readonly family: string;
  readonly prefix?: string;
}

export interface CdaOrganization {
  readonly id: string;
  readonly name: string;
}

export interface CdaContext {
  /** The document's unique id, a UUID: also its `DocumentReference.masterIdentifier`. */
  readonly uuid: string;
  readonly patient: CdaPatient;
  /** The professional who wrote and signed it; none when the organisation issued it itself. */
  readonly author?: CdaAuthor;
  readonly organization: CdaOrganization;
  /** When the document was written, a FHIR instant with its offset. */
  readonly date: string;
}

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

// --- Identifiers ------------------------------------------------------------------------------

const LOINC = '2.16.840.1.113883.6.1';
/**
 * Identifiers of the mock's professionals and organisations: under 2.999, the arc ITU-T X.660
 * keeps for examples, since these are no real registries.
 */
const PROFESSIONAL_ROOT = '2.999.442.1';
const ORGANIZATION_ROOT = '2.999.442.2';
/** The agency keeping the shared record: the documents' custodian. */
const AGENCY = { id: 'agence-esante', name: 'Agence eSanté' };
/**
 * The matricule's root: the agency publishes no OID for it, so the kit's naming system, which is
 * also the root the kit's CDA renderer recognises as the matricule by default.
 */
const MATRICULE_ROOT = MATRICULE_SYSTEM;

// --- XML --------------------------------------------------------------------------------------

/** Text escaped for XML content and attribute values. */
export function x(text: string): string {
  return text.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c,
  );
}

/** `2026-10-02T09:15:00+02:00` → `20261002091500+0200` (HL7 TS). */
export function ts(instant: string): string {
  const match =
    /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:\d{2}))?$/.exec(
      instant,
    );
  if (!match) throw new RangeError(`Not a FHIR date or instant: ${JSON.stringify(instant)}`);
  const [, y, mo, d, h, mi, s, zone] = match;
  if (h === undefined) return `${y}${mo}${d}`;
  const offset = zone === 'Z' || zone === undefined ? '+0000' : zone.replace(':', '');
  return `${y}${mo}${d}${h}${mi}${s ?? '00'}${offset}`;
}

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

const GENDER: Readonly<Record<CdaPatient['gender'], string>> = {
  female: 'F',
  male: 'M',
  other: 'UN',
  unknown: 'UN',
};

function personName(person: { given: string; family: string; prefix?: string }): string {
  const prefix = person.prefix ? `<prefix>${x(person.prefix)}</prefix>` : '';
  return `<name>${prefix}<given>${x(person.given)}</given><family>${x(person.family)}</family></name>`;
}

function organization(org: CdaOrganization, element = 'representedOrganization'): string {
  return `<${element}><id root="${ORGANIZATION_ROOT}" extension="${x(org.id)}"/><name>${x(org.name)}</name></${element}>`;
}

/**
 * The author or signer: the professional with their organisation, or, for a document the
 * organisation issues itself (a laboratory's results), the organisation alone.
 */
function assigned(context: CdaContext, element: 'assignedAuthor' | 'assignedEntity'): string {
  const { author } = context;
  const id = author
    ? `<id root="${PROFESSIONAL_ROOT}" extension="${x(author.id)}"/>`
    : `<id root="${ORGANIZATION_ROOT}" extension="${x(context.organization.id)}"/>`;
  const person = author ? `<assignedPerson>${personName(author)}</assignedPerson>` : '';
  return `<${element}>${id}${person}${organization(context.organization)}</${element}>`;
}

export interface Header {
  readonly templateIds: readonly string[];
  readonly loinc: string;
  readonly displayName: string;
  readonly title: string;
  readonly language: 'fr-LU' | 'de-LU';
  /** The care the document reports on (`documentationOf/serviceEvent`). */
  readonly service: { readonly from: string; readonly to: string };
  /** An encounter the document belongs to (`componentOf`): its code in v3 ActCode. */
  readonly encounter?: { readonly code: string; readonly display: string };
}

/** The header every document here shares, down to the opening `<component>`. */
export function header(context: CdaContext, head: Header): string {
  const { patient } = context;
  const time = ts(context.date);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    '<realmCode code="LU"/>',
    '<typeId root="2.16.840.1.113883.1.3" extension="POCD_HD000040"/>',
    ...head.templateIds.map((root) => `<templateId root="${root}"/>`),
    `<id root="${context.uuid.toUpperCase()}"/>`,
    `<code code="${head.loinc}" codeSystem="${LOINC}" codeSystemName="LOINC" displayName="${x(head.displayName)}"/>`,
    `<title>${x(head.title)}</title>`,
    `<effectiveTime value="${time}"/>`,
    '<confidentialityCode code="N" codeSystem="2.16.840.1.113883.5.25"/>',
    `<languageCode code="${head.language}"/>`,
    `<setId root="${context.uuid.toUpperCase()}"/>`,
    '<versionNumber value="1"/>',
    '<recordTarget><patientRole>',
    `<id root="${MATRICULE_ROOT}" extension="${x(patient.matricule)}"/>`,
    `<patient>${personName(patient)}`,
    `<administrativeGenderCode code="${GENDER[patient.gender]}" codeSystem="2.16.840.1.113883.5.1"/>`,
    `<birthTime value="${ts(patient.birthDate)}"/></patient>`,
    '</patientRole></recordTarget>',
    `<author><time value="${time}"/>${assigned(context, 'assignedAuthor')}</author>`,
    `<custodian><assignedCustodian>${organization(AGENCY, 'representedCustodianOrganization')}</assignedCustodian></custodian>`,
    `<legalAuthenticator><time value="${time}"/><signatureCode code="S"/>${assigned(context, 'assignedEntity')}</legalAuthenticator>`,
    '<documentationOf><serviceEvent classCode="ACT"><effectiveTime>',
    `<low value="${ts(head.service.from)}"/><high value="${ts(head.service.to)}"/>`,
    '</effectiveTime></serviceEvent></documentationOf>',
    head.encounter
      ? '<componentOf><encompassingEncounter>' +
        `<id root="${ORGANIZATION_ROOT}.${x(context.organization.id)}" extension="${context.uuid.slice(0, 8)}"/>` +
        `<code code="${head.encounter.code}" codeSystem="2.16.840.1.113883.5.4" displayName="${x(head.encounter.display)}"/>` +
        `<effectiveTime><low value="${ts(head.service.from)}"/><high value="${ts(head.service.to)}"/></effectiveTime>` +
        `<location><healthCareFacility>${organization(context.organization, 'serviceProviderOrganization')}</healthCareFacility></location>` +
        '</encompassingEncounter></componentOf>'
      : '',
  ].join('\n');
}

export interface Section {
  readonly templateId?: string;
  readonly loinc: string;
  readonly title: string;
  /** The narrative block's content (already XML). */
  readonly text: string;
  readonly entries?: readonly string[];
}

function section(s: Section): string {
  return (
    '<component><section>' +
    (s.templateId ? `<templateId root="${s.templateId}"/>` : '') +
    `<code code="${s.loinc}" codeSystem="${LOINC}" codeSystemName="LOINC"/>` +
    `<title>${x(s.title)}</title><text>${s.text}</text>` +
    (s.entries ?? []).map((entry) => `<entry>${entry}</entry>`).join('') +
    '</section></component>'
  );
}

export function structured(head: string, sections: readonly Section[]): string {
  return `${head}\n<component><structuredBody>\n${sections.map(section).join('\n')}\n</structuredBody></component>\n</ClinicalDocument>\n`;
}

/** A narrative table: a header row, then rows of already-escaped cells. */
export function table(headings: readonly string[], rows: readonly (readonly string[])[]): string {
  const cells = (row: readonly string[], tag: string) =>
    row.map((cell) => `<${tag}>${cell}</${tag}>`).join('');
  return (
    `<table border="1" width="100%"><thead><tr>${cells(headings.map(x), 'th')}</tr></thead>` +
    `<tbody>${rows.map((row) => `<tr>${cells(row, 'td')}</tr>`).join('')}</tbody></table>`
  );
}

export function list(items: readonly string[]): string {
  return `<list>${items.map((item) => `<item>${x(item)}</item>`).join('')}</list>`;
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
        `<code code="${r.loinc}" codeSystem="${LOINC}" codeSystemName="LOINC" displayName="${x(r.name)}"/>` +
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
        `<code code="${loinc}" codeSystem="${LOINC}"/><statusCode code="completed"/>` +
        '<entryRelationship typeCode="COMP"><organizer classCode="BATTERY" moodCode="EVN">' +
        `<statusCode code="completed"/><effectiveTime value="${ts(date)}"/>${observations}` +
        '</organizer></entryRelationship></act>',
    ],
  } satisfies Section;
}

function labReport(context: CdaContext): string {
  const sampled = shifted(context.date, -24 * 60);
  return structured(
    header(context, {
      templateIds: ['1.3.6.1.4.1.19376.1.3.3'],
      loinc: '11502-2',
      displayName: 'Laboratory report',
      title: 'Compte rendu d’examens de biologie médicale',
      language: 'fr-LU',
      service: { from: sampled, to: context.date },
    }),
    [
      labSection('Hématologie', '18723-7', HAEMATOLOGY, sampled),
      labSection('Biochimie', '18719-5', CHEMISTRY, sampled),
      {
        loinc: '48767-8',
        title: 'Commentaire du biologiste',
        text:
          '<paragraph>Hypercholestérolémie (LDL <content styleCode="Bold">1,68 g/L</content>) et ' +
          'ferritine basse, évocatrice d’une carence martiale débutante. À confronter à la clinique.</paragraph>',
      },
    ],
  );
}

// --- Patient summary (IHE PCC XPHR) -----------------------------------------------------------

function patientSummary(context: CdaContext): string {
  return structured(
    header(context, {
      // HL7 CCD, IHE PCC medical summary, XPHR extract.
      templateIds: [
        '2.16.840.1.113883.10.20.1',
        '1.3.6.1.4.1.19376.1.5.3.1.1.1',
        '1.3.6.1.4.1.19376.1.5.3.1.1.5',
      ],
      loinc: '60591-5',
      displayName: 'Patient summary Document',
      title: 'Résumé patient',
      language: 'fr-LU',
      service: { from: context.patient.birthDate, to: context.date },
    }),
    [
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
    ],
  );
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

function dischargeLetter(context: CdaContext): string {
  const head = header(context, {
    // IHE XDS-SD, scanned document.
    templateIds: ['1.3.6.1.4.1.19376.1.2.20'],
    loinc: '34112-3',
    displayName: 'Hospital Note',
    title: 'Lettre de sortie',
    language: 'fr-LU',
    service: { from: shifted(context.date, -5 * 24 * 60), to: context.date },
    encounter: { code: 'IMP', display: 'inpatient encounter' },
  });
  return (
    `${head}\n<component><nonXMLBody>` +
    `<text mediaType="application/pdf" representation="B64">${toBase64(dischargePdf(context))}</text>` +
    '</nonXMLBody></component>\n</ClinicalDocument>\n'
  );
}

// --- Emergency department summary (IHE PCC EDES, in German) -----------------------------------

function emergencySummary(context: CdaContext): string {
  const arrived = shifted(context.date, -4 * 60);
  return structured(
    header(context, {
      // IHE PCC medical document, ED Physician Note.
      templateIds: ['1.3.6.1.4.1.19376.1.5.3.1.1.1', '1.3.6.1.4.1.19376.1.5.3.1.1.13.1.2'],
      loinc: '15507-7',
      displayName: 'Emergency department Note',
      title: 'Notaufnahmebericht',
      language: 'de-LU',
      service: { from: arrived, to: context.date },
      encounter: { code: 'EMER', display: 'emergency' },
    }),
    [
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
    ],
  );
}

// --- Imaging report (HL7 DIR, with a link to the images) -------------------------------------

/** Where the study's images open: an image viewer of the hospital (a made-up, reserved domain). */
function viewerUrl(context: CdaContext): string {
  return `https://pacs.${context.organization.id}.example.lu/viewer?study=${context.uuid}`;
}

function imagingReport(context: CdaContext): string {
  return structured(
    header(context, {
      // HL7 CDA Diagnostic Imaging Report.
      templateIds: ['2.16.840.1.113883.10.20.6'],
      loinc: '18748-4',
      displayName: 'Diagnostic imaging study',
      title: 'IRM cardiaque — compte rendu',
      language: 'fr-LU',
      service: { from: shifted(context.date, -90), to: shifted(context.date, -45) },
    }),
    [
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
    ],
  );
}

// --- The documents ----------------------------------------------------------------------------

interface KindProfile {
  readonly typeCode: string;
  readonly loinc: string;
  readonly title: string;
  readonly format: string;
  readonly language: 'fr' | 'de';
  readonly build: (context: CdaContext) => string;
}

const PROFILES: Readonly<Record<CdaKind, KindProfile>> = {
  'lab-report': {
    typeCode: 'resultat-biologie',
    loinc: '11502-2',
    title: 'Compte rendu d’examens de biologie médicale',
    format: 'urn:ihe:lab:xd-lab:2008',
    language: 'fr',
    build: labReport,
  },
  'patient-summary': {
    typeCode: 'resume-patient',
    loinc: '60591-5',
    title: 'Résumé patient',
    format: 'urn:ihe:pcc:xphr:2007',
    language: 'fr',
    build: patientSummary,
  },
  'discharge-letter': {
    typeCode: 'cr-sejour-hospitalier',
    loinc: '34112-3',
    title: 'Lettre de sortie',
    format: 'urn:ihe:iti:xds-sd:pdf:2008',
    language: 'fr',
    build: dischargeLetter,
  },
  'emergency-summary': {
    typeCode: 'passage-urgences',
    loinc: '15507-7',
    title: 'Notaufnahmebericht',
    format: 'urn:ihe:pcc:edes:2007',
    language: 'de',
    build: emergencySummary,
  },
  'imaging-report': {
    typeCode: 'imagerie',
    loinc: '18748-4',
    title: 'IRM cardiaque — compte rendu',
    format: 'urn:ihe:rad:CDA:ImagingReportStructuredHeadings:2013',
    language: 'fr',
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
  const profile = PROFILES[kind];
  return {
    kind,
    typeCode: profile.typeCode,
    loinc: profile.loinc,
    title: profile.title,
    format: { system: FORMAT_CODE_SYSTEM, code: profile.format },
    contentType: 'text/xml',
    language: profile.language,
    bytes: encoder.encode(profile.build(context)),
  };
}
