// What the document lifecycle writes on a DocumentReference, and how to read it back: the
// withdrawal reason, the versioned-document shape the client's writes return.
import type { DocumentReference } from '@medplum/fhirtypes';

/** A DocumentReference with the ETag to send as `If-Match` when writing it back. */
export interface VersionedDocument {
  readonly document: DocumentReference;
  /** The server's ETag (`W/"<versionId>"`). */
  readonly etag: string;
}

/**
 * Why a document was withdrawn (`status` `entered-in-error`), a `valueString` extension of the
 * DocumentReference. FHIR R4 has no status reason on DocumentReference, and MHD forbids
 * `docStatus` (0..0), which in any case describes the document's authoring, not its withdrawal.
 */
export const WITHDRAWAL_REASON_EXTENSION =
  'https://dsp-kit.org/fhir/StructureDefinition/withdrawal-reason';

/** The longest withdrawal reason the client sends and the mock accepts. */
export const MAX_WITHDRAWAL_REASON = 500;

/** The reason a withdrawn document carries, if any. */
export function withdrawalReason(document: DocumentReference): string | undefined {
  return document.extension?.find((e) => e.url === WITHDRAWAL_REASON_EXTENSION)?.valueString;
}
