// The messages between the preview and its PDF worker, which parses and draws PDFs with PDF.js.

/** One page's size in PDF points (1/72 in) at scale 1, and its text for screen readers. */
export interface PdfPageInfo {
  readonly width: number;
  readonly height: number;
  readonly text: string;
}

/** What the page asks the PDF worker; the answer carries the same `id`. */
export type PdfRequest = { readonly id: number } & (
  | { readonly kind: 'open'; readonly data: ArrayBuffer }
  | { readonly kind: 'pages'; readonly from: number; readonly to: number }
  | { readonly kind: 'render'; readonly page: number; readonly width: number }
);

/** What the PDF worker answers. */
export type PdfResponse = { readonly id: number } & (
  | { readonly kind: 'open'; readonly pageCount: number }
  | { readonly kind: 'pages'; readonly pages: readonly PdfPageInfo[] }
  | { readonly kind: 'render'; readonly bitmap: ImageBitmap }
  | { readonly kind: 'error'; readonly message: string }
);
