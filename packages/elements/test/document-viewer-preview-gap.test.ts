// <dsp-document-viewer>'s modal preview on a narrow page (700 px, below the 60rem where it sits
// beside the list): the document starts right under the actions' buttons, with no empty band
// left by the actions' status line while it has nothing to say, which still stays a live region.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { staticTokenProvider } from '@dsp-kit/auth';
import { DspClient } from '@dsp-kit/fhir';
import { fixtures, mockToken } from '@dsp-kit/mock';
import { startSandbox, type Sandbox } from '@dsp-kit/mock/browser';
import type { DspDocumentViewer } from '../src/define/dsp-document-viewer.js';
import '../src/define/dsp-document-viewer.js';
import '../src/define/dsp-document-preview.js';
import '../src/document-viewer/document-actions.component.js';
import './resize-observer-notice.js';

const { documents, patients, users } = fixtures;

/**
 * The most the buttons' bottom may be above the document's top: the dialog's gap and the
 * actions' own margin (8 and 12 px in the default theme), with a little room.
 */
const MAX_GAP = 24;

let sandbox: Sandbox;

before(async () => {
  sandbox = await startSandbox();
  await setViewport({ width: 700, height: 900 });
});
after(async () => {
  sandbox.stop();
  await setViewport({ width: 800, height: 600 });
});

/** Marie's DSP as Dr Muller, who may replace, correct and withdraw what she wrote. */
async function viewer(): Promise<DspDocumentViewer> {
  const client = new DspClient({
    baseUrl: sandbox.server.baseUrl,
    tokens: staticTokenProvider(mockToken(users.muller)),
    retry: false,
  });
  const el = await fixture<DspDocumentViewer>(
    html`<dsp-document-viewer
      .client=${client}
      patient=${patients.marie.id}
      user=${`Practitioner/${users.muller}`}
      lang="fr"
    ></dsp-document-viewer>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('[part~="row"]'), 'no row', {
    timeout: 5000,
  });
  return el;
}

describe('<dsp-document-viewer>: the modal preview', () => {
  it('shows the document right under the action buttons, the empty status kept as a live region', async () => {
    const el = await viewer();
    el.open(documents.masked.id);
    await el.updateComplete;
    const dialog = el.shadowRoot!.querySelector<HTMLDialogElement>('dialog[part="preview"]')!;
    expect(dialog.matches(':modal'), 'modal below 60rem').to.equal(true);
    const buttonsOf = () =>
      el.shadowRoot!.querySelector('dsp-document-actions')?.shadowRoot?.querySelector('.buttons');
    await waitUntil(() => buttonsOf()?.querySelector('button'), 'no buttons', { timeout: 5000 });
    const actions = el.shadowRoot!.querySelector('dsp-document-actions')!;
    const preview = dialog.querySelector('dsp-document-preview')!;
    await waitUntil(() => preview.shadowRoot?.querySelector('[part="header"]'), 'no preview');

    const buttons = buttonsOf()!.getBoundingClientRect();
    const document = preview.getBoundingClientRect();
    expect(buttons.height, 'the buttons show').to.be.greaterThan(0);
    const gap = document.top - buttons.bottom;
    expect(gap, `${gap}px between the buttons and the document`).to.be.within(0, MAX_GAP);

    const status = actions.shadowRoot!.querySelector('[role="status"]');
    expect(status, 'the live region is there before it speaks').to.not.equal(null);
    await expect(el).to.be.accessible();
  });
});
