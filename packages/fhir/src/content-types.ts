// The content types the DSP takes for a document: one list, which the uploader offers by default
// and the mock server enforces, so the two never disagree.

/** MIME types of the documents the DSP accepts: PDF, JPEG, PNG, TIFF and plain text. */
export const DSP_CONTENT_TYPES: readonly string[] = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/tiff',
  'text/plain',
];
