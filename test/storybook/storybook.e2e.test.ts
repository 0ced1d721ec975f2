// The static Storybook build (`storybook-static/`, made by `npm run test:storybook` just before):
// its index lists the stories, and a story renders the viewer on the mock server in Chromium.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { CHROME_ARGS, requireChrome } from '../../scripts/chrome.mjs';

const dir = fileURLToPath(new URL('../../storybook-static/', import.meta.url));

interface StoryIndex {
  entries: Record<string, { id: string; type: string }>;
}

describe('the Storybook build', () => {
  let server: PreviewServer;
  let browser: Browser;
  let url: string;

  before(async () => {
    assert.ok(
      existsSync(`${dir}index.json`),
      'storybook-static/ is missing: run `npm run test:storybook`',
    );
    server = await preview({
      configFile: false,
      root: dir,
      build: { outDir: dir },
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

  it('lists the document viewer stories and ships the mock service worker', () => {
    const index = JSON.parse(readFileSync(`${dir}index.json`, 'utf8')) as StoryIndex;
    const ids = Object.values(index.entries)
      .filter((entry) => entry.type === 'story')
      .map((entry) => entry.id);
    assert.deepEqual(ids.filter((id) => id.startsWith('panels-document-viewer--')).sort(), [
      'panels-document-viewer--blocked-doctor',
      'panels-document-viewer--by-type',
      'panels-document-viewer--closed-dsp',
      'panels-document-viewer--dark-english',
      'panels-document-viewer--documents',
      'panels-document-viewer--empty',
      'panels-document-viewer--filtered',
      'panels-document-viewer--loading',
      'panels-document-viewer--patient-view',
      'panels-document-viewer--physiotherapist',
      'panels-document-viewer--server-error',
    ]);
    assert.ok(existsSync(`${dir}mockServiceWorker.js`));
  });

  it('renders a story on the mock server, and a failure scenario as an error', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1800 } });
    await page.goto(`${url}iframe.html?id=panels-document-viewer--documents&viewMode=story`);
    const rows = page.locator('dsp-document-viewer [part~="row"]');
    await rows.first().waitFor({ timeout: 15_000 });
    assert.equal(await rows.count(), 7);
    await page.goto(`${url}iframe.html?id=panels-document-viewer--server-error&viewMode=story`);
    const error = page.locator('dsp-document-viewer [part="error"]');
    await error.waitFor({ timeout: 15_000 });
    assert.match((await error.textContent()) ?? '', /maintenance/);
    await page.goto(`${url}iframe.html?id=panels-audit-log--patient-log&viewMode=story`);
    const emergency = page.locator('dsp-audit-log [part~="row-emergency"]');
    await emergency.waitFor({ timeout: 15_000 });
    assert.match((await emergency.textContent()) ?? '', /Patiente inconsciente/);
    await page.close();
  });
});
