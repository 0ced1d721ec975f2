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
import { fixtures, mockToken } from '@dsp-kit/mock';
import { staticTokenProvider } from '@dsp-kit/auth';
import { startSandbox, type Sandbox } from '@dsp-kit/mock/browser';
import type { DspDocumentViewer } from '../src/define/dsp-document-viewer.js';
import '../src/define/dsp-document-viewer.js';

const { patients, documents } = fixtures;

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
  return [...el.shadowRoot!.querySelectorAll('[part="row"]')].map((row) => ({
    title: row.querySelector('.title')?.textContent.trim(),
    type: row.querySelector('.type')?.textContent.trim(),
    date: row.querySelector('time')?.textContent.trim(),
    author: row.querySelector('.meta')?.textContent.trim(),
  }));
}

async function settled(el: DspDocumentViewer, partName: string): Promise<HTMLElement> {
  await waitUntil(() => part(el, partName), `no [part=${partName}] appeared`, { timeout: 5000 });
  return part(el, partName)!;
}

describe('<dsp-document-viewer>', () => {
  it("lists the patient's documents newest first, with French type labels and dates", async () => {
    const el = await fixture<DspDocumentViewer>(
      html`<dsp-document-viewer
        .client=${client}
        patient=${patients.marie.id}
      ></dsp-document-viewer>`,
    );
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
    expect(part(el, 'toolbar')!.textContent).to.contain('7 documents');
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
    const el = await fixture<DspDocumentViewer>(
      html`<dsp-document-viewer
        .client=${client}
        patient=${patients.jean.id}
      ></dsp-document-viewer>`,
    );
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
    const el = await fixture<DspDocumentViewer>(
      html`<dsp-document-viewer
        .client=${client}
        patient=${patients.marie.id}
      ></dsp-document-viewer>`,
    );
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

  it('emits dsp-document-select with the id alone when a document is chosen from the keyboard', async () => {
    const el = await fixture<DspDocumentViewer>(
      html`<dsp-document-viewer
        .client=${client}
        patient=${patients.marie.id}
      ></dsp-document-viewer>`,
    );
    await settled(el, 'list');
    const button = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.title')[1]!;
    button.focus();
    const selected = oneEvent(el, 'dsp-document-select');
    await sendKeys({ press: 'Enter' });
    const event = await selected;
    expect(event.detail).to.deep.equal({ documentId: documents.bloodTest.id });
    expect(event.bubbles && event.composed).to.equal(true);
  });

  it('loads further pages on request, keeping what is shown', async () => {
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
      ></dsp-document-viewer>`,
    );
    await settled(el, 'list');
    expect(rows(el)).to.have.length(100);
    expect(part(el, 'toolbar')!.textContent).to.contain('100 documents sur 105');
    const more = el.shadowRoot!.querySelector<HTMLButtonElement>('.more button')!;
    expect(more.textContent.trim()).to.equal('Afficher plus de documents');
    more.click();
    await waitUntil(() => rows(el).length === 105, 'the next page did not load');
    expect(rows(el)[0]?.title).to.equal('Certificat 104');
    expect(rows(el)[104]?.title).to.equal('Certificat 0');
    expect(el.shadowRoot!.querySelector('.more')).to.equal(null);
    expect(part(el, 'toolbar')!.textContent).to.contain('105 documents');
  });
});
