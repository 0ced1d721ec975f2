// After an emergency access (break-the-glass) in <dsp-document-viewer>, the patient summary shows
// above the list, and its link opens the summary in the viewer's own preview.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { startSandbox, type Sandbox } from '@dsp-kit/mock/browser';
import type { DspDocumentViewer } from '../src/define/dsp-document-viewer.js';
import '../src/define/dsp-document-viewer.js';
import { clientAs, part, patients, section, users } from './patient-summary.helpers.js';

let sandbox: Sandbox;

before(async () => {
  sandbox = await startSandbox({ policy: { explicitGrantsOnly: true } });
});
afterEach(() => sandbox.reset());
after(() => sandbox.stop());

describe('the patient summary after an emergency access', function () {
  this.timeout(20_000);

  it('shows above the list once access is granted, and opens in the viewer’s preview', async () => {
    const el = await fixture<DspDocumentViewer>(
      html`<dsp-document-viewer
        .client=${clientAs(sandbox.server.baseUrl, users.hansen)}
        patient=${patients.tom.id}
        lang="en"
      ></dsp-document-viewer>`,
    );
    el.style.setProperty('--dsp-document-viewer-height', '1000rem');
    await waitUntil(() => part(el, 'break-glass'), 'no emergency access offered', {
      timeout: 8000,
    });
    expect(part(el, 'summary'), 'no summary before the access').to.equal(null);
    const form = part(el, 'break-glass') as HTMLFormElement;
    form.querySelector('textarea')!.value = 'Patient inconscient aux urgences du CHL';
    form.querySelector<HTMLButtonElement>('button[type=submit]')!.click();

    await waitUntil(() => part(el, 'summary'), 'no summary shown', { timeout: 8000 });
    const summary = part(el, 'summary')!;
    await waitUntil(() => part(summary, 'header'), 'the summary did not load', { timeout: 8000 });
    // Tom's summary on the mock (IHE PCC XPHR): his penicillin allergy first.
    expect(section(summary, 'allergies')).to.contain('Pénicilline');
    // Above the list: after the banner, before the toolbar.
    const order = [
      ...el.shadowRoot!.querySelectorAll(
        '[part~="emergency"], [part~="summary"], [part~="toolbar"]',
      ),
    ].map((node) => node.getAttribute('part'));
    expect(order).to.deep.equal(['emergency', 'summary', 'toolbar']);

    await waitUntil(() => el.shadowRoot!.querySelector('[part~="row"]'), 'no rows', {
      timeout: 8000,
    });
    const selected = oneEvent(el, 'dsp-document-select');
    part(summary, 'open')!.click();
    const event: { detail: { documentId: string } } = await selected;
    expect(event.detail.documentId).to.equal('doc-tom-resume');
    await waitUntil(() => part(el, 'preview'), 'the preview did not open', { timeout: 8000 });
    const preview = part(el, 'preview')!.querySelector<
      HTMLElement & { document?: { id?: string } }
    >('dsp-document-preview');
    expect(preview?.document?.id).to.equal('doc-tom-resume');
    await expect(el).to.be.accessible();
  });
});
