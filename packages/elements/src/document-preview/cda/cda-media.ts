// The document's own multimedia (`observationMedia`, a `nonXMLBody`'s text) as Blobs decoded
// from their base64, with blob URLs for the image types shown; never anything fetched.
import { CDA_NAMESPACE } from './cda-dom.js';
import { at, attr } from './cda-dom.js';

/** Image types shown as `<img>` (SVG too: an `<img>` runs no script and loads nothing). */
const SHOWN_IMAGES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/svg+xml']);

/** An encapsulated value (`ED`): its bytes when the document holds them, else why not. */
export type CdaMedia =
  | {
      readonly status: 'inline';
      readonly mediaType: string;
      readonly blob: Blob;
      /** A blob URL, for the image types shown and PDFs (the preview's sandboxed fallback) only. */
      readonly url?: string;
    }
  /** A `reference` to content elsewhere: never fetched. */
  | { readonly status: 'remote'; readonly mediaType: string }
  | { readonly status: 'missing'; readonly mediaType: string };

/** Whether a media type is an image the renderer shows. */
export function isShownImage(mediaType: string): boolean {
  return SHOWN_IMAGES.has(mediaType);
}

function bytesOf(base64: string): Uint8Array<ArrayBuffer> | undefined {
  try {
    const binary = atob(base64.replace(/\s+/g, ''));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}

/** Owns the blob URLs it makes; `dispose()` revokes them. */
export class MediaStore {
  readonly #urls: string[] = [];

  /** The content of an `ED` element (`value` of an observationMedia, `text` of a nonXMLBody). */
  read(element: Element | undefined): CdaMedia {
    const mediaType = (attr(element, 'mediaType') ?? 'text/plain').toLowerCase();
    if (!element) return { status: 'missing', mediaType };
    if (at(element, 'reference') && !element.textContent.trim()) {
      return { status: 'remote', mediaType };
    }
    const content = [...element.childNodes]
      .filter(
        (node) => node.nodeType === Node.TEXT_NODE || node.nodeType === Node.CDATA_SECTION_NODE,
      )
      .map((node) => node.nodeValue ?? '')
      .join('');
    const bytes =
      attr(element, 'representation') === 'B64'
        ? bytesOf(content)
        : new TextEncoder().encode(content);
    if (!bytes) return { status: 'missing', mediaType };
    const blob = new Blob([bytes], { type: mediaType });
    if (!isShownImage(mediaType) && mediaType !== 'application/pdf') {
      return { status: 'inline', mediaType, blob };
    }
    const url = URL.createObjectURL(blob);
    this.#urls.push(url);
    return { status: 'inline', mediaType, blob, url };
  }

  /** Every `observationMedia` of the document by its `ID`. */
  observationMedia(document: Document): Map<string, CdaMedia> {
    const media = new Map<string, CdaMedia>();
    for (const element of document.getElementsByTagNameNS(CDA_NAMESPACE, 'observationMedia')) {
      const id = attr(element, 'ID');
      if (id && !media.has(id)) media.set(id, this.read(at(element, 'value')));
    }
    return media;
  }

  dispose(): void {
    for (const url of this.#urls.splice(0)) URL.revokeObjectURL(url);
  }
}
