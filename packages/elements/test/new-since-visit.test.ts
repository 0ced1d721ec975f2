// What is new since the last visit, in <dsp-document-viewer> and <dsp-status>, against the mock:
// two visits of one user, two users who never share their visits, and a sign-out that forgets.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { DocumentReference } from '@dsp-kit/fhir';
import { DspCache } from '@dsp-kit/fhir/cache';
import { fixtures } from '@dsp-kit/mock';
import { startSandbox, type Sandbox } from '@dsp-kit/mock/browser';
import type { DspDocumentViewer } from '../src/define/dsp-document-viewer.js';
import '../src/define/dsp-document-viewer.js';
import type { DspStatusBadge } from '../src/define/dsp-status.js';
import '../src/define/dsp-status.js';
import { lastVisit } from '../src/status/visits.js';
import { rowsSettled } from './rows-settled.js';
import { countingClient, part } from './status.helpers.js';
import './resize-observer-notice.js';

const { patients, users, documents } = fixtures;
let sandbox: Sandbox;
const caches: DspCache[] = [];

before(async () => {
  sandbox = await startSandbox();
});
afterEach(async () => {
  for (const cache of caches.splice(0)) cache.close();
  await DspCache.clearAll();
  await sandbox.reset();
});
after(() => sandbox.stop());

async function cacheOf(user: string): Promise<DspCache> {
  const cache = await DspCache.open({ server: sandbox.server.baseUrl, user });
  caches.push(cache);
  return cache;
}

async function visit(user: string, cache: DspCache): Promise<DspDocumentViewer> {
  // The earlier visit's viewer leaves: the virtualized list renders only rows in view.
  for (const earlier of document.querySelectorAll('dsp-document-viewer')) earlier.remove();
  const { client } = countingClient(sandbox, user, cache);
  const started = new Date().toISOString();
  const el = await fixture<DspDocumentViewer>(
    html`<dsp-document-viewer
      .client=${client}
      patient=${patients.marie.id}
    ></dsp-document-viewer>`,
  );
  el.style.setProperty('--dsp-document-viewer-height', '1000rem');
  await waitUntil(() => el.shadowRoot!.querySelector('[part~="row"]'), 'no rows', {
    timeout: 5000,
  });
  // The visit is recorded once the last one is read; a loaded machine takes its time.
  await waitUntil(
    async () => ((await lastVisit(cache, patients.marie.id)) ?? '') >= started,
    'the visit is not recorded',
    { timeout: 5000 },
  );
  await el.updateComplete;
  // The list redraws its rows, with their badges, in frames of its own.
  await rowsSettled(el.shadowRoot!);
  return el;
}

/** The titles of the rows marked new, once `count` of them are (the list draws them in frames of its own). */
async function markedNew(el: DspDocumentViewer, count: number): Promise<string[]> {
  await waitUntil(() => newRows(el).length >= count, `${count} rows never marked new`, {
    timeout: 5000,
  });
  return newRows(el);
}

function newRows(el: DspDocumentViewer): string[] {
  return [...el.shadowRoot!.querySelectorAll('[part~="row"]')]
    .filter((row) => row.querySelector('[part~="new"]'))
    .map((row) => row.querySelector('button.title')!.textContent.trim());
}

function rowCount(el: DspDocumentViewer): number {
  return el.shadowRoot!.querySelectorAll('[part~="row"]').length;
}

/** A lab result stored now in Marie's DSP, after the visits before it. */
function addDocument(): void {
  sandbox.server.store.put<DocumentReference>({
    ...(structuredClone(documents.bloodTest) as DocumentReference),
    id: 'doc-marie-new-lab',
    masterIdentifier: { system: 'urn:ietf:rfc:3986', value: 'urn:oid:1.2.3.9' },
    content: [
      {
        ...structuredClone(documents.bloodTest.content[0]!),
        attachment: {
          ...documents.bloodTest.content[0]!.attachment,
          title: 'Nouvelle prise de sang',
        },
      },
    ],
  });
}

async function badgeOf(user: string, cache: DspCache): Promise<string> {
  const { client } = countingClient(sandbox, user, cache);
  const el = await fixture<DspStatusBadge>(
    html`<dsp-status .client=${client} patient=${patients.marie.id}></dsp-status>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('button'), 'no status', { timeout: 5000 });
  return el.shadowRoot!.querySelector('button')!.getAttribute('aria-label') ?? '';
}

describe('new since the last visit', () => {
  it('marks nothing on a first visit, then what was added before the second', async () => {
    const cache = await cacheOf(users.weber);
    const first = await visit(users.weber, cache);
    expect(newRows(first)).to.deep.equal([]);
    expect(part(first, 'new-since')).to.equal(null);

    addDocument();
    expect(await badgeOf(users.weber, cache)).to.contain(
      '1 nouveau document depuis votre dernière visite.',
    );
    const second = await visit(users.weber, cache);
    expect(await markedNew(second, 1)).to.deep.equal(['Nouvelle prise de sang']);
    expect(part(second, 'new-since')!.querySelector('[role="status"]')!.textContent).to.contain(
      '1 nouveau document depuis votre dernière visite',
    );
    await expect(second).to.be.accessible();

    // "New only" lists the new one alone, and all again when released.
    const all = rowCount(second);
    const toggle = part(second, 'new-since')!.querySelector('button')!;
    expect(toggle.textContent.trim()).to.equal('Nouveaux seulement (1)');
    toggle.click();
    await second.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    expect(rowCount(second)).to.equal(1);
    toggle.click();
    await second.updateComplete;
    expect(rowCount(second)).to.equal(all);

    // The third visit: nothing new since the second.
    const third = await visit(users.weber, cache);
    expect(newRows(third)).to.deep.equal([]);
    expect(await badgeOf(users.weber, cache)).to.contain(
      'Rien de nouveau depuis votre dernière visite.',
    );
  });

  it('keeps each user’s visits to that user', async () => {
    const weber = await cacheOf(users.weber);
    const marie = await cacheOf(users.marie);
    await visit(users.weber, weber);
    addDocument();
    // Marie never visited in this browser: nothing is marked for her, though Dr Weber's visit
    // came before the document.
    const hers = await visit(users.marie, marie);
    expect(newRows(hers)).to.deep.equal([]);
    const his = await visit(users.weber, weber);
    expect(await markedNew(his, 1)).to.deep.equal(['Nouvelle prise de sang']);
  });

  it('forgets the visits at sign-out', async () => {
    const before = await cacheOf(users.weber);
    await visit(users.weber, before);
    addDocument();
    before.close();
    await DspCache.clearAll(); // what a sign-out does
    const after = await cacheOf(users.weber);
    const el = await visit(users.weber, after);
    expect(newRows(el)).to.deep.equal([]);
  });
});
