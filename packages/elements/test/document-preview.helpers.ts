// What the <dsp-document-preview> browser tests share: finding its parts, waiting for a state,
// and storing a document of Marie's with given content on the mock server.
import { waitUntil } from '@open-wc/testing';
import { sha1Base64, type DocumentReference } from '@dsp-kit/fhir';
import { fixtures, type DspStore } from '@dsp-kit/mock';
import type { DspDocumentPreview } from '../src/define/dsp-document-preview.js';

export function part(el: Element, name: string): HTMLElement | null {
  return el.shadowRoot?.querySelector(`[part~="${name}"]`) ?? null;
}

export function text(el: Element | null): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Waits until one of `parts` (or the error) shows. */
export async function settled(el: DspDocumentPreview, ...parts: string[]): Promise<void> {
  const wanted = [...parts, 'error'];
  await waitUntil(
    () => wanted.some((name) => part(el, name)),
    `none of ${wanted.join(', ')} appeared`,
    { timeout: 8000 },
  );
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

let counter = 0;

/**
 * Stores a Binary of `bytes` and a DocumentReference of Marie's pointing at it (its size and
 * SHA-1, or the given `hash`); returns the document.
 */
export async function putDocument(
  store: DspStore,
  contentType: string,
  bytes: Uint8Array,
  options: { title: string; hash?: string } = { title: 'Pièce jointe' },
): Promise<DocumentReference> {
  const id = `doc-preview-${String(++counter)}-${crypto.randomUUID().slice(0, 8)}`;
  store.put({ resourceType: 'Binary', id: `content-${id}`, contentType, data: base64(bytes) });
  const template = structuredClone(fixtures.documents.summary) as DocumentReference;
  return store.put<DocumentReference>({
    ...template,
    id,
    masterIdentifier: { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${crypto.randomUUID()}` },
    description: options.title,
    content: [
      {
        attachment: {
          contentType,
          url: `Binary/content-${id}`,
          size: bytes.byteLength,
          hash: options.hash ?? (await sha1Base64(bytes as Uint8Array<ArrayBuffer>)),
          title: options.title,
        },
      },
    ],
  });
}
