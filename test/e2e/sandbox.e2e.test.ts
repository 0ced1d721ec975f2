// The built sandbox as the agency publishes it: `vite build` once, served from a sub-path
// (/dsp/sandbox/) by a plain HTTP server under a strict Content-Security-Policy, opened in Chromium.
// Every panel is used, no policy violation may occur, and the switches and the reset behave.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sampleFiles } from '@dsp-kit/mock';
import type { Page } from 'playwright-core';
import {
  REFUSALS,
  SUB_PATH,
  assertNoProblems,
  deepActiveElement,
  openSandbox,
  panelsSettled,
  sandboxReady,
  sandboxSuite,
  viewerOf,
} from './sandbox-site.js';

function sample(id: string) {
  const file = sampleFiles().find((f) => f.id === id);
  assert.ok(file, id);
  return file;
}

/** Resolves with the detail of the next `type` event `selector` fires. */
function nextEvent(page: Page, selector: string, type: string): Promise<unknown> {
  return page.evaluate(
    ([selector, type]) =>
      new Promise((resolve) => {
        document
          .querySelector(selector)
          ?.addEventListener(type, (event) => resolve((event as CustomEvent).detail), {
            once: true,
          });
      }),
    [selector, type] as const,
  );
}

/** When the mock last saved its IndexedDB copy (it saves shortly after each change). */
function lastSaved(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('dsp-mock-sandbox');
      request.onsuccess = () => {
        resolve(request.result);
      };
      request.onerror = () => {
        reject(request.error ?? new Error('IndexedDB'));
      };
    });
    try {
      const saved = await new Promise<{ savedAt: number } | undefined>((resolve, reject) => {
        const request = db.transaction('snapshot').objectStore('snapshot').get('store');
        request.onsuccess = () => {
          resolve(request.result as { savedAt: number } | undefined);
        };
        request.onerror = () => {
          reject(request.error ?? new Error('IndexedDB'));
        };
      });
      return saved?.savedAt ?? 0;
    } finally {
      db.close();
    }
  });
}

/** Waits until the mock's IndexedDB copy was saved at `since` (page time) or later, polling. */
async function savedSince(page: Page, since: number): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if ((await lastSaved(page)) >= since) return;
    await page.waitForTimeout(100);
  }
  assert.fail('the sandbox did not save its data within 10 s');
}

