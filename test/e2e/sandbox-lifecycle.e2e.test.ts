// Each document action of the viewer, in the built sandbox, as each fixture role it is for: the
// author corrects, withdraws (with its undo) and replaces; another professional can do none of it;
// the patient and her assistant set the confidentiality and delete the patient's own words. Each
// result is checked on the page and, from the other side, over HTTP against the sandbox's mock.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DocumentReference } from '@dsp-kit/fhir';
import { fixtures, sampleFiles } from '@dsp-kit/mock';
import type { Bundle } from '@medplum/fhirtypes';
import type { Locator, Page } from 'playwright-core';
import {
  assertAccessible,
  assertNoProblems,
  axeViolations,
  deepActiveElement,
  documentRow,
  fhirAs,
  rowTitles,
  sandboxSuite,
  viewerOf,
  type Focused,
} from './sandbox-site.js';

const { users, patients, assistants } = fixtures;
const MARIE = patients.marie.id;
const LUCIEN = patients.lucien.id;

/** Dr Weber's documents in Marie's DSP (fixtures.ts), and Dr Muller's, and Marie's own words. */
const RESUME = { id: 'doc-marie-resume', title: 'Résumé patient' };
const CERTIFICATE = { id: 'doc-marie-certificat', title: "Certificat d'aptitude au sport" };
const BIOPSY = { id: 'doc-marie-biopsie', title: 'Résultat de biopsie' };
const MARIE_WORDS = { id: 'doc-marie-expression', title: 'Mes directives anticipées' };
/** In Lucien's DSP: the hospital's letter and Lucien's own words. */
const DISCHARGE = { id: 'doc-lucien-sortie', title: 'Lettre de sortie — service de gériatrie' };
const LUCIEN_WORDS = { id: 'doc-lucien-expression', title: 'Mes souhaits pour rester chez moi' };

/** HL7's confidentiality codes, as security labels carry them. */
const CONFIDENTIALITY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality';
/** Where a withdrawal's reason goes: the kit's extension on the wire. */
const WITHDRAWAL_REASON_EXTENSION =
  'https://dsp-kit.org/fhir/StructureDefinition/withdrawal-reason';

/** A refusal is what some steps check: Chromium logs it. */
const REFUSED = /status of 403/;

/** Opens the document titled `title` from its row; resolves with its actions. */
async function openDocument(page: Page, title: string): Promise<Locator> {
  await documentRow(page, title).locator('.title').click();
  // This document's preview, not one still open from before (a role change, another row); its
  // actions may be an empty group, which has no size: attached, not visible.
  const named = viewerOf(page).locator(`dialog[part~="preview"][open][aria-label="${title}"]`);
  await named.locator('dsp-document-actions [part="actions"]').waitFor({ state: 'attached' });
  // Then the open preview whatever its name: a correction renames it.
  return viewerOf(page).locator(
    'dialog[part~="preview"][open] dsp-document-actions [part="actions"]',
  );
}

/** The actions offered, by name, in the order shown. */
async function offered(actions: Locator): Promise<string[]> {
  return actions
    .locator('.buttons button, .buttons select')
    .evaluateAll((controls) => controls.map((control) => control.getAttribute('name') ?? ''));
}

/** The current documents of `patient`'s DSP that `user` is given, by id. */
async function currentIds(page: Page, user: string, patient: string): Promise<string[]> {
  const answer = await fhirAs(page, user, `DocumentReference?patient=${patient}&status=current`);
  assert.equal(answer.status, 200);
  return ((answer.body as Bundle<DocumentReference>).entry ?? []).map((e) => e.resource?.id ?? '');
}

async function readAs(page: Page, user: string, id: string): Promise<DocumentReference> {
  const answer = await fhirAs(page, user, `DocumentReference/${id}`);
  assert.equal(answer.status, 200, `${user} reads ${id}`);
  return answer.body as DocumentReference;
}

function confidentiality(document: DocumentReference): string | undefined {
  return document.securityLabel
    ?.flatMap((l) => l.coding ?? [])
    .find((c) => c.system === CONFIDENTIALITY_SYSTEM)?.code;
}

