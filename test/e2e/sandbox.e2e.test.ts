// The built sandbox, served by `vite preview` on 127.0.0.1 and opened in Chromium: the fixture
// patient's documents appear, fetched through msw's service worker from the mock server.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { CHROME_ARGS, requireChrome } from '../../scripts/chrome.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const results = fileURLToPath(new URL('../../test-results/', import.meta.url));

describe('the sandbox, built and served', () => {
  let server: PreviewServer;
  let browser: Browser;
  let url: string;

  before(async () => {
    await build({ root: `${root}/demo`, configFile: `${root}/vite.config.ts`, logLevel: 'warn' });
    server = await preview({
      configFile: `${root}/vite.config.ts`,
      preview: { host: '127.0.0.1', port: 0, strictPort: false },
      logLevel: 'warn',
    });
    const address = server.httpServer.address();
    assert.ok(address && typeof address === 'object');
    url = `http://127.0.0.1:${address.port}/`;
    browser = await chromium.launch({ executablePath: requireChrome(), args: CHROME_ARGS });
  });

  after(async () => {
    await browser.close();
    await server.close();
  });

  async function open(path = ''): Promise<{ page: Page; errors: string[] }> {
    // Tall enough for the fixture DSP: the virtualized lists render what is on screen.
    const page = await browser.newPage({ viewport: { width: 1280, height: 1800 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(url + path);
    return { page, errors };
  }

  it("lists the fixture patient's documents", async () => {
    const { page, errors } = await open();
    const rows = page.locator('dsp-document-viewer [part~="row"]');
    await rows.first().waitFor({ timeout: 15_000 });
    assert.deepEqual(
      (await rows.locator('.title').allTextContents()).map((t) => t.trim()),
      [
        'Résultat de biopsie',
        'Bilan sanguin complet',
        'Échocardiographie transthoracique',
        'Résumé patient',
        "Certificat d'aptitude au sport",
        'Mes directives anticipées',
        'Consultation de suivi psychologique',
      ],
    );
    assert.equal(
      await rows.nth(1).locator('.type').textContent(),
      "Résultats d'examens biologiques",
    );
    assert.equal(await rows.nth(1).locator('time').textContent(), '2 octobre 2026');
    mkdirSync(results, { recursive: true });
    await page.screenshot({ path: `${results}sandbox.png`, fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('explains a refusal to a blocked doctor, with the server’s reason', async () => {
    const { page, errors } = await open();
    await page.locator('dsp-document-viewer [part~="row"]').first().waitFor({ timeout: 15_000 });
    await page.selectOption('#user', 'luc-kremer');
    const error = page.locator('dsp-document-viewer [part="error"]');
    await error.waitFor();
    assert.match((await error.textContent()) ?? '', /Accès refusé\.[\s\S]*vous a bloqué/);
    assert.deepEqual(
      errors.filter((e) => !e.includes('403')),
      [],
    );
    await page.close();
  });

  it("shows the patient her access log, with the doctors' visits", async () => {
    const { page, errors } = await open();
    await page.locator('dsp-document-viewer [part~="row"]').first().waitFor({ timeout: 15_000 });
    await page.selectOption('#user', 'marie-schmit');
    // The log's list is virtualized: it renders rows once it is on screen.
    await page.locator('dsp-audit-log').scrollIntoViewIfNeeded();
    const row = page.locator('dsp-audit-log [part~="row"]', { hasText: 'Dr Paul Weber' });
    await row.first().waitFor();
    assert.match((await row.first().textContent()) ?? '', /Recherche/);
    await page.screenshot({ path: `${results}sandbox-audit-log.png`, fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('shows the agency its statistics, and no record', async () => {
    const { page, errors } = await open();
    await page.locator('dsp-document-viewer [part~="row"]').first().waitFor({ timeout: 15_000 });
    await page.selectOption('#user', 'agence-esante');
    const total = page.locator('dsp-document-stats tfoot th, dsp-document-stats tfoot td').last();
    await total.waitFor();
    assert.equal((await total.textContent())?.trim(), '11');
    assert.equal(await page.locator('dsp-document-viewer').isVisible(), false);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('switches patient and language from the host controls', async () => {
    const { page, errors } = await open();
    await page.locator('dsp-document-viewer [part~="row"]').first().waitFor({ timeout: 15_000 });
    await page.selectOption('#language', 'en');
    await page.locator('dsp-document-viewer .type', { hasText: 'Laboratory results' }).waitFor();
    await page.selectOption('#patient', 'jean-hoffmann');
    const empty = page.locator('dsp-document-viewer [part="empty"]');
    await empty.waitFor();
    assert.equal((await empty.textContent())?.trim(), 'No documents in this DSP.');
    assert.deepEqual(errors, []);
    await page.close();
  });
});
