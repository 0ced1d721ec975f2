// Patient summaries for the mock's fixture patients beyond the CDA ones of `sample-cda.ts`,
// shaped after published examples: an HL7 IPS document Bundle (as the IPS guide's examples
// `bundle-minimal` and `bundle-no-info-required-sections`: a Composition first, sections by LOINC
// code with a generated XHTML narrative, the resources they reference after it, `emptyReason`
// on a section known to be empty), an eHDSI patient summary CDA whose empty sections follow
// the eHDSI convention (an entry coded in the absent-or-unknown code system
// 2.16.840.1.113883.5.1150.1, or a section with `nullFlavor="NI"`), and an IHE PCC XPHR CDA
// whose sections carry IHE PCC's section templates.
import { MATRICULE_SYSTEM } from '@dsp-kit/fhir';
import { FORMAT_CODE_SYSTEM } from '@dsp-kit/fhir/provide';
import type { Coding } from '@medplum/fhirtypes';
import {
  clinicalDocument,
  list,
  structuredBody,
  table,
  x,
  type CdaContext,
  type Section,
} from './cda-document.js';
import { lifetime, XPHR_HEAD } from './sample-cda.js';

/** The kinds of summary made here. */
export type SummaryKind = 'ips' | 'ehdsi-empty' | 'xphr-asthma';

/** A summary and what its DocumentReference says of it. */
export interface SampleSummary {
  readonly kind: SummaryKind;
  /** Always the DSP type of patient summaries. */
  readonly typeCode: 'resume-patient';
  readonly contentType: 'application/fhir+json' | 'text/xml';
  readonly language: 'fr' | 'de';
  /** `DocumentReference.content.format`: IHE's IPS or XPHR format code, or epSOS's summary one. */
  readonly format: Coding;
  readonly bytes: Uint8Array;
}

const LOINC = 'http://loinc.org';
const SNOMED = 'http://snomed.info/sct';
const ATC = 'http://www.whocc.no/atc';
/** The eHDSI (and IPS CDA) absent-or-unknown code system. */
const ABSENT_UNKNOWN_OID = '2.16.840.1.113883.5.1150.1';

// --- FHIR IPS ---------------------------------------------------------------------------------

/** An XHTML narrative `div` from already-escaped inner markup. */
const div = (inner: string) => `<div xmlns="http://www.w3.org/1999/xhtml">${inner}</div>`;

function narrativeTable(headings: readonly string[], rows: readonly (readonly string[])[]): string {
  const cells = (row: readonly string[], tag: string) =>
    row.map((cell) => `<${tag}>${x(cell)}</${tag}>`).join('');
  return div(
    `<table><thead><tr>${cells(headings, 'th')}</tr></thead><tbody>${rows
      .map((row) => `<tr>${cells(row, 'td')}</tr>`)
      .join('')}</tbody></table>`,
  );
}

const concept = (system: string, code: string, display: string, text?: string) => ({
  coding: [{ system, code, display }],
  ...(text ? { text } : {}),
});

interface IpsSection {
  readonly title: string;
  readonly loinc: string;
  readonly display: string;
  readonly div: string;
  readonly resources: readonly Record<string, unknown>[];
  readonly emptyReason?: 'nilknown' | 'notasked' | 'unavailable';
}