/** Presses Tab until `wanted` holds for the focused element; fails after `max` presses. */
async function tabTo(page: Page, wanted: (focused: Focused) => boolean, max = 12): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await deepActiveElement(page);
    if (focused && wanted(focused)) return;
    seen.push(focused ? `${focused.tag}[name=${focused.name ?? ''}] ${focused.text}` : 'none');
  }
  assert.fail(`not reached with Tab; focus went through:\n${seen.join('\n')}`);
}

/** Confirms a withdrawal with `reason` in the open dialog, by mouse. */
async function withdraw(actions: Locator, reason: string): Promise<void> {
  await actions.locator('button[name="withdraw"]').click();
  const dialog = actions.locator('#withdraw-dialog');
  await dialog.getByLabel('Motif du retrait (obligatoire)').fill(reason);
  await dialog.getByRole('button', { name: 'Retirer le document' }).click();
  await actions.locator('button[name="undo"]').waitFor();
}

/** Waits until the viewer lists no row titled `title` (a withdrawal waits for its undo first). */
async function rowGone(page: Page, title: string): Promise<void> {
  await documentRow(page, title).waitFor({ state: 'detached', timeout: 20_000 });
}

describe('the document lifecycle in the sandbox, each action as each role', () => {
  const sandbox = sandboxSuite('sandbox lifecycle e2e');

  it('lets the author correct a title with If-Match, and keeps what was typed on a conflict', async () => {
    const { page, problems, close } = await sandbox.open({ user: users.weber, patient: MARIE });
    const writes: { method: string; ifMatch: string | undefined }[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith(`/DocumentReference/${RESUME.id}`) && request.method() !== 'GET')
        writes.push({ method: request.method(), ifMatch: request.headers()['if-match'] });
    });
    const first = await fhirAs(page, users.weber, `DocumentReference/${RESUME.id}`);
    assert.ok(first.etag, 'the mock gives an ETag');

    const actions = await openDocument(page, RESUME.title);
    assert.deepEqual(await offered(actions), ['replace', 'correct', 'withdraw']);
    await actions.locator('button[name="correct"]').click();
    const dialog = actions.locator('#correct-dialog');
    const title = dialog.getByLabel('Titre', { exact: true });
    await title.fill('Résumé patient (corrigé)');
    await dialog.getByRole('button', { name: 'Enregistrer la correction' }).click();
    await actions.locator('[role="status"]', { hasText: 'Correction enregistrée.' }).waitFor();
    assert.deepEqual(writes, [{ method: 'PUT', ifMatch: first.etag }]);
    await documentRow(page, 'Résumé patient (corrigé)').waitFor();
    const corrected = await fhirAs(page, users.weber, `DocumentReference/${RESUME.id}`);
    assert.equal(
      (corrected.body as DocumentReference).content[0]?.attachment.title,
      'Résumé patient (corrigé)',
    );
    assert.notEqual(corrected.etag, first.etag);

    // Someone else corrects it while the dialog is open: the save finds a newer version, and
    // neither it nor what was typed is lost.
    await actions.locator('button[name="correct"]').click();
    await title.waitFor();
    const meanwhile = corrected.body as DocumentReference;
    const [content, ...rest] = meanwhile.content;
    assert.ok(content);
    const other = await fhirAs(page, users.weber, `DocumentReference/${RESUME.id}`, {
      method: 'PUT',
      ifMatch: corrected.etag ?? '',
      body: {
        ...meanwhile,
        content: [
          { ...content, attachment: { ...content.attachment, title: 'Résumé du cabinet' } },
          ...rest,
        ],
      },
    });
    assert.equal(other.status, 200);
    await title.fill('Résumé patient 2026');
    await dialog.getByRole('button', { name: 'Enregistrer la correction' }).click();
    const conflict = dialog.locator('[part="conflict"]');
    await conflict.waitFor();
    assert.match(
      (await conflict.textContent()) ?? '',
      /modifié entre-temps[\s\S]*Résumé du cabinet/,
    );
    assert.equal(await title.inputValue(), 'Résumé patient 2026', 'what was typed is kept');
    assert.equal(
      (await readAs(page, users.weber, RESUME.id)).content[0]?.attachment.title,
      'Résumé du cabinet',
      'nothing was overwritten',
    );
    await dialog
      .getByRole('button', { name: 'Appliquer mes modifications à la version actuelle' })
      .click();
    await documentRow(page, 'Résumé patient 2026').waitFor();
    assert.equal(
      (await readAs(page, users.weber, RESUME.id)).content[0]?.attachment.title,
      'Résumé patient 2026',
    );
    assertNoProblems(problems, /status of 412/);
    await close();
  });

  it('lets the author withdraw by keyboard, undo in time, and the patient’s log say who, when and why', async () => {
    const { page, problems, close } = await sandbox.open({ user: users.weber, patient: MARIE });
    await documentRow(page, RESUME.title).waitFor();
    // From the row, by keyboard only: Enter opens the preview, Tab reaches "Retirer".
    await documentRow(page, RESUME.title).locator('.title').focus();
    await page.keyboard.press('Enter');
    // The actions load with the preview, in a chunk of their own: Tab once they are there.
    await viewerOf(page).locator('dsp-document-actions button[name="withdraw"]').waitFor();
    await tabTo(page, (f) => f.name === 'withdraw');
    await page.keyboard.press('Enter');
    const actions = viewerOf(page).locator('dsp-document-actions [part="actions"]');
    const dialog = actions.locator('#withdraw-dialog');
    await dialog.waitFor();
    assert.equal((await deepActiveElement(page))?.id, 'withdraw-reason');
    // Escape leaves it, back to the button it came from.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.equal((await deepActiveElement(page))?.name, 'withdraw');
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    // Sent without a reason: it says so, and focus goes to the reason.
    await tabTo(page, (f) => f.text === 'Retirer le document');
    await page.keyboard.press('Enter');
    await dialog.getByRole('alert').filter({ hasText: 'Indiquez le motif du retrait.' }).waitFor();
    assert.equal((await deepActiveElement(page))?.id, 'withdraw-reason');
    await page.keyboard.type('Résumé du mauvais patient');
    await tabTo(page, (f) => f.text === 'Retirer le document');
    await page.keyboard.press('Enter');
    // Confirmed: a short undo, focused, and the withdrawal not yet sent.
    await actions.locator('button[name="undo"]').waitFor();
    assert.equal((await deepActiveElement(page))?.name, 'undo');
    assert.match(
      (await actions.locator('[role="status"]').textContent()) ?? '',
      /sera retiré dans 10 secondes/,
    );
    await page.keyboard.press('Enter');
    await actions.locator('[role="status"]', { hasText: 'Retrait annulé' }).waitFor();
    assert.equal((await deepActiveElement(page))?.name, 'withdraw');
    // Escape closes the preview, back to the list.
    await page.keyboard.press('Escape');
    await viewerOf(page).locator('dialog[part~="preview"]').waitFor({ state: 'hidden' });

    // The certificate is withdrawn for good: it leaves the list once its undo window has passed,
    // which is also after the undone withdrawal would have been sent.
    const reason = 'Certificat établi au nom d’un autre patient';
    await withdraw(await openDocument(page, CERTIFICATE.title), reason);
    await rowGone(page, CERTIFICATE.title);
    assert.ok((await rowTitles(page)).includes(RESUME.title), 'the undone withdrawal was not sent');
    const current = await currentIds(page, users.weber, MARIE);
    assert.ok(!current.includes(CERTIFICATE.id), 'the server lists it no more');
    assert.ok(current.includes(RESUME.id), 'the server still lists the undone one');
    const withdrawn = await readAs(page, users.weber, CERTIFICATE.id);
    assert.equal(withdrawn.status, 'entered-in-error');

    // Marie no longer sees it, and her log says who withdrew it, when and why.
    await page.selectOption('#user', users.marie);
    await documentRow(page, RESUME.title).waitFor();
    assert.ok(!(await rowTitles(page)).includes(CERTIFICATE.title));
    const entry = page
      .locator('dsp-audit-log [part~="row"]', { hasText: 'Dr Paul Weber' })
      .filter({ hasText: `a retiré le document « ${CERTIFICATE.title} » — motif : ${reason}` });
    await entry.first().waitFor();
    const when = await entry.first().locator('time').first().getAttribute('datetime');
    assert.ok(when && Math.abs(Date.parse(when) - Date.now()) < 120_000, `logged at ${when}`);
    assertNoProblems(problems);
    await close();
  });

  it('lets the author replace a document: the new one listed, the old one an earlier version', async () => {
    const { page, problems, close } = await sandbox.open({ user: users.weber, patient: MARIE });
    await documentRow(page, RESUME.title).waitFor();
    const before = await rowTitles(page);
    const actions = await openDocument(page, RESUME.title);
    await actions.locator('button[name="replace"]').click();
    const dialog = actions.locator('#replace-dialog');
    await dialog.waitFor();
    assert.match(
      (await dialog.locator('#replace-help').textContent()) ?? '',
      /remplacera « Résumé patient »/,
    );
    const uploader = dialog.locator('dsp-document-uploader');
    const pdf = sampleFiles().find((f) => f.id === 'pdf-compte-rendu');
    assert.ok(pdf);
    await uploader.locator('input[type="file"]').setInputFiles({
      name: 'resume-2026.pdf',
      mimeType: pdf.contentType,
      buffer: Buffer.from(pdf.bytes),
    });
    await uploader.locator('[part="status"][data-status="ready"]').waitFor();
    await uploader.locator('button[name="send"]').click();
    await dialog.waitFor({ state: 'hidden', timeout: 20_000 });

    // One "Résumé patient" still: the new version, in the old one's place.
    const versions = actions.locator('button[name="versions"]');
    await versions.waitFor();
    assert.equal((await versions.textContent())?.trim(), '1 version antérieure');
    assert.deepEqual((await rowTitles(page)).sort(), [...before].sort());
    const current = await currentIds(page, users.weber, MARIE);
    assert.ok(!current.includes(RESUME.id), 'the old one is not current');
    const old = await readAs(page, users.weber, RESUME.id);
    assert.equal(old.status, 'superseded');
    const newer = (await Promise.all(current.map((id) => readAs(page, users.weber, id)))).filter(
      (d) => d.relatesTo?.some((r) => r.code === 'replaces'),
    );
    assert.equal(newer.length, 1);
    assert.deepEqual(newer[0]?.relatesTo, [
      { code: 'replaces', target: { reference: `DocumentReference/${RESUME.id}` } },
    ]);

    // Its earlier version, read-only, "replaced on … by …".
    await versions.click();
    const list = actions.locator('[part="versions"] li');
    assert.equal(await list.count(), 1);
    const said = ((await list.textContent()) ?? '').replace(/\s+/g, ' ').trim();
    assert.match(said, /^Résumé patient remplacée le \d{1,2} \S+ \d{4} par Dr Paul Weber$/);
    await list.getByRole('button', { name: RESUME.title }).click();
    await actions.locator('.note', { hasText: 'Cette version a été remplacée' }).waitFor();
    assert.deepEqual(await offered(actions), []);
    assertNoProblems(problems);
    await close();
  });

  it('offers nothing to a professional who did not write the document, and the server refuses', async () => {
    const { page, problems, close } = await sandbox.open({ user: users.thill, patient: MARIE });
    // Dr Thill, physiotherapist, reads Dr Weber's summary: nothing to do there.
    const actions = await openDocument(page, RESUME.title);
    assert.deepEqual(await offered(actions), []);
    const read = await fhirAs(page, users.thill, `DocumentReference/${RESUME.id}`);
    const answer = await fhirAs(page, users.thill, `DocumentReference/${RESUME.id}`, {
      method: 'PUT',
      ifMatch: read.etag ?? '',
      body: { ...(read.body as DocumentReference), description: 'Corrigé par un autre' },
    });
    assert.equal(answer.status, 403);
    // Dr Weber, the référent, on Dr Muller's biopsy: the same.
    await page.selectOption('#user', users.weber);
    assert.deepEqual(await offered(await openDocument(page, BIOPSY.title)), []);
    assertNoProblems(problems, REFUSED);
    await close();
  });

  it('lets the patient set a confidentiality and delete her own words, not withdraw a professional’s', async () => {
    const { page, problems, close } = await sandbox.open({ user: users.marie });
    // A professional's document: its confidentiality only.
    const actions = await openDocument(page, RESUME.title);
    assert.deepEqual(await offered(actions), ['confidentiality']);
    assert.ok((await currentIds(page, users.thill, MARIE)).includes(RESUME.id));
    await actions.getByLabel('Confidentialité').selectOption('V');
    await actions.locator('[role="status"]', { hasText: 'Confidentialité enregistrée' }).waitFor();
    assert.equal(confidentiality(await readAs(page, users.marie, RESUME.id)), 'V');
    // Very restricted: Dr Thill reads it no more; its author still does.
    assert.ok(!(await currentIds(page, users.thill, MARIE)).includes(RESUME.id));
    assert.ok((await currentIds(page, users.weber, MARIE)).includes(RESUME.id));
    await page.keyboard.press('Escape');

    // Her own words: she deletes them.
    const own = await openDocument(page, MARIE_WORDS.title);
    assert.deepEqual(await offered(own), ['replace', 'withdraw', 'confidentiality']);
    await withdraw(own, 'Je les réécris');
    await rowGone(page, MARIE_WORDS.title);
    assert.equal((await readAs(page, users.marie, MARIE_WORDS.id)).status, 'entered-in-error');
    assert.ok(!(await currentIds(page, users.weber, MARIE)).includes(MARIE_WORDS.id));
    // And the server refuses her a professional's withdrawal, however it is asked.
    const resume = await fhirAs(page, users.marie, `DocumentReference/${RESUME.id}`);
    const refused = await fhirAs(page, users.marie, `DocumentReference/${RESUME.id}`, {
      method: 'PUT',
      ifMatch: resume.etag ?? '',
      body: {
        ...(resume.body as DocumentReference),
        status: 'entered-in-error',
        extension: [
          {
            url: WITHDRAWAL_REASON_EXTENSION,
            valueString: 'Je ne veux plus le voir',
          },
        ],
      },
    });
    assert.equal(refused.status, 403);
    assert.equal((await readAs(page, users.marie, RESUME.id)).status, 'current');
    assertNoProblems(problems, REFUSED);
    await close();
  });

  it('lets an assistant set a confidentiality and delete the patient’s own words, nothing more', async () => {
    const { page, problems, close } = await sandbox.open({ user: assistants.claire.id });
    const letter = await openDocument(page, DISCHARGE.title);
    assert.deepEqual(await offered(letter), ['confidentiality']);
    await letter.getByLabel('Confidentialité').selectOption('R');
    await letter.locator('[role="status"]', { hasText: 'Confidentialité enregistrée' }).waitFor();
    assert.equal(confidentiality(await readAs(page, users.lucien, 'doc-lucien-sortie')), 'R');
    await page.keyboard.press('Escape');

    const words = await openDocument(page, LUCIEN_WORDS.title);
    assert.deepEqual(await offered(words), ['withdraw', 'confidentiality']);
    await withdraw(words, 'Lucien a changé d’avis');
    await rowGone(page, LUCIEN_WORDS.title);
    assert.equal((await readAs(page, users.lucien, LUCIEN_WORDS.id)).status, 'entered-in-error');
    assert.ok(!(await currentIds(page, users.lucien, LUCIEN)).includes(LUCIEN_WORDS.id));
    assertNoProblems(problems);
    await close();
  });

  it('has no axe violation with the withdraw, correct or replace dialog open', async () => {
    const { page, problems, close } = await sandbox.open({ user: users.weber, patient: MARIE });
    const actions = await openDocument(page, RESUME.title);
    for (const [name, dialog] of [
      ['withdraw', '#withdraw-dialog'],
      ['correct', '#correct-dialog'],
      ['replace', '#replace-dialog'],
    ] as const) {
      await actions.locator(`button[name="${name}"]`).click();
      await actions.locator(dialog).waitFor();
      if (name === 'correct') await actions.getByLabel('Titre', { exact: true }).waitFor();
      if (name === 'replace') await actions.locator(`${dialog} [part="dropzone"]`).waitFor();
      // The dialog is modal: what is under it is inert, and checked in sandbox-a11y.
      assertAccessible(
        await axeViolations(page, ['#viewer', 'dsp-document-actions', dialog]),
        `the ${name} dialog`,
      );
      await page.keyboard.press('Escape');
      await actions.locator(dialog).waitFor({ state: 'hidden' });
    }
    assertNoProblems(problems);
    await close();
  });
});
