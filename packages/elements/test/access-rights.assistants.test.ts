// <dsp-access-rights>'s DSP assistant section against the mock server: listing, naming (with a
// message per invalid field), withdrawing and undoing — each checked on the server and from the
// other side, by signing in as the assistant.
import { expect, oneEvent } from '@open-wc/testing';
import { DspAuthError, type RelatedPerson } from '@dsp-kit/fhir';
import { matriculeOf } from '@dsp-kit/fhir/assistant';
import { makeMatricule } from '@dsp-kit/fhir/matricule';
import type { DspRequestAddAssistantEvent } from '../src/access-rights/access-rights.events.js';
import type { DspAccessRights } from '../src/define/dsp-access-rights.js';
import {
  as,
  buttonIn,
  eventually,
  lucien,
  marie,
  nextChange,
  noticeSays,
  panel,
  part,
  patients,
  sandbox,
  useMock,
  text,
  users,
} from './access-rights.helpers.js';

const paul = makeMatricule('1961-05-17', 44);

function form(el: DspAccessRights): HTMLFormElement {
  const found = part(el, 'assistant-form');
  if (!found) throw new Error('no assistant form');
  return found as HTMLFormElement;
}

function field(el: DspAccessRights, name: 'given' | 'family' | 'matricule'): HTMLInputElement {
  return form(el).querySelector<HTMLInputElement>(`[name="${name}"]`)!;
}

function fill(el: DspAccessRights, given: string, family: string, matricule: string): void {
  field(el, 'given').value = given;
  field(el, 'family').value = family;
  field(el, 'matricule').value = matricule;
}

/** The form's own error (a refusal or a failure of the naming). */
function errorIn(el: DspAccessRights): HTMLElement | null {
  return form(el).querySelector('[part~="error"]');
}

function submit(el: DspAccessRights): void {
  buttonIn(form(el), 'Name as assistant').click();
}

/** The message shown for a field, found through its aria-describedby. */
function messageOf(el: DspAccessRights, name: 'given' | 'family' | 'matricule'): string {
  const input = field(el, name);
  const id = input.getAttribute('aria-describedby');
  return id ? text(el.shadowRoot!.getElementById(id)) : '';
}

function assistantNames(el: DspAccessRights): string[] {
  return [...part(el, 'assistant')!.querySelectorAll('[data-assistant] .name')].map((n) => text(n));
}

function relatedPersons(): RelatedPerson[] {
  return sandbox().server.store.list<RelatedPerson>('RelatedPerson') as RelatedPerson[];
}

async function lucienPanel(user: string = users.lucien): Promise<DspAccessRights> {
  const el = await panel(lucien, user);
  await eventually(() => part(el, 'assistant-form'), 'the assistants did not load');
  return el;
}

useMock();

