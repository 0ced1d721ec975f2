// <dsp-access-rights> keeps what the user typed when it renders its forms anew — a reload, a
// reload that fails and is retried, a failure shown —: the naming form (whose Try again sends what
// the fields say now), the directory search and the close confirmation; and never carries any of
// it to another patient.
import { expect, waitUntil } from '@open-wc/testing';
import type { RelatedPerson } from '@dsp-kit/fhir';
import { matriculeOf } from '@dsp-kit/fhir/assistant';
import { makeMatricule } from '@dsp-kit/fhir/matricule';
import { sendKeys } from '@web/test-runner-commands';
import type { DspAccessRights } from '../src/define/dsp-access-rights.js';
import {
  as,
  buttonIn,
  eventually,
  lucien,
  marie,
  nextChange,
  noticeSays,
  onServer,
  panel,
  part,
  sandbox,
  searchDirectory,
  useMock,
  text,
  users,
} from './access-rights.helpers.js';

const paul = makeMatricule('1961-05-17', 44);

type Field = 'given' | 'family' | 'matricule';

function namingForm(el: DspAccessRights): HTMLFormElement {
  const found = part(el, 'assistant-form');
  if (!found) throw new Error('no assistant form');
  return found as HTMLFormElement;
}

function field(el: DspAccessRights, name: Field): HTMLInputElement {
  return namingForm(el).querySelector<HTMLInputElement>(`[name="${name}"]`)!;
}

function values(el: DspAccessRights): Record<Field, string> {
  return {
    given: field(el, 'given').value,
    family: field(el, 'family').value,
    matricule: field(el, 'matricule').value,
  };
}

/** Types into a field as a user does: focus, select what is there, keystrokes. */
async function typeInto(input: HTMLInputElement, words: string): Promise<void> {
  input.focus();
  input.select();
  await sendKeys({ type: words });
}

/** The form's own error (a refusal or a failure of the naming). */
function failureIn(el: DspAccessRights): HTMLElement | null {
  return part(el, 'assistant-form')?.querySelector<HTMLElement>('[part~="error"]') ?? null;
}

function relatedPersons(): RelatedPerson[] {
  return sandbox().server.store.list<RelatedPerson>('RelatedPerson') as RelatedPerson[];
}

async function lucienPanel(): Promise<DspAccessRights> {
  const el = await panel(lucien, users.lucien);
  await eventually(() => part(el, 'assistant-form'), 'the assistants did not load');
  return el;
}

/** Reloads the panel and waits until `name` is a part rendered anew. */
async function reloaded(el: DspAccessRights, name: string): Promise<void> {
  const before = part(el, name);
  el.refresh();
  await eventually(() => part(el, name) && part(el, name) !== before, `${name} not rendered anew`);
}

useMock();

