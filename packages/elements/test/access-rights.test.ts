// <dsp-access-rights> against the mock DSP server (msw's real service worker): each change is
// checked on the server's Consent and by its event; vetoes, undo, closing, a concurrent edit,
// the assistant and a professional's read-only view.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { grantAccess } from '@dsp-kit/fhir';
import { sendKeys } from '@web/test-runner-commands';
import type { DspErrorEvent } from '../src/events.js';
import {
  actorRow,
  as,
  buttonIn,
  documents,
  kremer,
  marie,
  muller,
  nextChange,
  noticeSays,
  onServer,
  panel,
  part,
  patients,
  sandbox,
  searchDirectory,
  useMock,
  text,
  users,
} from './access-rights.helpers.js';

useMock();

describe('<dsp-access-rights>', () => {
  it('shows Marie her référent, Dr Kremer blocked and her masked document', async () => {
    const el = await panel(marie, users.marie);
    await waitUntil(() => text(actorRow(el, 'list', kremer)).includes('General practitioner'));
    const row = text(actorRow(el, 'list', kremer));
    expect(row).to.contain('Dr Luc Kremer').and.contain('Blocked');
    expect(row).to.contain('Hôpitaux Robert Schuman');
    expect(text(part(el, 'referent')))
      .to.contain('Dr Paul Weber')
      .and.contain('CNS');
    expect(text(part(el, 'documents'))).to.contain(documents.masked.content[0]!.attachment.title!);
    expect(text(part(el, 'emergency'))).to.contain('24 hours');
    expect(text(part(el, 'assistant'))).to.contain('same rights');
    await waitUntil(() => part(el, 'assistant-form'), 'the assistants did not load');
    expect(text(part(el, 'assistant'))).to.contain('You have no DSP assistant.');
    await expect(el).to.be.accessible();
  });

  it('speaks French by default', async () => {
    const el = await panel(marie, users.marie, '');
    expect(text(el.shadowRoot!.querySelector('h2'))).to.equal('Droits d’accès au DSP');
    expect(text(actorRow(el, 'list', kremer))).to.contain('Bloqué');
  });

  it('blocks, unblocks and grants full access to a professional found in the directory', async () => {
    const el = await panel(marie, users.marie);
    await searchDirectory(el, 'Muller');
    await expect(el).to.be.accessible();
    let changed = nextChange(el);
    buttonIn(actorRow(el, 'results', muller)!, 'Block').click();
    expect((await changed).detail).to.deep.equal({
      patientId: marie,
      change: 'block',
      actorId: muller,
    });
    expect(onServer().blocked.map((a) => a.reference)).to.include(muller);
    await noticeSays(el, 'Dr Anne Muller is blocked.');
    expect(text(actorRow(el, 'list', muller))).to.contain('Blocked');
    await expect(el).to.be.accessible();

    changed = nextChange(el);
    buttonIn(actorRow(el, 'list', muller)!, 'Unblock').click();
    expect((await changed).detail.change).to.equal('unblock');
    expect(onServer().blocked.map((a) => a.reference)).to.not.include(muller);

    changed = nextChange(el);
    buttonIn(actorRow(el, 'results', muller)!, 'Give full access').click();
    expect((await changed).detail.change).to.equal('grant-full');
    expect(onServer().granted).to.deep.include({
      actor: { reference: muller, display: 'Dr Anne Muller' },
      full: true,
    });

    changed = nextChange(el);
    buttonIn(actorRow(el, 'list', muller)!, 'Withdraw access').click();
    expect((await changed).detail.change).to.equal('revoke');
    expect(onServer().granted).to.have.length(0);
  });

  it('changes nothing when the host vetoes the intent', async () => {
    const el = await panel(marie, users.marie);
    const version = sandbox().server.store.consentOf(marie)?.meta?.versionId;
    let asked: unknown;
    el.addEventListener('dsp-request-unblock', (event) => {
      asked = event.detail;
      event.preventDefault();
    });
    let changed = false;
    el.addEventListener('dsp-access-changed', () => {
      changed = true;
    });
    buttonIn(actorRow(el, 'list', kremer)!, 'Unblock').click();
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(asked).to.deep.equal({ patientId: marie, actorId: kremer });
    expect(changed).to.equal(false);
    expect(sandbox().server.store.consentOf(marie)?.meta?.versionId).to.equal(version);
    expect(text(actorRow(el, 'list', kremer))).to.contain('Blocked');
    expect(
      await el.mask(documents.certificate.id).then(() => onServer().maskedDocuments),
    ).to.include(documents.certificate.id);
  });

  it('masks and unmasks a document through mask() and unmask()', async () => {
    const el = await panel(marie, users.marie);
    const id = documents.certificate.id;
    let changed = nextChange(el);
    expect(await el.mask(id)).to.equal(true);
    expect((await changed).detail).to.deep.equal({
      patientId: marie,
      change: 'mask',
      documentId: id,
    });
    expect(onServer().maskedDocuments).to.include(id);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector(`[data-document="${id}"]`)).to.not.equal(null);

    changed = nextChange(el);
    expect(await el.unmask(id)).to.equal(true);
    expect((await changed).detail.change).to.equal('unmask');
    expect(onServer().maskedDocuments).to.not.include(id);

    el.addEventListener('dsp-request-mask', (event) => {
      event.preventDefault();
    });
    expect(await el.mask(id)).to.equal(false);
    expect(onServer().maskedDocuments).to.not.include(id);
  });

  it('refuses and allows emergency access', async () => {
    const el = await panel(marie, users.marie);
    const radios = part(el, 'emergency')!.querySelectorAll('input');
    let changed = nextChange(el);
    radios[1]!.click();
    expect((await changed).detail.change).to.equal('break-glass-refused');
    expect(onServer().breakTheGlass).to.equal('refused');
    await expect(el).to.be.accessible();
    changed = nextChange(el);
    radios[0]!.click();
    expect((await changed).detail.change).to.equal('break-glass-allowed');
    expect(onServer().breakTheGlass).to.equal('allowed');
  });

  it('closes only after the confirmation word, and reopening restores everything', async () => {
    const el = await panel(marie, users.marie);
    const closeButton = buttonIn(part(el, 'open-close')!, 'Close the DSP');
    closeButton.click();
    const dialog = part(el, 'dialog') as HTMLDialogElement;
    await waitUntil(() => dialog.open && dialog.querySelector('input'), 'no dialog');
    const input = dialog.querySelector('input')!;
    await waitUntil(() => el.shadowRoot!.activeElement === input, 'the input is not focused');
    await sendKeys({ type: 'NOPE' });
    buttonIn(dialog, 'Confirm closing').click();
    await waitUntil(() => input.getAttribute('aria-invalid') === 'true', 'not marked invalid');
    expect(text(dialog.querySelector('#confirm-error'))).to.contain('nothing was closed');
    expect(onServer().open).to.equal(true);
    await expect(el).to.be.accessible();

    input.value = '';
    await sendKeys({ type: 'close' });
    const asked = oneEvent(el, 'dsp-request-close');
    const changed = nextChange(el);
    buttonIn(dialog, 'Confirm closing').click();
    expect((await asked).detail).to.deep.equal({ patientId: marie });
    expect((await changed).detail.change).to.equal('close');
    expect(onServer().open).to.equal(false);
    await waitUntil(() => !dialog.open, 'the dialog stayed open');
    await waitUntil(() => part(el, 'closed-banner'), 'no closed banner');
    const reopen = buttonIn(part(el, 'open-close')!, 'Reopen the DSP');
    await waitUntil(() => el.shadowRoot!.activeElement === reopen, 'focus did not come back');
    await expect(el).to.be.accessible();

    const reopened = nextChange(el);
    reopen.click();
    expect((await reopened).detail.change).to.equal('reopen');
    const server = onServer();
    expect(server.open).to.equal(true);
    expect(server.blocked.map((a) => a.reference)).to.include(kremer);
    expect(server.maskedDocuments).to.include(documents.masked.id);
  });

  it('closes the confirmation with Escape and gives focus back, saving nothing', async () => {
    const el = await panel(marie, users.marie);
    const closeButton = buttonIn(part(el, 'open-close')!, 'Close the DSP');
    closeButton.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = part(el, 'dialog') as HTMLDialogElement;
    await waitUntil(() => dialog.open, 'no dialog');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'Escape did not close the dialog');
    await waitUntil(() => el.shadowRoot!.activeElement === closeButton, 'focus was lost');
    expect(onServer().open).to.equal(true);
  });

  it('undoes the last change', async () => {
    const el = await panel(marie, users.marie);
    let changed = nextChange(el);
    buttonIn(actorRow(el, 'list', kremer)!, 'Unblock').click();
    await changed;
    expect(onServer().blocked).to.have.length(0);
    await noticeSays(el, 'Dr Luc Kremer is no longer blocked.');
    changed = nextChange(el);
    buttonIn(part(el, 'notice')!, 'Undo this change').click();
    expect((await changed).detail).to.deep.equal({
      patientId: marie,
      change: 'block',
      actorId: kremer,
    });
    expect(onServer().blocked.map((a) => a.reference)).to.deep.equal([kremer]);
    await noticeSays(el, 'Change undone.');
    expect(() => buttonIn(part(el, 'notice')!, 'Undo this change')).to.throw();
    await expect(el).to.be.accessible();
  });

  it('re-applies a change on top of one saved meanwhile elsewhere, and says so', async () => {
    const el = await panel(marie, users.marie);
    const other = as(users.marie);
    const { consent, etag } = await other.getConsent(marie);
    await other.saveConsent(
      grantAccess(consent, { reference: 'Practitioner/lisa-schmitt', display: 'Lisa Schmitt' }),
      etag,
    );
    const changed = nextChange(el);
    expect(await el.mask(documents.certificate.id)).to.equal(true);
    await changed;
    const server = onServer();
    expect(server.maskedDocuments).to.include(documents.certificate.id);
    expect(server.granted.map((g) => g.actor.reference)).to.include('Practitioner/lisa-schmitt');
    await noticeSays(el, 'Changed meanwhile');
    expect(text(part(el, 'notice')))
      .to.contain('Lisa Schmitt has explicit access.')
      .and.contain('Your change was applied on top.');
    expect(actorRow(el, 'list', 'Practitioner/lisa-schmitt')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('works for Claire, Lucien’s DSP assistant', async () => {
    const el = await panel(patients.lucien.id, users.claire);
    expect(text(part(el, 'referent'))).to.contain('Dr Paul Weber');
    await waitUntil(() => text(part(el, 'assistant')).includes('Claire Wagner'), 'Claire unlisted');
    const changed = nextChange(el);
    expect(await el.mask('doc-lucien-sortie')).to.equal(true);
    await changed;
    expect(onServer(patients.lucien.id).maskedDocuments).to.include('doc-lucien-sortie');
    await expect(el).to.be.accessible();
  });

  it('shows a professional a read-only statement', async () => {
    const el = await panel(marie, users.weber);
    expect(text(part(el, 'read-only'))).to.contain(
      'Only the patient (or their DSP assistant) manages these rights.',
    );
    expect(part(el, 'professionals')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows an error with a retry when the server cannot be reached', async () => {
    sandbox().server.useScenario('offline');
    const errors = oneEvent<DspErrorEvent>(document, 'dsp-error');
    const el = await panel(marie, users.marie);
    expect((await errors).detail.kind).to.equal('network');
    expect(text(part(el, 'error'))).to.contain('Try again');
    await expect(el).to.be.accessible();
    sandbox().server.clearScenarios();
  });
});
