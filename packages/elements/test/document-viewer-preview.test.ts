// <dsp-document-viewer>'s preview where the user looks, in a 900 px high window under a page header:
// beside the list on a wide panel, a modal dialog on a narrow one; focus moved into it, Escape
// back to the row, the open row marked, the list one Tab stop (the open row, else the newest
// document) with a hint, and Shift+Tab from the preview back to the open row.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { staticTokenProvider } from '@dsp-kit/auth';
import { DspClient } from '@dsp-kit/fhir';
import { fixtures, mockToken, sampleFiles } from '@dsp-kit/mock';
import { startSandbox, type Sandbox } from '@dsp-kit/mock/browser';
import type { DspDocumentViewer } from '../src/define/dsp-document-viewer.js';
import '../src/define/dsp-document-viewer.js';
import '../src/define/dsp-document-preview.js';
import './resize-observer-notice.js';
import { putDocument } from './document-preview.helpers.js';

const { patients, users } = fixtures;

let sandbox: Sandbox;

before(async () => {
  sandbox = await startSandbox();
});
afterEach(async () => {
  await sandbox.reset();
});
after(async () => {
  sandbox.stop();
  await setViewport({ width: 800, height: 600 });
});

/** Marie's DSP as Dr Weber sees it, in English, under a 400 px page header (as in the sandbox). */
async function viewerUnderHeader(): Promise<DspDocumentViewer> {
  const client = new DspClient({
    baseUrl: sandbox.server.baseUrl,
    tokens: staticTokenProvider(mockToken(users.weber)),
    retry: false,
  });
  const page = await fixture<HTMLElement>(
    html`<div>
      <header style="height: 400px">The host page’s header</header>
      <dsp-document-viewer .client=${client} patient=${patients.marie.id} lang="en">
      </dsp-document-viewer>
    </div>`,
  );
  const el = page.querySelector('dsp-document-viewer')!;
  await waitUntil(() => el.shadowRoot!.querySelector('[part~="row"] .title'), 'no row', {
    timeout: 5000,
  });
  await el.updateComplete;
  return el;
}

function root(el: DspDocumentViewer): ShadowRoot {
  return el.shadowRoot!;
}

function titles(el: DspDocumentViewer): HTMLButtonElement[] {
  return [...root(el).querySelectorAll<HTMLButtonElement>('[part~="row"] .title')];
}

function dialog(el: DspDocumentViewer): HTMLDialogElement | null {
  return root(el).querySelector<HTMLDialogElement>('dialog[part~="preview"]');
}

/** The text of what has focus in the viewer. */
function focused(el: DspDocumentViewer): string | undefined {
  return root(el).activeElement?.textContent.trim();
}

/** Focus the list's Tab stop, move down to the `n`th document (0-based) and press Enter. */
async function openWithKeyboard(el: DspDocumentViewer, n: number): Promise<string> {
  const stop = root(el).querySelector<HTMLElement>('[part="list"] [tabindex="0"]')!;
  stop.focus();
  // From a document, ArrowDown reaches the next row: a month heading or a document.
  while (focused(el) !== titles(el)[n]!.textContent.trim()) {
    await sendKeys({ press: 'ArrowDown' });
  }
  const title = focused(el)!;
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => dialog(el)?.open, 'the preview did not open', { timeout: 5000 });
  await waitUntil(
    () => dialog(el)!.contains(root(el).activeElement),
    'focus did not move into the preview',
    { timeout: 5000 },
  );
  return title;
}

/** Whether the top of `element` (its first 100 px) is in the window. */
function inView(element: Element): boolean {
  const box = element.getBoundingClientRect();
  return box.width > 0 && box.top >= 0 && box.top + Math.min(100, box.height) <= innerHeight;
}

