// <dsp-document-preview> drawing a PDF's first page as soon as it opens, seen or not, and showing
// the pages it drew at once when the same document is opened again: the draw requests sent to the
// PDF worker are counted, and the bitmaps it keeps are let go when it leaves the page.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { staticTokenProvider } from '@dsp-kit/auth';
import { DspClient, type DocumentReference } from '@dsp-kit/fhir';
import { fixtures, mockToken, sampleFiles } from '@dsp-kit/mock';
import { startSandbox, type Sandbox } from '@dsp-kit/mock/browser';
import type { DspDocumentPreview } from '../src/define/dsp-document-preview.js';
import '../src/define/dsp-document-preview.js';
import { putDocument, settled } from './document-preview.helpers.js';

const { users } = fixtures;
let sandbox: Sandbox;

/** The pages the previews asked their PDF workers to draw, in order. */
let asked: number[] = [];
const RealWorker = globalThis.Worker;
class RecordingWorker extends RealWorker {
  override postMessage(
    message: unknown,
    transfer?: Transferable[] | StructuredSerializeOptions,
  ): void {
    const request = message as { kind?: string; page?: number };
    if (request.kind === 'render') asked.push(request.page!);
    super.postMessage(message, transfer as StructuredSerializeOptions);
  }
}

function client(): DspClient {
  return new DspClient({
    baseUrl: sandbox.server.baseUrl,
    tokens: staticTokenProvider(mockToken(users.weber)),
    retry: false,
  });
}

function firstPage(el: DspDocumentPreview): HTMLCanvasElement | null {
  return el.shadowRoot!.querySelector<HTMLCanvasElement>('canvas[part~="page"][data-page="1"]');
}

function drawn(el: DspDocumentPreview, message: string): Promise<void> {
  return waitUntil(() => firstPage(el)?.hasAttribute('data-drawn'), message, { timeout: 8000 });
}

/** Pixels of a drawn page that are not near-white: ink, read back from the canvas. */
function inkedPixels(canvas: HTMLCanvasElement): number {
  const copy = document.createElement('canvas');
  copy.width = canvas.width;
  copy.height = canvas.height;
  const context = copy.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(canvas, 0, 0);
  const { data } = context.getImageData(0, 0, copy.width, copy.height);
  let inked = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i]! < 160 && data[i + 3]! > 0) inked++;
  return inked;
}

/** `count` documents of Marie's, each the sample PDF under its own id. */
async function pdfDocuments(count: number): Promise<DocumentReference[]> {
  const pdf = sampleFiles().find((f) => f.contentType === 'application/pdf')!;
  const stored: DocumentReference[] = [];
  for (let i = 0; i < count; i++) {
    stored.push(
      await putDocument(sandbox.server.store, 'application/pdf', pdf.bytes, {
        title: `${pdf.title} ${i + 1}`,
      }),
    );
  }
  return stored;
}

/** Shows `doc` in `el` and waits until its first page is drawn. */
async function showDrawn(el: DspDocumentPreview, doc: DocumentReference): Promise<void> {
  el.document = doc;
  await settled(el, 'pages', 'frame');
  await drawn(el, `the first page of ${doc.id} was not drawn`);
}

before(async () => {
  sandbox = await startSandbox();
});
after(() => sandbox.stop());

describe('<dsp-document-preview> drawing PDFs without waiting', function () {
  // PDF.js takes a second or more to draw a page, five times in the last test.
  this.timeout(40_000);
  beforeEach(async () => {
    asked = [];
    globalThis.Worker = RecordingWorker;
    sandbox.clearScenario();
    await sandbox.reset();
  });
  afterEach(() => {
    globalThis.Worker = RealWorker;
  });

  it('draws the first page as soon as the PDF opens, out of sight, without scrolling', async () => {
    const [doc] = await pdfDocuments(1);
    const page = await fixture<HTMLElement>(
      html`<div>
        <div style="height: ${innerHeight * 3}px"></div>
        <dsp-document-preview .client=${client()} .document=${doc}></dsp-document-preview>
      </div>`,
    );
    const el = page.querySelector('dsp-document-preview')!;
    await settled(el, 'pages', 'frame');
    expect(firstPage(el)!.getBoundingClientRect().top, 'below the fold').to.be.greaterThan(
      innerHeight,
    );
    await drawn(el, 'the first page waited to be seen');
    expect(scrollY, 'nothing scrolled').to.equal(0);
    expect(asked).to.deep.equal([1]);
    expect(inkedPixels(firstPage(el)!)).to.be.greaterThan(500);
  });

  it('shows the pages it drew at once when the same PDF opens again, without drawing them again', async () => {
    const [report] = await pdfDocuments(1);
    const el = await fixture<DspDocumentPreview>(
      html`<dsp-document-preview .client=${client()}></dsp-document-preview>`,
    );
    await showDrawn(el, report!);
    expect(asked, 'drawn once').to.deep.equal([1]);

    el.document = await putDocument(
      sandbox.server.store,
      'text/plain',
      new TextEncoder().encode('Entre-temps, une note.'),
      { title: 'Note' },
    );
    await settled(el, 'text');
    await showDrawn(el, report!);
    expect(asked, 'not drawn again').to.deep.equal([1]);
    expect(inkedPixels(firstPage(el)!), 'the page kept has its ink').to.be.greaterThan(500);
  });

  it('keeps the pages of the last three PDFs only, and lets them all go when it leaves', async () => {
    const closed: ImageBitmap[] = [];
    const close = Object.getOwnPropertyDescriptor(ImageBitmap.prototype, 'close')!;
    const realClose = close.value as (this: ImageBitmap) => void;
    ImageBitmap.prototype.close = function (this: ImageBitmap) {
      closed.push(this);
      realClose.call(this);
    };
    try {
      const documents = await pdfDocuments(4);
      const el = await fixture<DspDocumentPreview>(
        html`<dsp-document-preview .client=${client()}></dsp-document-preview>`,
      );
      for (const doc of documents) await showDrawn(el, doc);
      expect(asked, 'each drawn once').to.deep.equal([1, 1, 1, 1]);
      // The first of the four was let go, its bitmap closed; the last three were kept.
      expect(closed.length, 'the oldest let go').to.equal(1);
      for (const doc of documents.slice(1)) await showDrawn(el, doc);
      expect(asked, 'the last three shown from what was kept').to.deep.equal([1, 1, 1, 1]);
      await showDrawn(el, documents[0]!);
      expect(asked, 'the oldest drawn again').to.deep.equal([1, 1, 1, 1, 1]);

      const before = closed.length;
      el.remove();
      expect(closed.length - before, 'the three kept let go on leaving').to.equal(3);
    } finally {
      Object.defineProperty(ImageBitmap.prototype, 'close', close);
    }
  });
});
