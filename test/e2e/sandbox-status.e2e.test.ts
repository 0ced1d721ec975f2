// The professional's DSP status marks in the built sandbox: the badge in the patient banner and
// the worklist beside the chart, whose rows open another patient's chart.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { CHROME_ARGS, requireChrome } from '../../scripts/chrome.mjs';
import {
  assertNoProblems,
  buildSandbox,
  openSandbox,
  sandboxReady,
  serveSandbox,
  type SandboxSite,
} from './sandbox-site.js';

/** Chromium logs every refused request; Sophie closed her DSP, so her chart is refused. */
const REFUSALS = /status of 403/;

describe('the sandbox’s DSP status marks', () => {
  let site: SandboxSite;
  let browser: Browser;
  let removeBuild: () => void;

  before(async () => {
    const built = await buildSandbox();
    removeBuild = built.remove;
    site = await serveSandbox(built.dir);
    browser = await chromium.launch({ executablePath: requireChrome(), args: CHROME_ARGS });
  });

  after(async () => {
    await browser.close();
    await site.close();
    removeBuild();
  });

  it('shows the badge in the banner and opens the patient a worklist row names', async () => {
    const { page, problems, close } = await openSandbox(browser, `${site.url}?user=paul-weber`);
    await sandboxReady(page);
    const patientSwitch = page.getByLabel('Patient', { exact: true });
    assert.equal(await patientSwitch.inputValue(), 'marie-schmit');

    // Marie's DSP is open, and Dr Weber is her référent.
    const badge = page.locator('.context-banner dsp-status button[part~="base"]');
    await badge.waitFor();
    assert.match((await badge.getAttribute('aria-label')) ?? '', /^DSP .*DSP ouvert\./);

    const worklist = page.getByRole('heading', { name: 'Mes patients' });
    await worklist.waitFor();
    // Sophie Klein closed her DSP (the server then withholds her name: the row names her id).
    const sophie = page.getByRole('button', { name: /^sophie-klein DSP fermé —/ });
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
    const { page, problems, close } = await openSandbox(browser, `${site.url}?user=marie-schmit`);
    await sandboxReady(page);
    assert.equal(await page.locator('dsp-status').isHidden(), true);
    assert.equal(await page.locator('dsp-status-list').isHidden(), true);
    assertNoProblems(problems);
    await close();
  });
});
