// <dsp-document-viewer> on a phone-sized page (390 px): its filters wrap and shrink, and none
// sticks out of the panel, even a type select whose options are long type names.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { staticTokenProvider } from '@dsp-kit/auth';
import { DspClient } from '@dsp-kit/fhir';
import { fixtures, mockToken } from '@dsp-kit/mock';
import { startSandbox, type Sandbox } from '@dsp-kit/mock/browser';
import type { DspDocumentViewer } from '../src/define/dsp-document-viewer.js';
import '../src/define/dsp-document-viewer.js';
import './resize-observer-notice.js';

const { patients, users } = fixtures;

let sandbox: Sandbox;

before(async () => {
  sandbox = await startSandbox();
  await setViewport({ width: 390, height: 844 });
});
after(async () => {
  sandbox.stop();
  await setViewport({ width: 800, height: 600 });
});

/** The viewer of `patient`'s DSP, signed in as that patient, once its toolbar shows. */
async function viewerOf(patient: string, lang: string): Promise<DspDocumentViewer> {
  const client = new DspClient({
    baseUrl: sandbox.server.baseUrl,
    tokens: staticTokenProvider(mockToken(patient)),
    retry: false,
  });
  const el = await fixture<DspDocumentViewer>(
    html`<dsp-document-viewer
      .client=${client}
      patient=${patient}
      lang=${lang}
    ></dsp-document-viewer>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('[part="toolbar"] select'), 'no toolbar', {
    timeout: 5000,
  });
  await el.updateComplete;
  return el;
}

/** The panel's content box: inside its border and padding. */
function contentBox(base: HTMLElement): { left: number; right: number } {
  const box = base.getBoundingClientRect();
  const style = getComputedStyle(base);
  return {
    left: box.left + base.clientLeft + parseFloat(style.paddingLeft),
    right:
      box.right - (box.width - base.clientLeft - base.clientWidth) - parseFloat(style.paddingRight),
  };
}

/** Every control of the toolbar (and the labels holding them) sticking out of the panel. */
function overflowing(el: DspDocumentViewer): string[] {
  const base = el.shadowRoot!.querySelector<HTMLElement>('[part="base"]')!;
  const { left, right } = contentBox(base);
  const toolbar = el.shadowRoot!.querySelector('[part="toolbar"]')!;
  const controls = toolbar.querySelectorAll<HTMLElement>('label, input, select, .views, button');
  // A half pixel of rounding is not an overflow.
  return [...controls]
    .filter((c) => {
      const box = c.getBoundingClientRect();
      return box.left < left - 0.5 || box.right > right + 0.5;
    })
    .map(
      (c) =>
        `${c.localName}${c.className ? `.${c.className}` : ''}: ${c.textContent.replace(/\s+/g, ' ').trim().slice(0, 40)}`,
    );
}

describe('<dsp-document-viewer> at 390 px', () => {
  it('keeps every filter inside the panel, the long type names included', async () => {
    // Lucien's hospital stay: "CR de séjours hospitaliers et lettres de sorties".
    const el = await viewerOf(patients.lucien.id, 'fr');
    expect(document.documentElement.clientWidth).to.equal(390);
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('[part="toolbar"] select')!;
    expect([...select.options].map((o) => o.text)).to.include(
      'CR de séjours hospitaliers et lettres de sorties',
    );
    // The longest name is chosen, so the select shows it.
    select.value = 'cr-sejour-hospitalier';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(overflowing(el)).to.deep.equal([]);
    expect(document.documentElement.scrollWidth, 'the page scrolls sideways').to.equal(390);
    await expect(el).to.be.accessible();
  });

  it('keeps them inside in German, whose words are longer', async () => {
    const el = await viewerOf(users.marie, 'de');
    expect(overflowing(el)).to.deep.equal([]);
    expect(document.documentElement.scrollWidth, 'the page scrolls sideways').to.equal(390);
  });
});
