// <dsp-document-viewer user>'s document actions against the mock, in Chromium: what each user is
// offered, withdraw (reason, confirmation, undo, veto), correct with a stale ETag (what was typed
// kept, re-applied), confidentiality set by the patient, replace through the uploader, the
// earlier versions, a refusal explained, and axe.
import { expect } from '@open-wc/testing';
import type { DocumentReference } from '@dsp-kit/fhir';
import { fixtures } from '@dsp-kit/mock';
import type { DspDocumentViewer } from '../src/define/dsp-document-viewer.js';
import { lifecycleTiming } from '../src/document-viewer/document-actions.component.js';
import {
  $,
  actionsOf,
  chooseAndSend,
  clientAs,
  useSandbox,
  viewer,
  waitUntil,
} from './document-viewer-actions.helpers.js';

const { patients, users } = fixtures;
const MARIE = patients.marie.id;
const RESUME = 'doc-marie-resume';
const BY_MULLER = 'doc-marie-consultation';

useSandbox();
afterEach(() => {
  lifecycleTiming.undoMs = 10_000;
});

/** Marie's DSP signed in as `tokenUser`, the panel told `user`, in English. */
function viewerAs(tokenUser: string, user: string | undefined): Promise<DspDocumentViewer> {
  return viewer(clientAs(tokenUser), { patient: MARIE, user });
}

function buttons(actions: Element): string[] {
  return [...actions.shadowRoot!.querySelectorAll<HTMLElement>('.buttons [name]')].map(
    (b) => b.getAttribute('name') ?? '',
  );
}

async function sha1(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(text));
  return btoa(String.fromCharCode(...new Uint8Array(digest)));
}

async function read(id: string, user: string = users.marie): Promise<DocumentReference> {
  return (await clientAs(user).readDocumentVersioned(id)).document;
}

/** Asks to withdraw the open document, gives a reason and confirms, as a user does. */
async function withdrawWithReason(actions: HTMLElement): Promise<void> {
  $(actions, 'button[name="withdraw"]')!.click();
  const textarea = await waitUntil(() => $<HTMLTextAreaElement>(actions, '#withdraw-reason'));
  textarea.value = 'Wrong patient';
  textarea.dispatchEvent(new Event('input'));
  $(actions, '#withdraw-dialog button[type="submit"]')!.click();
}

describe('document actions: who is offered what', () => {
  it('offers nothing without a user, as before', async () => {
    const el = await viewerAs(users.weber, undefined);
    el.open(RESUME);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('dsp-document-actions')).to.equal(null);
  });

  it('offers the author replace, correct and withdraw; another professional nothing', async () => {
    const weber = await viewerAs(users.weber, `Practitioner/${users.weber}`);
    expect(buttons(await actionsOf(weber, RESUME))).to.deep.equal([
      'replace',
      'correct',
      'withdraw',
    ]);
    // Dr Muller's consultation, which Dr Weber sees as médecin référent: nothing to do there.
    expect(buttons(await actionsOf(weber, BY_MULLER))).to.deep.equal([]);
  });

  it('offers the patient the confidentiality everywhere, withdrawal of her own words only', async () => {
    const el = await viewerAs(users.marie, `Patient/${MARIE}`);
    expect(buttons(await actionsOf(el, RESUME))).to.deep.equal(['confidentiality']);
    expect(buttons(await actionsOf(el, 'doc-marie-expression'))).to.deep.equal([
      'replace',
      'withdraw',
      'confidentiality',
    ]);
  });
});

