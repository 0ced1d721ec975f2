// Checks downloaded content against what its attachment declares: size in bytes, SHA-1 in base64.
import type { Attachment } from '@medplum/fhirtypes';
import { DspIntegrityError } from './errors.js';

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** SHA-1 of `data`, base64, as FHIR R4's `Attachment.hash`. */
export async function sha1Base64(data: BufferSource): Promise<string> {
  return base64(new Uint8Array(await crypto.subtle.digest('SHA-1', data)));
}

/** Throws a `DspIntegrityError` when `bytes` contradicts the attachment's `size` or `hash`. */
export async function checkIntegrity(
  attachment: Attachment,
  bytes: Uint8Array,
  url?: string,
): Promise<void> {
  if (attachment.size !== undefined && attachment.size !== bytes.byteLength) {
    throw new DspIntegrityError(
      'size',
      `${attachment.size} bytes`,
      `${bytes.byteLength} bytes`,
      url,
    );
  }
  if (attachment.hash !== undefined) {
    const actual = await sha1Base64(bytes as Uint8Array<ArrayBuffer>);
    if (actual !== attachment.hash)
      throw new DspIntegrityError('hash', attachment.hash, actual, url);
  }
}
