// What the <dsp-patient-summary> browser tests share: summaries stored on the mock for a patient
// (Jean's DSP holds none of its own), the card signed in as a fixture user, its parts and words.
import { fixture, html, waitUntil } from '@open-wc/testing';
import { staticTokenProvider } from '@dsp-kit/auth';
import { DspClient, sha1Base64, type DocumentReference, type ReadCache } from '@dsp-kit/fhir';
import { fixtures, mockToken, type DspStore } from '@dsp-kit/mock';
import type { DspPatientSummary } from '../src/define/dsp-patient-summary.js';
import '../src/define/dsp-patient-summary.js';

export const { patients, users } = fixtures;

/** The bytes of a file beside the tests, under `test/<path>`. */
export async function testFile(path: string): Promise<Uint8Array<ArrayBuffer>> {
  const response = await fetch(new URL(`./${path}`, import.meta.url));
  if (!response.ok) throw new Error(`no test file ${path}`);
  return new Uint8Array(await response.arrayBuffer());
}

export const utf8 = (text: string) => new TextEncoder().encode(text);

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

let counter = 0;

export interface StoredSummary {
  readonly contentType: string;
  readonly date: string;
  readonly title?: string;
  readonly status?: DocumentReference['status'];
  /** The id of a document this one says it replaces. */
  readonly replaces?: string;
  /** The patient; Jean by default. */
  readonly patient?: string;
}

/** Stores `bytes` as a "Résumés patients" document of the patient; returns the document. */
export async function storeSummary(
  store: DspStore,
  bytes: Uint8Array,
  options: StoredSummary,
): Promise<DocumentReference> {
  const id = `doc-summary-${String(++counter)}-${crypto.randomUUID().slice(0, 8)}`;
  const patient = options.patient ?? patients.jean.id;
  store.put({
    resourceType: 'Binary',
    id: `content-${id}`,
    contentType: options.contentType,
    data: base64(bytes),
  });
  const template = structuredClone(fixtures.documents.summary) as DocumentReference;
  const title = options.title ?? 'Résumé patient';
  return store.put<DocumentReference>({
    ...template,
    id,
    status: options.status ?? 'current',
    subject: { reference: `Patient/${patient}` },
    masterIdentifier: { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${crypto.randomUUID()}` },
    date: options.date,
    description: title,
    ...(options.replaces
      ? {
          relatesTo: [
            { code: 'replaces', target: { reference: `DocumentReference/${options.replaces}` } },
          ],
        }
      : {}),
    content: [
      {
        attachment: {
          contentType: options.contentType,
          url: `Binary/content-${id}`,
          size: bytes.byteLength,
          hash: await sha1Base64(bytes as Uint8Array<ArrayBuffer>),
          title,
        },
      },
    ],
  });
}

export function clientAs(baseUrl: string, user: string, cache?: ReadCache): DspClient {
  return new DspClient({
    baseUrl,
    tokens: staticTokenProvider(mockToken(user)),
    retry: false,
    ...(cache ? { cache } : {}),
  });
}

/** A card for `patient` signed in as `user`, in `lang` (English by default). */
export function card(
  client: DspClient,
  patient: string,
  options: { lang?: string; staleAfter?: number; cache?: ReadCache } = {},
): Promise<DspPatientSummary> {
  return fixture<DspPatientSummary>(
    html`<dsp-patient-summary
      .client=${client}
      .cache=${options.cache}
      patient=${patient}
      lang=${options.lang ?? 'en'}
      stale-after=${options.staleAfter ?? 12}
    ></dsp-patient-summary>`,
  );
}

export function part(el: Element, name: string): HTMLElement | null {
  return el.shadowRoot?.querySelector(`[part~="${name}"]`) ?? null;
}

export function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Waits until the card shows a summary, or says why it cannot. */
export async function settled(el: DspPatientSummary): Promise<void> {
  await waitUntil(
    () => ['header', 'empty', 'unreadable', 'error'].some((name) => part(el, name)),
    'the card never settled',
    { timeout: 8000 },
  );
}

/** The words of one of the sections shown first. */
export function section(el: Element, kind: string): string {
  return text(part(el, `section-${kind}`));
}

/** An in-memory cache of reads, as the client and the card use one. */
export function memoryCache(): ReadCache {
  const entries = new Map<string, { value: unknown; storedAt: Date }>();
  return {
    get: (key) => Promise.resolve(entries.get(key)),
    put: (key, value) => {
      entries.set(key, { value: structuredClone(value), storedAt: new Date() });
      return Promise.resolve();
    },
  };
}
