// The agency's statistics table (eSanté presentation, 2017) as typed data: the cumulative count of
// each DSP document type in all DSPs at seven dates, October 2015 to March 2017.

// Copied from test/fixtures/document-counts-2015-2017.json because the mock never reads files at
// run time; seed-2017.node.test.ts keeps the two equal.

/** The table's dates (months); each count is the cumulative total at that month. */
export const SEED_2017_DATES = [
  '2015-10',
  '2016-01',
  '2016-04',
  '2016-07',
  '2016-10',
  '2017-01',
  '2017-03',
] as const;

export type Seed2017Date = (typeof SEED_2017_DATES)[number];

/** Seven cumulative counts, one per date of {@link SEED_2017_DATES}. */
export type SeedCounts = readonly [number, number, number, number, number, number, number];

/** One row of the table: a DSP document type and its counts. */
export interface Seed2017Row {
  /** Code in `DOCUMENT_TYPE_SYSTEM` (the type whose `labels.fr` is {@link labelFr}). */
  readonly code: string;
  /** The French label, exactly as the agency's table prints it. */
  readonly labelFr: string;
  readonly counts: SeedCounts;
}

export interface Seed2017Table {
  /** The seed document the table was read from. */
  readonly source: string;
  readonly meaning: string;
  readonly dates: typeof SEED_2017_DATES;
  /** The 27 types, in the table's (alphabetical) order. */
  readonly rows: readonly Seed2017Row[];
  /** The table's total row: the column sums. */
  readonly total: SeedCounts;
}

export const seed2017: Seed2017Table = {
  source: '000_9da00c635070b30b.txt',
  meaning:
    "number of documents of each type in all DSPs at each date (cumulative, as the presentation's table)",
  dates: SEED_2017_DATES,
  rows: [
    {
      code: 'allergies',
      labelFr: 'Allergies intolérances reconnues',
      counts: [3, 3, 3, 3, 3, 3, 3],
    },
    {
      code: 'antecedents-familiaux',
      labelFr: 'Antécédents familiaux',
      counts: [2, 2, 2, 2, 2, 2, 2],
    },
    {
      code: 'antecedents-medicaux',
      labelFr: 'Antécédents médicaux et chirurgicaux',
      counts: [5, 5, 5, 5, 20, 31, 32],
    },
    { code: 'bilan-autonomie', labelFr: "Bilan d'autonomie", counts: [1, 1, 1, 1, 1, 1, 1] },
    { code: 'bilan-fonctionnel', labelFr: 'Bilan fonctionnel', counts: [1, 1, 1, 1, 1, 1, 1] },
    {
      code: 'cr-acte-diagnostique',
      labelFr: "CR d'actes diagnostiques",
      counts: [1, 1, 3, 56, 720, 1223, 1366],
    },
    {
      code: 'cr-acte-therapeutique',
      labelFr: "CR d'actes thérapeutiques",
      counts: [1, 1, 1, 1, 6, 7, 7],
    },
    {
      code: 'cr-acte-preventif',
      labelFr: "CR d'actes à visée préventive",
      counts: [1, 1, 1081, 1081, 1081, 1082, 1082],
    },
    { code: 'cr-administration', labelFr: "CR d'administration", counts: [1, 1, 1, 1, 1, 2, 2] },
    {
      code: 'cr-sejour-hospitalier',
      labelFr: 'CR de séjours hospitaliers et lettres de sorties',
      counts: [1, 1, 1, 4, 30, 106, 120],
    },
    {
      code: 'carnet-soins-palliatifs',
      labelFr: 'Carnet soins palliatifs',
      counts: [1, 1, 1, 1, 1, 1, 1],
    },
    {
      code: 'certificat-medical',
      labelFr: 'Certificats médicaux',
      counts: [2, 2, 2, 2, 419, 1254, 1710],
    },
    { code: 'education', labelFr: 'Education', counts: [3, 3, 3, 3, 3, 3, 3] },
    {
      code: 'expression-titulaire',
      labelFr: 'Expression du titulaire',
      counts: [58, 117, 136, 165, 177, 214, 220],
    },
    {
      code: 'facteurs-risque',
      labelFr: 'Facteurs de risques individuels',
      counts: [2, 2, 2, 2, 2, 2, 2],
    },
    {
      code: 'imagerie',
      labelFr: 'Images radiologiques ou autres imageries médicales',
      counts: [2, 2, 2, 104, 347, 562, 646],
    },
    {
      code: 'protheses-appareillages',
      labelFr: 'Prothèses et appareillages',
      counts: [7, 7, 7, 7, 7, 7, 7],
    },
    { code: 'rapport-medical', labelFr: 'Rapports médicaux', counts: [3, 6, 6, 8, 26, 50, 52] },
    {
      code: 'resultat-biologie',
      labelFr: "Résultats d'examens biologiques",
      counts: [0, 0, 0, 0, 74, 388, 541],
    },
    {
      code: 'passage-urgences',
      labelFr: 'Résumé de Passage aux Urgences',
      counts: [3, 3, 3, 4, 9, 28, 33],
    },
    {
      code: 'resume-soins',
      labelFr: 'Résumé des soins / Fiche de liaison de soins',
      counts: [0, 0, 0, 6, 8, 16, 17],
    },
    {
      code: 'resume-patient',
      labelFr: 'Résumés patients',
      counts: [16, 23, 25, 2405, 4525, 6708, 8184],
    },
    {
      code: 'schema-therapeutique',
      labelFr: 'Schéma thérapeutique',
      counts: [0, 0, 0, 0, 1, 1, 1],
    },
    {
      code: 'suivi-pluridisciplinaire',
      labelFr: 'Suivi de soins et actes pluridisciplinaires',
      counts: [1, 1, 1, 1, 2, 2, 2],
    },
    {
      code: 'traitements-medicamenteux',
      labelFr: 'Traitements médicamenteux',
      counts: [1, 2, 6, 18, 23, 28, 28],
    },
    {
      code: 'traitements-prescrits',
      labelFr: 'Traitements médicaux prescrits',
      counts: [1, 1, 1, 3, 4, 5, 5],
    },
    {
      code: 'traitements-preventifs',
      labelFr: 'Traitements préventifs prescrits ou administrés',
      counts: [1, 1, 2, 2, 2, 2, 2],
    },
  ],
  total: [118, 188, 1296, 3886, 7495, 11729, 14070],
};
