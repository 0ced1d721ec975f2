// Break-the-glass answered late: the emergency access asked for one patient must never show on
// the patient the viewer shows by the time the server answers.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { staticTokenProvider } from '@dsp-kit/auth';
import { DspClient } from '@dsp-kit/fhir';
import { fixtures, mockToken } from '@dsp-kit/mock';
import { startSandbox, type Sandbox } from '@dsp-kit/mock/browser';
import type { DspDocumentViewer } from '../src/define/dsp-document-viewer.js';
import '../src/define/dsp-document-viewer.js';

const { patients, users } = fixtures;
let sandbox: Sandbox;

function part(el: Element, name: string): HTMLElement | null {
  return el.shadowRoot!.querySelector(`[part~="${name}"]`);
}

/** A client whose emergency access answers only once `release` is called. */
function heldClient(): { client: DspClient; sent: Promise<void>; release: () => void } {
  const client = new DspClient({
    baseUrl: sandbox.server.baseUrl,
    tokens: staticTokenProvider(mockToken(users.hansen)),
    retry: false,
  });
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let sent!: () => void;
  const sending = new Promise<void>((resolve) => (sent = resolve));
  const breakTheGlass = client.breakTheGlass.bind(client);
  client.breakTheGlass = async (...args) => {
    sent();
    const answer = await breakTheGlass(...args);
    await held;
    return answer;
  };
  return { client, sent: sending, release };
}

before(async () => {
  // Only Marie's DSP needs a grant: Dr Hansen reads Tom’s, and is refused Marie's.
  sandbox = await startSandbox({ policy: { explicitGrantsFor: [patients.marie.id] } });
});
afterEach(() => sandbox.reset());
after(() => sandbox.stop());

describe('break-the-glass answered after the viewer moved to another patient', () => {
  it('does not show the first patient’s emergency access on the second', async () => {
    const { client, sent, release } = heldClient();
    const el = await fixture<DspDocumentViewer>(
      html`<dsp-document-viewer
        .client=${client}
        patient=${patients.marie.id}
      ></dsp-document-viewer>`,
    );
    el.style.setProperty('--dsp-document-viewer-height', '1000rem');
    await waitUntil(() => part(el, 'break-glass'), 'no emergency access offered', {
      timeout: 5000,
    });
    const granted: string[] = [];
    el.addEventListener('dsp-break-glass-granted', (event) => {
      granted.push(event.detail.patientId);
    });
    const form = part(el, 'break-glass') as HTMLFormElement;
    form.querySelector('textarea')!.value = 'Patiente inconsciente aux urgences du CHEM';
    form.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await sent;

    el.patient = patients.tom.id;
    await waitUntil(() => part(el, 'row'), 'Tom’s documents did not show', { timeout: 5000 });
    release();
    // Long enough for a late answer to land and be rendered.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await el.updateComplete;

    expect(el.patient).to.equal(patients.tom.id);
    // Booleans: chai would print a whole element on failure.
    expect(part(el, 'emergency')?.textContent, 'Marie’s emergency access shown on Tom').to.equal(
      undefined,
    );
    expect(granted, 'a grant announced for the patient no longer shown').to.deep.equal([]);
    expect(part(el, 'break-glass') === null, 'an emergency access form on Tom').to.equal(true);
  });
});
