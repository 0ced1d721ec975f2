// The sandbox's walk-throughs a newcomer follows, built and served as the agency publishes it:
// break-the-glass from the form to the patient's log, the patient who refused it, each role
// opening the patient it is about, a change kept through an immediate reload, and the agency's
// statistics up to the current month.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  REFUSALS,
  assertNoProblems,
  sandboxReady,
  sandboxSuite,
  viewerOf,
} from './sandbox-site.js';

/** The reason a newcomer types, as the audit log will show it. */
const REASON = 'Patient inconscient aux urgences du CHEM';

function patientSwitch(page: Page) {
  return page.getByLabel('Patient', { exact: true });
}

describe('the sandbox walk-throughs', () => {
  const sandbox = sandboxSuite();

  it('shows break-the-glass end to end: the form, the grant, the patient’s log', async () => {
    const { page, problems, close } = await sandbox.open({ user: 'sarah-hansen' });
    // The emergency doctor's role opens the patient whose DSP needs an emergency access.
    assert.equal(await patientSwitch(page).inputValue(), 'lucien-wagner');
    const viewer = viewerOf(page);
    const form = viewer.locator('[part="break-glass"]');
    await form.waitFor();
    assert.match((await viewer.locator('[part="error"]').textContent()) ?? '', /pas donné accès/);

    await form.getByLabel('Motif de l’accès en urgence (obligatoire)').fill(REASON);
    await form.getByRole('button', { name: 'Ouvrir en urgence' }).click();
    await viewer.locator('[part="emergency"]').waitFor();
    await viewer.locator('[part~="row"] .title', { hasText: 'Lettre de sortie' }).waitFor();

    // Reloaded at once: the grant and its trace were saved before the answer came back.
    await page.reload();
    await sandboxReady(page);
    await viewer.locator('[part~="row"] .title', { hasText: 'Lettre de sortie' }).waitFor();
    assert.equal(await form.count(), 0, 'the emergency access still holds after the reload');

    // Lucien's DSP assistant sees the emergency access, and its reason, in his log.
    await page.selectOption('#user', 'claire-wagner');
    // Waited for as one row: the log may render its rows anew while its pages arrive.
    const emergency = page
      .locator('dsp-audit-log [part~="row"]', { hasText: 'Dr Sarah Hansen' })
      .filter({ hasText: 'Accès en urgence' })
      .filter({ hasText: REASON });
    await emergency.first().waitFor();
    assertNoProblems(problems, REFUSALS);
    await close();
  });

  it('explains to the emergency doctor that the patient refused emergency access', async () => {
    const { page, problems, close } = await sandbox.open({
      user: 'sarah-hansen',
      patient: 'nadia-reuter',
    });
    assert.equal(await patientSwitch(page).inputValue(), 'nadia-reuter');
    const error = page.locator('dsp-document-viewer [part="error"]');
    await error.waitFor();
    assert.match((await error.textContent()) ?? '', /refusé l’accès en urgence/);
    assert.equal(await page.locator('dsp-document-viewer [part="break-glass"]').count(), 0);
    assertNoProblems(problems, REFUSALS);
    await close();
  });

  it('opens, on a role change, the patient the role is about', async () => {
    const { page, problems, close } = await sandbox.open();
    assert.equal(await patientSwitch(page).inputValue(), 'marie-schmit');
    await page.selectOption('#user', 'anne-muller');
    assert.equal(await patientSwitch(page).inputValue(), 'tom-becker');
    assert.equal(new URL(page.url()).searchParams.get('patient'), 'tom-becker');
    // The blocked doctor opens the patient who blocked him, not the previous one.
    await page.selectOption('#user', 'luc-kremer');
    assert.equal(await patientSwitch(page).inputValue(), 'marie-schmit');
    const error = page.locator('dsp-document-viewer [part="error"]');
    await error.waitFor();
    assert.match((await error.textContent()) ?? '', /vous a bloqué/);
    await page.selectOption('#user', 'sarah-hansen');
    assert.equal(await patientSwitch(page).inputValue(), 'lucien-wagner');
    // A patient the role is about stays chosen: the emergency doctor and the refusing patient.
    await page.selectOption('#patient', 'nadia-reuter');
    await page.selectOption('#user', 'paul-weber');
    assert.equal(await patientSwitch(page).inputValue(), 'marie-schmit');
    await page.selectOption('#patient', 'lucien-wagner');
    await page.selectOption('#user', 'sarah-hansen');
    assert.equal(await patientSwitch(page).inputValue(), 'lucien-wagner');
    assertNoProblems(problems, REFUSALS);
    await close();
  });

  it('gives the agency counts up to the current month, and no patient to choose', async () => {
    const { page, problems, close } = await sandbox.open({ user: 'agence-esante' });
    assert.equal(await patientSwitch(page).isDisabled(), true);
    const headers = page.locator('dsp-document-stats thead time');
    await headers.first().waitFor();
    const now = new Date();
    const month = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
    assert.equal(await headers.last().getAttribute('datetime'), month);
    assertNoProblems(problems);
    await close();
  });
});