describe('<dsp-access-rights> DSP assistants', () => {
  it('names an assistant, who then has the patient’s rights', async () => {
    const el = await lucienPanel();
    expect(assistantNames(el)).to.deep.equal(['Claire Wagner']);
    await expect(el).to.be.accessible();

    fill(el, 'Paul', 'Wagner', paul);
    const asked = oneEvent<DspRequestAddAssistantEvent>(el, 'dsp-request-add-assistant');
    const changed = nextChange(el);
    submit(el);
    expect((await asked).detail).to.deep.equal({ patientId: lucien });
    const { detail } = await changed;
    expect(detail.change).to.equal('add-assistant');
    expect(detail.patientId).to.equal(lucien);
    const id = detail.assistantId ?? '';
    const stored = sandbox().server.store.get<RelatedPerson>('RelatedPerson', id);
    expect(stored?.active).to.equal(true);
    expect(stored && matriculeOf(stored)).to.equal(paul);
    await noticeSays(el, 'Paul Wagner is now your DSP assistant.');
    await eventually(() => assistantNames(el).includes('Paul Wagner'), 'Paul is not listed');
    expect(field(el, 'given').value).to.equal('', 'the form was not cleared');
    await expect(el).to.be.accessible();

    // From the other side: Paul signs in and manages Lucien's DSP, and only Lucien's.
    const asPaul = as(id);
    expect((await asPaul.getConsent(lucien)).consent.patient?.reference).to.equal(
      `Patient/${lucien}`,
    );
    const page = await asPaul.searchDocuments({ patient: lucien });
    expect(page.entries.map((d) => d.id)).to.include('doc-lucien-sortie');
    const refused = await asPaul.searchDocuments({ patient: marie }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect((refused as { status?: number }).status).to.equal(403);
    const his = await panel(lucien, id);
    expect(part(his, 'read-only')).to.equal(null);
    expect(await his.mask('doc-lucien-sortie')).to.equal(true);
  });

  it('says what is wrong with each field, keeps what was entered and sends nothing', async () => {
    const el = await lucienPanel();
    submit(el);
    await eventually(() => field(el, 'given').getAttribute('aria-invalid') === 'true', 'no error');
    expect(messageOf(el, 'given')).to.equal('Enter the assistant’s first name.');
    expect(messageOf(el, 'family')).to.equal('Enter the assistant’s family name.');
    expect(messageOf(el, 'matricule')).to.equal('Enter the assistant’s matricule (13 digits).');
    expect(el.shadowRoot!.activeElement).to.equal(field(el, 'given'));
    await expect(el).to.be.accessible();

    const wrongLuhn = `${paul.slice(0, 11)}${(Number(paul[11]) + 1) % 10}${paul[12]}`;
    fill(el, 'Paul', '  ', wrongLuhn);
    submit(el);
    await eventually(() => messageOf(el, 'given') === '', 'the first name is still marked');
    expect(field(el, 'given').getAttribute('aria-invalid')).to.equal('false');
    expect(messageOf(el, 'family')).to.equal('Enter the assistant’s family name.');
    expect(messageOf(el, 'matricule')).to.equal(
      'The 12th digit (a check digit) does not match: check the matricule.',
    );
    expect(field(el, 'matricule').value).to.equal(wrongLuhn, 'what was entered is lost');
    expect(el.shadowRoot!.activeElement).to.equal(field(el, 'family'));

    fill(el, 'Paul', 'Wagner', '196105170');
    submit(el);
    await eventually(
      () => messageOf(el, 'matricule') === 'A matricule has 13 digits; this one has 9.',
      'no length message',
    );
    fill(el, 'Lucien', 'Wagner', matriculeOf(patients.lucien) ?? '');
    submit(el);
    await eventually(
      () => messageOf(el, 'matricule').includes('cannot be their own assistant'),
      'no message for the patient’s own matricule',
    );
    field(el, 'matricule').dispatchEvent(new Event('input'));
    await eventually(() => messageOf(el, 'matricule') === '', 'typing did not clear the message');
    expect(relatedPersons()).to.have.length(1, 'something was sent');
    await expect(el).to.be.accessible();
  });

  it('withdraws an assistant, who loses access, and undoes it', async () => {
    const el = await lucienPanel();
    const asked = oneEvent(el, 'dsp-request-remove-assistant');
    const changed = nextChange(el);
    buttonIn(part(el, 'assistant')!, 'Remove').click();
    expect((await asked).detail).to.deep.equal({ patientId: lucien, assistantId: users.claire });
    expect((await changed).detail).to.deep.equal({
      patientId: lucien,
      change: 'remove-assistant',
      assistantId: users.claire,
    });
    await noticeSays(el, 'Claire Wagner is no longer your DSP assistant.');
    expect(assistantNames(el)).to.deep.equal([]);
    expect(text(part(el, 'assistant'))).to.contain('You have no DSP assistant.');
    const claire = as(users.claire);
    const refused = await claire.getConsent(lucien).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).to.be.instanceOf(DspAuthError);
    await expect(el).to.be.accessible();

    const undone = nextChange(el);
    buttonIn(part(el, 'notice')!, 'Undo this change').click();
    expect((await undone).detail).to.deep.equal({
      patientId: lucien,
      change: 'add-assistant',
      assistantId: users.claire,
    });
    await noticeSays(el, 'Change undone.');
    expect(assistantNames(el)).to.deep.equal(['Claire Wagner']);
    expect((await claire.getConsent(lucien)).etag).to.be.a('string');
  });

  // Without `user` the panel cannot know she is an assistant (see access-rights.delegate.test.ts).
  it('shows the server’s refusal when an assistant names another, keeping the form', async () => {
    const el = await lucienPanel(users.claire);
    fill(el, 'Paul', 'Wagner', paul);
    submit(el);
    await eventually(() => errorIn(el), 'no refusal shown');
    expect(text(errorIn(el)))
      .to.contain('The assistant was not named.')
      .and.contain('Seul le patient désigne');
    expect(errorIn(el)!.querySelector('button'), 'a retry after a 403').to.equal(null);
    expect(field(el, 'matricule').value).to.equal(paul);
    expect(relatedPersons()).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('keeps a naming lost to the network, and sends it again on retry', async () => {
    const el = await lucienPanel();
    fill(el, 'Paul', 'Wagner', paul);
    sandbox().useScenario('offline');
    submit(el);
    await eventually(() => errorIn(el), 'no failure shown');
    expect(text(errorIn(el))).to.contain('cannot be reached');
    expect(field(el, 'given').value).to.equal('Paul');
    await expect(el).to.be.accessible();
    sandbox().clearScenario();
    const changed = nextChange(el);
    buttonIn(errorIn(el)!, 'Try again').click();
    expect((await changed).detail.change).to.equal('add-assistant');
    await eventually(() => assistantNames(el).includes('Paul Wagner'), 'Paul is not listed');
    expect(relatedPersons().filter((r) => r.active !== false)).to.have.length(2);
  });

  it('names no one when the host vetoes it', async () => {
    const el = await lucienPanel();
    el.addEventListener('dsp-request-add-assistant', (event) => {
      event.preventDefault();
    });
    fill(el, 'Paul', 'Wagner', paul);
    submit(el);
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(relatedPersons()).to.have.length(1);
    expect(field(el, 'given').value).to.equal('Paul');
  });

  it('speaks the patient’s language in the assistant section', async () => {
    const el = await panel(lucien, users.lucien, 'de');
    await eventually(() => part(el, 'assistant-form'), 'the assistants did not load');
    expect(text(part(el, 'assistant'))).to.contain('Als Assistenten benennen');
    buttonIn(form(el), 'Als Assistenten benennen').click();
    await eventually(
      () => messageOf(el, 'given') === 'Geben Sie den Vornamen des Assistenten ein.',
      'no German message',
    );
  });
});
