// <dsp-document-viewer> against the mock DSP server through msw's real service worker.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  DspClient,
  documentClassConcept,
  documentTypeByCode,
  documentTypeConcept,
} from '@dsp-kit/fhir';
import type { DocumentReference } from '@dsp-kit/fhir';
import { DspCache } from '@dsp-kit/fhir/cache';
import { fixtures, mockToken } from '@dsp-kit/mock';
import { staticTokenProvider } from '@dsp-kit/auth';
import { startSandbox, type Sandbox } from '@dsp-kit/mock/browser';
import type { DspDocumentViewer } from '../src/define/dsp-document-viewer.js';
import '../src/define/dsp-document-viewer.js';
import './resize-observer-notice.js';
import { rowsSettled } from './rows-settled.js';
import { previewLoader } from '../src/document-viewer/preview-loader.js';

const { patients, documents, users } = fixtures;

let sandbox: Sandbox;
let client: DspClient;

before(async () => {
  sandbox = await startSandbox();
  // Dr Weber, Marie's médecin référent: he sees all her documents, masked ones included.
  client = new DspClient({
    baseUrl: sandbox.server.baseUrl,
    tokens: staticTokenProvider(mockToken(fixtures.users.weber)),
    retry: false,
  });
});
afterEach(async () => {
  await sandbox.reset();
});
after(() => sandbox.stop());

function part(el: Element, name: string): HTMLElement | null {
  return el.shadowRoot!.querySelector(`[part~="${name}"]`);
}

function rows(el: Element) {
  return [...el.shadowRoot!.querySelectorAll('[part~="row"]')].map((row) => ({
    title: row.querySelector('.title')?.textContent.trim(),
    type: row.querySelector('.type')?.textContent.trim(),
    date: row.querySelector('time')?.textContent.trim(),
    author: row.querySelector('.meta')?.textContent.trim(),
  }));
}

/** A viewer signed in as Dr Weber on `patient`'s DSP, through `through` if given. */
function viewerOf(patient: string, through: DspClient = client): Promise<DspDocumentViewer> {
  return fixture<DspDocumentViewer>(
    html`<dsp-document-viewer .client=${through} patient=${patient}></dsp-document-viewer>`,
  );
}

/** Runs `test` with a client of Dr Weber's that keeps its reads in IndexedDB, then wipes it. */
async function withCache(test: (cached: DspClient) => Promise<void>): Promise<void> {
  const cache = await DspCache.open({ server: sandbox.server.baseUrl, user: users.weber });
  try {
    await test(
      new DspClient({
        baseUrl: sandbox.server.baseUrl,
        tokens: staticTokenProvider(mockToken(users.weber)),
        retry: false,
        cache,
      }),
    );
  } finally {
    cache.close();
    await DspCache.clearAll();
  }
}

/** Tall enough that the virtualized list renders every row of these small DSPs. */
function showAll(el: HTMLElement): void {
  el.style.setProperty('--dsp-document-viewer-height', '1000rem');
}

async function settled(el: DspDocumentViewer, partName: string): Promise<HTMLElement> {
  showAll(el);
  if (partName === 'list') {
    // The virtualized list renders its rows a frame after it appears, and more of them once it
    // has measured the first (on a loaded machine, 5 of 7 at first).
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="row"]'), 'no row appeared', {
      timeout: 5000,
    });
    await rowsSettled(el.shadowRoot!);
  }
  await waitUntil(() => part(el, partName), `no [part=${partName}] appeared`, { timeout: 5000 });
  return part(el, partName)!;
}

