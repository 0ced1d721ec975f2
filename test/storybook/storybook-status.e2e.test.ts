// The static Storybook (`storybook-static/`, made by `npm run test:storybook` just before),
// published under a sub-path, for the awareness stories: the status badge in each state, the
// worklist and the emergency alerts. The index lists each state, each story passes its play
// function and the accessibility addon's checks, what they show is the mock's, their controls and
// actions cover the badge's manifest, and nothing the site was asked for is missing. A file of its
// own: Node's time limit applies to each file, and `storybook.e2e.test.ts` replays fifty stories.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { fixtures } from '@dsp-kit/mock';
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
  watchStories,
  type StorybookSite,
} from './storybook-site.js';

const dir = fileURLToPath(new URL('../../storybook-static/', import.meta.url));
const { patients } = fixtures;

/** The stories file replayed here, by story id prefix, with the stories it must hold. */
const FILES = {
  status: {
    prefix: 'awareness-status--',
    required: [
      'open',
      'closed',
      'no-dsp',
      'blocked',
      'emergency-access',
      'patient',
      'loading',
      'offline',
      'dark-english',
      'german',
      'luxembourgish',
      'worklist',
      'worklist-with-names',
      'worklist-too-long',
      'emergency-alerts',
    ],
  },
} as const;

/** The element the stories file is about, and the story whose controls must cover its manifest. */
const CONTROLLED = [['dsp-status', 'awareness-status--open']] as const;

/**
 * Accessibility failures the addon reports today, each a defect of the component to fix (not of
 * the story): when one is fixed, this test says so and its entry goes.
 */
const KNOWN_A11Y_FAILURES: Record<string, string[]> = {};

const ROW = 'dsp-status-list [part~="row"]';

/** The name a worklist row shows for `patient`. */
async function rowName(page: Page, patient: string): Promise<string | undefined> {
  const row = page.locator(`${ROW}[data-patient="${patient}"] .name`);
  return (await row.textContent())?.trim();
}

describe('the Storybook build: the status badge, worklist and alerts stories', () => {
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

  it('lists every state and role of the badge, the worklist and the alerts', () => {
    const ids = new Set(storyIds(dir));
    const missing = Object.values(FILES).flatMap(({ prefix, required }) =>
      required.map((name) => `${prefix}${name}`).filter((id) => !ids.has(id)),
    );
    assert.deepEqual(missing, [], `stories missing from the index: ${missing.join(', ')}`);
  });

  it('shows the mock’s statuses, names and alerts', async () => {
    let finished = await openStory(page, site.url, 'awareness-status--blocked');
    assert.equal(finished.status, 'success', describeFinish(finished));
    assert.match(await partText(page, 'dsp-status', 'mark'), /DSP bloqué/);

    finished = await openStory(page, site.url, 'awareness-status--worklist');
    assert.equal(finished.status, 'success', describeFinish(finished));
    assert.equal(await page.locator(ROW).count(), Object.keys(patients).length);
    // Sophie closed her DSP: the server tells Dr Weber no name, so her row shows her id.
    assert.equal(await rowName(page, patients.sophie.id), patients.sophie.id);

    finished = await openStory(page, site.url, 'awareness-status--worklist-with-names');
    assert.equal(finished.status, 'success', describeFinish(finished));
    assert.equal(await rowName(page, patients.sophie.id), 'KLEIN Sophie');
    const unknown = page.locator(`${ROW}[data-patient="unknown-patient"]`);
    assert.match((await unknown.getAttribute('aria-label')) ?? '', /^DOE Jane Pas de DSP — /);

    finished = await openStory(page, site.url, 'awareness-status--emergency-alerts');
    assert.equal(finished.status, 'success', describeFinish(finished));
    assert.match(
      await partText(page, 'dsp-emergency-alerts', 'entry'),
      /Patiente inconsciente aux urgences du CHEM/,
    );
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
    await openStory(page, site.url, 'awareness-status--open');
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
