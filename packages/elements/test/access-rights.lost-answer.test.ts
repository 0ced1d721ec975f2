// <dsp-access-rights> when a save is done but its answer lost (the mock's
// `lostResponseAfterWrite`): every way the change is then found made — a retry, asking again, a
// Consent read meanwhile — tells the host exactly once with `dsp-access-changed`, named as the
// user asked it, for Consent edits and for naming and withdrawing assistants alike.
import { expect } from '@open-wc/testing';
import { type RelatedPerson } from '@dsp-kit/fhir';
import { makeMatricule } from '@dsp-kit/fhir/matricule';
import type { DspAccessRights } from '../src/define/dsp-access-rights.js';
import {
  actorRow,
  buttonIn,
  changesOf,
  documents,
  eventually,
  kremer,
  lucien,
  marie,
  noticeSays,
  onServer,
  panel,
  part,
  sandbox,
  signedInPanel,
  useMock,
  text,
  users,
} from './access-rights.helpers.js';

const certificate = documents.certificate.id;

function consentVersion(): string | undefined {
  return sandbox().server.store.consentOf(marie)?.meta?.versionId;
}

/** Loses the answer of the next write, which the server does all the same. */
function loseNextAnswer(): void {
  sandbox().useScenario('lostResponseAfterWrite');
}

async function pendingShown(el: DspAccessRights): Promise<void> {
  await eventually(() => part(el, 'pending'), 'no pending change');
}

async function retryFromPending(el: DspAccessRights): Promise<void> {
  buttonIn(part(el, 'pending')!, 'Try again').click();
  await eventually(() => !part(el, 'pending'), 'the change stayed pending');
}

function relatedPerson(id: string): RelatedPerson | undefined {
  return sandbox().server.store.get<RelatedPerson>('RelatedPerson', id);
}

useMock();

