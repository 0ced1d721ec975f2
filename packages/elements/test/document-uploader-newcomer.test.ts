// <dsp-document-uploader> as a newcomer meets it: no complaint before the user acts, refused files
// without a form, sizes and dates in the panel's language, its own file-picker button, a Send
// button that looks disabled when it is, and a summary of the documents sent.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { DspDocumentSelectEvent } from '../src/events.js';
import type { DspDocumentUploader } from '../src/define/dsp-document-uploader.js';
import {
  choose,
  enter,
  field,
  otherPdf,
  problemAt,
  rows,
  settled,
  statusOf,
  storedFor,
  uploader,
  useSandbox,
} from './document-uploader.helpers.js';

useSandbox();

const button = (el: DspDocumentUploader, name: string) =>
  el.shadowRoot!.querySelector<HTMLButtonElement>(`button[name="${name}"]`);

/** A file of `size` bytes that starts as a PDF (its bytes are checked, not its name). */
const pdfOfSize = (size: number, name = 'scan.pdf') => {
  const bytes = new Uint8Array(size);
  bytes.set(new TextEncoder().encode('%PDF-1.7\n'));
  return new File([bytes], name, { type: 'application/pdf' });
};

/** CLDR puts a no-break space (U+00A0 or U+202F) between a number's groups and before a unit. */
const space = '[\\s\\u00a0\\u202f]';