describe('withdraw', () => {
  it('asks for a reason, waits for an undo, and sends nothing when undone', async () => {
    const el = await viewerAs(users.weber, `Practitioner/${users.weber}`);
    const actions = await actionsOf(el, RESUME);
    $(actions, 'button[name="withdraw"]')!.click();
    await waitUntil(() => $<HTMLDialogElement>(actions, '#withdraw-dialog')?.open);
    await expect(actions).to.be.accessible();
    $(actions, '#withdraw-dialog button[type="submit"]')!.click();
    const problem = await waitUntil(() => $(actions, '#withdraw-problem'));
    expect(problem.textContent).to.contain('Give the reason');
    expect(actions.shadowRoot!.activeElement?.id).to.equal('withdraw-reason');

    const textarea = $<HTMLTextAreaElement>(actions, '#withdraw-reason')!;
    textarea.value = 'Wrong patient';
    textarea.dispatchEvent(new Event('input'));
    let fired = 0;
    el.addEventListener('dsp-document-withdraw', () => fired++);
    $(actions, '#withdraw-dialog button[type="submit"]')!.click();
    const undo = await waitUntil(() => $(actions, 'button[name="undo"]'));
    expect(fired).to.equal(1);
    expect(actions.shadowRoot!.activeElement).to.equal(undo);
    undo.click();
    await waitUntil(() => $(actions, '[role="status"]')?.textContent?.includes('undone'));
    expect((await read(RESUME)).status).to.equal('current');
  });

  it('withdraws after the undo window: the row leaves the list', async () => {
    lifecycleTiming.undoMs = 50;
    const el = await viewerAs(users.weber, `Practitioner/${users.weber}`);
    const actions = await actionsOf(el, RESUME);
    await withdrawWithReason(actions);
    await waitUntil(
      () =>
        ![...el.shadowRoot!.querySelectorAll('[part~="row"] .title')].some((t) =>
          t.textContent?.includes('Résumé patient'),
        ),
      'the withdrawn document is still listed',
      { timeout: 5000 },
    );
    const search = await clientAs(users.weber).searchDocuments({ patient: MARIE });
    expect(search.entries.map((d) => d.id)).not.to.include(RESUME);
  });

  it('sends nothing when the host vetoes it', async () => {
    lifecycleTiming.undoMs = 20;
    const el = await viewerAs(users.weber, `Practitioner/${users.weber}`);
    el.addEventListener('dsp-document-withdraw', (e) => e.preventDefault());
    const actions = await actionsOf(el, RESUME);
    await withdrawWithReason(actions);
    await waitUntil(() => $(actions, '[role="status"]')?.textContent?.includes('declined'));
    await new Promise((r) => setTimeout(r, 100));
    expect((await read(RESUME)).status).to.equal('current');
  });

  it('explains the server’s refusal to a user the panel was told wrongly about', async () => {
    lifecycleTiming.undoMs = 20;
    // The host says Dr Muller; the token is Dr Weber's, who did not write the document.
    const el = await viewerAs(users.weber, `Practitioner/${users.muller}`);
    const actions = await actionsOf(el, BY_MULLER);
    await withdrawWithReason(actions);
    const error = await waitUntil(() => $(actions, '[part="error"]'), 'no refusal', {
      timeout: 5000,
    });
    expect(error.textContent).to.contain('was not withdrawn');
    expect((await read(BY_MULLER)).status).to.equal('current');
  });
});

describe('correct', () => {
  it('keeps what was typed through a stale ETag, shows the current values, and re-applies', async () => {
    const el = await viewerAs(users.weber, `Practitioner/${users.weber}`);
    const actions = await actionsOf(el, RESUME);
    $(actions, 'button[name="correct"]')!.click();
    const title = await waitUntil(() => $<HTMLInputElement>(actions, '#correct-title-field'));
    await expect(actions).to.be.accessible();
    title.value = 'Résumé patient (corrigé)';

    // Meanwhile the document changes on the server: its confidentiality, by the patient.
    const marie = clientAs(users.marie);
    const { etag } = await marie.readDocumentVersioned(RESUME);
    await marie.setConfidentiality(RESUME, 'R', etag);

    let fired = 0;
    el.addEventListener('dsp-document-update', () => fired++);
    $(actions, '#correct-dialog button[type="submit"]')!.click();
    const conflict = await waitUntil(() => $(actions, '[part="conflict"]'), 'no conflict', {
      timeout: 5000,
    });
    expect(conflict.textContent).to.contain('Restricted');
    expect($<HTMLInputElement>(actions, '#correct-title-field')!.value).to.equal(
      'Résumé patient (corrigé)',
    );
    // The form still says what the user saw; re-applying sends only what the user changed.
    $<HTMLSelectElement>(actions, '#correct-confidentiality')!.value = 'R';
    $(actions, '#correct-dialog button[type="submit"]')!.click();
    await waitUntil(() => !$<HTMLDialogElement>(actions, '#correct-dialog')?.open, 'still open', {
      timeout: 5000,
    });
    expect(fired).to.equal(2);
    const saved = await read(RESUME);
    expect(saved.content[0]?.attachment.title).to.equal('Résumé patient (corrigé)');
    expect(JSON.stringify(saved.securityLabel)).to.contain('"code":"R"');
    expect(actions.shadowRoot!.activeElement?.getAttribute('name')).to.equal('correct');
  });
});

