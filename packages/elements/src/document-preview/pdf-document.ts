// Opens a PDF in the PDF worker (PDF.js off the main thread) and asks it for page sizes, page text
// and page bitmaps; rejects when no worker can start or the file does not parse, so the preview
// can fall back to its sandboxed frame.
import type { PdfPageInfo, PdfRequest, PdfResponse } from './pdf-protocol.js';

export type { PdfPageInfo } from './pdf-protocol.js';

type Ask = PdfRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;
type Answer<K> = Extract<PdfResponse, { kind: K }>;

function startWorker(): Worker {
  // As in `document-uploader/hash.ts`: web-test-runner serves this module as `.ts` and rewrites
  // no worker URL; Vite rewrites the literal `.js` URL below (to the source in development, to an
  // emitted chunk holding PDF.js in a build); `tsc` emits `pdf.worker.js` beside this module in
  // `dist/`. The single-file bundle has no file there: the worker fails to load, and PDF.js is
  // never inlined into it. The variable keeps bundlers from emitting the source as an asset.
  const source = './pdf.worker.ts';
  if (import.meta.url.endsWith('/pdf-document.ts')) {
    return new Worker(new URL(source, import.meta.url), { type: 'module' });
  }
  return new Worker(new URL('./pdf.worker.js', import.meta.url), { type: 'module' });
}

/** An open PDF; `destroy()` ends its worker and everything PDF.js holds for it. */
export class PdfDocument {
  readonly #worker = startWorker();
  readonly #pending = new Map<number, (response: PdfResponse) => void>();
  #next = 0;
  #closed = false;
  pageCount = 0;

  private constructor() {
    this.#worker.onmessage = (event: MessageEvent<PdfResponse>) => {
      this.#pending.get(event.data.id)?.(event.data);
      this.#pending.delete(event.data.id);
    };
    // A worker file that is missing or refused fires `error` before any answer.
    this.#worker.onerror = (event) => {
      event.preventDefault();
      this.#failAll(event.message || 'the PDF worker failed');
    };
  }

  /** Opens `blob` in a new worker; aborting `signal` ends it. */
  static async open(blob: Blob, signal: AbortSignal): Promise<PdfDocument> {
    const pdf = new PdfDocument();
    signal.addEventListener('abort', () => pdf.destroy(), { once: true });
    const data = await blob.arrayBuffer();
    pdf.pageCount = (await pdf.#ask<'open'>({ kind: 'open', data }, [data])).pageCount;
    return pdf;
  }

  /** Sizes and text of pages `from` to `to` (1-based, inclusive, clamped to the last page). */
  async pages(from: number, to: number): Promise<readonly PdfPageInfo[]> {
    return (await this.#ask<'pages'>({ kind: 'pages', from, to })).pages;
  }

  /** Page `page` (1-based) drawn `width` device pixels wide. */
  async render(page: number, width: number): Promise<ImageBitmap> {
    return (await this.#ask<'render'>({ kind: 'render', page, width })).bitmap;
  }

  /** Ends the worker; pending requests reject. */
  destroy(): void {
    this.#closed = true;
    this.#worker.terminate();
    this.#failAll('closed');
  }

  #ask<K extends PdfResponse['kind']>(
    request: Ask,
    transfer: Transferable[] = [],
  ): Promise<Answer<K>> {
    const id = ++this.#next;
    if (this.#closed) return Promise.reject(new Error('closed'));
    return new Promise((resolve, reject) => {
      this.#pending.set(id, (response) => {
        if (response.kind === 'error') reject(new Error(response.message));
        else resolve(response as Answer<K>);
      });
      this.#worker.postMessage({ ...request, id }, transfer);
    });
  }

  #failAll(message: string): void {
    for (const [id, settle] of this.#pending) settle({ id, kind: 'error', message });
    this.#pending.clear();
  }
}
