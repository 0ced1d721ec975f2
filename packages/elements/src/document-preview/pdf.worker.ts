// The PDF worker: parses one PDF with PDF.js and draws its pages off the main thread, with no
// script, no form and nothing fetched, answering page sizes, page text and page bitmaps.
// @ts-expect-error -- pdfjs-dist ships no types for its worker module, used here as a whole.
import * as pdfjsWorker from 'pdfjs-dist/build/pdf.worker.mjs';
import { AnnotationMode, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
import type { PdfPageInfo, PdfRequest, PdfResponse } from './pdf-protocol.js';

// PDF.js runs its parser in this same thread ("fake worker") when it finds it here: no nested
// worker, no worker URL to resolve.
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfjsWorker;

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<PdfRequest>) => void) | null;
  postMessage(message: PdfResponse, transfer?: Transferable[]): void;
};

let documentPromise: Promise<PDFDocumentProxy> = Promise.reject(new Error('no PDF opened'));
// Only a request before `open` would see it; PDF.js's own handshake is not a request of ours.
documentPromise.catch(() => undefined);

function open(data: ArrayBuffer): Promise<PDFDocumentProxy> {
  return getDocument({
    data: new Uint8Array(data),
    // Nothing in a PDF may run: no `new Function` for PostScript functions, no XFA forms.
    isEvalSupported: false,
    enableXfa: false,
    // Nothing is fetched: no CMaps, standard fonts, ICC profiles or wasm decoders from any URL.
    useWasm: false,
    useWorkerFetch: false,
    useSystemFonts: false,
    // Glyphs drawn as paths: no FontFace, no `document` (there is none in a worker).
    disableFontFace: true,
    disableRange: true,
    disableStream: true,
    disableAutoFetch: true,
    isImageDecoderSupported: false,
    verbosity: 0,
  }).promise;
}

async function pages(from: number, to: number): Promise<PdfPageInfo[]> {
  const pdf = await documentPromise;
  const result: PdfPageInfo[] = [];
  for (let number = from; number <= Math.min(to, pdf.numPages); number++) {
    const page = await pdf.getPage(number);
    const { width, height } = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const text = content.items
      .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : ''))
      .join('')
      .replace(/[ \t]+/g, ' ')
      .trim();
    result.push({ width, height, text });
  }
  return result;
}

async function render(number: number, width: number): Promise<ImageBitmap> {
  const pdf = await documentPromise;
  const page = await pdf.getPage(number);
  const scale = width / page.getViewport({ scale: 1 }).width;
  const viewport = page.getViewport({ scale });
  const canvas = new OffscreenCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D context in the PDF worker');
  await page.render({
    canvas: canvas as unknown as HTMLCanvasElement,
    canvasContext: context as unknown as CanvasRenderingContext2D,
    viewport,
    background: 'white',
    // Annotations are drawn as pictures only (no form widgets, no links): nothing to click.
    annotationMode: AnnotationMode.ENABLE,
  }).promise;
  page.cleanup();
  return canvas.transferToImageBitmap();
}

scope.onmessage = (event) => {
  const request = event.data;
  // PDF.js's own worker side listens here too; its messages are not ours.
  if (typeof request.id !== 'number') return;
  const { id } = request;
  const answer: Promise<PdfResponse> =
    request.kind === 'open'
      ? (documentPromise = open(request.data)).then((pdf) => ({
          id,
          kind: 'open',
          pageCount: pdf.numPages,
        }))
      : request.kind === 'pages'
        ? pages(request.from, request.to).then((list) => ({ id, kind: 'pages', pages: list }))
        : render(request.page, request.width).then((bitmap) => ({ id, kind: 'render', bitmap }));
  answer.then(
    (response) => {
      scope.postMessage(response, response.kind === 'render' ? [response.bitmap] : []);
    },
    (error: unknown) => {
      scope.postMessage({ id, kind: 'error', message: String(error) });
    },
  );
};