describe('<dsp-access-rights>: a save whose answer was lost', () => {
  it('tells the host once when the retry finds the change made', async () => {
    const el = await panel(marie, users.marie);
    const seen = changesOf(el);
    loseNextAnswer();
    expect(await el.mask(certificate)).to.equal(false);
    await pendingShown(el);
    expect(onServer().maskedDocuments, 'the write itself was done').to.include(certificate);
    expect(seen, 'a change no one confirmed yet').to.deep.equal([]);

    expect(await el.retry()).to.equal(true);
    expect(seen).to.deep.equal([{ patientId: marie, change: 'mask', documentId: certificate }]);
    expect(consentVersion(), 'saved twice').to.equal('2');
    await noticeSays(el, 'is masked');
    expect(text(part(el, 'notice'))).to.not.contain('Changed meanwhile');
    await expect(el).to.be.accessible();

    // The undo the retry offers is the user's change undone, not a no-op.
    buttonIn(part(el, 'notice')!, 'Undo this change').click();
    await eventually(() => seen.length === 2, 'the undo said nothing');
    expect(seen[1]).to.deep.equal({ patientId: marie, change: 'unmask', documentId: certificate });
    expect(onServer().maskedDocuments).to.not.include(certificate);
  });

  it('names the change as the user asked it: an unblock, not a revoke', async () => {
    const el = await panel(marie, users.marie);
    const seen = changesOf(el);
    loseNextAnswer();
    buttonIn(actorRow(el, 'list', kremer)!, 'Unblock').click();
    await pendingShown(el);
    expect(onServer().blocked).to.have.length(0);
    await retryFromPending(el);
    expect(seen).to.deep.equal([{ patientId: marie, change: 'unblock', actorId: kremer }]);
    await noticeSays(el, 'Dr Luc Kremer is no longer blocked.');
  });

  it('tells the host once when the same change is asked again rather than retried', async () => {
    const el = await panel(marie, users.marie);
    const seen = changesOf(el);
    loseNextAnswer();
    buttonIn(actorRow(el, 'list', kremer)!, 'Unblock').click();
    await pendingShown(el);
    // The row still shows the block (the panel never heard it was lifted): the user clicks again.
    expect(text(actorRow(el, 'list', kremer))).to.contain('(not saved)');
    buttonIn(actorRow(el, 'list', kremer)!, 'Unblock').click();
    await eventually(() => !part(el, 'pending'), 'the change stayed pending');
    await noticeSays(el, 'no longer blocked');
    expect(seen).to.deep.equal([{ patientId: marie, change: 'unblock', actorId: kremer }]);
  });

  it('tells the host once when the panel has read the change back before the retry', async () => {
    const el = await panel(marie, users.marie);
    const seen = changesOf(el);
    loseNextAnswer();
    expect(await el.mask(certificate)).to.equal(false);
    await pendingShown(el);
    el.refresh();
    await eventually(
      () => part(el, 'documents')?.querySelector(`[data-document="${certificate}"]`),
      'the Consent read again does not show the mask',
    );
    expect(seen).to.deep.equal([]);
    expect(await el.retry()).to.equal(true);
    expect(seen).to.deep.equal([{ patientId: marie, change: 'mask', documentId: certificate }]);
    expect(part(el, 'pending')).to.equal(null);
    expect(await el.retry(), 'nothing left to retry').to.equal(false);
    expect(seen).to.have.length(1);
  });

  it('tells the host once when naming an assistant is retried, even after the list reloaded', async () => {
    const el = await panel(lucien, users.lucien);
    await eventually(() => part(el, 'assistant-form'), 'the assistants did not load');
    const seen = changesOf(el);
    const form = part(el, 'assistant-form') as HTMLFormElement;
    const set = (name: string, value: string) => {
      form.querySelector<HTMLInputElement>(`[name="${name}"]`)!.value = value;
    };
    set('given', 'Paul');
    set('family', 'Wagner');
    set('matricule', makeMatricule('1961-05-17', 44));
    loseNextAnswer();
    buttonIn(form, 'Name as assistant').click();
    await eventually(() => form.querySelector('[part~="error"]'), 'no failure shown');
    const paul = sandbox()
      .server.store.list<RelatedPerson>('RelatedPerson')
      .find((r) => r.name?.[0]?.given?.[0] === 'Paul');
    expect(paul?.active, 'the naming itself was done').to.equal(true);
    el.refresh();
    await eventually(
      () => part(el, 'assistant')?.querySelector(`[data-assistant="${paul?.id ?? ''}"]`),
      'the list read again does not show Paul',
    );
    expect(seen).to.deep.equal([]);

    // The list's reload rendered the form anew; its failure, with the retry, is still there.
    const failure = part(el, 'assistant-form')?.querySelector('[part~="error"]');
    expect(failure, 'the failure was lost with the reload').to.exist;
    buttonIn(failure!, 'Try again').click();
    await noticeSays(el, 'Paul Wagner is now your DSP assistant.');
    expect(seen).to.deep.equal([
      { patientId: lucien, change: 'add-assistant', assistantId: paul?.id },
    ]);
    expect(
      sandbox()
        .server.store.list<RelatedPerson>('RelatedPerson')
        .filter((r) => r.active !== false),
    ).to.have.length(2);
  });

  it('tells the host once when the naming is sent again from the form, after a wrong edit', async () => {
    const el = await panel(lucien, users.lucien);
    await eventually(() => part(el, 'assistant-form'), 'the assistants did not load');
    const seen = changesOf(el);
    const form = () => part(el, 'assistant-form') as HTMLFormElement;
    const input = (name: string) => form().querySelector<HTMLInputElement>(`[name="${name}"]`)!;
    const matricule = makeMatricule('1961-05-17', 44);
    input('given').value = 'Paul';
    input('family').value = 'Wagner';
    input('matricule').value = matricule;
    loseNextAnswer();
    buttonIn(form(), 'Name as assistant').click();
    await eventually(() => form().querySelector('[part~="error"]'), 'no failure shown');
    const paul = sandbox()
      .server.store.list<RelatedPerson>('RelatedPerson')
      .find((r) => r.name?.[0]?.given?.[0] === 'Paul');
    el.refresh();
    await eventually(
      () => part(el, 'assistant')?.querySelector(`[data-assistant="${paul?.id ?? ''}"]`),
      'the list read again does not show Paul',
    );
    // An edit the form refuses replaces the failure with the field's message…
    input('family').value = '';
    buttonIn(form(), 'Name as assistant').click();
    await eventually(() => input('family').getAttribute('aria-invalid') === 'true', 'not marked');
    expect(form().querySelector('[part~="error"]')).to.equal(null);
    // …and sent again, the naming is still the one whose answer was lost: said once, as made.
    input('family').value = 'Wagner';
    buttonIn(form(), 'Name as assistant').click();
    await noticeSays(el, 'Paul Wagner is now your DSP assistant.');
    expect(seen).to.deep.equal([
      { patientId: lucien, change: 'add-assistant', assistantId: paul?.id },
    ]);
  });

  it('tells the host once when withdrawing an assistant is retried', async () => {
    const el = await panel(lucien, users.lucien);
    await eventually(() => part(el, 'assistant-form'), 'the assistants did not load');
    const seen = changesOf(el);
    loseNextAnswer();
    buttonIn(part(el, 'assistant')!, 'Remove').click();
    await pendingShown(el);
    expect(relatedPerson(users.claire)?.active).to.equal(false);
    await retryFromPending(el);
    expect(seen).to.deep.equal([
      { patientId: lucien, change: 'remove-assistant', assistantId: users.claire },
    ]);
    await noticeSays(el, 'Claire Wagner is no longer your DSP assistant.');
  });

  it('tells the host once when an assistant’s own withdrawal is retried after the server let them go', async () => {
    const el = await signedInPanel(lucien, users.claire, `RelatedPerson/${users.claire}`);
    await eventually(() => part(el, 'delegate-note'), 'the assistants did not load');
    const seen = changesOf(el);
    loseNextAnswer();
    buttonIn(part(el, 'assistant')!, 'Withdraw myself').click();
    const dialog = part(el, 'confirm-dialog') as HTMLDialogElement;
    await eventually(() => dialog.open, 'no confirmation');
    buttonIn(dialog, 'Yes, withdraw me').click();
    await pendingShown(el);
    expect(text(part(el, 'pending'))).to.contain(
      'Not saved yet: You are no longer a DSP assistant of this patient.',
    );
    expect(relatedPerson(users.claire)?.active).to.equal(false);
    expect(seen).to.deep.equal([]);
    await expect(el).to.be.accessible();

    // Claire is no one's assistant now: the server no longer knows her, which is the answer.
    await retryFromPending(el);
    expect(seen).to.deep.equal([
      { patientId: lucien, change: 'remove-assistant', assistantId: users.claire },
    ]);
    await eventually(() => part(el, 'withdrawn'), 'the panel does not say so');
    await noticeSays(el, 'You are no longer a DSP assistant of this patient.');
  });
});
