// The static Storybook (`storybook-static/`, made by `npm run test:storybook` just before),
// published under a sub-path by a plain node:http server: its index lists every state and role of
// the viewer, preview, audit log and statistics; msw's worker registers under the sub-path and
// serves the mock; each of those stories passes its play function and the accessibility addon's
// checks; their controls and actions cover the components' manifest; Storybook's own UI works
// there; and nothing the site was asked for is missing. The stories of the awareness elements,
// the patient summary and the document lifecycle are replayed in `storybook-status.e2e.test.ts` and `storybook-summary-lifecycle.e2e.test.ts`.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROME_ARGS, requireChrome } from '../../scripts/chrome.mjs';
import { createManifest } from '../../scripts/manifest.mjs';
import {
  describeFinish,
  openStory,
  partText,
  replayStories,
  serveStorybook,
  storyControls,
  storyIds,
  SUB_PATH,
  watchStories,
  type StorybookSite,
} from './storybook-site.js';

const dir = fileURLToPath(new URL('../../storybook-static/', import.meta.url));

/** The four panels of this Storybook's stories files, by story id prefix. */
const PANELS = {
  'dsp-document-viewer': 'panels-document-viewer--',
  'dsp-document-preview': 'panels-document-preview--',
  'dsp-audit-log': 'panels-audit-log--',
  'dsp-document-stats': 'panels-document-statistics--',
} as const;

/** Every state (loading, empty, error, offline, with the cache), role and language required. */
const REQUIRED: Record<keyof typeof PANELS, string[]> = {
  'dsp-document-viewer': [
    'documents',
    'loading',
    'empty',
    'server-error',
    'offline',
    'offline-with-cache',
    'patient',
    'nurse',
    'physiotherapist',
    'blocked-doctor',
    'emergency-doctor',
    'emergency-access-granted',
    'closed-dsp',
    'dark-english',
    'german',
    'luxembourgish',
  ],
  'dsp-document-preview': [
    'text',
    'loading',
    'empty',
    'server-error',
    'offline',
    'offline-with-cache',
    'hidden-warning',
    'patient-hidden-document',
    'nurse-masked-document',
    'dark-english',
    'german',
    'luxembourgish',
  ],
  'dsp-audit-log': [
    'patient-log',
    'loading',
    'empty',
    'server-error',
    'offline',
    'offline-with-cache',
    'assistant',
    'professional-refused',
    'dark-english',
    'german',
    'luxembourgish',
  ],
  'dsp-document-stats': [
    'table',
    'chart',
    'loading',
    'seed-dates-without-seed-data',
    'server-error',
    'offline',
    'not-the-agency',
    'dark-english',
    'german',
    'luxembourgish',
  ],
};

/**
 * Accessibility failures the addon reports today, each a defect of the component to fix (not of
 * the story): when one is fixed, this test says so and its entry goes.
 */
const KNOWN_A11Y_FAILURES: Record<string, string[]> = {};

