// Shows a PDF's pages in the preview: opens the blob in the PDF worker, lists the first pages
// (more on request), draws the first page at once and the others once scrolled into view, keeps
// the first pages of the last PDFs shown for their reopening, and ends the worker when the preview
// shows something else or leaves the page.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DrawnPagesCache } from './drawn-pages-cache.js';
import { PdfDocument, type PdfPageInfo } from './pdf-document.js';

/** Pages listed at first, and added by each "show more". */
export const PAGE_STEP = 20;

/**
 * Drawn pages kept beyond those in view: a page drawn at device pixels is some 10 MB of bitmap,
 * so the oldest out of view are blanked (and drawn again when seen again).
 */
export const KEEP_DRAWN = 6;

export type PdfPagesState =
  | { readonly status: 'idle' | 'opening' }
  | { readonly status: 'open'; readonly pageCount: number; readonly pages: readonly PdfPageInfo[] }
  /** No worker, or not a PDF PDF.js can read: the preview falls back to its sandboxed frame. */
  | { readonly status: 'failed' };

export class PdfPagesController implements ReactiveController {
  state: PdfPagesState = { status: 'idle' };
  #blob: Blob | undefined;
  /** What names the blob's content in the cache; undefined when it is not kept. */
  #key: string | undefined;
  /** The PDF shown, once its worker has opened it. */
  #pdf: Promise<PdfDocument> | undefined;
  /** The first pages of the last PDFs shown, drawn. */
  readonly #cache = new DrawnPagesCache();
  #abort: AbortController | undefined;
  #observer: IntersectionObserver | undefined;
  /** The canvases in view now. */
  readonly #visible = new Set<HTMLCanvasElement>();
  /** The canvases drawn, the least recently drawn first. */
  #drawn: HTMLCanvasElement[] = [];
  /** The canvases being drawn. */
  readonly #drawing = new Set<HTMLCanvasElement>();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.show(undefined);
    this.#cache.clear();
  }

  /**
   * Shows `blob` (a PDF), or closes the one shown when `undefined`. Same blob: nothing to do.
   * `key` names its content (see `contentKey`): a PDF shown before under the same key lists its
   * pages and shows its first ones at once, while its worker opens it again for the others.
   */
  show(blob: Blob | undefined, key?: string): void {
    if (blob === this.#blob) return;
    this.#blob = blob;
    this.#key = blob ? key : undefined;
    this.#abort?.abort();
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#visible.clear();
    this.#drawing.clear();
    this.#drawn = [];
    this.#pdf = undefined;
    const kept = blob && key !== undefined ? this.#cache.get(key) : undefined;
    this.#set(
      kept
        ? { status: 'open', pageCount: kept.pageCount, pages: kept.pages }
        : { status: blob ? 'opening' : 'idle' },
    );
    if (!blob) return;
    const abort = (this.#abort = new AbortController());
    // Aborting ends the worker, so a late answer for an earlier blob is a rejection.
    const opening = (this.#pdf = PdfDocument.open(blob, abort.signal));
    opening
      .then(async (pdf) => {
        if (kept) return;
        const pages = await pdf.pages(1, PAGE_STEP);
        if (abort.signal.aborted) return;
        if (key !== undefined) this.#cache.remember(key, pdf.pageCount, pages);
        this.#set({ status: 'open', pageCount: pdf.pageCount, pages });
      })
      .catch(() => {
        if (abort.signal.aborted) return;
        abort.abort();
        this.#set({ status: 'failed' });
      });
  }

  /** Lists the next `PAGE_STEP` pages. */
  async more(): Promise<void> {
    const { state } = this;
    const opening = this.#pdf;
    if (state.status !== 'open' || !opening) return;
    const from = state.pages.length + 1;
    const added = await opening
      .then((pdf) => pdf.pages(from, from + PAGE_STEP - 1))
      .catch(() => []);
    // A second click while the first was answered asks for the same pages: only one counts.
    if (this.state === state) this.#set({ ...state, pages: [...state.pages, ...added] });
  }

  /**
   * Watches the canvases of `box` not yet watched: each is drawn once it is seen, and blanked
   * again when it is out of view and more than `KEEP_DRAWN` others were drawn since. The first
   * page is drawn at once, seen or not: a preview opened out of sight (below the list, in a
   * dialog still opening) has it ready when the user gets there.
   */
  watch(box: HTMLElement | null): void {
    if (!box || this.state.status !== 'open') return;
    // The implicit root clips by every scroll box: a page hidden in the preview's is not seen.
    this.#observer ??= new IntersectionObserver((entries) => {
      for (const { isIntersecting, target } of entries) {
        const canvas = target as HTMLCanvasElement;
        if (!isIntersecting) {
          this.#visible.delete(canvas);
          continue;
        }
        this.#visible.add(canvas);
        if (!('drawn' in canvas.dataset) && !this.#drawing.has(canvas)) void this.#draw(canvas);
      }
    });
    for (const canvas of box.querySelectorAll<HTMLCanvasElement>('canvas:not([data-watched])')) {
      canvas.setAttribute('data-watched', '');
      this.#observer.observe(canvas);
      // Not laid out (a closed dialog): no width to draw at, the observer draws it when seen.
      if (canvas.dataset.page === '1' && canvas.clientWidth > 0) void this.#draw(canvas);
    }
  }

  /**
   * Draws a canvas's page (`data-page`, 1-based) as wide as the canvas shows, in device pixels:
   * a copy of the kept bitmap when there is one, else PDF.js's, which is kept if it is a first page.
   */
  async #draw(canvas: HTMLCanvasElement): Promise<void> {
    const page = Number(canvas.dataset.page);
    const width = Math.min(2400, Math.ceil(canvas.clientWidth * devicePixelRatio));
    const key = this.#key;
    const opening = this.#pdf;
    this.#drawing.add(canvas);
    try {
      const kept = key === undefined ? undefined : this.#cache.bitmap(key, page);
      let bitmap: ImageBitmap;
      if (kept) {
        bitmap = await createImageBitmap(kept);
      } else {
        if (!opening) return;
        bitmap = await (await opening).render(page, Math.max(1, width));
        if (key !== undefined && this.#cache.keeps(page)) {
          this.#cache.keep(key, page, await createImageBitmap(bitmap));
        }
      }
      // Another PDF shows now: this page is not one of its.
      if (this.#pdf !== opening) {
        bitmap.close();
        return;
      }
      canvas.width = bitmap.width;
      canvas.height = bitmap.height;
      canvas.getContext('bitmaprenderer')?.transferFromImageBitmap(bitmap);
      canvas.dataset.drawn = '';
      this.#drawn = [...this.#drawn.filter((other) => other !== canvas), canvas];
      this.#blankOldest();
    } catch {
      // A page PDF.js cannot draw stays blank; its text is still there for screen readers.
    } finally {
      this.#drawing.delete(canvas);
    }
  }

  /** Blanks the least recently drawn pages out of view, beyond `KEEP_DRAWN` of them. */
  #blankOldest(): void {
    const hidden = this.#drawn.filter((canvas) => !this.#visible.has(canvas));
    for (const canvas of hidden.slice(0, Math.max(0, hidden.length - KEEP_DRAWN))) {
      // The canvas keeps its size, so nothing moves; its bitmap is let go.
      canvas.getContext('bitmaprenderer')?.transferFromImageBitmap(null);
      delete canvas.dataset.drawn;
      this.#drawn = this.#drawn.filter((other) => other !== canvas);
    }
  }

  #set(state: PdfPagesState): void {
    this.state = state;
    this.host.requestUpdate();
  }
}
