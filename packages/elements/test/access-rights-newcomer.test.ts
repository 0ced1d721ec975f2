// <dsp-access-rights> as a newcomer meets it: what was typed survives a new client for the same
// patient (signing in again, a scenario change), a DSP assistant is spoken to about the patient
// rather than as the patient, the mask choice never goes blank, and status badges line up.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { blockProfessional } from '@dsp-kit/fhir';
import { makeMatricule } from '@dsp-kit/fhir/matricule';
import type { DspAccessRights } from '../src/define/dsp-access-rights.js';
import {
  as,
  buttonIn,
  documents,
  eventually,
  lucien,
  marie,
  nextChange,
  noticeSays,
  onServer,
  part,
  searchDirectory,
  signedInPanel,
  text,
  useMock,
  users,
} from './access-rights.helpers.js';

const paul = makeMatricule('1961-05-17', 44);
const claire = 'RelatedPerson/claire-wagner';

type Field = 'given' | 'family' | 'matricule';

function field(el: DspAccessRights, name: Field): HTMLInputElement {
  const input = part(el, 'assistant-form')?.querySelector<HTMLInputElement>(`[name="${name}"]`);
  if (!input) throw new Error(`no field ${name}`);
  return input;
}

function values(el: DspAccessRights): Record<Field, string> {
  return {
    given: field(el, 'given').value,
    family: field(el, 'family').value,
    matricule: field(el, 'matricule').value,
  };
}

function searchName(el: DspAccessRights): HTMLInputElement {
  return part(el, 'search')!.querySelector('input')!;
}

function searchProfession(el: DspAccessRights): HTMLSelectElement {
  return part(el, 'search')!.querySelector('select')!;
}

async function typeInto(input: HTMLInputElement, words: string): Promise<void> {
  input.focus();
  input.select();
  await sendKeys({ type: words });
}

/** Lucien's panel, as he sees it signed in, with his naming form and search filled in. */
async function lucienTyping(): Promise<DspAccessRights> {
  const el = await signedInPanel(lucien, users.lucien, `Patient/${lucien}`);
  await eventually(() => part(el, 'assistant-form'), 'the assistants did not load');
  await typeInto(field(el, 'given'), 'Paul');
  await typeInto(field(el, 'family'), 'Wagner');
  await typeInto(field(el, 'matricule'), paul);
  const profession = searchProfession(el);
  profession.value = 'pharmacien';
  profession.dispatchEvent(new Event('change'));
  await typeInto(searchName(el), 'Meyer');
  return el;
}

/** Waits until the panel has loaded again and rendered `name` anew. */
async function renderedAnew(el: DspAccessRights, name: string, before: Element | null) {
  await eventually(
    () => part(el, name) && part(el, name) !== before,
    `${name} was not rendered anew`,
  );
}

/** What the panel says now, its open dialogs included (a closed one renders no content). */
function shown(el: DspAccessRights): string {
  return text(part(el, 'base'));
}