describe('the Storybook build, published under a sub-path', () => {
  let site: StorybookSite;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let notFound: string[];

  before(async () => {
    assert.ok(
      existsSync(`${dir}index.json`),
      'storybook-static/ is missing: run `npm run test:storybook`',
    );
    site = await serveStorybook(dir);
    browser = await chromium.launch({ executablePath: requireChrome(), args: CHROME_ARGS });
    context = await browser.newContext({ viewport: { width: 1280, height: 1800 } });
    ({ notFound } = await watchStories(context));
    page = await context.newPage();
  });

  after(async () => {
    await browser.close();
    await site.close();
  });

  it('lists every state and role of the four panels, and ships the worker beside the preview', () => {
    const ids = new Set(storyIds(dir));
    const missing = Object.entries(REQUIRED).flatMap(([tag, names]) =>
      names
        .map((name) => `${PANELS[tag as keyof typeof PANELS]}${name}`)
        .filter((id) => !ids.has(id)),
    );
    assert.deepEqual(missing, [], `stories missing from the index: ${missing.join(', ')}`);
    assert.ok(existsSync(`${dir}mockServiceWorker.js`));
  });

  it("registers msw's worker under the sub-path and renders the mock's documents", async () => {
    const finished = await openStory(page, site.url, 'panels-document-viewer--documents');
    assert.equal(finished.status, 'success', describeFinish(finished));
    const worker = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return {
        scope: registration?.scope,
        script: registration?.active?.scriptURL,
        controller: navigator.serviceWorker.controller?.scriptURL,
      };
    });
    assert.deepEqual(worker, {
      scope: site.url,
      script: `${site.url}mockServiceWorker.js`,
      controller: `${site.url}mockServiceWorker.js`,
    });
    assert.ok(site.url.endsWith(SUB_PATH));
    // Dr Weber, her référent, sees all seven of Marie's documents, from the mock at `fhir` here.
    assert.equal(await page.locator('dsp-document-viewer [part~="row"]').count(), 7);
  });

  it('shows the scenarios, the cache, per-story handlers and every panel on the mock', async () => {
    await openStory(page, site.url, 'panels-document-viewer--server-error');
    assert.match(await partText(page, 'dsp-document-viewer', 'error'), /maintenance/);

    await openStory(page, site.url, 'panels-document-viewer--offline-with-cache');
    assert.match(await partText(page, 'dsp-document-viewer', 'offline'), /Hors ligne/);
    assert.equal(await page.locator('dsp-document-viewer [part~="row"]').count(), 7);

    // A story of its own handlers: a server where access needs a grant, and break-the-glass.
    await openStory(page, site.url, 'panels-document-viewer--emergency-access-granted');
    assert.match(
      await partText(page, 'dsp-document-viewer', 'emergency'),
      /Accès en urgence en cours/,
    );

    await openStory(page, site.url, 'panels-document-viewer--nurse');
    const nurseRows = await page
      .locator('dsp-document-viewer [part~="row"] .title')
      .allTextContents();
    assert.ok(!nurseRows.some((title) => title.includes('psychologique')), 'the masked document');
    assert.ok(nurseRows.length > 0 && nurseRows.length < 7);

    await openStory(page, site.url, 'panels-audit-log--patient-log');
    assert.match(await partText(page, 'dsp-audit-log', 'row-emergency'), /Patiente inconsciente/);

    await openStory(page, site.url, 'panels-document-preview--text');
    assert.match(await partText(page, 'dsp-document-preview', 'text'), /Hémoglobine 13,8 g\/dl/);

    await openStory(page, site.url, 'panels-document-statistics--table');
    assert.match(await partText(page, 'dsp-document-stats', 'table'), /Total/);
  });

  it('has a control for every attribute and an action for every event of each panel', async () => {
    const manifest = createManifest() as {
      modules: {
        declarations?: {
          tagName?: string;
          attributes?: { name: string }[];
          events?: { name: string }[];
        }[];
      }[];
    };
    const declarations = manifest.modules.flatMap((m) => m.declarations ?? []);
    await openStory(page, site.url, 'panels-document-viewer--documents');
    for (const [tag, prefix] of Object.entries(PANELS)) {
      const declaration = declarations.find((d) => d.tagName === tag);
      assert.ok(declaration, `${tag} is not in the manifest`);
      const controls = await storyControls(
        page,
        `${prefix}${REQUIRED[tag as keyof typeof PANELS][0] ?? ''}`,
      );
      assert.deepEqual(
        controls.attributes.sort(),
        (declaration.attributes ?? []).map((a) => a.name).sort(),
        `${tag}: attributes without a control, or controls of no attribute`,
      );
      assert.deepEqual(
        controls.events.sort(),
        (declaration.events ?? []).map((e) => e.name).sort(),
        `${tag}: events without an action`,
      );
    }
  });

  it('finishes every story of the four panels with its play function and a11y checks passed', async () => {
    const ids = storyIds(dir).filter((id) => Object.values(PANELS).some((p) => id.startsWith(p)));
    const { failures, reasons } = await replayStories(page, site.url, ids);
    assert.deepEqual(failures, KNOWN_A11Y_FAILURES, reasons.join('\n'));
  });

  it("opens in Storybook's own UI there, with the story's actions and accessibility results", async () => {
    const ui = await context.newPage();
    await ui.goto(`${site.url}?path=/story/panels-document-viewer--documents`);
    const preview = ui.frameLocator('#storybook-preview-iframe');
    const title = preview.locator('dsp-document-viewer [part~="row"] button.title').first();
    await title.waitFor({ timeout: 20_000 });
    await title.click();
    await ui.getByRole('tab', { name: /Actions/ }).click();
    const panel = ui.locator('#storybook-panel-root');
    await panel.getByText('dsp-document-open').waitFor({ timeout: 10_000 });
    assert.match(await panel.innerText(), /dsp-document-select/);
    await ui.getByRole('tab', { name: /Accessibility/ }).click();
    await ui.getByRole('tab', { name: /^Violations\s*0$/ }).waitFor({ timeout: 20_000 });
    await ui.close();
  });

  it('was asked for nothing it does not have (no 404 but the mock’s own answers)', () => {
    assert.deepEqual(notFound, []);
  });
});
