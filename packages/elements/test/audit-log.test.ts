// <dsp-audit-log> against the mock DSP server (msw's real service worker): accesses made through
// the client by several fixture users show up in the patient's log with the right fields.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { staticTokenProvider } from '@dsp-kit/auth';
import { DspClient, maskDocument, sha1Base64 } from '@dsp-kit/fhir';
import { fixtures, mockToken } from '@dsp-kit/mock';
import { DspCache } from '@dsp-kit/fhir/cache';
import { startSandbox, type Sandbox } from '@dsp-kit/mock/browser';
import type { DspAuditLog } from '../src/define/dsp-audit-log.js';
import '../src/define/dsp-audit-log.js';
import { rowsSettled } from './rows-settled.js';

const { patients, documents, users } = fixtures;
let sandbox: Sandbox;

function as(user: string): DspClient {
  return new DspClient({
    baseUrl: sandbox.server.baseUrl,
    tokens: staticTokenProvider(mockToken(user)),
    retry: false,
  });
}

async function attempt(action: Promise<unknown>): Promise<void> {
  await action.catch(() => undefined);
}

function part(el: Element, name: string): HTMLElement | null {
  return el.shadowRoot!.querySelector(`[part~="${name}"]`);
}

function rowTexts(el: Element): string[] {
  return [...el.shadowRoot!.querySelectorAll('[part~="row"]')].map((row) =>
    row.textContent.replace(/\s+/g, ' ').trim(),
  );
}

async function logOf(patient: string, user: string, lang = 'fr'): Promise<DspAuditLog> {
  const el = await fixture<DspAuditLog>(
    html`<dsp-audit-log .client=${as(user)} patient=${patient} lang=${lang}></dsp-audit-log>`,
  );
  await waitUntil(
    () => part(el, 'list') ?? part(el, 'empty') ?? part(el, 'error'),
    'the log did not load',
    { timeout: 5000 },
  );
  return el;
}

before(async () => {
  sandbox = await startSandbox();
});
after(() => sandbox.stop());

