// <dsp-document-preview> drawing PDFs with PDF.js in its worker, against the mock DSP server:
// pages as canvases with real pixels and their text for screen readers, the page cap, PDF
// JavaScript never run, the worker closed with the document, and the sandboxed frame whenever
// PDF.js cannot help (a file that is not a PDF, no worker).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { staticTokenProvider } from '@dsp-kit/auth';
import { DspClient, type DocumentReference } from '@dsp-kit/fhir';
import { fixtures, mockToken, sampleFiles, writePdf } from '@dsp-kit/mock';
import { startSandbox, type Sandbox } from '@dsp-kit/mock/browser';
import type { DspDocumentPreview } from '../src/define/dsp-document-preview.js';
import type { DspErrorEvent } from '../src/events.js';
import '../src/define/dsp-document-preview.js';
import { part, putDocument, settled, text } from './document-preview.helpers.js';
import { KEEP_DRAWN } from '../src/document-preview/pdf-pages.controller.js';

const { documents, users } = fixtures;
let sandbox: Sandbox;

function client(): DspClient {
  return new DspClient({
    baseUrl: sandbox.server.baseUrl,
    tokens: staticTokenProvider(mockToken(users.weber)),
    retry: false,
  });
}

function pages(el: Element): HTMLCanvasElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLCanvasElement>('canvas[part~="page"]')];
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

function drawn(canvas: HTMLCanvasElement): Promise<void> {
  return waitUntil(() => 'drawn' in canvas.dataset, `page ${canvas.dataset.page} was not drawn`, {
    timeout: 8000,
  });
}

/**
 * A PDF of `pageTexts.length` A4 pages, each with one line of Helvetica, by the mock's PDF
 * writer. `catalogExtra` goes into the catalog; `pageExtra` into every page.
 */
function buildPdf(
  pageTexts: readonly string[],
  options: { catalogExtra?: string; pageExtra?: string } = {},
): Uint8Array {
  return writePdf({
    pages: pageTexts.map((line) => `BT /F1 24 Tf 72 720 Td (${line}) Tj ET`),
    ...options,
  });
}

function preview(doc: DocumentReference, lang = 'en'): Promise<DspDocumentPreview> {
  return fixture<DspDocumentPreview>(
    html`<dsp-document-preview
      .client=${client()}
      .document=${doc}
      lang=${lang}
    ></dsp-document-preview>`,
  );
}

/** Replaces `globalThis.Worker` for one test; `restore()` puts the real one back. */
function replaceWorker(replacement: typeof Worker): { restore(): void } {
  const original = globalThis.Worker;
  globalThis.Worker = replacement;
  return {
    restore: () => {
      globalThis.Worker = original;
    },
  };
}

/** Uncaught errors and unhandled rejections while `run` runs. */
async function uncaught(run: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const onError = (event: ErrorEvent) => seen.push(event.message);
  const onRejection = (event: PromiseRejectionEvent) => seen.push(String(event.reason));
  addEventListener('error', onError);
  addEventListener('unhandledrejection', onRejection);
  try {
    await run();
    // Give a late rejection the chance to surface.
    await new Promise((resolve) => setTimeout(resolve, 100));
  } finally {
    removeEventListener('error', onError);
    removeEventListener('unhandledrejection', onRejection);
  }
  return seen;
}

before(async () => {
  sandbox = await startSandbox();
});
after(() => sandbox.stop());

