// Keeps the first drawn pages of the last few PDFs a preview showed, so that reopening one shows
// its pages at once instead of asking PDF.js to draw them again (a second or more a page).
import type { DocumentReference } from '@dsp-kit/fhir';
import type { PdfPageInfo } from './pdf-protocol.js';

/** PDFs whose pages are kept: the one shown and the last two before it. */
export const CACHED_DOCUMENTS = 3;

/**
 * Pages kept for each PDF: those seen first on reopening it. A page drawn at device pixels is some
 * 3 to 10 MB of bitmap, so at most `CACHED_DOCUMENTS × CACHED_PAGES` bitmaps are held.
 */
export const CACHED_PAGES = 2;

/** What is kept of one PDF: its page list, and bitmaps of its first pages by page number. */
export interface DrawnPdf {
  readonly pageCount: number;
  readonly pages: readonly PdfPageInfo[];
  readonly bitmaps: Map<number, ImageBitmap>;
}

/**
 * Names a document's content: its id, version and attachment (URL, size, hash). Two contents
 * with one name are the same bytes, so their drawn pages are the same; undefined without an id.
 */
export function contentKey(document: DocumentReference | undefined): string | undefined {
  if (!document?.id) return undefined;
  const attachment = document.content[0]?.attachment;
  return JSON.stringify([
    document.id,
    document.meta?.versionId ?? '',
    attachment?.url ?? '',
    attachment?.size ?? '',
    attachment?.hash ?? '',
  ]);
}

/** A least-recently-used set of drawn PDFs, closing the bitmaps it lets go. */
export class DrawnPagesCache {
  /** In the order of use, the least recently used first. */
  readonly #entries = new Map<string, DrawnPdf>();

  /** The PDF kept under `key`, now the most recently used. */
  get(key: string): DrawnPdf | undefined {
    const entry = this.#entries.get(key);
    if (entry) {
      this.#entries.delete(key);
      this.#entries.set(key, entry);
    }
    return entry;
  }

  /** Starts keeping a PDF's page list, letting the least recently used go beyond the limit. */
  remember(key: string, pageCount: number, pages: readonly PdfPageInfo[]): void {
    const previous = this.#entries.get(key);
    this.#entries.delete(key);
    this.#entries.set(key, {
      pageCount,
      pages,
      bitmaps: previous?.bitmaps ?? new Map<number, ImageBitmap>(),
    });
    for (const [oldest] of this.#entries) {
      if (this.#entries.size <= CACHED_DOCUMENTS) break;
      this.#forget(oldest);
    }
  }

  /** Whether a page of a PDF is one kept. */
  keeps(page: number): boolean {
    return page >= 1 && page <= CACHED_PAGES;
  }

  /** Keeps `bitmap` (now the cache's, closed when let go) as page `page` of the PDF `key`. */
  keep(key: string, page: number, bitmap: ImageBitmap): void {
    const entry = this.#entries.get(key);
    if (!entry || !this.keeps(page)) {
      bitmap.close();
      return;
    }
    entry.bitmaps.get(page)?.close();
    entry.bitmaps.set(page, bitmap);
  }

  /** The kept bitmap of page `page` of the PDF `key`, if any (still the cache's). */
  bitmap(key: string, page: number): ImageBitmap | undefined {
    return this.#entries.get(key)?.bitmaps.get(page);
  }

  /** Lets every PDF go, closing their bitmaps. */
  clear(): void {
    for (const key of [...this.#entries.keys()]) this.#forget(key);
  }

  #forget(key: string): void {
    for (const bitmap of this.#entries.get(key)?.bitmaps.values() ?? []) bitmap.close();
    this.#entries.delete(key);
  }
}
