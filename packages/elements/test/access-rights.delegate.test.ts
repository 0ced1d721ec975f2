// <dsp-access-rights> shown to a DSP assistant (the host says who is signed in with `user`): a
// delegate does not delegate — they see the assistants and may withdraw themselves, asked first,
// and keep the patient's rights over the rest; a malformed `user` is reported, never trusted.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { type RelatedPerson } from '@dsp-kit/fhir';
import { makeMatricule } from '@dsp-kit/fhir/matricule';
import type { DspAccessRights } from '../src/define/dsp-access-rights.js';
import type { DspErrorEvent } from '../src/events.js';
import {
  as,
  buttonIn,
  changesOf,
  eventually,
  lucien,
  noticeSays,
  panel,
  part,
  sandbox,
  signedInPanel,
  useMock,
  text,
  users,
} from './access-rights.helpers.js';

const claire = `RelatedPerson/${users.claire}`;

/** Lucien names Paul too, through his own client, so Claire sees another assistant. */
async function lucienNamesPaul(): Promise<string> {
  const paul = await as(users.lucien).addAssistant(lucien, {
    given: 'Paul',
    family: 'Wagner',
    matricule: makeMatricule('1961-05-17', 44),
  });
  return paul.id;
}

function row(el: DspAccessRights, id: string): HTMLElement {
  const found = part(el, 'assistant')?.querySelector<HTMLElement>(`[data-assistant="${id}"]`);
  if (!found) throw new Error(`no assistant row ${id}`);
  return found;
}

async function claireSees(): Promise<DspAccessRights> {
  const el = await signedInPanel(lucien, users.claire, claire);
  await eventually(() => part(el, 'assistant')?.querySelector('[data-assistant]'), 'no list');
  return el;
}

function stored(id: string): RelatedPerson | undefined {
  return sandbox().server.store.get<RelatedPerson>('RelatedPerson', id);
}

useMock();

describe('<dsp-access-rights> signed in as a DSP assistant', () => {
  it('shows the assistants, only their own withdrawal, and says why', async () => {
    const paul = await lucienNamesPaul();
    const el = await claireSees();
    await eventually(
      () => part(el, 'assistant')?.querySelectorAll('[data-assistant]').length === 2,
      'Paul is not listed',
    );

    expect(part(el, 'assistant-form'), 'the naming form is shown').to.equal(null);
    expect(text(part(el, 'delegate-note'))).to.equal(
      'You are a DSP assistant of this patient. Only the patient names or withdraws other assistants; you may withdraw yourself.',
    );
    expect(text(row(el, users.claire)))
      .to.contain('Claire Wagner')
      .and.contain('(you)');
    expect([...row(el, users.claire).querySelectorAll('button')].map(text)).to.deep.equal([
      'Withdraw myself',
    ]);
    expect(text(row(el, paul))).to.equal('Paul Wagner');
    expect(row(el, paul).querySelectorAll('button')).to.have.length(0);
    const list = part(el, 'assistant')!.querySelector('ul');
    expect(list?.getAttribute('aria-label')).to.equal('The patient’s DSP assistants');

    // The rest is the patient's to manage, and so the assistant's (DOMAIN.md: same rights).
    expect(part(el, 'read-only')).to.equal(null);
    expect(buttonIn(part(el, 'open-close')!, 'Close the DSP')).to.exist;
    expect(part(el, 'search')).to.exist;
    expect(part(el, 'emergency')!.querySelectorAll('input[type="radio"]')).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('asks before withdrawing them, then says it once, with no undo', async () => {
    const el = await claireSees();
    const seen = changesOf(el);
    buttonIn(row(el, users.claire), 'Withdraw myself').click();
    const dialog = part(el, 'confirm-dialog') as HTMLDialogElement;
    await eventually(() => dialog.open, 'no confirmation');
    expect(text(dialog)).to.contain('Withdraw as DSP assistant?').and.contain('only the patient');
    expect(el.shadowRoot!.activeElement).to.equal(buttonIn(dialog, 'Cancel'));
    await expect(el).to.be.accessible();

    buttonIn(dialog, 'Cancel').click();
    await eventually(() => !dialog.open, 'the dialog stayed open');
    expect(stored(users.claire)?.active, 'withdrawn without confirming').to.equal(true);
    expect(seen).to.deep.equal([]);

    const asked = oneEvent(el, 'dsp-request-remove-assistant');
    buttonIn(row(el, users.claire), 'Withdraw myself').click();
    await eventually(() => dialog.open, 'no confirmation');
    buttonIn(dialog, 'Yes, withdraw me').click();
    expect((await asked).detail).to.deep.equal({ patientId: lucien, assistantId: users.claire });
    await eventually(() => part(el, 'withdrawn'), 'the panel does not say so');
    expect(text(part(el, 'withdrawn'))).to.equal(
      'You no longer have access to this DSP. Only the patient can name you again.',
    );
    await noticeSays(el, 'You are no longer a DSP assistant of this patient.');
    expect(text(part(el, 'notice'))).to.not.contain('Undo');
    expect(part(el, 'professionals'), 'controls the server would refuse').to.equal(null);
    expect(seen).to.deep.equal([
      { patientId: lucien, change: 'remove-assistant', assistantId: users.claire },
    ]);
    expect(stored(users.claire)?.active).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('shows the patient every control, as before', async () => {
    const el = await signedInPanel(lucien, users.lucien, `Patient/${lucien}`);
    await eventually(() => part(el, 'assistant-form'), 'no naming form for the patient');
    expect(part(el, 'delegate-note')).to.equal(null);
    expect(buttonIn(row(el, users.claire), 'Remove')).to.exist;
    expect(text(row(el, users.claire))).to.not.contain('(you)');
  });

  it('reports a `user` that is no user reference, and leaves the server to decide', async () => {
    const el = await panel(lucien, users.claire);
    await eventually(() => part(el, 'assistant-form'), 'the assistants did not load');
    const failed = oneEvent<DspErrorEvent>(el, 'dsp-error');
    el.user = 'claire-wagner';
    expect((await failed).detail).to.deep.equal({ kind: 'validation' });
    await eventually(() => part(el, 'user-error'), 'the panel does not say it');
    expect(text(part(el, 'user-error'))).to.contain(
      '“claire-wagner” does not name the signed-in user',
    );
    expect(part(el, 'assistant-form'), 'a guess was made from a malformed user').to.exist;
    await expect(el).to.be.accessible();

    el.user = claire;
    await eventually(() => !part(el, 'user-error'), 'the message stayed');
    await eventually(() => !part(el, 'assistant-form'), 'the form stayed for the assistant');
  });

  it('speaks the assistant’s language', async () => {
    const el = await signedInPanel(lucien, users.claire, claire, 'de');
    await eventually(() => part(el, 'delegate-note'), 'no note');
    expect(text(part(el, 'delegate-note'))).to.contain('Nur der Patient benennt');
    expect(buttonIn(row(el, users.claire), 'Mich zurückziehen')).to.exist;
    const fr = await fixture<DspAccessRights>(
      html`<dsp-access-rights
        .client=${as(users.claire)}
        patient=${lucien}
        user=${claire}
      ></dsp-access-rights>`,
    );
    await eventually(() => part(fr, 'delegate-note'), 'no note in French');
    expect(text(part(fr, 'delegate-note'))).to.contain('Seul le patient désigne');
  });
});
