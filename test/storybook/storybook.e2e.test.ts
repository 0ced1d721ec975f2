// The static Storybook (`storybook-static/`, made by `npm run test:storybook` just before),
// published under a sub-path by a plain node:http server: its index lists every state and role of
// the viewer, preview, audit log and statistics; msw's worker registers under the sub-path and
// serves the mock; each of those stories passes its play function and the accessibility addon's
// checks; their controls and actions cover the components' manifest; Storybook's own UI works
// there; and nothing the site was asked for is missing. The stories of the awareness elements,
// the patient summary and the document lifecycle are replayed in `storybook-status.e2e.test.ts` and `storybook-summary-lifecycle.e2e.test.ts`.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  assertControlsCoverManifest,
  assertNothingMissing,
  assertStoriesFinish,
  assertStoriesListed,
  describeFinish,
  partText,
  storybookSuite,
  STORYBOOK_DIR,
  SUB_PATH,
} from './storybook-site.js';

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
  const storybook = storybookSuite();

  it('lists every state and role of the four panels, and ships the worker beside the preview', () => {
    assertStoriesListed(
      Object.entries(REQUIRED).map(([tag, required]) => ({
        prefix: PANELS[tag as keyof typeof PANELS],
        required,
      })),
    );
    assert.ok(existsSync(`${STORYBOOK_DIR}mockServiceWorker.js`));
  });

  it("registers msw's worker under the sub-path and renders the mock's documents", async () => {
    const finished = await storybook.open('panels-document-viewer--documents');
    assert.equal(finished.status, 'success', describeFinish(finished));
    const worker = await storybook.page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return {
        scope: registration?.scope,
        script: registration?.active?.scriptURL,
        controller: navigator.serviceWorker.controller?.scriptURL,
      };
    });
    assert.deepEqual(worker, {
      scope: storybook.site.url,
      script: `${storybook.site.url}mockServiceWorker.js`,
      controller: `${storybook.site.url}mockServiceWorker.js`,
    });
    assert.ok(storybook.site.url.endsWith(SUB_PATH));
    // Dr Weber, her référent, sees all seven of Marie's documents, from the mock at `fhir` here.
    assert.equal(await storybook.page.locator('dsp-document-viewer [part~="row"]').count(), 7);
  });

  it('shows the scenarios, the cache, per-story handlers and every panel on the mock', async () => {
    await storybook.open('panels-document-viewer--server-error');
    assert.match(await partText(storybook.page, 'dsp-document-viewer', 'error'), /maintenance/);

    await storybook.open('panels-document-viewer--offline-with-cache');
    assert.match(await partText(storybook.page, 'dsp-document-viewer', 'offline'), /Hors ligne/);
    assert.equal(await storybook.page.locator('dsp-document-viewer [part~="row"]').count(), 7);

    // A story of its own handlers: a server where access needs a grant, and break-the-glass.
    await storybook.open('panels-document-viewer--emergency-access-granted');
    assert.match(
      await partText(storybook.page, 'dsp-document-viewer', 'emergency'),
      /Accès en urgence en cours/,
    );

    await storybook.open('panels-document-viewer--nurse');
    const nurseRows = await storybook.page
      .locator('dsp-document-viewer [part~="row"] .title')
      .allTextContents();
    assert.ok(!nurseRows.some((title) => title.includes('psychologique')), 'the masked document');
    assert.ok(nurseRows.length > 0 && nurseRows.length < 7);

    await storybook.open('panels-audit-log--patient-log');
    assert.match(
      await partText(storybook.page, 'dsp-audit-log', 'row-emergency'),
      /Patiente inconsciente/,
    );

    await storybook.open('panels-document-preview--text');
    assert.match(
      await partText(storybook.page, 'dsp-document-preview', 'text'),
      /Hémoglobine 13,8 g\/dl/,
    );

    await storybook.open('panels-document-statistics--table');
    assert.match(await partText(storybook.page, 'dsp-document-stats', 'table'), /Total/);
  });

  it('has a control for every attribute and an action for every event of each panel', async () => {
    await assertControlsCoverManifest(
      storybook,
      Object.entries(PANELS).map(
        ([tag, prefix]) =>
          [tag, `${prefix}${REQUIRED[tag as keyof typeof PANELS][0] ?? ''}`] as const,
      ),
    );
  });

  it('finishes every story of the four panels with its play function and a11y checks passed', async () => {
    await assertStoriesFinish(storybook, Object.values(PANELS), KNOWN_A11Y_FAILURES);
  });

  it("opens in Storybook's own UI there, with the story's actions and accessibility results", async () => {
    const ui = await storybook.context.newPage();
    await ui.goto(`${storybook.site.url}?path=/story/panels-document-viewer--documents`);
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
    assertNothingMissing(storybook);
  });
});
