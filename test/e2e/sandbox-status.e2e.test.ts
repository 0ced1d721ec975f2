// The professional's DSP status marks in the built sandbox: the badge in the patient banner and
// the worklist beside the chart, whose rows open another patient's chart.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertNoProblems, sandboxSuite } from './sandbox-site.js';

/** Chromium logs every refused request; Sophie closed her DSP, so her chart is refused. */
const REFUSALS = /status of 403/;

describe('the sandbox’s DSP status marks', () => {
  const sandbox = sandboxSuite();

  it('shows the badge in the banner and opens the patient a worklist row names', async () => {
    const { page, problems, close } = await sandbox.open({ user: 'paul-weber' });
    const patientSwitch = page.getByLabel('Patient', { exact: true });
    assert.equal(await patientSwitch.inputValue(), 'marie-schmit');

    // Marie's DSP is open, and Dr Weber is her référent.
    const badge = page.locator('.context-banner dsp-status button[part~="base"]');
    await badge.waitFor();
    assert.match((await badge.getAttribute('aria-label')) ?? '', /^DSP .*DSP ouvert\./);

    const worklist = page.getByRole('heading', { name: 'Mes patients' });
    await worklist.waitFor();
    // Sophie Klein closed her DSP: the server then withholds her name, the sandbox gives it.
    const sophie = page.getByRole('button', { name: /^Sophie Klein DSP fermé —/ });
    await sophie.click();
    assert.equal(await patientSwitch.inputValue(), 'sophie-klein');
    assert.equal(new URL(page.url()).searchParams.get('patient'), 'sophie-klein');
    assert.equal(await page.locator('#context-title').textContent(), 'Sophie Klein');
    await page
      .locator('.context-banner dsp-status [part="mark"]', { hasText: 'DSP fermé' })
      .waitFor();
    assertNoProblems(problems, REFUSALS);
    await close();
  });

  it('shows no marks to a patient', async () => {
    const { page, problems, close } = await sandbox.open({ user: 'marie-schmit' });
    assert.equal(await page.locator('dsp-status').isHidden(), true);
    assert.equal(await page.locator('dsp-status-list').isHidden(), true);
    assertNoProblems(problems);
    await close();
  });
});
