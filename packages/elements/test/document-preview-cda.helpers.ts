// What the CDA preview tests share: the vendored fixtures, a preview of a document of Marie's
// holding one, and records of what ran and what was requested while it showed.
import { fixture, html, waitUntil } from '@open-wc/testing';
import { staticTokenProvider } from '@dsp-kit/auth';
import { DspClient, type DocumentReference } from '@dsp-kit/fhir';
import { fixtures, mockToken } from '@dsp-kit/mock';
import type { Sandbox } from '@dsp-kit/mock/browser';
import type { DspDocumentPreview } from '../src/define/dsp-document-preview.js';
import '../src/define/dsp-document-preview.js';
import { part, putDocument } from './document-preview.helpers.js';

/** The bytes of a fixture under `test/cda/fixtures/`. */
export async function cdaFixture(name: string): Promise<Uint8Array<ArrayBuffer>> {
  const response = await fetch(new URL(`./cda/fixtures/${name}`, import.meta.url));
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * Stores `bytes` as a document of Marie's with `contentType` (and `format`, an IHE format code)
 * and shows it in a preview in `lang`, signed in as Dr Weber.
 */
export async function showCda(
  sandbox: Sandbox,
  bytes: Uint8Array,
  options: { contentType?: string; format?: string; lang?: string; title?: string } = {},
): Promise<DspDocumentPreview> {
  const stored = await putDocument(
    sandbox.server.store,
    options.contentType ?? 'application/hl7-v3+xml',
    bytes,
    { title: options.title ?? 'Document CDA' },
  );
  const [content] = stored.content;
  const document: DocumentReference =
    options.format && content
      ? { ...stored, content: [{ ...content, format: { code: options.format } }] }
      : stored;
  const client = new DspClient({
    baseUrl: sandbox.server.baseUrl,
    tokens: staticTokenProvider(mockToken(fixtures.users.weber)),
    retry: false,
  });
  return fixture<DspDocumentPreview>(
    html`<dsp-document-preview
      .client=${client}
      .document=${document}
      lang=${options.lang ?? 'en'}
    ></dsp-document-preview>`,
  );
}

/**
 * Waits until the CDA is drawn, or a problem is reported, or it is offered as a download only
 * (a download button in the content area: XML that is no CDA).
 */
export async function cdaSettled(el: DspDocumentPreview): Promise<void> {
  const root = el.shadowRoot;
  if (!root) throw new Error('the preview has no shadow root');
  await waitUntil(
    () =>
      part(el, 'cda') ??
      part(el, 'error') ??
      root.querySelector('[part="content"] [role="alert"]') ??
      root.querySelector('[part="content"] > [part="download"]'),
    'the CDA did not settle',
    { timeout: 8000 },
  );
}

/**
 * Records every resource the page requests from now on (a PerformanceObserver sees them all, where
 * the resource timing buffer stops at 250 entries); `stop()` ends the record and returns it.
 */
export function recordRequests(): { readonly urls: string[]; stop(): Promise<string[]> } {
  const urls: string[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) urls.push(entry.name);
  });
  observer.observe({ type: 'resource' });
  return {
    urls,
    stop: async () => {
      // Entries are delivered a little after the request ends.
      await new Promise((resolve) => setTimeout(resolve, 100));
      for (const entry of observer.takeRecords()) urls.push(entry.name);
      observer.disconnect();
      return urls;
    },
  };
}
