// The static Storybook (`storybook-static/`, made by `npm run test:storybook` just before),
// published under a sub-path, for the awareness stories: the status badge in each state, the
// worklist and the emergency alerts. The index lists each state, each story passes its play
// function and the accessibility addon's checks, what they show is the mock's, their controls and
// actions cover the badge's manifest, and nothing the site was asked for is missing. A file of its
// own: Node's time limit applies to each file, and `storybook.e2e.test.ts` replays fifty stories.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtures } from '@dsp-kit/mock';
import type { Page } from 'playwright-core';
import {
  assertControlsCoverManifest,
  assertNothingMissing,
  assertStoriesFinish,
  assertStoriesListed,
  describeFinish,
  partText,
  storybookSuite,
} from './storybook-site.js';

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
  const storybook = storybookSuite();

  it('lists every state and role of the badge, the worklist and the alerts', () => {
    assertStoriesListed(Object.values(FILES));
  });

  it('shows the mock’s statuses, names and alerts', async () => {
    const { page } = storybook;
    let finished = await storybook.open('awareness-status--blocked');
    assert.equal(finished.status, 'success', describeFinish(finished));
    assert.match(await partText(page, 'dsp-status', 'mark'), /DSP bloqué/);

    finished = await storybook.open('awareness-status--worklist');
    assert.equal(finished.status, 'success', describeFinish(finished));
    assert.equal(await page.locator(ROW).count(), Object.keys(patients).length);
    // Sophie closed her DSP: the server tells Dr Weber no name, so her row shows her id.
    assert.equal(await rowName(page, patients.sophie.id), patients.sophie.id);

    finished = await storybook.open('awareness-status--worklist-with-names');
    assert.equal(finished.status, 'success', describeFinish(finished));
    assert.equal(await rowName(page, patients.sophie.id), 'KLEIN Sophie');
    const unknown = page.locator(`${ROW}[data-patient="unknown-patient"]`);
    assert.match((await unknown.getAttribute('aria-label')) ?? '', /^DOE Jane Pas de DSP — /);

    finished = await storybook.open('awareness-status--emergency-alerts');
    assert.equal(finished.status, 'success', describeFinish(finished));
    assert.match(
      await partText(page, 'dsp-emergency-alerts', 'entry'),
      /Patiente inconsciente aux urgences du CHEM/,
    );
  });

  it('has a control for every attribute and an action for every event of each element', async () => {
    await assertControlsCoverManifest(storybook, CONTROLLED);
  });

  it('finishes every one of these stories with its play function and a11y checks passed', async () => {
    const prefixes = Object.values(FILES).map((file) => file.prefix);
    await assertStoriesFinish(storybook, prefixes, KNOWN_A11Y_FAILURES);
  });

  it('was asked for nothing it does not have (no 404 but the mock’s own answers)', () => {
    assertNothingMissing(storybook);
  });
});