describe('confidentiality', () => {
  it('is set by the patient from the preview, and said', async () => {
    const el = await viewerAs(users.marie, `Patient/${MARIE}`);
    const actions = await actionsOf(el, RESUME);
    const updates: string[] = [];
    el.addEventListener('dsp-document-update', (e) => updates.push(e.detail.change));
    const select = $<HTMLSelectElement>(actions, 'select[name="confidentiality"]')!;
    select.value = 'V';
    select.dispatchEvent(new Event('change'));
    await waitUntil(
      () => $(actions, '[role="status"]')?.textContent?.includes('Very restricted'),
      'not said',
      { timeout: 5000 },
    );
    expect(updates).to.deep.equal(['confidentiality']);
    expect(JSON.stringify((await read(RESUME)).securityLabel)).to.contain('"code":"V"');
  });
});

describe('replace and the earlier versions', () => {
  it('opens the uploader prefilled after the cancelable event, and not when vetoed', async () => {
    const el = await viewerAs(users.weber, `Practitioner/${users.weber}`);
    const actions = await actionsOf(el, RESUME);
    const veto = (e: Event) => e.preventDefault();
    el.addEventListener('dsp-document-replace', veto);
    $(actions, 'button[name="replace"]')!.click();
    await waitUntil(() => $(actions, '[role="status"]')?.textContent?.includes('declined'));
    expect($(actions, '#replace-dialog')).to.equal(null);
    el.removeEventListener('dsp-document-replace', veto);

    $(actions, 'button[name="replace"]')!.click();
    const uploader = await waitUntil(() =>
      $<HTMLElement & { defaults?: Record<string, unknown> }>(
        actions,
        '#replace-dialog dsp-document-uploader',
      ),
    );
    expect(uploader.defaults).to.deep.include({
      typeCode: 'resume-patient',
      title: 'Résumé patient',
    });
    expect(uploader.getAttribute('replaces')).to.equal(RESUME);
    // A file chosen there starts with those values, and goes as the replacement.
    await waitUntil(
      () => uploader.shadowRoot?.querySelector<HTMLInputElement>('input[type=file]'),
      'no uploader',
      { timeout: 10000 },
    );
    await chooseAndSend(uploader, 'Résumé patient\nv2\n', 'resume.txt');
    await waitUntil(async () => (await read(RESUME)).status === 'superseded', 'not superseded', {
      timeout: 8000,
    });
  });

  it('lists a replaced document’s earlier version, which opens read-only', async () => {
    const weber = clientAs(users.weber);
    const old = await weber.readDocumentVersioned(RESUME);
    await weber.replaceDocument(RESUME, {
      uuid: crypto.randomUUID(),
      patient: MARIE,
      author: { reference: `Practitioner/${users.weber}`, display: 'Dr Paul Weber' },
      date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      documents: [
        {
          uuid: crypto.randomUUID(),
          typeCode: 'resume-patient',
          title: 'Résumé patient v2',
          contentType: 'text/plain',
          data: btoa('v2'),
          size: 2,
          hash: await sha1('v2'),
          language: 'fr',
          confidentiality: 'N',
        },
      ],
    });
    const el = await viewerAs(users.marie, `Patient/${MARIE}`);
    const newest = (await weber.searchDocuments({ patient: MARIE })).entries.find(
      (d) => d.content[0]?.attachment.title === 'Résumé patient v2',
    );
    const actions = await actionsOf(el, newest!.id!);
    const toggle = await waitUntil(() => $(actions, 'button[name="versions"]'), 'no versions', {
      timeout: 5000,
    });
    expect(toggle.textContent?.trim()).to.equal('1 earlier version');
    toggle.click();
    const item = await waitUntil(() => $(actions, '[part="versions"] li'));
    expect(item.textContent).to.contain(old.document.content[0]?.attachment.title ?? '');
    expect(item.textContent).to.contain('replaced on');
    expect(item.textContent).to.contain('Weber');
    await expect(actions).to.be.accessible();
    item.querySelector('button')!.click();
    await waitUntil(() => $(actions, '.note')?.textContent?.includes('read'), 'not read-only');
    expect(buttons(actions)).to.deep.equal([]);
  });
});
