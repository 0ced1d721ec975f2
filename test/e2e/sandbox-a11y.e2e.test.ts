// An axe pass over the whole built sandbox (shadow roots included), under its strict CSP: in every
// role, in the dark and host themes, on a narrow screen, with a document open and with the reset
// dialog up. Screenshots of the themes and the narrow layout go to test-results/.
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { AxeResults } from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROME_ARGS, requireChrome } from '../../scripts/chrome.mjs';
import { roles } from '../../demo/roles.js';
import {
  assertNoProblems,
  buildSandbox,
  openSandbox,
  panelsSettled,
  sandboxReady,
  serveSandbox,
  type SandboxSite,
} from './sandbox-site.js';

const results = fileURLToPath(new URL('../../test-results/', import.meta.url));
const require = createRequire(import.meta.url);
const axeSource = readFileSync(join(dirname(require.resolve('axe-core')), 'axe.min.js'), 'utf8');
/** Refusals are what the blocked doctor's and the emergency doctor's states are about. */
const REFUSALS = /status of 40[13]/;

/** Runs axe on the whole page (open shadow roots included); one readable line per problem. */
async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the page's CSP does not apply to it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } })
      .axe;
    return (await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
      resultTypes: ['violations'],
    })) as AxeResults;
  });
  return found.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help}\n` +
        `    at ${JSON.stringify(node.target)}\n    ${node.failureSummary?.replace(/\n/g, '\n    ') ?? ''}`,
    ),
  );
}

function assertAccessible(violations: string[], where: string): void {
  if (violations.length > 0) assert.fail(`axe, ${where}:\n${violations.join('\n')}`);
}

describe('the built sandbox, checked by axe', () => {
  let site: SandboxSite;
  let browser: Browser;
  let removeBuild: () => void;
  const started = Date.now();

  before(async () => {
    const built = await buildSandbox();
    removeBuild = built.remove;
    site = await serveSandbox(built.dir);
    browser = await chromium.launch({ executablePath: requireChrome(), args: CHROME_ARGS });
    mkdirSync(results, { recursive: true });
  });

  after(async () => {
    await browser.close();
    await site.close();
    removeBuild();
    console.log(`sandbox axe e2e: ${((Date.now() - started) / 1000).toFixed(1)} s, build included`);
  });

  it('has no violation in any role', async () => {
    const { page, problems, close } = await openSandbox(browser, site.url);
    await sandboxReady(page);
    const failures: string[] = [];
    for (const role of roles) {
      await page.selectOption('#user', role.user);
      await panelsSettled(page);
      const violations = await axeViolations(page);
      if (violations.length > 0) failures.push(`as ${role.user}:`, ...violations);
    }
    assertAccessible(failures, 'every role');
    assertNoProblems(problems, REFUSALS);
    await close();
  });

  it('has no violation with a document open, in German', async () => {
    const { page, problems, close } = await openSandbox(browser, `${site.url}?lang=de`);
    await sandboxReady(page);
    await page
      .locator('dsp-document-viewer [part~="row"] .title', { hasText: 'Bilan sanguin complet' })
      .click();
    await page.locator('dsp-document-viewer dsp-document-preview [part="text"]').waitFor();
    assertAccessible(await axeViolations(page), 'a document open');
    assertNoProblems(problems);
    await close();
  });

  it('has no violation with the reset dialog open', async () => {
    const { page, problems, close } = await openSandbox(browser, site.url);
    await sandboxReady(page);
    await page.locator('#reset').click();
    assertAccessible(await axeViolations(page), 'the reset dialog');
    await page.locator('#reset-cancel').click();
    assertNoProblems(problems);
    await close();
  });

  for (const [name, query, viewport] of [
    ['light', '', { width: 1280, height: 2200 }],
    ['dark', '?user=marie-schmit&theme=dark', { width: 1280, height: 3200 }],
    ['host', '?user=marie-schmit&theme=host', { width: 1280, height: 3200 }],
    ['narrow', '?user=marie-schmit', { width: 390, height: 4800 }],
    ['narrow-dark-lb', '?user=claire-wagner&theme=dark&lang=lb', { width: 390, height: 4800 }],
  ] as const) {
    it(`has no violation in the ${name} layout (screenshot in test-results/)`, async () => {
      const { page, problems, close } = await openSandbox(browser, site.url + query, viewport);
      await sandboxReady(page);
      await panelsSettled(page);
      await page.screenshot({ path: `${results}sandbox-${name}.png`, fullPage: true });
      assertAccessible(await axeViolations(page), `the ${name} layout`);
      assertNoProblems(problems);
      await close();
    });
  }
});
