// Break-the-glass from <dsp-document-viewer>, against the mock in "explicit grants only" mode:
// a professional without a grant is refused, may ask for emergency access with a reason, the
// host may veto it, and a granted access shows at once (and in the patient's log).
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { staticTokenProvider } from '@dsp-kit/auth';
import { auditRows, DspClient } from '@dsp-kit/fhir';
import { fixtures, mockToken } from '@dsp-kit/mock';
import { startSandbox, type Sandbox } from '@dsp-kit/mock/browser';
import type { DspDocumentViewer } from '../src/define/dsp-document-viewer.js';
import '../src/define/dsp-document-viewer.js';

const { patients, users } = fixtures;
let sandbox: Sandbox;

function as(user: string): DspClient {
  return new DspClient({
    baseUrl: sandbox.server.baseUrl,
    tokens: staticTokenProvider(mockToken(user)),
    retry: false,
  });
}

function part(el: Element, name: string): HTMLElement | null {
  return el.shadowRoot!.querySelector(`[part~="${name}"]`);
}

async function viewerAs(user: string, patient: string): Promise<DspDocumentViewer> {
  const el = await fixture<DspDocumentViewer>(
    html`<dsp-document-viewer .client=${as(user)} patient=${patient}></dsp-document-viewer>`,
  );
  el.style.setProperty('--dsp-document-viewer-height', '1000rem');
  await waitUntil(() => part(el, 'error'), 'no refusal shown', { timeout: 5000 });
  return el;
}

async function submit(el: DspDocumentViewer, reason: string): Promise<void> {
  const form = part(el, 'break-glass') as HTMLFormElement;
  form.querySelector('textarea')!.value = reason;
  form.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  await el.updateComplete;
}

before(async () => {
  sandbox = await startSandbox({ policy: { explicitGrantsOnly: true } });
});
afterEach(() => sandbox.reset());
after(() => sandbox.stop());

describe('break-the-glass in <dsp-document-viewer>', () => {
  it('explains the refusal and offers emergency access with a mandatory reason', async () => {
    const el = await viewerAs(users.hansen, patients.marie.id);
    expect(part(el, 'error')!.textContent).to.contain('ne vous a pas donné accès');
    const form = part(el, 'break-glass')!;
    expect(form.textContent).to.contain('tracé, signalé au patient');
    await expect(el).to.be.accessible();

    await submit(el, 'urgent');
    const textarea = form.querySelector('textarea')!;
    expect(textarea.getAttribute('aria-invalid')).to.equal('true');
    expect(
      el.shadowRoot!.getElementById(textarea.getAttribute('aria-describedby')!)!.textContent,
    ).to.contain('10 caractères');
    expect(el.shadowRoot!.activeElement).to.equal(textarea);
    await expect(el).to.be.accessible();
  });

  it('lets the host veto the request: nothing is sent', async () => {
    const el = await viewerAs(users.hansen, patients.marie.id);
    const before = sandbox.server.store.auditOf(patients.marie.id).length;
    el.addEventListener('dsp-request-break-glass', (event) => event.preventDefault(), {
      once: true,
    });
    await submit(el, 'Patiente inconsciente aux urgences');
    expect(part(el, 'break-glass')!.textContent).to.contain('L’application a refusé');
    expect(sandbox.server.store.auditOf(patients.marie.id).length).to.equal(before);
  });

  it('opens the DSP at once when granted, with a banner, and flags it in the patient’s log', async () => {
    const el = await viewerAs(users.hansen, patients.marie.id);
    const requested = oneEvent(el, 'dsp-request-break-glass');
    const granted = oneEvent(el, 'dsp-break-glass-granted');
    await submit(el, 'Patiente inconsciente aux urgences du CHEM');
    expect((await requested).detail).to.deep.equal({ patientId: patients.marie.id });
    const grant: { detail: { expires?: string } } = await granted;
    expect(grant.detail.expires).to.be.a('string');
    await waitUntil(
      () => el.shadowRoot!.querySelector('[part~="row"]'),
      'the documents did not show',
    );
    expect(part(el, 'emergency')!.textContent).to.contain('Accès en urgence en cours');
    await expect(el).to.be.accessible();
    const log = auditRows(
      (await as(users.marie).searchAuditEvents({ patient: patients.marie.id })).entries,
    );
    expect(
      log.some(
        (row) =>
          row.action === 'break-the-glass' &&
          row.reason === 'Patiente inconsciente aux urgences du CHEM',
      ),
    ).to.equal(true);
  });

  it('offers no "Réessayer" after the refusal (403), only emergency access', async () => {
    const el = await viewerAs(users.hansen, patients.marie.id);
    const error = part(el, 'error')!;
    expect(error.textContent).to.contain('Accès refusé.');
    expect(error.querySelector('button'), 'a retry after a 403').to.equal(null);
    const buttons = [...el.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent.trim());
    expect(buttons).to.not.include('Réessayer');
    expect(part(el, 'break-glass')!.querySelector('button[type=submit]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('offers nothing to a patient who refused emergency access, nor to a blocked doctor', async () => {
    const nadia = await viewerAs(users.hansen, patients.nadia.id);
    expect(part(nadia, 'break-glass')).to.equal(null);
    expect(part(nadia, 'error')!.querySelector('button'), 'a retry after a 403').to.equal(null);
    const blocked = await viewerAs(users.kremer, patients.marie.id);
    expect(part(blocked, 'error')!.textContent).to.contain('vous a bloqué');
    expect(part(blocked, 'break-glass')).to.equal(null);
    expect(part(blocked, 'error')!.querySelector('button'), 'a retry after a 403').to.equal(null);
  });
});