describe('<dsp-document-viewer>', () => {
  it("lists the patient's documents newest first, with French type labels and dates", async () => {
    const el = await viewerOf(patients.marie.id);
    await settled(el, 'list');
    expect(rows(el)).to.deep.equal([
      {
        title: 'Résultat de biopsie',
        type: "CR d'actes diagnostiques",
        date: '2 novembre 2026',
        author: 'par Dr Anne Muller',
      },
      {
        title: 'Bilan sanguin complet',
        type: "Résultats d'examens biologiques",
        date: '2 octobre 2026',
        author: 'par Laboratoire national de santé',
      },
      {
        title: 'Échocardiographie transthoracique',
        type: "CR d'actes diagnostiques",
        date: '18 juin 2026',
        author: 'par Dr Anne Muller',
      },
      {
        title: 'Résumé patient',
        type: 'Résumés patients',
        date: '9 janvier 2026',
        author: 'par Dr Paul Weber',
      },
      {
        title: "Certificat d'aptitude au sport",
        type: 'Certificats médicaux',
        date: '1 septembre 2025',
        author: 'par Dr Paul Weber',
      },
      {
        title: 'Mes directives anticipées',
        type: 'Expression du titulaire',
        date: '20 novembre 2024',
        author: 'par Marie Schmit',
      },
      {
        title: 'Consultation de suivi psychologique',
        type: 'Rapports médicaux',
        date: '12 mars 2024',
        author: 'par Dr Anne Muller',
      },
    ]);
    expect(part(el, 'count')!.textContent).to.contain('7 documents');
    expect(el.shadowRoot!.querySelector('time')!.getAttribute('datetime')).to.equal(
      documents.hidden.date,
    );
    await expect(el).to.be.accessible();
  });

  it('speaks the language of the nearest lang attribute, and follows it when it changes', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="en">
        <dsp-document-viewer .client=${client} patient=${patients.marie.id}></dsp-document-viewer>
      </div>`,
    );
    const el = wrapper.querySelector('dsp-document-viewer')!;
    await settled(el, 'list');
    expect(rows(el)[1]).to.deep.equal({
      title: 'Bilan sanguin complet',
      type: 'Laboratory results',
      date: 'October 2, 2026',
      author: 'by Laboratoire national de santé',
    });
    wrapper.setAttribute('lang', 'de-LU');
    await waitUntil(() => rows(el)[1]?.type === 'Laborergebnisse', 'did not switch to German');
    expect(rows(el)[1]?.date).to.equal('2. Oktober 2026');
    el.setAttribute('lang', 'fr');
    await waitUntil(
      () => rows(el)[1]?.type === "Résultats d'examens biologiques",
      'did not switch to French',
    );
  });

  it('shows an accessible empty state for a DSP with no document', async () => {
    const el = await viewerOf(patients.jean.id);
    const empty = await settled(el, 'empty');
    expect(empty.textContent.trim()).to.equal('Aucun document dans ce DSP.');
    expect(empty.getAttribute('role')).to.equal('status');
    await expect(el).to.be.accessible();
  });

  it('says no patient is selected when it has none, and loads once one is set', async () => {
    const el = await fixture<DspDocumentViewer>(
      html`<dsp-document-viewer .client=${client}></dsp-document-viewer>`,
    );
    expect((await settled(el, 'empty')).textContent.trim()).to.equal('Aucun patient sélectionné.');
    el.patient = patients.marie.id;
    await settled(el, 'list');
    expect(rows(el)).to.have.length(7);
  });

  it('shows a server error with its explanation, announces it, and recovers on retry', async () => {
    sandbox.useScenario('searchUnavailable');
    const el = document.createElement('dsp-document-viewer');
    el.client = client;
    el.patient = patients.marie.id;
    const reported = oneEvent(el, 'dsp-error');
    document.body.append(el);
    try {
      const error = await settled(el, 'error');
      expect((await reported).detail).to.deep.equal({ kind: 'http', status: 503 });
      expect(error.getAttribute('role')).to.equal('alert');
      expect(error.querySelector('.summary')!.textContent).to.contain(
        'Les documents n’ont pas pu être chargés.',
      );
      expect(error.querySelector('.summary')!.textContent).to.contain('(503)');
      expect(error.querySelector('.detail')!.textContent).to.equal(
        'Service temporairement indisponible (maintenance).',
      );
      await expect(el).to.be.accessible();

      sandbox.clearScenario();
      const retry = error.querySelector('button')!;
      expect(retry.textContent.trim()).to.equal('Réessayer');
      retry.click();
      await settled(el, 'list');
      expect(rows(el)).to.have.length(7);
      expect(part(el, 'error')).to.equal(null);
    } finally {
      el.remove();
    }
  });

  it('explains an answer that is not FHIR, and a network failure', async () => {
    sandbox.useScenario('searchNotFhir');
    const el = await viewerOf(patients.marie.id);
    expect((await settled(el, 'error')).textContent).to.contain('ce n’est pas du FHIR');
    sandbox.clearScenario();
    sandbox.useScenario('searchNetworkError');
    part(el, 'error')!.querySelector('button')!.click();
    await waitUntil(
      () => part(el, 'error')?.textContent.includes('injoignable'),
      'no network error shown',
    );
  });

  it('tells the developer when no client is connected, without a useless retry', async () => {
    const el = await fixture<DspDocumentViewer>(
      html`<dsp-document-viewer patient=${patients.marie.id}></dsp-document-viewer>`,
    );
    const error = await settled(el, 'error');
    expect(error.textContent).to.contain('<dsp-provider>');
    expect(error.querySelector('button')).to.equal(null);
  });

  it('takes its client from a surrounding <dsp-provider>', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<dsp-provider .client=${client}
        ><dsp-document-viewer patient=${patients.marie.id}></dsp-document-viewer
      ></dsp-provider>`,
    );
    const el = wrapper.querySelector('dsp-document-viewer')!;
    await settled(el, 'list');
    expect(rows(el)).to.have.length(7);
  });

  it('moves through the list with the keyboard, and emits dsp-document-select with the id alone', async () => {
    const el = await viewerOf(patients.marie.id);
    await settled(el, 'list');
    // The newest document, under its month's header, is the list's one tab stop.
    const first = el.shadowRoot!.querySelector<HTMLButtonElement>('[data-index="1"]')!;
    expect(first.tabIndex).to.equal(0, 'the list is one tab stop');
    first.focus();
    await sendKeys({ press: 'ArrowDown' }); // the next month's header
    await sendKeys({ press: 'ArrowDown' }); // its row: the blood test
    const focused = () => el.shadowRoot!.activeElement?.textContent.trim();
    expect(focused()).to.equal('Bilan sanguin complet');
    const selected = oneEvent(el, 'dsp-document-select');
    await sendKeys({ press: 'Enter' });
    const event = await selected;
    expect(event.detail).to.deep.equal({ documentId: documents.bloodTest.id });
    // The preview opened with the focus in it; Escape brings the focus back to the row.
    const preview = () => el.shadowRoot!.querySelector('dialog[part="preview"]');
    await waitUntil(
      () => preview()?.contains(el.shadowRoot!.activeElement),
      'the focus did not move into the preview',
    );
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => focused() === 'Bilan sanguin complet', 'the focus did not come back');
    await sendKeys({ press: 'End' });
    expect(focused()).to.equal('Consultation de suivi psychologique');
    await sendKeys({ press: 'Home' });
    await sendKeys({ type: 'mes' });
    expect(focused()).to.equal('Mes directives anticipées');
    expect(event.bubbles && event.composed).to.equal(true);
  });

  it('loads every page behind the first, with the count shown', async () => {
    const type = documentTypeByCode('certificat-medical')!;
    for (let i = 0; i < 105; i++) {
      const document: DocumentReference = {
        resourceType: 'DocumentReference',
        id: `generated-${i}`,
        status: 'current',
        type: documentTypeConcept(type),
        category: [documentClassConcept(type)],
        subject: { reference: `Patient/${patients.jean.id}` },
        date: new Date(Date.UTC(2020, 0, 1 + i)).toISOString(),
        content: [{ attachment: { contentType: 'application/pdf', title: `Certificat ${i}` } }],
      };
      sandbox.server.store.put(document);
    }
    const el = await fixture<DspDocumentViewer>(
      html`<dsp-document-viewer
        .client=${client}
        patient=${patients.jean.id}
        view="types"
      ></dsp-document-viewer>`,
    );
    await settled(el, 'list');
    el.style.removeProperty('--dsp-document-viewer-height'); // a real scrolling list
    await waitUntil(
      () => part(el, 'count')!.textContent.trim() === '105 documents',
      'the second page did not load',
    );
    expect(rows(el)[0]?.title).to.equal('Certificat 104');
    expect(rows(el).length).to.be.below(105, 'only what is on screen is rendered');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-index="0"]')!.focus();
    await sendKeys({ press: 'End' });
    await waitUntil(
      () => el.shadowRoot!.activeElement?.textContent.trim() === 'Certificat 0',
      'End did not reach the last document',
    );
  });

  it('filters through attributes a host can set, and says when nothing matches', async () => {
    const el = await fixture<DspDocumentViewer>(
      html`<dsp-document-viewer
        .client=${client}
        patient=${patients.marie.id}
        filter-type="cr-acte-diagnostique"
      ></dsp-document-viewer>`,
    );
    await settled(el, 'list');
    expect(rows(el).map((r) => r.title)).to.deep.equal([
      'Résultat de biopsie',
      'Échocardiographie transthoracique',
    ]);
    expect(part(el, 'count')!.textContent).to.contain('2 documents sur 7');
    el.removeAttribute('filter-type');
    el.setAttribute('filter-author', 'muller');
    await waitUntil(() => rows(el).length === 3, 'the author filter did not apply');
    el.removeAttribute('filter-author');
    el.q = 'BILAN';
    await waitUntil(() => rows(el).length === 1 && rows(el)[0]!.title === 'Bilan sanguin complet');
    el.q = undefined;
    el.from = '2026-01-01';
    el.to = '2026-06-30';
    await waitUntil(() => rows(el).length === 2);
    el.q = 'introuvable';
    const empty = await settled(el, 'empty');
    expect(empty.textContent).to.contain('Aucun document ne correspond aux filtres.');
    await expect(el).to.be.accessible();
    empty.querySelector('button')!.click();
    await waitUntil(() => rows(el).length === 7);
    expect(el.hasAttribute('q')).to.equal(false);
  });

  it('groups by DSP type in the vocabulary order, with counts, and collapses a group', async () => {
    const el = await fixture<DspDocumentViewer>(
      html`<dsp-document-viewer
        .client=${client}
        patient=${patients.marie.id}
        view="types"
      ></dsp-document-viewer>`,
    );
    await settled(el, 'list');
    const groups = () =>
      [...el.shadowRoot!.querySelectorAll('[part="group"] button')].map((b) =>
        b.textContent.replace(/\s+/g, ' ').trim(),
      );
    expect(groups()).to.deep.equal([
      '▾ Résumés patients 1',
      '▾ Certificats médicaux 1',
      "▾ CR d'actes diagnostiques 2",
      "▾ Résultats d'examens biologiques 1",
      '▾ Expression du titulaire 1',
      '▾ Rapports médicaux 1',
    ]);
    el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="group"] button')[2]!.click();
    await waitUntil(() => rows(el).length === 5);
    expect(
      el.shadowRoot!.querySelectorAll('[part="group"] button')[2]!.getAttribute('aria-expanded'),
    ).to.equal('false');
    await expect(el).to.be.accessible();
    el.view = 'classes';
    await waitUntil(() => groups()[0]?.includes('Synthèse'));
  });

  it('marks confidentiality, documents hidden from the patient and the patient’s own notes', async () => {
    const el = await viewerOf(patients.marie.id);
    await settled(el, 'list');
    const row = (title: string) =>
      [...el.shadowRoot!.querySelectorAll('[part~="row"]')].find(
        (r) => r.querySelector('.title')?.textContent.trim() === title,
      )!;
    const marks = (title: string) =>
      [...row(title).querySelectorAll('[part="mark"]')].map((m) => m.textContent.trim());
    expect(marks('Résultat de biopsie')).to.deep.equal(['Restreint', 'Non visible par le patient']);
    // Dr Weber, the référent, sees what Marie masked, marked as such.
    expect(marks('Consultation de suivi psychologique')).to.deep.equal([
      'Très restreint',
      'Masqué par le patient',
    ]);
    expect(marks('Mes directives anticipées')).to.deep.equal([]);
    expect(row('Mes directives anticipées').getAttribute('part')).to.contain('row-patient');
  });

  it('shows untrusted text as text, and odd documents sensibly', async () => {
    const odd: DocumentReference = {
      resourceType: 'DocumentReference',
      id: 'odd',
      status: 'current',
      type: { coding: [{ system: 'urn:other', code: 'x' }] },
      subject: { reference: `Patient/${patients.jean.id}` },
      date: 'not a date',
      author: [{ display: '<b>Dr</b> <script>window.pwned = 1</script>' }],
      content: [
        { attachment: { title: '<img src=x onerror="window.pwned = 2">javascript:alert(1)' } },
      ],
    };
    const untitled: DocumentReference = {
      resourceType: 'DocumentReference',
      id: 'untitled',
      status: 'current',
      subject: { reference: `Patient/${patients.jean.id}` },
      date: '2026-01-01T00:00:00Z',
      content: [{ attachment: {} }],
    };
    sandbox.server.store.put(odd);
    sandbox.server.store.put(untitled);
    const el = await viewerOf(patients.jean.id);
    await settled(el, 'list');
    const shown = rows(el);
    expect(shown.map((r) => r.title)).to.deep.equal([
      'Document sans titre',
      '<img src=x onerror="window.pwned = 2">javascript:alert(1)',
    ]);
    expect(shown[1]?.type).to.equal('Type de document inconnu');
    expect(shown[1]?.date).to.equal('Date inconnue');
    expect(el.shadowRoot!.querySelector('img, script, b')).to.equal(null);
    expect((window as { pwned?: number }).pwned).to.equal(undefined);
  });

  it('opens a chosen document in the inline preview, its text as text', async () => {
    const el = await viewerOf(patients.marie.id);
    await settled(el, 'list');
    const opened = oneEvent(el, 'dsp-document-open');
    el.open(documents.bloodTest.id);
    expect((await opened).detail).to.deep.equal({ documentId: documents.bloodTest.id });
    await el.updateComplete;
    const preview = el.shadowRoot!.querySelector('dsp-document-preview')!;
    await waitUntil(
      () => preview.shadowRoot?.querySelector('[part="text"]'),
      'the text did not show',
      { timeout: 5000 },
    );
    expect(preview.shadowRoot!.querySelector('[part="text"]')!.textContent).to.contain(
      'Hémoglobine 13,8 g/dl',
    );
    await expect(el).to.be.accessible();
    const dialog = el.shadowRoot!.querySelector<HTMLDialogElement>('dialog[part="preview"]')!;
    dialog.querySelector<HTMLButtonElement>('.close')!.click();
    await el.updateComplete;
    expect(dialog.open, 'closed').to.equal(false);
    expect(dialog.getBoundingClientRect().height, 'nothing shows').to.equal(0);
  });

  it('loads the preview on first use, and says so with a retry when it cannot be loaded', async () => {
    const el = await viewerOf(patients.marie.id);
    await settled(el, 'list');
    const load = previewLoader.load;
    previewLoader.load = () =>
      Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    try {
      el.open(documents.bloodTest.id);
      await waitUntil(() => part(el, 'error'), 'no error for the failed load');
      expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
      expect(part(el, 'error')!.textContent).to.contain('L’aperçu n’a pas pu être chargé.');
      await expect(el).to.be.accessible();
    } finally {
      previewLoader.load = load;
    }
    part(el, 'error')!.querySelector<HTMLButtonElement>('button')!.click();
    await waitUntil(() => part(el, 'error') === null, 'the retry did not clear the error');
    expect(customElements.get('dsp-document-preview')).to.not.equal(undefined);
    const preview = el.shadowRoot!.querySelector('dsp-document-preview')!;
    await waitUntil(
      () => preview.shadowRoot?.querySelector('[part="text"]'),
      'no text after retry',
      {
        timeout: 5000,
      },
    );
  });

  it('shows cached documents offline, says since when, and refreshes when back online', async () => {
    await withCache(async (cached) => {
      const el = await viewerOf(patients.marie.id, cached);
      await settled(el, 'list');
      expect(part(el, 'offline')).to.equal(null);
      sandbox.useScenario('offline');
      el.refresh();
      // The cached list shows at once while the server is asked; then the server cannot answer.
      await waitUntil(
        () => part(el, 'offline')?.textContent.includes('Hors ligne — documents tels qu’au'),
        'no offline notice',
      );
      expect(rows(el)).to.have.length(7);
      await expect(el).to.be.accessible();
      sandbox.clearScenario();
      window.dispatchEvent(new Event('online'));
      await waitUntil(() => !part(el, 'offline'), 'the notice stayed after going back online');
    });
  });

  it('starts warm: shows the cached list at once, then the server’s when it comes', async () => {
    await withCache(async (cached) => {
      const first = await viewerOf(patients.marie.id, cached);
      await settled(first, 'list');
      expect(rows(first)).to.have.length(7);
      first.remove();
      const added = structuredClone(
        sandbox.server.store.get<DocumentReference>('DocumentReference', documents.summary.id)!,
      );
      added.id = 'warm-start-new';
      added.content = [
        { attachment: { ...added.content[0]!.attachment, title: 'Nouveau résumé' } },
      ];
      sandbox.server.store.put(added);
      sandbox.useScenario('slowNetwork');

      const el = await viewerOf(patients.marie.id, cached);
      await waitUntil(() => rows(el).length === 7, 'the cached list did not show first');
      expect(part(el, 'offline')!.textContent).to.contain('mise à jour…');
      expect(rows(el).map((r) => r.title)).not.to.include('Nouveau résumé');
      await expect(el).to.be.accessible();
      // The rows rendered are those in the window and a margin beyond: the count tells the 8.
      await waitUntil(
        () => rows(el).some((r) => r.title === 'Nouveau résumé'),
        'the server’s list did not replace it',
        { timeout: 5000 },
      );
      expect(part(el, 'count')!.textContent.trim()).to.equal('8 documents');
      expect(part(el, 'offline')).to.equal(null);
    });
  });

  it('never shows the previous patient’s documents while another patient’s load', async () => {
    const el = await viewerOf(patients.marie.id);
    await settled(el, 'list');
    expect(rows(el)).to.have.length(7);
    sandbox.useScenario('slowNetwork');
    el.patient = patients.lucien.id;
    await el.updateComplete;
    expect(rows(el)).to.deep.equal([]);
    expect(part(el, 'loading')).to.not.equal(null);
    await waitUntil(() => rows(el).length > 0, 'Lucien’s documents did not come', {
      timeout: 5000,
    });
    expect(rows(el).map((r) => r.title)).to.include('Lettre de sortie — service de gériatrie');
  });

  it('keeps showing the list while the same patient’s documents load again', async () => {
    const el = await viewerOf(patients.marie.id);
    await settled(el, 'list');
    sandbox.useScenario('slowNetwork');
    el.refresh();
    await el.updateComplete;
    expect(rows(el)).to.have.length(7);
  });

  it('shows an accessible skeleton while loading', async () => {
    sandbox.useScenario('slowNetwork');
    const el = await viewerOf(patients.marie.id);
    const loading = part(el, 'loading')!;
    expect(loading.getAttribute('role')).to.equal('status');
    expect(loading.textContent).to.contain('Chargement des documents…');
    expect(loading.querySelectorAll('.skeleton')).to.have.length(4);
    await expect(el).to.be.accessible();
  });
});