describe('<dsp-document-uploader> for a newcomer', () => {
  it('says nothing is missing before the user acts, and says it once she asks to send', async () => {
    const el = await uploader({ lang: 'fr' });
    choose(el, otherPdf('scan.pdf'));
    await settled(el);
    const [row] = rows(el);
    expect(row!.querySelector('.problem')).to.equal(null);
    expect(field(row!, 'type').getAttribute('aria-invalid')).to.equal('false');
    await expect(el).to.be.accessible();

    // The Send button is there to be pressed: it says what the row lacks, and sends nothing.
    const send = button(el, 'send')!;
    expect(send.disabled).to.equal(false);
    send.click();
    await settled(el);
    expect(problemAt(row!, 'type')).to.equal('Choisissez le type du document.');
    expect(statusOf(row!)).to.equal('invalid');
    expect(storedFor(el.items[0]!.documentUuid)).to.have.length(0);
  });

  it('says an emptied title at once, the type it was never given only on sending', async () => {
    const el = await uploader();
    choose(el, otherPdf('scan.pdf'));
    await settled(el);
    const [row] = rows(el);
    await enter(el, row!, 'title', '');
    expect(problemAt(row!, 'title')).to.equal('Give a title.');
    expect(field(row!, 'type').getAttribute('aria-invalid')).to.equal('false');
  });

  it('shows a refused file with its problem and Remove, without the form', async () => {
    const el = await uploader();
    const program = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0, 0, 0, 0x04, 0, 0, 0]);
    await el.add(new File([program], 'facture.pdf'), { typeCode: 'rapport-medical' });
    const [row] = rows(el);
    expect(problemAt(row!, 'file')).to.match(/^This file is a program/);
    expect(row!.querySelectorAll('input, select, [role="combobox"]')).to.have.length(0);
    expect(row!.querySelector('[part~="status"]')?.textContent.trim()).to.equal('File refused');
    expect(row!.querySelector('button[name="remove"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('writes sizes and the limit in the panel’s language and units (CLDR)', async () => {
    const el = await uploader({ lang: 'fr', maxSize: 20 * 1024 * 1024 });
    await el.add(pdfOfSize(31_457_943, 'irm.pdf'));
    await el.add(otherPdf('petit.pdf'));
    const [big] = rows(el);
    // CLDR's French: "Mo" (mégaoctet), "ko", "octets"; never the English "B" or "KiB".
    expect(big!.querySelector('.file span')?.textContent).to.match(
      new RegExp(`^Fichier${space}?: irm\\.pdf \\(30${space}Mo\\)$`),
    );
    expect(problemAt(big!, 'file')).to.match(
      new RegExp(`^Ce fichier dépasse la taille maximale \\(20${space}Mo\\)\\.$`),
    );

    el.lang = 'de';
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 50));
    await el.updateComplete;
    expect(problemAt(rows(el)[0]!, 'file')).to.match(new RegExp(`\\(20${space}MB\\)`));

    const small = await uploader({ lang: 'fr', maxSize: 100 });
    await small.add(new File([new Uint8Array(1536).fill(0x41)], 'notes.txt'));
    expect(problemAt(rows(small)[0]!, 'file')).to.match(new RegExp(`\\(100${space}octets\\)\\.$`));
    expect(rows(small)[0]!.querySelector('.file span')?.textContent).to.match(
      new RegExp(`\\(1,5${space}ko\\)$`),
    );
  });

  it('opens the file picker from a button in the panel’s language', async () => {
    const el = await uploader({ lang: 'fr' });
    const choose = button(el, 'choose');
    expect(choose?.textContent.trim()).to.equal('Choisir des fichiers');
    // The native control ("Choose Files" on an English browser) is not shown.
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!;
    expect(input.checkVisibility()).to.equal(false);
    let opened = false;
    input.addEventListener('click', (event) => {
      opened = true;
      event.preventDefault(); // no dialog in a test
    });
    choose!.click();
    expect(opened).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('says the chosen date in the panel’s language beside the native field', async () => {
    const el = await uploader({ lang: 'fr' });
    await el.add(otherPdf(), { typeCode: 'rapport-medical' });
    const [row] = rows(el);
    await enter(el, row!, 'date', '2026-11-20');
    const date = field(row!, 'date');
    const said = row!.querySelector('.date-text');
    expect(said?.textContent.trim()).to.equal('20 novembre 2026');
    expect(date.getAttribute('aria-describedby')?.split(' ')).to.include(said!.id);
    el.lang = 'de';
    await el.updateComplete;
    expect(row!.querySelector('.date-text')?.textContent.trim()).to.equal('20. November 2026');
    await expect(el).to.be.accessible();
  });

  it('draws the disabled Send button unlike the enabled one', async () => {
    const el = await uploader();
    await el.add(new File([], 'vide.pdf'));
    const send = button(el, 'send')!;
    expect(send.disabled).to.equal(true);
    const off = getComputedStyle(send);
    const [offBackground, offColor, offOpacity] = [off.backgroundColor, off.color, off.opacity];
    await el.add(otherPdf(), { typeCode: 'rapport-medical' });
    await el.updateComplete;
    expect(send.disabled).to.equal(false);
    const on = getComputedStyle(send);
    expect(offBackground).to.not.equal(on.backgroundColor);
    expect(offColor).to.not.equal(on.color);
    // Not merely faded: its own colours, at full opacity.
    expect(offOpacity).to.equal('1');
  });

  it('after sending, lists the new documents with links to open them, and clears the rows', async () => {
    const el = await uploader();
    await el.add(otherPdf('bilan.pdf'), { typeCode: 'rapport-medical', title: 'Bilan sanguin' });
    await el.add(otherPdf('radio.pdf'), { typeCode: 'imagerie', title: 'Radio du genou' });
    const [first, second] = el.items.map((i) => i.documentUuid);
    const send = button(el, 'send')!;
    send.focus();
    send.click();
    await waitUntil(() => el.items.every((i) => i.status === 'sent'), 'not sent');
    await el.updateComplete;

    expect(rows(el)).to.have.length(0);
    const status = el.shadowRoot!.querySelector('[part~="summary-status"]')!;
    expect(status.getAttribute('role')).to.equal('status');
    expect(status.textContent.trim()).to.equal('2 documents sent.');
    const summary = el.shadowRoot!.querySelector<HTMLElement>('[part~="summary"]')!;
    const links = [...summary.querySelectorAll<HTMLButtonElement>('button[name="open-document"]')];
    expect(links.map((b) => b.textContent.trim())).to.deep.equal([
      'Bilan sanguin',
      'Radio du genou',
    ]);
    // The Send button went with the rows: focus is on the summary, named by its count.
    expect(el.shadowRoot!.activeElement).to.equal(summary);
    await expect(el).to.be.accessible();

    // A link asks the host to open the document the server stored.
    const selected = oneEvent<DspDocumentSelectEvent>(el, 'dsp-document-select');
    links[1]!.click();
    expect((await selected).detail.documentId).to.equal(storedFor(second!)[0]!.id);
    expect(storedFor(first!)[0]!.id).to.equal(links[0]!.dataset.documentId);

    button(el, 'close-summary')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="summary"]')).to.equal(null);
    expect(el.items).to.have.length(0);
    expect(el.shadowRoot!.querySelector('[part="empty"]')).to.exist;
  });
});