/** Lucien's summary as a FHIR IPS document: a geriatric patient with a pacemaker. */
function ipsBundle(context: CdaContext): string {
  const { patient } = context;
  const uuid = (n: number) => `urn:uuid:${context.uuid.slice(0, -4)}${String(n).padStart(4, '0')}`;
  const subject = { reference: uuid(1) };
  const author = context.author;
  const sections: IpsSection[] = [
    {
      title: 'Allergies et intolérances',
      loinc: '48765-2',
      display: 'Allergies and adverse reactions Document',
      div: narrativeTable(
        ['Agent', 'Réaction', 'Criticité'],
        [['Produits de contraste iodés', 'Urticaire, dyspnée', 'Élevée']],
      ),
      resources: [
        {
          resourceType: 'AllergyIntolerance',
          clinicalStatus: concept(
            'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical',
            'active',
            'Active',
          ),
          type: 'allergy',
          criticality: 'high',
          code: concept(
            SNOMED,
            '293637006',
            'Allergy to contrast media',
            'Produits de contraste iodés',
          ),
          patient: subject,
          reaction: [
            { manifestation: [concept(SNOMED, '126485001', 'Urticaria', 'Urticaire, dyspnée')] },
          ],
        },
      ],
    },
    {
      title: 'Problèmes actifs',
      loinc: '11450-4',
      display: 'Problem list Reported',
      div: narrativeTable(
        ['Problème', 'Depuis'],
        [
          ['Insuffisance cardiaque chronique', '2021'],
          ['Fibrillation auriculaire', '2019'],
        ],
      ),
      resources: [
        {
          resourceType: 'Condition',
          code: concept(
            SNOMED,
            '48447003',
            'Chronic heart failure',
            'Insuffisance cardiaque chronique',
          ),
          subject,
          onsetDateTime: '2021',
        },
        {
          resourceType: 'Condition',
          code: concept(SNOMED, '49436004', 'Atrial fibrillation', 'Fibrillation auriculaire'),
          subject,
          onsetDateTime: '2019',
        },
      ],
    },
    {
      title: 'Traitements en cours',
      loinc: '10160-0',
      display: 'History of Medication use Narrative',
      div: narrativeTable(
        ['Médicament', 'Posologie'],
        [
          ['Apixaban 2,5 mg', '1 comprimé matin et soir'],
          ['Furosémide 40 mg', '1 comprimé le matin'],
        ],
      ),
      resources: [
        {
          resourceType: 'MedicationStatement',
          status: 'active',
          medicationCodeableConcept: concept(ATC, 'B01AF02', 'apixaban', 'Apixaban 2,5 mg'),
          subject,
          dosage: [{ text: '1 comprimé matin et soir' }],
        },
        {
          resourceType: 'MedicationStatement',
          status: 'active',
          medicationCodeableConcept: concept(ATC, 'C03CA01', 'furosemide', 'Furosémide 40 mg'),
          subject,
          dosage: [{ text: '1 comprimé le matin' }],
        },
      ],
    },
    {
      title: 'Vaccinations',
      loinc: '11369-6',
      display: 'History of Immunization Narrative',
      div: narrativeTable(
        ['Vaccin', 'Date'],
        [
          ['Grippe saisonnière', '14/10/2026'],
          ['Pneumocoque (VPC20)', '02/03/2024'],
        ],
      ),
      resources: [
        {
          resourceType: 'Immunization',
          status: 'completed',
          vaccineCode: concept(SNOMED, '1181000221105', 'Influenza vaccine', 'Grippe saisonnière'),
          patient: subject,
          occurrenceDateTime: '2026-10-14',
        },
        {
          resourceType: 'Immunization',
          status: 'completed',
          vaccineCode: concept(SNOMED, '836398006', 'Pneumococcal vaccine', 'Pneumocoque (VPC20)'),
          patient: subject,
          occurrenceDateTime: '2024-03-02',
        },
      ],
    },
    {
      title: 'Dispositifs médicaux et implants',
      loinc: '46264-8',
      display: 'History of medical device use',
      div: div('<ul><li>Stimulateur cardiaque double chambre, implanté le 12/05/2022</li></ul>'),
      resources: [
        {
          resourceType: 'DeviceUseStatement',
          status: 'active',
          subject,
          timingDateTime: '2022-05-12',
          device: { reference: uuid(90) },
        },
      ],
    },
    {
      title: 'Antécédents chirurgicaux',
      loinc: '47519-4',
      display: 'History of Procedures Document',
      div: div('<ul><li>Prothèse totale de hanche droite (2018)</li></ul>'),
      resources: [
        {
          resourceType: 'Procedure',
          status: 'completed',
          code: concept(
            SNOMED,
            '52734007',
            'Total replacement of hip',
            'Prothèse totale de hanche droite',
          ),
          subject,
          performedDateTime: '2018',
        },
      ],
    },
    {
      title: 'Directives anticipées',
      loinc: '42348-3',
      display: 'Advance healthcare directives',
      div: div(
        '<p>Souhaite ne pas être réanimé ; personne de confiance : sa fille Claire Wagner.</p>',
      ),
      resources: [],
    },
  ];
  let next = 10;
  const entries: Record<string, unknown>[] = [];
  const composition = {
    resourceType: 'Composition',
    id: context.uuid,
    status: 'final',
    type: concept(LOINC, '60591-5', 'Patient summary Document'),
    subject,
    date: context.date,
    author: [
      {
        reference: uuid(2),
        display: author ? `Dr ${author.given} ${author.family}` : context.organization.name,
      },
    ],
    title: 'Résumé patient (IPS)',
    confidentiality: 'N',
    custodian: { reference: uuid(3), display: context.organization.name },
    section: sections.map((section) => {
      const references = section.resources.map((resource) => {
        const fullUrl = uuid(next++);
        entries.push({ fullUrl, resource: { ...resource, id: fullUrl.slice(9) } });
        return { reference: fullUrl };
      });
      return {
        title: section.title,
        code: concept(LOINC, section.loinc, section.display),
        text: { status: 'generated', div: section.div },
        ...(references.length > 0 ? { entry: references } : {}),
        ...(section.emptyReason
          ? {
              emptyReason: concept(
                'http://terminology.hl7.org/CodeSystem/list-empty-reason',
                section.emptyReason,
                section.emptyReason,
              ),
            }
          : {}),
      };
    }),
  };
  const bundle = {
    resourceType: 'Bundle',
    language: 'fr-LU',
    identifier: { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${context.uuid}` },
    type: 'document',
    timestamp: context.date,
    entry: [
      { fullUrl: `urn:uuid:${context.uuid}`, resource: composition },
      {
        fullUrl: uuid(1),
        resource: {
          resourceType: 'Patient',
          id: uuid(1).slice(9),
          identifier: [{ system: MATRICULE_SYSTEM, value: patient.matricule }],
          name: [{ family: patient.family, given: [patient.given] }],
          gender: patient.gender,
          birthDate: patient.birthDate,
        },
      },
      ...(author
        ? [
            {
              fullUrl: uuid(2),
              resource: {
                resourceType: 'Practitioner',
                id: uuid(2).slice(9),
                name: [{ family: author.family, given: [author.given], prefix: ['Dr'] }],
              },
            },
          ]
        : []),
      {
        fullUrl: uuid(3),
        resource: {
          resourceType: 'Organization',
          id: uuid(3).slice(9),
          name: context.organization.name,
        },
      },
      {
        fullUrl: uuid(90),
        resource: {
          resourceType: 'Device',
          id: uuid(90).slice(9),
          type: concept(
            SNOMED,
            '706004007',
            'Implantable cardiac pacemaker',
            'Stimulateur cardiaque double chambre',
          ),
          patient: subject,
        },
      },
      ...entries,
    ],
  };
  return JSON.stringify(bundle, null, 2);
}

// --- eHDSI patient summary with empty sections ------------------------------------------------

/** An entry coded in the absent-or-unknown code system, as the eHDSI value sets give it. */
function absentEntry(code: string, display: string): string {
  return (
    '<act classCode="ACT" moodCode="EVN"><code nullFlavor="NA"/><statusCode code="active"/>' +
    '<entryRelationship typeCode="SUBJ"><observation classCode="OBS" moodCode="EVN">' +
    `<code code="${code}" codeSystem="${ABSENT_UNKNOWN_OID}" displayName="${x(display)}"/>` +
    '<statusCode code="completed"/></observation></entryRelationship></act>'
  );
}

/** A patient summary whose sections say "none" or "not known", as eHDSI writes them. */
function ehdsiEmpty(context: CdaContext): string {
  const sections: Section[] = [
    // The problems section has no information at all: eHDSI's section-level null flavour.
    {
      nullFlavor: 'NI',
      loinc: '11450-4',
      title: 'Problèmes actifs',
      text: 'Pas d’information.',
    },
    {
      loinc: '48765-2',
      title: 'Allergies et intolérances',
      text: '<paragraph>Aucune allergie connue.</paragraph>',
      entries: [absentEntry('no-known-allergies', 'No known allergies')],
    },
    {
      loinc: '10160-0',
      title: 'Traitements en cours',
      text: '<paragraph>Aucun traitement en cours.</paragraph>',
      entries: [absentEntry('no-known-medications', 'No known medications')],
    },
    {
      loinc: '11369-6',
      title: 'Vaccinations',
      text: '<paragraph>Historique vaccinal inconnu.</paragraph>',
      entries: [absentEntry('no-immunization-info', 'No information about immunizations')],
    },
  ];
  // The eHDSI patient summary's document template (friendly and pivot).
  const head = { ...XPHR_HEAD, templateIds: ['1.3.6.1.4.1.12559.11.10.1.3.1.1.3'] };
  return clinicalDocument(context, head, lifetime(context), structuredBody(sections));
}

// --- IHE PCC XPHR summary of a young adult with asthma -----------------------------------------

/**
 * A mild intermittent asthma with a dust-mite allergy, as a general practitioner sums it up: the
 * IHE PCC sections (allergies, problems, medication, immunizations) as the XPHR extract orders
 * them, then history and advance directives.
 */
function xphrAsthma(context: CdaContext): string {
  const sections: Section[] = [
    {
      templateId: '1.3.6.1.4.1.19376.1.5.3.1.3.13',
      loinc: '48765-2',
      title: 'Allergies et intolérances',
      text: table(
        ['Agent', 'Réaction', 'Sévérité', 'Depuis'],
        [['Acariens (Dermatophagoides pteronyssinus)', 'Rhinite, toux nocturne', 'Légère', '2004']],
      ),
    },
    {
      templateId: '1.3.6.1.4.1.19376.1.5.3.1.3.6',
      loinc: '11450-4',
      title: 'Problèmes actifs',
      text: table(
        ['Problème', 'Début', 'Statut'],
        [
          ['Asthme léger intermittent', '2004', 'Actif'],
          ['Rhinite allergique aux acariens', '2004', 'Actif'],
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
          [
            'Salbutamol 100 µg/dose, suspension pour inhalation',
            '1 à 2 bouffées à la demande, en cas de gêne respiratoire',
            'Inhalée',
            '2004',
          ],
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
          ['Grippe saisonnière', '20/10/2025', '2026'],
          ['Diphtérie, tétanos, coqueluche', '05/04/2018', '2028'],
        ],
      ),
    },
    {
      loinc: '11348-0',
      title: 'Antécédents',
      text: list(['Amygdalectomie (1986).', 'Non-fumeuse.']),
    },
    {
      loinc: '42348-3',
      title: 'Directives anticipées',
      text: '<paragraph>Rédigées par la patiente en novembre 2024, dans son dossier.</paragraph>',
    },
  ];
  return clinicalDocument(context, XPHR_HEAD, lifetime(context), structuredBody(sections));
}

const encoder = new TextEncoder();

/** What each kind is and how it is made. */
const KINDS: Readonly<
  Record<
    SummaryKind,
    Omit<SampleSummary, 'kind' | 'bytes'> & { build: (context: CdaContext) => string }
  >
> = {
  ips: {
    typeCode: 'resume-patient',
    contentType: 'application/fhir+json',
    language: 'fr',
    format: { system: FORMAT_CODE_SYSTEM, code: 'urn:ihe:pcc:ips:2020' },
    build: ipsBundle,
  },
  'ehdsi-empty': {
    typeCode: 'resume-patient',
    contentType: 'text/xml',
    language: 'fr',
    format: { system: FORMAT_CODE_SYSTEM, code: 'urn:epSOS:ps:ps:2010' },
    build: ehdsiEmpty,
  },
  'xphr-asthma': {
    typeCode: 'resume-patient',
    contentType: 'text/xml',
    language: 'fr',
    format: { system: FORMAT_CODE_SYSTEM, code: 'urn:ihe:pcc:xphr:2007' },
    build: xphrAsthma,
  },
};

/** A patient summary of this kind for this patient, author and date. */
export function sampleSummary(kind: SummaryKind, context: CdaContext): SampleSummary {
  const { build, ...profile } = KINDS[kind];
  return { kind, ...profile, bytes: encoder.encode(build(context)) };
}
