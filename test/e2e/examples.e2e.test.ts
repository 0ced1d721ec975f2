// The integration examples against the mock on real HTTP: the plain HTML page with the
// single-file bundle (and the two workers served beside it), and the React app built with Vite,
// each served from 127.0.0.1 and opened in Chromium; Dr Weber sees Marie's documents, a PDF's
// pages are drawn by the bundle's PDF worker, and the React handler hears the chosen one.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { sha1Base64, type DocumentReference } from '@dsp-kit/fhir';
import { fixtures, sampleFiles } from '@dsp-kit/mock';
import { startHttpServer, type RunningHttpServer } from '@dsp-kit/mock/http';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { buildBundle, buildWorkers } from '../../scripts/build-bundle.mjs';
import { CHROME_ARGS, requireChrome } from '../../scripts/chrome.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const BUNDLE_DIR = '/packages/elements/dist-bundle/';
const BUNDLE_PATH = `${BUNDLE_DIR}dsp-kit.min.js`;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/**
 * A static server on 127.0.0.1 laid out like the repository, so the plain page's relative import
 * of the bundle works as it does from any static server at the repository's root; the bundle
 * comes from memory and the React build from its output folder under `/react/`.
 */
async function startStaticServer(
  bundle: string,
  workers: Record<string, string>,
  reactDir: string,
): Promise<Server> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file: string | undefined;
    let body: string | Buffer | undefined;
    const worker = path.startsWith(BUNDLE_DIR) ? workers[path.slice(BUNDLE_DIR.length)] : undefined;
    if (path === BUNDLE_PATH) {
      body = bundle;
      file = BUNDLE_PATH;
    } else if (worker !== undefined) {
      body = worker;
      file = path;
    } else if (path.startsWith('/examples/plain-html/')) {
      file = join(root, normalize(path.endsWith('/') ? `${path}index.html` : path));
    } else if (path.startsWith('/react/')) {
      const rest = path.slice('/react/'.length) || 'index.html';
      file = join(reactDir, normalize(rest));
    }
    try {
      body ??= file === undefined ? undefined : readFileSync(file);
    } catch {
      body = undefined;
    }
    if (file === undefined || body === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

describe('the integration examples, against the mock on HTTP', () => {
  let mock: RunningHttpServer;
  let server: Server;
  let browser: Browser;
  let origin: string;
  let reactDir: string;

  before(async () => {
    reactDir = mkdtempSync(join(tmpdir(), 'dsp-kit-react-example-'));
    // From the sources: the test must not depend on a fresh `tsc -b`.
    const [bundle, workers] = await Promise.all([
      buildBundle({ source: true, write: false }),
      buildWorkers({ source: true, write: false }),
      build({
        root: `${root}examples/react`,
        configFile: `${root}examples/react/vite.config.ts`,
        build: { outDir: reactDir, emptyOutDir: true },
        logLevel: 'warn',
      }),
    ]);
    mock = await startHttpServer({ port: 0 });
    server = await startStaticServer(bundle, workers, reactDir);
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: requireChrome(), args: CHROME_ARGS });
  });

  after(async () => {
    await browser.close();
    server.close();
    await mock.close();
    rmSync(reactDir, { recursive: true, force: true });
  });

  async function open(path: string): Promise<{ page: Page; errors: string[] }> {
    // Tall enough for the fixture DSP: the virtualized list renders what is on screen.
    const page = await browser.newPage({ viewport: { width: 1280, height: 1800 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    // Nothing leaves this machine: any request to another host fails loudly.
    await page.route('**/*', (route) => {
      const { hostname } = new URL(route.request().url());
      if (hostname === '127.0.0.1') return route.continue();
      errors.push(`blocked request to ${route.request().url()}`);
      return route.abort();
    });
    await page.goto(`${origin}${path}?fhir=${encodeURIComponent(mock.url)}`);
    return { page, errors };
  }

  const rowsOf = (page: Page) => page.locator('dsp-document-viewer [part~="row"]');

  it("lists Marie's documents in the plain HTML page, from the single-file bundle", async () => {
    const { page, errors } = await open('/examples/plain-html/');
    const rows = rowsOf(page);
    await rows.first().waitFor({ timeout: 15_000 });
    await page.waitForFunction(
      () =>
        document.querySelector('dsp-document-viewer')?.shadowRoot?.querySelectorAll('[part~="row"]')
          .length === 7,
    );
    assert.equal(await rows.count(), 7);
    assert.equal(
      (await rows.first().locator('.title').textContent())?.trim(),
      'Résultat de biopsie',
    );
    await rows.first().locator('.title').click();
    await page.locator('#selected').filter({ hasNotText: 'aucun' }).waitFor({ timeout: 5000 });
    assert.deepEqual(errors, []);
    await page.close();
  });

  it("draws a PDF's pages with the PDF worker served beside the single file", async () => {
    // A PDF of Marie's, stored on the mock as a Binary and the DocumentReference pointing at it.
    const pdf = sampleFiles().find((file) => file.contentType === 'application/pdf')!;
    mock.server.store.put({
      resourceType: 'Binary',
      id: 'example-pdf',
      contentType: pdf.contentType,
      data: Buffer.from(pdf.bytes).toString('base64'),
    });
    const document = mock.server.store.put<DocumentReference>({
      ...(structuredClone(fixtures.documents.summary) as DocumentReference),
      id: 'example-pdf-document',
      masterIdentifier: { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${crypto.randomUUID()}` },
      content: [
        {
          attachment: {
            contentType: pdf.contentType,
            url: 'Binary/example-pdf',
            size: pdf.size,
            hash: await sha1Base64(pdf.bytes as Uint8Array<ArrayBuffer>),
            title: pdf.title,
          },
        },
      ],
    });
    const { page, errors } = await open('/examples/plain-html/');
    await rowsOf(page).first().waitFor({ timeout: 15_000 });
    // The bundle registers every panel: a preview of that document, in the page's provider.
    await page.evaluate((id) => {
      const preview = window.document.createElement('dsp-document-preview');
      preview.setAttribute('document-id', id);
      window.document.querySelector('dsp-provider')!.append(preview);
    }, document.id);
    const drawn = page.locator('dsp-document-preview canvas[part~="page"][data-drawn]');
    await drawn.first().waitFor({ timeout: 15_000 });
    assert.equal(await page.locator('dsp-document-preview iframe').count(), 0, 'no fallback frame');
    assert.deepEqual(errors, []);
    await page.close();
    mock.server.reset(); // Marie's DSP as the other tests expect it
  });

  it('hashes in the hash worker served beside the single file', async () => {
    const { page, errors } = await open('/examples/plain-html/');
    const hash = await page.evaluate(async (url) => {
      const worker = new Worker(url, { type: 'module' });
      const bytes = new TextEncoder().encode('abc');
      const answer = await new Promise<{ kind: string; hash?: string }>((resolve) => {
        worker.onmessage = (event: MessageEvent<{ kind: string; hash?: string }>) => {
          if (event.data.kind !== 'progress') resolve(event.data);
        };
        worker.postMessage({ file: new Blob([bytes]), chunkSize: 1 });
      });
      worker.terminate();
      return answer.hash;
    }, `${origin}${BUNDLE_DIR}hash.worker.js`);
    // SHA-1 of "abc", hashed one byte a slice (so by hash-wasm, in the worker).
    assert.equal(hash, 'qZk+NkcGgWq6PiVxeFDCbJzQ2J0=');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it("lists Marie's documents in the React app, and its onDocumentSelect hears a choice", async () => {
    const { page, errors } = await open('/react/');
    const rows = rowsOf(page);
    await rows.first().waitFor({ timeout: 15_000 });
    await page.waitForFunction(
      () =>
        document.querySelector('dsp-document-viewer')?.shadowRoot?.querySelectorAll('[part~="row"]')
          .length === 7,
    );
    assert.equal(await rows.count(), 7);
    assert.equal(await page.locator('#selected').textContent(), 'aucun');
    await rows.nth(1).locator('.title').click();
    const selected = page.locator('#selected').filter({ hasNotText: 'aucun' });
    await selected.waitFor({ timeout: 5000 });
    assert.match((await selected.textContent()) ?? '', /^\S+$/);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
