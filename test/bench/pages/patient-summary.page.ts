// Bench page: <dsp-patient-summary> on a summary of 300 entries (50 in each of the six sections
// the card shows first, each section's narrative a 50-row table), as a FHIR IPS Bundle and as a
// level-3 CDA, from an in-page client: the time from the card's connection to every section
// painted, the reader's first load included on the first run.
import '@dsp-kit/elements/define/dsp-patient-summary.js';
import { DspClient } from '@dsp-kit/fhir';
import { frame } from './measure.js';

const BASE = 'https://dsp.bench.invalid/fhir';
const ENTRIES_PER_SECTION = 50;
const SECTIONS = [
  ['48765-2', 'Allergies', 'AllergyIntolerance'],
  ['11450-4', 'Problèmes', 'Condition'],
  ['10160-0', 'Traitements', 'MedicationStatement'],
  ['11369-6', 'Vaccinations', 'Immunization'],
  ['46264-8', 'Dispositifs', 'DeviceUseStatement'],
  ['47519-4', 'Actes', 'Procedure'],
] as const;

const rowsOf = (name: string) =>
  Array.from({ length: ENTRIES_PER_SECTION }, (_, i) => [
    `${name} ${i + 1}`,
    `2026-01-${String((i % 28) + 1).padStart(2, '0')}`,
    'Actif',
  ]);

/** A 300-entry IPS document Bundle. */
function ipsBundle(): string {
  const entries: object[] = [];
  const sections = SECTIONS.map(([loinc, title, resourceType]) => {
    const rows = rowsOf(title);
    const references = rows.map(([name], i) => {
      const fullUrl = `urn:uuid:00000000-0000-4000-8000-${loinc.replace('-', '')}${String(i).padStart(5, '0')}`;
      entries.push({ fullUrl, resource: { resourceType, code: { text: name } } });
      return { reference: fullUrl };
    });
    const table = `<table><thead><tr><th>Élément</th><th>Date</th><th>Statut</th></tr></thead><tbody>${rows
      .map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`)
      .join('')}</tbody></table>`;
    return {
      title,
      code: { coding: [{ system: 'http://loinc.org', code: loinc }] },
      text: {
        status: 'generated',
        div: `<div xmlns="http://www.w3.org/1999/xhtml">${table}</div>`,
      },
      entry: references,
    };
  });
  return JSON.stringify({
    resourceType: 'Bundle',
    type: 'document',
    entry: [
      {
        fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000001',
        resource: {
          resourceType: 'Composition',
          status: 'final',
          title: 'Résumé patient',
          date: '2026-11-20T10:00:00+01:00',
          author: [{ display: 'Dr Paul Weber' }],
          section: sections,
        },
      },
      ...entries,
    ],
  });
}

/** The same 300 entries as a level-3 CDA. */
function cda(): string {
  const sections = SECTIONS.map(([loinc, title]) => {
    const rows = rowsOf(title);
    return `<component><section><code code="${loinc}" codeSystem="2.16.840.1.113883.6.1"/><title>${title}</title><text><table><thead><tr><th>Élément</th><th>Date</th><th>Statut</th></tr></thead><tbody>${rows
      .map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`)
      .join('')}</tbody></table></text>${rows
      .map(
        ([name]) =>
          `<entry><observation classCode="OBS" moodCode="EVN"><code code="x" displayName="${name}"/></observation></entry>`,
      )
      .join('')}</section></component>`;
  }).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><ClinicalDocument xmlns="urn:hl7-org:v3"><title>Résumé patient</title><effectiveTime value="20261120100000+0100"/><author><assignedAuthor><assignedPerson><name><given>Paul</given><family>Weber</family></name></assignedPerson></assignedAuthor></author><component><structuredBody>${sections}</structuredBody></component></ClinicalDocument>`;
}

const contents = { fhir: ipsBundle(), cda: cda() };
const types = { fhir: 'application/fhir+json', cda: 'text/xml' };

/** A server answering the card's search and the summary's content, at once. */
function server(format: 'fhir' | 'cda'): typeof fetch {
  return (input) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const body = url.pathname.endsWith('/Binary/summary')
      ? new Response(contents[format], { headers: { 'Content-Type': types[format] } })
      : new Response(
          JSON.stringify({
            resourceType: 'Bundle',
            type: 'searchset',
            total: 1,
            entry: [
              {
                search: { mode: 'match' },
                resource: {
                  resourceType: 'DocumentReference',
                  id: 'summary',
                  status: 'current',
                  date: '2026-11-20T10:00:00+01:00',
                  description: 'Résumé patient',
                  content: [{ attachment: { contentType: types[format], url: 'Binary/summary' } }],
                },
              },
            ],
          }),
          { headers: { 'Content-Type': 'application/fhir+json' } },
        );
    return Promise.resolve(body);
  };
}

/** Connection to every section painted, in ms. */
async function firstRender(format: 'fhir' | 'cda'): Promise<number> {
  const el = document.createElement('dsp-patient-summary');
  el.client = new DspClient({ baseUrl: BASE, retry: false, fetch: server(format) });
  el.patient = 'p';
  await frame();
  const started = performance.now();
  document.body.append(el);
  const rows = () => el.shadowRoot?.querySelectorAll('[part~="section"] tbody tr').length ?? 0;
  while (rows() < SECTIONS.length * ENTRIES_PER_SECTION) await frame();
  await frame();
  const elapsed = performance.now() - started;
  el.remove();
  return elapsed;
}

(window as unknown as { bench: { firstRender: typeof firstRender } }).bench = { firstRender };
