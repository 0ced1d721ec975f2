// The DSP type combobox of <dsp-document-uploader>, by keyboard: typing narrows the 27 types,
// arrows move the active option (announced through aria-activedescendant), Enter chooses,
// Escape closes then gives up the typed text; labels and search in the page's language.
import { aTimeout, expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { DspDocumentUploader } from '../src/define/dsp-document-uploader.js';
import {
  field,
  otherPdf,
  problemAt,
  rows,
  uploader,
  useSandbox,
} from './document-uploader.helpers.js';

useSandbox();

async function typeField(el: DspDocumentUploader) {
  await el.add(otherPdf(), { title: 'Compte rendu' });
  const row = rows(el)[0]!;
  const input = field(row, 'type');
  const listbox = row.querySelector<HTMLUListElement>('[role="listbox"]')!;
  const options = () =>
    [...listbox.querySelectorAll<HTMLElement>('[role="option"]')].map((o) => o.dataset.code);
  const active = () => {
    const id = input.getAttribute('aria-activedescendant');
    return id ? row.querySelector<HTMLElement>(`[id="${id}"]`) : null;
  };
  return { row, input, listbox, options, active };
}

describe('<dsp-document-uploader> type combobox', () => {
  it('is a labelled combobox controlling a listbox of the 27 types, closed at first', async () => {
    const el = await uploader();
    const { row, input, listbox, options } = await typeField(el);
    expect(input.getAttribute('role')).to.equal('combobox');
    expect(input.getAttribute('aria-autocomplete')).to.equal('list');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(input.getAttribute('aria-controls')).to.equal(listbox.id);
    expect(row.querySelector(`label[for="${input.id}"]`)?.textContent).to.equal('Document type');
    expect(listbox.hidden).to.equal(true);
    expect(options()).to.have.length(27);
    expect(row.querySelector('output[name="class"]')?.textContent).to.equal('—');
  });

  it('narrows the list as the user types, and chooses with the arrows and Enter', async () => {
    const el = await uploader();
    const { row, input, listbox, options, active } = await typeField(el);
    input.focus();
    await sendKeys({ type: 'procedure REPORTS' });
    await el.updateComplete;
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    expect(listbox.hidden).to.equal(false);
    expect(options()).to.deep.equal([
      'cr-acte-diagnostique',
      'cr-acte-preventif',
      'cr-acte-therapeutique',
    ]);
    // Automatic selection: the first match is active, Enter would take it.
    expect(active()?.dataset.code).to.equal('cr-acte-diagnostique');
    expect(active()?.getAttribute('aria-selected')).to.equal('true');
    expect(row.querySelector('[role="status"]:not([part])')?.textContent).to.equal(
      '3 types suggested.',
    );
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(active()?.dataset.code).to.equal('cr-acte-therapeutique');
    await sendKeys({ press: 'ArrowDown' }); // wraps to the first
    await sendKeys({ press: 'ArrowUp' }); // and back to the last
    await el.updateComplete;
    expect(active()?.dataset.code).to.equal('cr-acte-therapeutique');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(input.value).to.equal('Therapeutic procedure reports');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(input.hasAttribute('aria-activedescendant')).to.equal(false);
    expect(el.items[0]!.metadata.typeCode).to.equal('cr-acte-therapeutique');
    expect(row.querySelector('output[name="class"]')?.textContent).to.equal('Report');
    expect(el.items[0]!.status).to.equal('ready');
    expect(el.shadowRoot!.activeElement).to.equal(input);
  });

  it('opens on ArrowDown at the chosen type; Escape closes, then gives up the typed text', async () => {
    const el = await uploader();
    const { input, active } = await typeField(el);
    input.focus();
    await sendKeys({ type: 'allerg' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(input.value).to.equal('Known allergies and intolerances');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    expect(active()?.dataset.code).to.equal('allergies');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    await sendKeys({ type: 'xyz' });
    await el.updateComplete;
    expect(input.value).to.equal('Known allergies and intolerancesxyz');
    expect(active()).to.equal(null);
    await sendKeys({ press: 'Escape' }); // closes the (empty) list
    await sendKeys({ press: 'Escape' }); // gives up the text: the choice shows again
    await el.updateComplete;
    expect(input.value).to.equal('Known allergies and intolerances');
    expect(el.items[0]!.metadata.typeCode).to.equal('allergies');
  });

  it('takes a type whose whole label was typed when the user leaves the field', async () => {
    const el = await uploader();
    const { row, input } = await typeField(el);
    input.focus();
    await sendKeys({ type: 'functional assessment' });
    await sendKeys({ press: 'Tab' });
    await aTimeout(0);
    await el.updateComplete;
    expect(el.items[0]!.metadata.typeCode).to.equal('bilan-fonctionnel');
    expect(input.value).to.equal('Functional assessment');
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    expect(row.querySelector('output[name="class"]')?.textContent).to.equal('Report');
  });

  it('says when nothing matches, and keeps the text on screen', async () => {
    const el = await uploader();
    const { row, input, listbox } = await typeField(el);
    input.focus();
    await sendKeys({ type: 'ordonnance' });
    await el.updateComplete;
    expect(listbox.hidden).to.equal(true);
    expect(row.querySelector('[role="status"]:not([part])')?.textContent).to.equal(
      'No type matches.',
    );
    // While typing, the row says nothing is missing yet; leaving with the text says it is no type.
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Tab' });
    await aTimeout(0);
    await el.updateComplete;
    expect(input.value).to.equal('ordonnance');
    expect(problemAt(row, 'type')).to.equal(
      '“ordonnance” is not a DSP type: choose one from the list.',
    );
  });

  it('speaks the page’s language: German labels, German search, German class', async () => {
    const el = await uploader({ lang: 'de' });
    const { row, input, options } = await typeField(el);
    input.focus();
    await sendKeys({ type: 'labor' });
    await el.updateComplete;
    expect(options()).to.deep.equal(['resultat-biologie']);
    await sendKeys({ press: 'Escape' });
    await sendKeys({ press: 'Escape' });
    await sendKeys({ type: 'ärztliche at' });
    await el.updateComplete;
    expect(options()).to.deep.equal(['certificat-medical']);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(input.value).to.equal('Ärztliche Atteste');
    expect(row.querySelector('output[name="class"]')?.textContent).to.equal('Bescheinigung');
    expect(row.querySelector(`label[for="${input.id}"]`)?.textContent).to.equal('Dokumenttyp');
  });
});
