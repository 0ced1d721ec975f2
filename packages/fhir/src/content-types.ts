// The content types the DSP takes for a document: one list, which the uploader offers by default
// and the mock server enforces, so the two never disagree.

/**
 * MIME types of the documents the DSP accepts: PDF, JPEG, PNG, TIFF, plain text and XML — the
 * XML of an HL7 CDA R2 document, which MHD sends as `text/xml` with its IHE format code in
 * `content.format` (the uploader takes no other XML).
 */
export const DSP_CONTENT_TYPES: readonly string[] = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/tiff',
  'text/plain',
  'text/xml',
];