/** Words that address the reader as the patient whose DSP it is, per language. */
const PATIENT_ADDRESSED: Record<string, RegExp> = {
  fr: /\b(votre|vos)\b/i,
  en: /\byour\b/i,
  de: /\b(Ihr|Ihre|Ihren|Ihrem|Ihrer|Ihres)\b/,
  lb: /(^|[\s(„])(Är|Äre|Ären|Ärem|Ärer)\b/,
};

useMock();

describe('<dsp-access-rights> keeps typed text for a new client on the same patient', () => {
  it('keeps the search and the naming form when signed in again', async () => {
    const el = await lucienTyping();
    const before = part(el, 'assistant-form');
    el.client = as(users.lucien);
    await renderedAnew(el, 'assistant-form', before);
    expect(values(el)).to.deep.equal({ given: 'Paul', family: 'Wagner', matricule: paul });
    expect(searchName(el).value).to.equal('Meyer');
    expect(searchProfession(el).value).to.equal('pharmacien');
    await expect(el).to.be.accessible();
  });

  it('keeps them through two new clients in a row', async () => {
    const el = await lucienTyping();
    // Two new clients in a row, as a scenario change followed by signing in again does.
    el.client = as(users.lucien);
    await el.updateComplete;
    const before = part(el, 'assistant-form');
    el.client = as(users.lucien);
    await renderedAnew(el, 'assistant-form', before);
    expect(values(el)).to.deep.equal({ given: 'Paul', family: 'Wagner', matricule: paul });
    expect(searchName(el).value).to.equal('Meyer');

    // What is kept is what the next search and naming send.
    await searchDirectory(el, 'Meyer');
    expect(text(part(el, 'results'))).to.contain('Julie Meyer');
    const changed = nextChange(el);
    buttonIn(part(el, 'assistant-form')!, 'Name as assistant').click();
    expect((await changed).detail.change).to.equal('add-assistant');
    await noticeSays(el, 'Paul Wagner is now your DSP assistant.');
  });

  it('clears them for another patient’s record, and does not bring them back', async () => {
    const el = await lucienTyping();
    el.client = as(users.marie);
    el.patient = marie;
    el.user = `Patient/${marie}`;
    await eventually(
      () => part(el, 'assistant-form') && text(part(el, 'assistant')).includes('no DSP assistant'),
      'Marie’s record did not show',
    );
    expect(values(el)).to.deep.equal({ given: '', family: '', matricule: '' });
    expect(searchName(el).value).to.equal('');
    expect(searchProfession(el).value).to.equal('');

    const before = part(el, 'assistant-form');
    el.client = as(users.lucien);
    el.patient = lucien;
    el.user = `Patient/${lucien}`;
    await renderedAnew(el, 'assistant-form', before);
    expect(values(el)).to.deep.equal({ given: '', family: '', matricule: '' });
    expect(searchName(el).value).to.equal('');
  });
});

describe('<dsp-access-rights> speaks to a DSP assistant about the patient', () => {
  it('says Lucien’s DSP, not “your DSP”, to Claire in English', async () => {
    const el = await signedInPanel(lucien, users.claire, claire);
    await eventually(() => part(el, 'delegate-note'), 'the assistants did not load');
    const says = shown(el);
    expect(says).to.contain('Lucien Wagner’s DSP is open.');
    expect(says).to.contain(
      'Declared to the CNS, they see all the patient’s documents, masked ones included.',
    );
    expect(says).to.contain('No professional is blocked or explicitly allowed.');
    expect(says).to.contain('the patient’s referring doctor and those given full access');
    expect(says).to.contain('may open this DSP without the patient’s prior consent');
    expect(says).to.contain('If emergency access is refused, an emergency team will not be able');
    expect(says).to.contain('The patient’s documents and choices are kept');
    expect(says).to.not.match(PATIENT_ADDRESSED.en!);
    await expect(el).to.be.accessible();
  });

  it('asks Claire about Lucien’s référent before blocking him', async () => {
    const el = await signedInPanel(lucien, users.claire, claire);
    await eventually(() => part(el, 'delegate-note'), 'the assistants did not load');
    const blocking = el.block('Practitioner/paul-weber');
    const asking = part(el, 'confirm-dialog') as HTMLDialogElement;
    await eventually(() => asking.open, 'not asked');
    expect(text(asking)).to.contain('Block Lucien Wagner’s referring doctor?');
    expect(text(asking)).to.contain('Dr Paul Weber is the patient’s referring doctor');
    expect(shown(el)).to.not.match(PATIENT_ADDRESSED.en!);
    buttonIn(asking, 'Cancel').click();
    expect(await blocking).to.equal(false);
  });

  it('says closing and reopening to Claire about Lucien’s DSP', async () => {
    const el = await signedInPanel(lucien, users.claire, claire);
    await eventually(() => part(el, 'delegate-note'), 'the assistants did not load');
    buttonIn(part(el, 'open-close')!, 'Close the DSP').click();
    const dialog = part(el, 'dialog') as HTMLDialogElement;
    await eventually(() => dialog.open, 'no dialog');
    expect(text(dialog)).to.contain('Close Lucien Wagner’s DSP?');
    expect(shown(el)).to.not.match(PATIENT_ADDRESSED.en!);
    await sendKeys({ type: 'CLOSE' });
    const closed = nextChange(el);
    buttonIn(dialog, 'Confirm closing').click();
    await closed;
    expect(onServer(lucien).open).to.equal(false);
    await eventually(() => text(part(el, 'open-close')).includes('is closed'), 'not closed');
    expect(shown(el)).to.contain('Lucien Wagner’s DSP is closed.');
    expect(shown(el)).to.contain('Reopening restores the patient’s blocks');
    expect(shown(el)).to.not.match(PATIENT_ADDRESSED.en!);
    const reopened = nextChange(el);
    buttonIn(part(el, 'open-close')!, 'Reopen the DSP').click();
    await reopened;
    await noticeSays(el, 'The DSP is open again; the patient’s choices are restored.');
    expect(shown(el)).to.not.match(PATIENT_ADDRESSED.en!);
  });

  it('says a change made meanwhile by someone else without “your assistant”', async () => {
    const el = await signedInPanel(lucien, users.claire, claire);
    await eventually(() => part(el, 'delegate-note'), 'the assistants did not load');
    const other = as(users.lucien);
    const { consent, etag } = await other.getConsent(lucien);
    await other.saveConsent(blockProfessional(consent, 'Practitioner/luc-kremer'), etag);
    const changed = nextChange(el);
    expect(await el.mask(documents.lucienDischarge.id)).to.equal(true);
    await changed;
    await noticeSays(el, 'Changed meanwhile');
    expect(text(part(el, 'notice')))
      .to.contain('Changed meanwhile elsewhere (another device, the patient or another assistant):')
      .and.not.contain('your assistant');
  });

  for (const [lang, open] of [
    ['fr', 'Le DSP de Lucien Wagner est ouvert.'],
    ['de', 'Der DSP von Lucien Wagner ist geöffnet.'],
    ['lb', 'Den DSP vum Patient Lucien Wagner ass op.'],
  ] as const) {
    it(`says it in ${lang} too, dialogs included`, async () => {
      const el = await signedInPanel(lucien, users.claire, claire, lang);
      await eventually(() => part(el, 'delegate-note'), 'the assistants did not load');
      expect(shown(el)).to.contain(open);
      expect(shown(el)).to.not.match(PATIENT_ADDRESSED[lang]!);
      const blocking = el.block('Practitioner/paul-weber');
      const asking = part(el, 'confirm-dialog') as HTMLDialogElement;
      await eventually(() => asking.open, 'not asked');
      expect(text(asking)).to.contain('Lucien Wagner');
      expect(shown(el)).to.not.match(PATIENT_ADDRESSED[lang]!);
      asking.querySelector<HTMLButtonElement>('[data-cancel]')!.click();
      await blocking;
      part(el, 'open-close')!.querySelector<HTMLButtonElement>('#close-button')!.click();
      await eventually(() => (part(el, 'dialog') as HTMLDialogElement).open, 'no dialog');
      expect(text(part(el, 'dialog'))).to.contain('Lucien Wagner');
      expect(shown(el)).to.not.match(PATIENT_ADDRESSED[lang]!);
    });
  }

  it('still speaks to the patient as the patient', async () => {
    const el = await signedInPanel(lucien, users.lucien, `Patient/${lucien}`);
    await eventually(() => part(el, 'assistant-form'), 'the assistants did not load');
    const says = shown(el);
    expect(says).to.contain('Your DSP is open.');
    expect(says).to.contain('Declared to the CNS, they see all your documents');
    expect(says).to.contain('If you refuse, an emergency team will not be able');
    const fr = await signedInPanel(lucien, users.lucien, `Patient/${lucien}`, 'fr');
    await eventually(() => part(fr, 'assistant-form'), 'the assistants did not load');
    expect(shown(fr)).to.contain('Votre DSP est ouvert.');
  });
});

describe('<dsp-access-rights> mask choice', () => {
  it('shows “Choose a document” after masking, never a blank choice', async () => {
    const el = await signedInPanel(marie, users.marie, `Patient/${marie}`);
    const select = () => part(el, 'documents')!.querySelector('select')!;
    const offered = [...select().options].map((o) => o.value).filter(Boolean);
    for (const id of offered.slice(0, 2)) {
      select().value = id;
      select().dispatchEvent(new Event('change'));
      const changed = nextChange(el);
      buttonIn(part(el, 'documents')!, 'Mask').click();
      expect((await changed).detail.documentId).to.equal(id);
      await eventually(() => onServer().maskedDocuments.includes(id), 'not masked');
      await el.updateComplete;
      await el.updateComplete;
      expect(select().selectedIndex, `after masking ${id}`).to.equal(0);
      expect(select().value).to.equal('');
      expect(select().selectedOptions[0]?.textContent?.trim()).to.equal('Choose a document');
      expect([...select().options].map((o) => o.value)).to.not.include(id);
    }
    await expect(el).to.be.accessible();
  });

  it('keeps a choice still offered when the panel is rendered anew, and shows it', async () => {
    const el = await signedInPanel(marie, users.marie, `Patient/${marie}`);
    const select = () => part(el, 'documents')!.querySelector('select')!;
    const id = [...select().options].map((o) => o.value).filter(Boolean)[1]!;
    select().value = id;
    select().dispatchEvent(new Event('change'));
    const before = part(el, 'documents');
    el.client = as(users.marie);
    await renderedAnew(el, 'documents', before);
    expect(select().value).to.equal(id);
    expect(select().selectedIndex).to.be.greaterThan(0);
  });
});

describe('<dsp-access-rights> status badges', () => {
  /** The status badge of each professional's row, with the row's name block. */
  function badges(el: DspAccessRights) {
    return [...el.shadowRoot!.querySelectorAll<HTMLElement>('[data-actor]')].map((row) => ({
      badge: row.querySelector<HTMLElement>('[part~="status"]')!.getBoundingClientRect(),
      who: row.querySelector<HTMLElement>('.who')!.getBoundingClientRect(),
      row: row.getBoundingClientRect(),
    }));
  }

  for (const width of [1000, 360]) {
    it(`start at the same place in every row, beside the name, at ${width} px`, async () => {
      const el = await fixture<DspAccessRights>(
        html`<dsp-access-rights
          .client=${as(users.marie)}
          patient=${marie}
          user=${`Patient/${marie}`}
          lang="fr"
          style=${`width: ${width}px`}
        ></dsp-access-rights>`,
      );
      await eventually(() => part(el, 'search'), 'the panel did not load');
      // Professionals with names and places of different lengths, and different commands.
      const input = searchName(el);
      input.value = 'M';
      buttonIn(part(el, 'search')!, 'Rechercher').click();
      await eventually(() => part(el, 'results'), 'no results');
      const found = badges(el);
      expect(found.length).to.be.greaterThan(3);
      const lefts = found.map((b) => b.badge.left - b.row.left);
      for (const left of lefts) expect(left).to.be.closeTo(lefts[0]!, 1);
      if (width >= 1000) {
        // Beside the name, on its middle line.
        for (const { badge, who } of found) {
          expect(badge.left).to.be.greaterThan(who.left);
          expect(badge.top + badge.height / 2).to.be.closeTo(who.top + who.height / 2, 1);
        }
      } else {
        // Under the name, at the row's start.
        for (const { badge, who } of found) {
          expect(badge.top).to.be.at.least(who.bottom);
          expect(badge.left).to.be.closeTo(who.left, 1);
        }
      }
      await expect(el).to.be.accessible();
    });
  }
});