describe('<dsp-access-rights> keeps what was typed', () => {
  it('shows the naming form’s fields again after a reload, and Try again sends them as corrected', async () => {
    const el = await lucienPanel();
    await typeInto(field(el, 'given'), 'Paul');
    await typeInto(field(el, 'family'), 'Wagner');
    await typeInto(field(el, 'matricule'), paul);
    sandbox().useScenario('offline');
    buttonIn(namingForm(el), 'Name as assistant').click();
    await eventually(() => failureIn(el), 'no failure shown');

    // The panel is read again while the network is still down: it fails, then is tried again.
    el.refresh();
    await eventually(() => part(el, 'error') && !part(el, 'professionals'), 'no loading error');
    sandbox().clearScenario();
    buttonIn(part(el, 'error')!, 'Try again').click();
    await eventually(() => part(el, 'assistant-form'), 'the panel did not come back');
    expect(values(el)).to.deep.equal({ given: 'Paul', family: 'Wagner', matricule: paul });
    expect(text(failureIn(el))).to.contain('cannot be reached');
    await expect(el).to.be.accessible();

    // Reloaded once more, as a host does: still there.
    await reloaded(el, 'assistant-form');
    expect(values(el)).to.deep.equal({ given: 'Paul', family: 'Wagner', matricule: paul });

    // A correction that is wrong is said at its field, and nothing is sent.
    await typeInto(field(el, 'matricule'), paul.slice(0, 9));
    buttonIn(failureIn(el)!, 'Try again').click();
    await eventually(
      () => field(el, 'matricule').getAttribute('aria-invalid') === 'true',
      'the wrong correction is not marked',
    );
    expect(relatedPersons().filter((r) => r.active !== false)).to.have.length(1);
    expect(el.shadowRoot!.activeElement).to.equal(field(el, 'matricule'));

    // Put right, with the first name corrected too: the naming sends what the fields say now.
    await typeInto(field(el, 'matricule'), paul);
    await typeInto(field(el, 'given'), 'Pauline');
    const changed = nextChange(el);
    buttonIn(namingForm(el), 'Name as assistant').click();
    expect((await changed).detail.change).to.equal('add-assistant');
    await noticeSays(el, 'Pauline Wagner is now your DSP assistant.');
    const named = relatedPersons().find((r) => matriculeOf(r) === paul);
    expect(named?.name?.[0]?.given).to.deep.equal(['Pauline']);
    expect(values(el)).to.deep.equal({ given: '', family: '', matricule: '' });
  });

  it('sends from Try again what the fields say once edited after the failure', async () => {
    const el = await lucienPanel();
    await typeInto(field(el, 'given'), 'Paul');
    await typeInto(field(el, 'family'), 'Wagnr');
    await typeInto(field(el, 'matricule'), paul);
    sandbox().useScenario('offline');
    buttonIn(namingForm(el), 'Name as assistant').click();
    await eventually(() => failureIn(el), 'no failure shown');
    sandbox().clearScenario();
    await reloaded(el, 'assistant-form');
    expect(values(el).family).to.equal('Wagnr');

    await typeInto(field(el, 'family'), 'Wagner');
    const changed = nextChange(el);
    buttonIn(failureIn(el)!, 'Try again').click();
    expect((await changed).detail.change).to.equal('add-assistant');
    await noticeSays(el, 'Paul Wagner is now your DSP assistant.');
    expect(relatedPersons().find((r) => matriculeOf(r) === paul)?.name?.[0]?.family).to.equal(
      'Wagner',
    );
  });

  it('keeps the fields after a refusal and a reload', async () => {
    // Without `user`, Claire (an assistant) is shown the form; the server refuses her naming.
    const el = await panel(lucien, users.claire);
    await eventually(() => part(el, 'assistant-form'), 'the assistants did not load');
    await typeInto(field(el, 'given'), 'Paul');
    await typeInto(field(el, 'family'), 'Wagner');
    await typeInto(field(el, 'matricule'), paul);
    buttonIn(namingForm(el), 'Name as assistant').click();
    await eventually(() => failureIn(el), 'no refusal shown');
    await reloaded(el, 'assistant-form');
    expect(values(el)).to.deep.equal({ given: 'Paul', family: 'Wagner', matricule: paul });
    expect(text(failureIn(el))).to.contain('The assistant was not named.');
    await expect(el).to.be.accessible();
  });

  it('keeps the directory search’s name, profession and results through a reload', async () => {
    const el = await panel(marie, users.marie);
    const search = part(el, 'search') as HTMLFormElement;
    const profession = search.querySelector('select')!;
    profession.value = 'medecin-generaliste';
    profession.dispatchEvent(new Event('change'));
    await typeInto(search.querySelector('input')!, 'Weber');
    await searchDirectory(el, 'Weber');
    const found = text(part(el, 'results'));
    expect(found).to.contain('Paul Weber');

    await reloaded(el, 'search');
    const again = part(el, 'search')!;
    expect(again.querySelector('input')!.value).to.equal('Weber');
    expect(again.querySelector('select')!.value).to.equal('medecin-generaliste');
    expect(text(part(el, 'results'))).to.equal(found);
    await expect(el).to.be.accessible();
  });

  it('opens the close confirmation again after a reload, with the word typed', async () => {
    const el = await panel(marie, users.marie);
    buttonIn(part(el, 'open-close')!, 'Close the DSP').click();
    const first = part(el, 'dialog') as HTMLDialogElement;
    await waitUntil(() => first.open && el.shadowRoot!.activeElement?.localName === 'input');
    await sendKeys({ type: 'clo' });

    await reloaded(el, 'dialog');
    const dialog = part(el, 'dialog') as HTMLDialogElement;
    await eventually(() => dialog.open, 'the confirmation did not open again');
    const input = dialog.querySelector('input')!;
    expect(input.value).to.equal('clo');
    expect(el.shadowRoot!.activeElement).to.equal(input);
    await expect(el).to.be.accessible();

    input.setSelectionRange(3, 3);
    await sendKeys({ type: 'se' });
    const changed = nextChange(el);
    buttonIn(dialog, 'Confirm closing').click();
    expect((await changed).detail.change).to.equal('close');
    expect(onServer().open).to.equal(false);
    await eventually(() => !dialog.open, 'the dialog stayed open');

    // Closed, it starts empty next time.
    const reopened = nextChange(el);
    buttonIn(part(el, 'open-close')!, 'Reopen the DSP').click();
    await reopened;
    buttonIn(part(el, 'open-close')!, 'Close the DSP').click();
    await eventually(() => (part(el, 'dialog') as HTMLDialogElement).open, 'no dialog');
    expect(part(el, 'dialog')!.querySelector('input')!.value).to.equal('');
  });

  it('asks again about blocking the médecin référent after a reload, and still acts on the answer', async () => {
    const el = await panel(marie, users.marie);
    const blocking = el.block('Practitioner/paul-weber');
    await eventually(
      () => (part(el, 'confirm-dialog') as HTMLDialogElement | null)?.open,
      'not asked',
    );
    await reloaded(el, 'confirm-dialog');
    const dialog = part(el, 'confirm-dialog') as HTMLDialogElement;
    await eventually(() => dialog.open, 'the question did not come back');
    expect(text(dialog)).to.contain('Paul Weber');
    buttonIn(dialog, 'Cancel').click();
    expect(await blocking).to.equal(false);
    expect(onServer().blocked.map((a) => a.reference)).to.not.include('Practitioner/paul-weber');
  });

  it('carries nothing typed or chosen to another patient, nor back', async () => {
    const el = await lucienPanel();
    await typeInto(field(el, 'given'), 'Paul');
    await typeInto(field(el, 'matricule'), paul);
    await typeInto(part(el, 'search')!.querySelector('input')!, 'Weber');
    const mask = part(el, 'documents')!.querySelector('select')!;
    const offered = [...mask.options].map((o) => o.value).find(Boolean)!;
    mask.value = offered;
    mask.dispatchEvent(new Event('change'));

    // Lucien's client on Marie's record: what he may see of it, and nothing of his own typing.
    el.patient = marie;
    await eventually(() => part(el, 'read-only'), 'Marie’s record did not show');
    expect(el.shadowRoot!.querySelector('input[name="given"]')).to.equal(null);

    el.patient = lucien;
    await eventually(() => part(el, 'assistant-form'), 'Lucien’s record did not come back');
    expect(values(el)).to.deep.equal({ given: '', family: '', matricule: '' });
    expect(part(el, 'search')!.querySelector('input')!.value).to.equal('');
    expect(part(el, 'documents')!.querySelector('select')!.value).to.equal('');
    // Nothing chosen: the mask button masks nothing.
    const before = onServer(lucien).maskedDocuments;
    buttonIn(part(el, 'documents')!, 'Mask').click();
    await el.updateComplete;
    expect(onServer(lucien).maskedDocuments).to.deep.equal(before);
  });

  it('opens no confirmation of one patient over another’s record', async () => {
    const el = await panel(marie, users.marie);
    buttonIn(part(el, 'open-close')!, 'Close the DSP').click();
    await eventually(() => (part(el, 'dialog') as HTMLDialogElement).open, 'no dialog');
    await sendKeys({ type: 'close' });
    el.client = as(users.lucien);
    el.patient = lucien;
    await el.updateComplete;
    await eventually(() => part(el, 'assistant-form'), 'Lucien’s record did not show');
    expect((part(el, 'dialog') as HTMLDialogElement).open).to.equal(false);
    buttonIn(part(el, 'open-close')!, 'Close the DSP').click();
    await eventually(() => (part(el, 'dialog') as HTMLDialogElement).open, 'no dialog');
    expect(part(el, 'dialog')!.querySelector('input')!.value).to.equal('');
  });
});