describe('<dsp-audit-log>', () => {
  before(async () => {
    await sandbox.reset();
    const marie = patients.marie.id;
    await as(users.weber).searchDocuments({ patient: marie });
    await as(users.weber).readDocument(documents.cardiology.id);
    await attempt(as(users.thill).readDocument(documents.bloodTest.id));
    await attempt(as(users.kremer).searchDocuments({ patient: marie }));
    await as(users.hansen).breakTheGlass(marie, 'Patiente inconsciente aux urgences du CHEM');
    const text = new TextEncoder().encode('Ordonnance\n');
    await as(users.weber).provideDocuments({
      uuid: '6f1c1a6e-2d1b-4f7e-9a51-1f1f0d3c4b5a',
      patient: marie,
      author: { reference: 'Practitioner/paul-weber', display: 'Dr Paul Weber' },
      date: '2026-11-26T10:00:00Z',
      documents: [
        {
          uuid: '0b8e3f0e-9b8a-4a59-8f53-3c0c7c1d2e11',
          typeCode: 'traitements-prescrits',
          title: 'Ordonnance du jour',
          contentType: 'text/plain',
          data: btoa('Ordonnance\n'),
          size: text.byteLength,
          hash: await sha1Base64(text),
        },
      ],
    });
    const own = as(users.marie);
    const { consent, etag } = await own.getConsent(marie);
    await own.saveConsent(maskDocument(consent, documents.certificate.id), etag);
  });

  it('shows each access with who, profession, organisation, action, document and outcome', async () => {
    const el = await logOf(patients.marie.id, users.marie);
    el.style.setProperty('--dsp-audit-log-height', '200rem');
    await el.updateComplete;
    await waitUntil(() => rowTexts(el).length >= 8, 'rows did not render');
    const rows = rowTexts(el);
    const find = (text: string) => rows.find((row) => row.includes(text));
    expect(find('Marc Thill'))
      .to.contain('Kinésithérapeute')
      .and.contain('Consultation')
      .and.contain('Refusé')
      .and.contain('Bilan sanguin complet');
    expect(find('Dr Luc Kremer')).to.contain('Recherche').and.contain('Refusé');
    expect(find('Ordonnance du jour'))
      .to.contain('Ajout')
      .and.contain('Dr Paul Weber')
      .and.contain('Traitements médicaux prescrits');
    expect(find('Masquage')).to.contain("Certificat d'aptitude au sport");
    expect(find('Modification des droits')).to.contain('Marie Schmit');
    expect(find('Échocardiographie'))
      .to.contain('Dr Paul Weber')
      .and.contain('Médecin généraliste')
      .and.contain('Cabinet médical Weber');
    const emergency = part(el, 'row-emergency');
    expect(emergency?.textContent)
      .to.contain('Accès en urgence')
      .and.contain('Motif : Patiente inconsciente aux urgences du CHEM');
    expect(emergency?.textContent).to.contain('Centre Hospitalier Emile Mayrisch');
    // The action is the emergency access: said once, not again as a badge beside it.
    expect(emergency?.textContent?.split('Accès en urgence')).to.have.length(2);
    expect(part(el, 'row-refused')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('filters by action, agent, document and dates, reflected in attributes', async () => {
    const el = await logOf(patients.marie.id, users.marie);
    const action = el.shadowRoot!.querySelectorAll('select')[1]!;
    action.value = 'break-the-glass';
    action.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.getAttribute('action')).to.equal('break-the-glass');
    await waitUntil(() => rowTexts(el).length === 1);
    expect(part(el, 'count')?.textContent).to.match(/1 entrée sur \d+/);
    el.removeAttribute('action');
    el.setAttribute('agent', 'Practitioner/luc-kremer');
    await waitUntil(
      () => rowTexts(el).every((row) => row.includes('Kremer')) && rowTexts(el).length === 1,
    );
    el.removeAttribute('agent');
    el.document = documents.cardiology.id;
    await waitUntil(
      () => rowTexts(el).length === 1 && rowTexts(el)[0]!.includes('Échocardiographie'),
    );
    el.document = undefined;
    el.from = '2000-01-01';
    el.to = '2000-01-02';
    await waitUntil(() => part(el, 'empty')?.textContent.includes('Aucune entrée ne correspond'));
    await expect(el).to.be.accessible();
  });

  it('emits dsp-document-select with the id alone', async () => {
    const el = await logOf(patients.marie.id, users.marie);
    el.document = documents.cardiology.id;
    await waitUntil(
      () => rowTexts(el).length === 1 && el.shadowRoot!.querySelector('button.document'),
    );
    const selected = oneEvent(el, 'dsp-document-select');
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.document')!.click();
    expect((await selected).detail).to.deep.equal({ documentId: documents.cardiology.id });
  });

  it('exports the filtered entries as CSV and shows them all in a print table', async () => {
    const el = await logOf(patients.marie.id, users.marie);
    el.action = 'break-the-glass';
    await el.updateComplete;
    const csv = el.csv();
    expect(csv.startsWith('\uFEFF"Date";"Qui";"Profession";"Établissement";"Action"')).to.equal(
      true,
    );
    expect(csv).to.contain(
      '"Dr Sarah Hansen";"Médecin spécialiste";"Centre Hospitalier Emile Mayrisch";"Accès en urgence"',
    );
    expect(csv.trimEnd().split('\r\n')).to.have.length(2);
    el.action = undefined;
    el.print = true;
    await el.updateComplete;
    const table = part(el, 'print-table');
    expect(table?.querySelectorAll('tbody tr').length).to.equal(
      el.csv().trimEnd().split('\r\n').length - 1,
    );
    await expect(el).to.be.accessible();
  });

  it('speaks English', async () => {
    const el = await logOf(patients.marie.id, users.marie, 'en');
    el.action = 'break-the-glass';
    await waitUntil(() => rowTexts(el).length === 1);
    expect(rowTexts(el)[0]).to.contain('Emergency access').and.contain('Reason: Patiente');
    expect(el.csv()).to.contain('"Who","Profession","Organisation"');
  });

  it('shows an empty log as such, a professional’s refusal and a network failure as errors', async () => {
    const empty = await logOf(patients.jean.id, patients.jean.id);
    expect(part(empty, 'empty')?.textContent).to.contain('Personne n’a encore accédé');
    await expect(empty).to.be.accessible();

    const refused = await logOf(patients.marie.id, users.weber);
    expect(part(refused, 'error')?.textContent)
      .to.contain('Accès refusé.')
      .and.contain('Seuls le patient et son assistant');
    expect(part(refused, 'error')?.querySelector('button'), 'a retry after a 403').to.equal(null);
    await expect(refused).to.be.accessible();

    sandbox.useScenario('offline');
    try {
      const offline = await logOf(patients.marie.id, users.marie);
      expect(part(offline, 'error')?.textContent).to.contain('injoignable');
      expect(part(offline, 'error')?.querySelector('button')?.textContent.trim()).to.equal(
        'Réessayer',
      );
    } finally {
      sandbox.clearScenario();
    }
  });

  it('shows the cached log offline, says since when, and reloads when back online', async () => {
    const cache = await DspCache.open({ server: sandbox.server.baseUrl, user: users.marie });
    try {
      const cached = new DspClient({
        baseUrl: sandbox.server.baseUrl,
        tokens: staticTokenProvider(mockToken(users.marie)),
        retry: false,
        cache,
      });
      const el = await fixture<DspAuditLog>(
        html`<dsp-audit-log .client=${cached} patient=${patients.marie.id}></dsp-audit-log>`,
      );
      await waitUntil(() => part(el, 'list'), 'the log did not load', { timeout: 5000 });
      await rowsSettled(el.shadowRoot!);
      const online = rowTexts(el).length;
      expect(part(el, 'offline')).to.equal(null);
      sandbox.useScenario('offline');
      el.refresh();
      await waitUntil(() => part(el, 'offline'), 'no offline notice');
      expect(part(el, 'offline')!.textContent).to.contain('Hors ligne — journal tel qu’au');
      expect(rowTexts(el)).to.have.length(online); // what the cache kept; times are relative
      await expect(el).to.be.accessible();
      sandbox.clearScenario();
      window.dispatchEvent(new Event('online'));
      await waitUntil(() => !part(el, 'offline'), 'the notice stayed after going back online');
    } finally {
      sandbox.clearScenario();
      cache.close();
      await DspCache.clearAll();
    }
  });

  it('shows the DSP assistant the log of the person they assist', async () => {
    await as(users.weber).searchDocuments({ patient: patients.lucien.id });
    const el = await logOf(patients.lucien.id, users.claire);
    await waitUntil(() => rowTexts(el).some((row) => row.includes('Dr Paul Weber')));
  });
});