describe('<dsp-document-viewer> on a wide panel (1280 × 900)', function () {
  // axe over the panel with its preview open takes seconds.
  this.timeout(30_000);
  before(async () => {
    await setViewport({ width: 1280, height: 900 });
  });

  it('makes the newest document the list’s one Tab stop, with a hint about the arrows', async () => {
    const el = await viewerUnderHeader();
    const stops = [...root(el).querySelectorAll<HTMLElement>('[part="list"] [tabindex="0"]')];
    expect(stops, 'one Tab stop').to.have.length(1);
    expect(stops[0], 'the first document, not its month').to.equal(titles(el)[0]);
    const hint = root(el).getElementById(stops[0]!.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent.trim()).to.equal(
      'Use the up and down arrow keys to move between documents.',
    );
    // Tab from the last control of the toolbar lands on it.
    root(el).querySelector<HTMLButtonElement>('.views button:last-child')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal(titles(el)[0]);
  });

  it('opens the preview beside the list, in view, with focus in it and the row marked', async () => {
    const el = await viewerUnderHeader();
    const title = await openWithKeyboard(el, 1);
    const preview = dialog(el)!;
    expect(preview.matches(':modal'), 'beside the list, not modal').to.be.false;
    expect(inView(preview), 'the preview is in view').to.be.true;
    const list = root(el).querySelector('[part="list"]')!.getBoundingClientRect();
    const box = preview.getBoundingClientRect();
    expect(box.left, 'beside the list').to.be.at.least(list.right);
    expect(box.top, 'at the height of the list').to.be.below(list.bottom);

    const open = titles(el).find((t) => t.textContent.trim() === title)!;
    expect(open.getAttribute('aria-current')).to.equal('true');
    expect(titles(el).filter((t) => t.hasAttribute('aria-current'))).to.have.length(1);
    const row = open.closest('[part~="row"]')!;
    const other = titles(el)
      .find((t) => t !== open)!
      .closest('[part~="row"]')!;
    expect(row.getAttribute('part')).to.contain('row-current');
    expect(getComputedStyle(row).backgroundColor, 'seen as open').not.to.equal(
      getComputedStyle(other).backgroundColor,
    );
    await expect(el).to.be.accessible();
  });

  it('draws a PDF’s first page as it opens, and shows it again at once when reopened', async () => {
    // Every page the previews ask their PDF workers to draw.
    const asked: number[] = [];
    const RealWorker = globalThis.Worker;
    globalThis.Worker = class extends RealWorker {
      override postMessage(
        message: unknown,
        transfer?: Transferable[] | StructuredSerializeOptions,
      ): void {
        if ((message as { kind?: string }).kind === 'render') {
          asked.push((message as { page: number }).page);
        }
        super.postMessage(message, transfer as StructuredSerializeOptions);
      }
    };
    try {
      const pdf = sampleFiles().find((f) => f.contentType === 'application/pdf')!;
      const doc = await putDocument(sandbox.server.store, 'application/pdf', pdf.bytes, {
        title: 'Compte rendu en PDF',
      });
      const el = await viewerUnderHeader();
      const page = () =>
        root(el)
          .querySelector('dsp-document-preview')
          ?.shadowRoot?.querySelector('canvas[data-page="1"][data-drawn]');
      el.open(doc.id!);
      await waitUntil(page, 'the first page was not drawn', { timeout: 8000 });
      expect(asked, 'drawn once, nothing scrolled').to.deep.equal([1]);
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialog(el)!.open, 'Escape did not close the preview');
      el.open(doc.id!);
      await waitUntil(page, 'the first page did not show again', { timeout: 8000 });
      expect(asked, 'not drawn again').to.deep.equal([1]);
    } finally {
      globalThis.Worker = RealWorker;
    }
  });

  it('goes back to the open row with Shift+Tab, and closes with Escape, focus on the row', async () => {
    const el = await viewerUnderHeader();
    const title = await openWithKeyboard(el, 2);
    // The open row is now the list's Tab stop.
    const stops = [...root(el).querySelectorAll<HTMLElement>('[part="list"] [tabindex="0"]')];
    expect(stops.map((s) => s.textContent.trim())).to.deep.equal([title]);
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(focused(el), 'Shift+Tab lands on the open row').to.equal(title);

    await openWithKeyboard(el, 2);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog(el)?.open, 'Escape did not close the preview');
    expect(focused(el), 'back on the row').to.equal(title);
    expect(titles(el).filter((t) => t.hasAttribute('aria-current'))).to.have.length(0);
    expect(dialog(el)!.getBoundingClientRect().height, 'nothing shows closed').to.equal(0);
  });
});

describe('<dsp-document-viewer> on a narrow panel (600 × 900)', function () {
  this.timeout(30_000);
  before(async () => {
    await setViewport({ width: 600, height: 900 });
  });

  it('opens the preview as a modal dialog in view; Escape returns to the row', async () => {
    const el = await viewerUnderHeader();
    const title = await openWithKeyboard(el, 1);
    const preview = dialog(el)!;
    expect(preview.matches(':modal')).to.be.true;
    expect(inView(preview), 'the preview is in view').to.be.true;
    expect(preview.getAttribute('aria-label')).to.equal(title);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !preview.open, 'Escape did not close the preview');
    expect(focused(el), 'back on the row').to.equal(title);
  });
});
