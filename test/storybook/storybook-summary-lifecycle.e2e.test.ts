// The static Storybook (`storybook-static/`, made by `npm run test:storybook` just before),
// published under a sub-path, for the patient summary's stories and the viewer's document
// lifecycle per role. The index lists each, each story passes its play function and the
// accessibility addon's checks, what they show is the mock's, the summary's controls and actions
// cover its manifest, and nothing the site was asked for is missing. A file of its own: Node's
// time limit applies to each file, and `storybook.e2e.test.ts` replays fifty stories.
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
  replayStories,
  serveStorybook,
  storyControls,
  storyIds,
  watchStories,
  type StorybookSite,
} from './storybook-site.js';

const dir = fileURLToPath(new URL('../../storybook-static/', import.meta.url));

/** Each stories file replayed here, by story id prefix, with the stories it must hold. */
const FILES = {
  summary: {
    prefix: 'panels-patient-summary--',
    required: [
      'cda',
      'fhir-ips',
      'old-with-empty-sections',
      'no-summary',
      'unreadable-format',
      'refused',
      'loading',
      'offline-from-cache',
      'dark-english',
      'german',
      'luxembourgish',
    ],
  },
  lifecycle: {
    prefix: 'panels-document-viewer-lifecycle--',
    required: ['author', 'patient', 'assistant', 'other-professional'],
  },
} as const;

/**
 * The element each stories file is about, and the story whose controls must cover its manifest.
 * The lifecycle stories show the viewer, whose own stories file has every control.
 */
const CONTROLLED = [['dsp-patient-summary', 'panels-patient-summary--cda']] as const;

/**
 * Accessibility failures the addon reports today, each a defect of the component to fix (not of
 * the story): when one is fixed, this test says so and its entry goes.
 */
const KNOWN_A11Y_FAILURES: Record<string, string[]> = {};

describe('the Storybook build: the patient summary and document lifecycle stories', () => {
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

  it('lists every state of the summary and every role of the lifecycle', () => {
    const ids = new Set(storyIds(dir));
    const missing = Object.values(FILES).flatMap(({ prefix, required }) =>
      required.map((name) => `${prefix}${name}`).filter((id) => !ids.has(id)),
    );
    assert.deepEqual(missing, [], `stories missing from the index: ${missing.join(', ')}`);
  });

  it('shows the mock’s summary and documents', async () => {
    let finished = await openStory(page, site.url, 'panels-patient-summary--cda');
    assert.equal(finished.status, 'success', describeFinish(finished));
    assert.ok((await page.locator('dsp-patient-summary [part~="section"]').count()) > 0);
    finished = await openStory(page, site.url, 'panels-document-viewer-lifecycle--author');
    assert.equal(finished.status, 'success', describeFinish(finished));
    // Dr Weber, her référent, sees all seven of Marie's documents.
    assert.equal(await page.locator('dsp-document-viewer [part~="row"]').count(), 7);
  });

  it('has a control for every attribute and an action for every event of each element', async () => {
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
    await openStory(page, site.url, 'panels-patient-summary--cda');
    for (const [tag, storyId] of CONTROLLED) {
      const declaration = declarations.find((d) => d.tagName === tag);
      assert.ok(declaration, `${tag} is not in the manifest`);
      const controls = await storyControls(page, storyId);
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

  it('finishes every one of these stories with its play function and a11y checks passed', async () => {
    const prefixes = Object.values(FILES).map((file) => file.prefix);
    const ids = storyIds(dir).filter((id) => prefixes.some((p) => id.startsWith(p)));
    const { failures, reasons } = await replayStories(page, site.url, ids);
    assert.deepEqual(failures, KNOWN_A11Y_FAILURES, reasons.join('\n'));
  });

  it('was asked for nothing it does not have (no 404 but the mock’s own answers)', () => {
    assert.deepEqual(notFound, []);
  });
});
