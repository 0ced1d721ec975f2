// The static Storybook (`storybook-static/`, made by `npm run test:storybook` just before),
// published under a sub-path, for the patient summary's stories and the viewer's document
// lifecycle per role. The index lists each, each story passes its play function and the
// accessibility addon's checks, what they show is the mock's, the summary's controls and actions
// cover its manifest, and nothing the site was asked for is missing. A file of its own: Node's
// time limit applies to each file, and `storybook.e2e.test.ts` replays fifty stories.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  assertControlsCoverManifest,
  assertNothingMissing,
  assertStoriesFinish,
  assertStoriesListed,
  describeFinish,
  storybookSuite,
} from './storybook-site.js';

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
  const storybook = storybookSuite();

  it('lists every state of the summary and every role of the lifecycle', () => {
    assertStoriesListed(Object.values(FILES));
  });

  it('shows the mock’s summary and documents', async () => {
    const { page } = storybook;
    let finished = await storybook.open('panels-patient-summary--cda');
    assert.equal(finished.status, 'success', describeFinish(finished));
    assert.ok((await page.locator('dsp-patient-summary [part~="section"]').count()) > 0);
    finished = await storybook.open('panels-document-viewer-lifecycle--author');
    assert.equal(finished.status, 'success', describeFinish(finished));
    // Dr Weber, her référent, sees all seven of Marie's documents.
    assert.equal(await page.locator('dsp-document-viewer [part~="row"]').count(), 7);
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
