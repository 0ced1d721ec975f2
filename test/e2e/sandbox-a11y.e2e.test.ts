// An axe pass over the whole built sandbox (shadow roots included), under its strict CSP: in every
// role, in the dark and host themes, on a narrow screen, with a document open and with the reset
// dialog up. Screenshots of the themes and the narrow layout go to test-results/.
import { mkdirSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { roles } from '../../demo/roles.js';
import {
  REFUSALS,
  assertAccessible,
  assertNoProblems,
  axeViolations,
  panelsSettled,
  sandboxSuite,
  type SandboxChoice,
} from './sandbox-site.js';

const results = fileURLToPath(new URL('../../test-results/', import.meta.url));

describe('the built sandbox, checked by axe', () => {
  const sandbox = sandboxSuite('sandbox axe e2e');

  before(() => {
    mkdirSync(results, { recursive: true });
  });

  it('has no violation in any role', async () => {
    const { page, problems, close } = await sandbox.open();
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
    const { page, problems, close } = await sandbox.open({ lang: 'de' });
    await page
      .locator('dsp-document-viewer [part~="row"] .title', { hasText: 'Bilan sanguin complet' })
      .click();
    await page.locator('dsp-document-viewer dsp-document-preview [part="text"]').waitFor();
    assertAccessible(await axeViolations(page), 'a document open');
    assertNoProblems(problems);
    await close();
  });

  it('has no violation with the reset dialog open', async () => {
    const { page, problems, close } = await sandbox.open();
    await page.locator('#reset').click();
    assertAccessible(await axeViolations(page), 'the reset dialog');
    await page.locator('#reset-cancel').click();
    assertNoProblems(problems);
    await close();
  });

  for (const [name, choice, viewport] of [
    ['light', {}, { width: 1280, height: 2200 }],
    ['dark', { user: 'marie-schmit', theme: 'dark' }, { width: 1280, height: 3200 }],
    ['host', { user: 'marie-schmit', theme: 'host' }, { width: 1280, height: 3200 }],
    ['narrow', { user: 'marie-schmit' }, { width: 390, height: 4800 }],
    [
      'narrow-dark-lb',
      { user: 'claire-wagner', theme: 'dark', lang: 'lb' },
      { width: 390, height: 4800 },
    ],
  ] as const satisfies readonly (readonly [string, SandboxChoice, object])[]) {
    it(`has no violation in the ${name} layout (screenshot in test-results/)`, async () => {
      const { page, problems, close } = await sandbox.open(choice, viewport);
      await panelsSettled(page);
      await page.screenshot({ path: `${results}sandbox-${name}.png`, fullPage: true });
      assertAccessible(await axeViolations(page), `the ${name} layout`);
      assertNoProblems(problems);
      await close();
    });
  }
});
