// An uploaded document end to end: the uploader's submission, sent by DspClient to the mock
// server, found again by a search, keeps its act date and its author's name, and the viewer's
// list dates it by its act, not by its filing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DspClient, sha1Base64 } from '@dsp-kit/fhir';
import { createDspServer, fixtures } from '@dsp-kit/mock';
import { createItem } from '../src/document-uploader/upload-item.js';
import { submissionOf } from '../src/document-uploader/upload-send.js';
import { clinicalDate } from '../src/base/document-dates.js';
import { groupItems, prepare, sortDocuments } from '../src/document-viewer/document-list.js';

const { patients, users, documents } = fixtures;
const BASE = 'http://127.0.0.1:8787/fhir';

describe('an uploaded document', () => {
  it('keeps its act date and its author’s name, and is listed by its act date', async () => {
    const server = createDspServer({ baseUrl: BASE });
    const client = new DspClient({
      baseUrl: BASE,
      tokens: { getAccessToken: () => Promise.resolve(`mock:${users.weber}`) },
      retry: false,
      fetch: (input, init) => server.handle(new Request(input, init)),
    });
    const bytes = new TextEncoder().encode('Compte rendu opératoire\n');
    const item = createItem(
      new File([bytes], 'cr.txt'),
      { patientMode: false, language: 'fr' },
      { typeCode: 'cr-acte-therapeutique', title: 'Compte rendu opératoire', date: '2024-03-10' },
    );
    item.contentType = 'text/plain';
    item.hash = await sha1Base64(bytes);
    const filed = '2026-11-26T08:30:00Z';
    await client.provideDocuments(
      submissionOf(
        item,
        bytes,
        patients.marie.id,
        `Practitioner/${fixtures.practitioners.weber.id}`,
        filed,
        'Dr Paul Weber',
      ),
    );

    const page = await client.searchDocuments({ patient: patients.marie.id, _count: 100 });
    const uploaded = page.entries.find(
      (d) => d.content[0]?.attachment.title === 'Compte rendu opératoire',
    );
    assert.ok(uploaded);
    assert.equal(uploaded.date, filed);
    assert.deepEqual(uploaded.context?.period, { start: '2024-03-10' });
    assert.equal(uploaded.content[0]?.attachment.creation, '2024-03-10');
    assert.equal(uploaded.author?.[0]?.display, 'Dr Paul Weber');
    assert.equal(clinicalDate(uploaded), '2024-03-10');

    // Marie's documents are dated 2024-03-12 (the masked consultation) to 2026-11-02: filed last,
    // the operation report of 2024-03-10 is the oldest act, in the timeline's March 2024.
    const listed = sortDocuments(page.entries.map(prepare), '-date');
    assert.equal(listed.at(-1)?.document, uploaded);
    assert.equal(listed.at(-2)?.id, documents.masked.id);
    const timeline = groupItems(listed, 'timeline', '-date', new Set());
    const march = timeline.findIndex((i) => i.kind === 'group' && i.key === '2024-03');
    assert.deepEqual(timeline.slice(march), [
      { kind: 'group', key: '2024-03', count: 2, collapsed: false },
      listed.at(-2)!.item,
      listed.at(-1)!.item,
    ]);
  });
});