describe('<dsp-document-preview> with PDF.js', () => {
  beforeEach(async () => {
    sandbox.clearScenario();
    await sandbox.reset();
  });

  it('draws a PDF’s page into a canvas with ink on it, its text given to screen readers', async () => {
    const pdf = sampleFiles().find((f) => f.contentType === 'application/pdf')!;
    const doc = await putDocument(sandbox.server.store, 'application/pdf', pdf.bytes, {
      title: pdf.title,
    });
    const el = await preview(doc);
    await settled(el, 'pages', 'frame');
    expect(part(el, 'frame'), 'PDF.js drew it, no fallback').to.be.null;
    const [page] = pages(el);
    await drawn(page!);
    expect(page!.width).to.be.greaterThan(100);
    expect(inkedPixels(page!), 'ink on the page').to.be.greaterThan(500);
    expect(page!.getAttribute('role')).to.equal('img');
    expect(page!.getAttribute('aria-label')).to.equal(`Page 1 of 2, ${pdf.title}`);
    expect(part(el, 'pages')!.getAttribute('tabindex'), 'scrollable by keyboard').to.equal('0');

    // The page's text, as text beside its picture, hidden from the eye only.
    const described = page!.nextElementSibling!;
    expect(text(described)).to.contain('Antécédents : appendicectomie (1998)');
    expect(text(described)).to.contain('Allergies : pénicilline.');
    expect(getComputedStyle(described).display).not.to.equal('none');
    expect(getComputedStyle(described).visibility).to.equal('visible');
    expect(el.shadowRoot!.querySelector('[aria-hidden="true"]')).to.be.null;
    expect(part(el, 'download'), 'the download stays').not.to.be.null;
    await expect(el).to.be.accessible();
  });

  it('lists the first 20 pages, draws them as they scroll into view, and shows more on request', async () => {
    // Every page the preview asks the worker to draw, in order.
    const asked: number[] = [];
    class RecordingWorker extends Worker {
      override postMessage(
        message: unknown,
        transfer?: Transferable[] | StructuredSerializeOptions,
      ): void {
        const request = message as { kind?: string; page?: number };
        if (request.kind === 'render') asked.push(request.page!);
        super.postMessage(message, transfer as StructuredSerializeOptions);
      }
    }
    const worker = replaceWorker(RecordingWorker);
    const texts = Array.from({ length: 23 }, (_, i) => `Feuille ${i + 1}`);
    const doc = await putDocument(sandbox.server.store, 'application/pdf', buildPdf(texts), {
      title: 'Long rapport',
    });
    const el = await preview(doc, 'fr');
    await settled(el, 'pages', 'frame');
    worker.restore();
    let list = pages(el);
    expect(list).to.have.length(20);
    expect(list[19]!.getAttribute('aria-label')).to.equal('Page 20 sur 23, Long rapport');
    expect(text(list[19]!.nextElementSibling)).to.equal('Feuille 20');
    await drawn(list[0]!);
    expect(inkedPixels(list[0]!)).to.be.greaterThan(100);
    // Pages are asked for as they are seen, all at once: none below the fold was asked for.
    expect(asked, 'only the page in view').to.deep.equal([1]);
    expect('drawn' in list[19]!.dataset, 'page 20 waits until it is seen').to.be.false;
    list[19]!.scrollIntoView();
    await drawn(list[19]!);
    expect(inkedPixels(list[19]!)).to.be.greaterThan(100);

    const more = part(el, 'pages')!.querySelector('button')!;
    expect(text(more)).to.equal('Afficher les pages suivantes');
    await expect(el).to.be.accessible();
    more.click();
    await waitUntil(() => pages(el).length === 23, 'the three last pages were not listed');
    list = pages(el);
    expect(list[22]!.getAttribute('aria-label')).to.equal('Page 23 sur 23, Long rapport');
    expect(text(list[22]!.nextElementSibling)).to.equal('Feuille 23');
    expect(part(el, 'pages')!.querySelector('button'), 'nothing more to show').to.be.null;
    list[22]!.scrollIntoView();
    await drawn(list[22]!);
  });

  it('keeps only the pages in view and the last few drawn, and draws a page again when seen again', async () => {
    const texts = Array.from({ length: 14 }, (_, i) => `Feuille ${i + 1}`);
    const doc = await putDocument(sandbox.server.store, 'application/pdf', buildPdf(texts), {
      title: 'Long rapport',
    });
    const el = await preview(doc, 'fr');
    await settled(el, 'pages', 'frame');
    const list = pages(el);
    for (const canvas of list) {
      canvas.scrollIntoView();
      await drawn(canvas);
    }
    const kept = list.filter((canvas) => 'drawn' in canvas.dataset);
    expect(kept.length, 'pages in view and the six last drawn').to.be.at.most(KEEP_DRAWN + 2);
    expect('drawn' in list[0]!.dataset, 'the first page, long out of view, was let go').to.be.false;
    expect(list[0]!.height, 'and keeps its size').to.be.greaterThan(0);
    list[0]!.scrollIntoView();
    await drawn(list[0]!);
    expect(inkedPixels(list[0]!)).to.be.greaterThan(100);
  });

  it('never runs a PDF’s JavaScript, nor makes its links clickable', async () => {
    const script = 'app.alert(1); globalThis.pdfScriptRan = true; this.pdfScriptRan = true;';
    const bytes = buildPdf(['Avec script'], {
      catalogExtra: `/OpenAction << /S /JavaScript /JS (${script}) >>`,
      pageExtra:
        '/Annots [<< /Type /Annot /Subtype /Link /Rect [0 0 595 842] /Border [0 0 0] /A << /S /URI /URI (https://example.org/) >> >>]',
    });
    const alerts: unknown[] = [];
    const realAlert = window.alert.bind(window);
    window.alert = (message?: unknown) => alerts.push(message);
    try {
      const doc = await putDocument(sandbox.server.store, 'application/pdf', bytes, {
        title: 'Scripté',
      });
      const el = await preview(doc);
      await settled(el, 'pages', 'frame');
      const [page] = pages(el);
      await drawn(page!);
      expect(text(page!.nextElementSibling)).to.equal('Avec script');
      page!.click();
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect((globalThis as { pdfScriptRan?: unknown }).pdfScriptRan).to.equal(undefined);
      expect(alerts).to.deep.equal([]);
      expect(el.shadowRoot!.querySelector('a, iframe, object, embed')).to.be.null;
      expect(location.href).not.to.contain('example.org');
    } finally {
      window.alert = realAlert;
    }
  });

  it('falls back to the sandboxed frame and the download for a file that is not a PDF', async () => {
    const bytes = new TextEncoder().encode('Ceci n’est pas un PDF, malgré son type.\n');
    const doc = await putDocument(sandbox.server.store, 'application/pdf', bytes, {
      title: 'Faux PDF',
    });
    const errors: DspErrorEvent[] = [];
    let el: DspDocumentPreview | undefined;
    const problems = await uncaught(async () => {
      el = await preview(doc);
      el.addEventListener('dsp-error', (event) => errors.push(event));
      await settled(el, 'frame');
    });
    expect(problems).to.deep.equal([]);
    expect(errors).to.deep.equal([]);
    const frame = part(el!, 'frame') as HTMLIFrameElement;
    expect(frame.getAttribute('sandbox')).to.equal('');
    expect(frame.getAttribute('src')).to.match(/^blob:/);
    expect(part(el!, 'pages')).to.be.null;
    expect(text(el!.shadowRoot!.querySelector('.hint'))).to.contain('download it');
    expect(text(part(el!, 'download'))).to.equal('Download');
    await expect(el).to.be.accessible();
  });

  it('falls back to the sandboxed frame when no worker can start (the single file)', async () => {
    // As from `dsp-kit.min.js`: the worker file beside the module does not exist.
    class MissingWorker extends Worker {
      constructor(_url: string | URL, options?: WorkerOptions) {
        super(new URL('/no-such-dir/pdf.worker.js', location.href), options);
      }
    }
    const worker = replaceWorker(MissingWorker);
    try {
      const pdf = sampleFiles().find((f) => f.contentType === 'application/pdf')!;
      const doc = await putDocument(sandbox.server.store, 'application/pdf', pdf.bytes, {
        title: pdf.title,
      });
      const el = await preview(doc);
      await settled(el, 'frame');
      expect(part(el, 'pages')).to.be.null;
      expect(part(el, 'download')).not.to.be.null;
    } finally {
      worker.restore();
    }
  });

  it('ends its PDF worker when the document changes and when it leaves the page', async () => {
    const live = new Set<Worker>();
    const RealWorker = globalThis.Worker;
    class CountingWorker extends RealWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        live.add(this);
      }
      override terminate(): void {
        live.delete(this);
        super.terminate();
      }
    }
    const worker = replaceWorker(CountingWorker);
    try {
      const pdf = sampleFiles().find((f) => f.contentType === 'application/pdf')!;
      const doc = await putDocument(sandbox.server.store, 'application/pdf', pdf.bytes, {
        title: pdf.title,
      });
      const el = await preview(doc);
      await settled(el, 'pages', 'frame');
      expect(part(el, 'pages')).not.to.be.null;
      expect(live.size).to.equal(1);

      el.document = documents.bloodTest;
      await settled(el, 'text');
      expect(live.size, 'closed when another document shows').to.equal(0);

      el.document = doc;
      await settled(el, 'pages', 'frame');
      expect(live.size).to.equal(1);
      el.remove();
      expect(live.size, 'closed when the preview leaves').to.equal(0);
    } finally {
      worker.restore();
    }
  });
});
