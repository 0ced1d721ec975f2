// The integration examples against the mock on real HTTP: the plain HTML page with the
// single-file bundle, and the React app built with Vite, each served from 127.0.0.1 and opened in
// Chromium; Dr Weber sees Marie's documents, and the React handler hears the chosen one.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startHttpServer, type RunningHttpServer } from '@dsp-kit/mock/http';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { buildBundle } from '../../scripts/build-bundle.mjs';
import { CHROME_ARGS, requireChrome } from '../../scripts/chrome.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const BUNDLE_PATH = '/packages/elements/dist-bundle/dsp-kit.min.js';
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
async function startStaticServer(bundle: string, reactDir: string): Promise<Server> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file: string | undefined;
    let body: string | Buffer | undefined;
    if (path === BUNDLE_PATH) {
      body = bundle;
      file = BUNDLE_PATH;
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
    const [bundle] = await Promise.all([
      buildBundle({ source: true, write: false }),
      build({
        root: `${root}examples/react`,
        configFile: `${root}examples/react/vite.config.ts`,
        build: { outDir: reactDir, emptyOutDir: true },
        logLevel: 'warn',
      }),
    ]);
    mock = await startHttpServer({ port: 0 });
    server = await startStaticServer(bundle, reactDir);
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