describe('the sandbox, built, under a sub-path and a strict CSP', () => {
  const sandbox = sandboxSuite('sandbox e2e');

  it("lists the fixture patient's documents, through a worker scoped to the sub-path", async () => {
    const { page, problems, close } = await openSandbox(sandbox.browser, sandbox.site.url);
    const outside: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol.startsWith('http') && !url.pathname.startsWith(SUB_PATH))
        outside.push(url.href);
    });
    await sandboxReady(page);
    const rows = page.locator('dsp-document-viewer [part~="row"]');
    await rows.first().waitFor();
    assert.deepEqual(
      (await rows.locator('.title').allTextContents()).map((t) => t.trim()),
      [
        'Résultat de biopsie',
        'Bilan sanguin complet',
        'Échocardiographie transthoracique',
        'Résumé patient',
        "Certificat d'aptitude au sport",
        'Mes directives anticipées',
        'Consultation de suivi psychologique',
      ],
    );
    const worker = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return {
        scope: registration?.scope,
        script: navigator.serviceWorker.controller?.scriptURL,
      };
    });
    const { url } = sandbox.site;
    assert.deepEqual(worker, { scope: url, script: `${url}mockServiceWorker.js` });
    assert.equal(await page.locator('#context-title').textContent(), 'Marie Schmit');
    assert.deepEqual(outside, [], 'nothing asked outside the sub-path');
    assertNoProblems(problems);
    await close();
  });

  it('uses every panel without a single policy violation', async () => {
    const { page, problems, close } = await sandbox.open();
    // Dr Weber, Marie's référent, opens her record: the visit goes into her log.
    await page.locator('dsp-document-viewer [part~="row"]').first().waitFor();

    // Marie adds a PDF and an image of her own.
    await page.selectOption('#user', 'marie-schmit');
    await panelsSettled(page);
    const pdf = sample('pdf-compte-rendu');
    const png = sample('png-radiographie');
    await page.locator('dsp-document-uploader input[type="file"]').setInputFiles([
      { name: 'compte-rendu.pdf', mimeType: pdf.contentType, buffer: Buffer.from(pdf.bytes) },
      { name: 'radiographie.png', mimeType: png.contentType, buffer: Buffer.from(png.bytes) },
    ]);
    const ready = page.locator('dsp-document-uploader [part="status"][data-status="ready"]');
    await ready.nth(1).waitFor();
    const uploaded = nextEvent(page, 'dsp-document-uploader', 'dsp-document-uploaded');
    await page.locator('dsp-document-uploader button[name="send"]').click();
    await uploaded;
    await page
      .locator('dsp-document-uploader [part~="summary"] button[name="open-document"]')
      .nth(1)
      .waitFor();

    // The viewer lists them; the PDF's pages are drawn by PDF.js in its worker, the image shows
    // as an image.
    const viewer = viewerOf(page);
    await viewer.locator('[part~="row"] .title', { hasText: 'compte-rendu' }).click();
    const drawnPage = viewer.locator('dsp-document-preview canvas[part~="page"][data-drawn]');
    await drawnPage.first().waitFor();
    assert.equal(await viewer.locator('dsp-document-preview iframe').count(), 0);
    assert.match(
      (await drawnPage.first().getAttribute('aria-label')) ?? '',
      /^Page 1 (sur|of) 3, /,
    );
    // The preview is a modal dialog in this column: Escape closes it, back to the list.
    await page.keyboard.press('Escape');
    await viewer.locator('[part~="row"] .title', { hasText: 'radiographie' }).click();
    const image = viewer.locator('dsp-document-preview img[part="image"]');
    await image.waitFor();
    await page.waitForFunction(
      () =>
        (
          document
            .querySelector('dsp-document-viewer')
            ?.shadowRoot?.querySelector('dsp-document-preview')
            ?.shadowRoot?.querySelector('img') ?? undefined
        )?.complete,
    );
    assert.ok((await image.evaluate((img: HTMLImageElement) => img.naturalWidth)) > 0);

    await page.keyboard.press('Escape');

    // Her access rights: she unblocks Dr Kremer.
    const rights = page.locator('dsp-access-rights');
    const changed = nextEvent(page, 'dsp-access-rights', 'dsp-access-changed');
    await rights
      .locator('[part~="row"]', { hasText: 'Dr Luc Kremer' })
      .getByRole('button', { name: 'Débloquer' })
      .click();
    assert.deepEqual(await changed, {
      patientId: 'marie-schmit',
      change: 'unblock',
      actorId: 'Practitioner/luc-kremer',
    });

    // Her log shows Dr Weber's visit.
    await page.locator('dsp-audit-log').scrollIntoViewIfNeeded();
    const visit = page.locator('dsp-audit-log [part~="row"]', { hasText: 'Dr Paul Weber' });
    await visit.first().waitFor();
    assert.match((await visit.first().textContent()) ?? '', /Recherche/);

    // Dr Kremer, unblocked, now reads her documents.
    await page.selectOption('#user', 'luc-kremer');
    await viewer.locator('[part~="row"]').first().waitFor();

    // The agency sees its statistics, and no record.
    await page.selectOption('#user', 'agence-esante');
    const total = page.locator('dsp-document-stats tfoot th, dsp-document-stats tfoot td').last();
    await total.waitFor();
    assert.match((await total.textContent())?.trim() ?? '', /^\d+$/);
    assert.equal(await viewer.isVisible(), false);

    assertNoProblems(problems);
    await close();
    assert.deepEqual(sandbox.site.reports, [], 'no CSP report reached the server');
  });

  it('explains a refusal to a blocked doctor, with the server’s reason', async () => {
    const { page, problems, close } = await sandbox.open({ user: 'luc-kremer' });
    const error = page.locator('dsp-document-viewer [part="error"]');
    await error.waitFor();
    assert.match((await error.textContent()) ?? '', /Accès refusé\.[\s\S]*vous a bloqué/);
    assertNoProblems(problems, REFUSALS);
    await close();
  });

  it('keeps every switch in the address, through a reload', async () => {
    const { page, problems, close } = await sandbox.open();
    await page.selectOption('#user', 'anne-muller');
    await page.selectOption('#patient', 'tom-becker');
    await page.selectOption('#language', 'en');
    await page.selectOption('#theme', 'dark');
    await page.selectOption('#scenario', 'searchUnavailable');
    assert.equal(
      new URL(page.url()).search,
      '?user=anne-muller&patient=tom-becker&lang=en&theme=dark&scenario=searchUnavailable',
    );
    await page.reload();
    await sandboxReady(page);
    const values = await page.evaluate(() =>
      ['user', 'patient', 'language', 'theme', 'scenario'].map(
        (id) => (document.getElementById(id) as HTMLSelectElement).value,
      ),
    );
    assert.deepEqual(values, ['anne-muller', 'tom-becker', 'en', 'dark', 'searchUnavailable']);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.equal(await page.locator('html').getAttribute('data-theme'), 'dark');
    assert.equal(await page.locator('dsp-document-viewer').getAttribute('theme'), 'dark');
    assert.equal((await page.locator('#user-label').textContent())?.trim(), 'Role');
    // The scenario is on again after the reload: the search is down for maintenance.
    const error = page.locator('dsp-document-viewer [part="error"]');
    await error.waitFor();
    assert.match((await error.textContent()) ?? '', /maintenance/);
    // Back to normal: Tom's documents.
    await page.selectOption('#scenario', 'none');
    await page
      .locator('dsp-document-viewer [part~="row"] .title', { hasText: 'Traitement en cours' })
      .waitFor();
    assert.equal(new URL(page.url()).search.includes('scenario'), false);
    assertNoProblems(problems, /status of 503/);
    await close();
  });

  it('fixes a patient or an assistant to their own DSP, and says why', async () => {
    const { page, problems, close } = await sandbox.open({
      user: 'claire-wagner',
      patient: 'marie-schmit',
    });
    const patient = page.getByLabel('Patient', { exact: true });
    assert.equal(await patient.inputValue(), 'lucien-wagner');
    assert.equal(await patient.isDisabled(), true);
    assert.match(
      (await page.locator('#patient-hint').textContent()) ?? '',
      /ne voit que|n’ouvre que/,
    );
    assert.equal(await patient.getAttribute('aria-describedby'), 'patient-hint');
    await page
      .locator('dsp-document-viewer [part~="row"] .title', { hasText: 'Lettre de sortie' })
      .waitFor();
    assert.equal(await page.locator('#upload-section').isVisible(), false);
    assert.equal(await page.locator('#rights-section').isVisible(), true);
    assertNoProblems(problems);
    await close();
  });

  it('says which value of the address it did not know, and uses the default', async () => {
    const { page, problems, close } = await sandbox.open({ user: 'dr-who', theme: 'pink' });
    const status = (await page.locator('#status').textContent()) ?? '';
    assert.match(status, /le rôle « dr-who »/);
    assert.match(status, /le thème « pink »/);
    assert.equal(await page.locator('#user').inputValue(), 'paul-weber');
    assert.equal(new URL(page.url()).search, '', 'the address says what is shown');
    assertNoProblems(problems);
    await close();
  });

  it('is driven from the keyboard: every switch in order, the reset dialog', async () => {
    const { page, problems, close } = await sandbox.open();
    const focused: (string | undefined)[] = [];
    for (let i = 0; i < 7; i++) {
      await page.keyboard.press('Tab');
      focused.push((await deepActiveElement(page))?.id);
    }
    assert.deepEqual(focused, [
      'skip-link',
      'reset',
      'user',
      'patient',
      'language',
      'theme',
      'scenario',
    ]);
    for (const name of ['Rôle', 'Patient', 'Langue', 'Thème', 'Réseau (scénario)']) {
      assert.equal(await page.getByLabel(name, { exact: true }).count(), 1, name);
    }
    await page.focus('#language');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.locator('html').getAttribute('lang'), 'de');
    assert.equal((await page.locator('#reset').textContent())?.trim(), 'Daten zurücksetzen…');
    await page.focus('#reset');
    await page.keyboard.press('Enter');
    assert.equal(
      await page.locator('#reset-dialog').evaluate((d: HTMLDialogElement) => d.open),
      true,
    );
    assert.equal((await deepActiveElement(page))?.id, 'reset-cancel');
    await page.keyboard.press('Escape');
    assert.equal(
      await page.locator('#reset-dialog').evaluate((d: HTMLDialogElement) => d.open),
      false,
    );
    assert.equal((await deepActiveElement(page))?.id, 'reset');
    assertNoProblems(problems);
    await close();
  });

  it('keeps the data across reloads until a confirmed reset brings the fixtures back', async () => {
    const { page, problems, close } = await sandbox.open({ user: 'marie-schmit' });
    const changed = nextEvent(page, 'dsp-access-rights', 'dsp-access-changed');
    // The change is saved before its answer arrives: from the click on.
    const since = await page.evaluate(() => Date.now());
    await page
      .locator('dsp-access-rights [part~="row"]', { hasText: 'Dr Luc Kremer' })
      .getByRole('button', { name: 'Débloquer' })
      .click();
    await changed;
    await savedSince(page, since);
    await page.reload();
    await sandboxReady(page);
    await page.selectOption('#user', 'luc-kremer');
    const rows = page.locator('dsp-document-viewer [part~="row"]');
    await rows.first().waitFor(); // still unblocked after the reload

    // Cancelled: nothing happens.
    await page.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });
    await page.locator('#reset').click();
    await page.locator('#reset-cancel').click();
    assert.equal(await page.evaluate(() => 'notReloaded' in window), true);
    assert.ok((await rows.count()) > 0);

    // Confirmed: the page reloads on the fixtures, where Marie blocked Dr Kremer.
    await page.locator('#reset').click();
    assert.match((await page.locator('#reset-text').textContent()) ?? '', /effacés/);
    await Promise.all([page.waitForEvent('load'), page.locator('#reset-confirm').click()]);
    await sandboxReady(page);
    assert.equal(await page.evaluate(() => 'notReloaded' in window), false);
    assert.equal(
      (await page.locator('#status').textContent())?.trim(),
      'Les données d’exemple sont restaurées.',
    );
    assert.equal(await page.locator('#user').inputValue(), 'luc-kremer', 'the switches stay');
    await page.locator('dsp-document-viewer [part="error"]').waitFor();
    assertNoProblems(problems, REFUSALS);
    await close();
  });

  it('fits a narrow screen without scrolling sideways', async () => {
    const { page, problems, close } = await sandbox.open(
      { user: 'marie-schmit' },
      { width: 390, height: 844 },
    );
    await panelsSettled(page);
    const widths = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    assert.ok(widths[0]! <= widths[1]!, `page ${widths[0]} px wide in a ${widths[1]} px screen`);
    assertNoProblems(problems);
    await close();
  });

  it('received no CSP report from any page, worker or frame of these tests', () => {
    assert.deepEqual(sandbox.site.reports, []);
  });
});
