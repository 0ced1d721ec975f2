// Mock server speed: ITI-67 searches over 15,000 documents (median ≤ 10 ms) and generating
// 100,000 documents' metadata (≤ 5 s). Timings, so a benchmark, never a test.
import { performance } from 'node:perf_hooks';
import { createDspServer, fixtures, generateDataset } from '@dsp-kit/mock';

const BUDGET_SEARCH_MS = 10;
const BUDGET_GENERATE_MS = 5000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const startedGenerate = performance.now();
const large = generateDataset({ seed: 1, patients: 5000, documents: 100_000 });
const generateMs = performance.now() - startedGenerate;

const data = [
  ...fixtures.fixtureResources,
  ...generateDataset({ seed: 2, patients: 300, documents: 15_000 }),
];
const server = createDspServer({ baseUrl: 'http://127.0.0.1:8787/fhir', data });
const fixturePatients = new Set(Object.values(fixtures.patients).map((p) => p.id));
// Generated patients only: the fixtures include a closed DSP, which would answer 403.
const patientsWithDocuments = data
  .filter((r) => r.resourceType === 'Patient' && !fixturePatients.has(r.id ?? ''))
  .map((r) => r.id ?? '')
  .filter((id) => server.store.documentsOf(id).length > 0);

const queries = [
  (p: string) => `DocumentReference?patient=${p}`,
  (p: string) => `DocumentReference?patient=${p}&type=resume-patient&date=ge2018-01-01&_count=20`,
  (p: string) => `DocumentReference?patient=${p}&_sort=date&_count=100`,
  () => 'DocumentReference?_summary=count&type=certificat-medical&date=lt2020-01-01',
];
const timings: number[] = [];
for (let i = 0; i < 400; i++) {
  const query = queries[i % queries.length]!;
  const patient = patientsWithDocuments[i % patientsWithDocuments.length] ?? '';
  const user = i % queries.length === 3 ? fixtures.users.agency : fixtures.users.weber;
  const request = new Request(`http://127.0.0.1:8787/fhir/${query(patient)}`, {
    headers: { Authorization: `Bearer mock:${user}` },
  });
  const started = performance.now();
  const response = await server.handle(request);
  await response.arrayBuffer();
  timings.push(performance.now() - started);
  if (!response.ok) throw new Error(`${query(patient)} answered ${response.status}`);
  if (i % 50 === 0) server.store.reset(); // audit events accumulate; keep the store at 15,000 documents
}

const searchMs = median(timings);
const rows = [
  [
    'mock search over 15,000 documents (median of 400)',
    `${searchMs.toFixed(2)} ms`,
    `≤ ${BUDGET_SEARCH_MS} ms`,
    searchMs <= BUDGET_SEARCH_MS,
  ],
  [
    `generate 100,000 documents (${large.length} resources)`,
    `${generateMs.toFixed(0)} ms`,
    `≤ ${BUDGET_GENERATE_MS} ms`,
    generateMs <= BUDGET_GENERATE_MS,
  ],
] as const;
console.log('\nMock server speed (Node, this machine)\n');
for (const [name, value, budget, ok] of rows)
  console.log(`${name.padEnd(56)} ${value.padStart(10)}  ${ok ? 'within' : 'OVER'} ${budget}`);
if (rows.some((row) => !row[3])) process.exitCode = 1;
