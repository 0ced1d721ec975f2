// <dsp-document-uploader> taking files in by drag and drop and by paste, and while it replaces a
// document: one file only, and the note of a cancelled replacement gone when another starts.
import { expect } from '@open-wc/testing';
import type { DspDocumentUploader } from '../src/define/dsp-document-uploader.js';
import { otherPdf, rows, uploader, useSandbox } from './document-uploader.helpers.js';

useSandbox();

function part(el: DspDocumentUploader, name: string): HTMLElement {
  const found = el.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`);
  if (!found) throw new Error(`No ${name} part`);
  return found;
}

function transfer(...files: File[]): DataTransfer {
  const dt = new DataTransfer();
  for (const file of files) dt.items.add(file);
  return dt;
}

function drag(el: DspDocumentUploader, type: string, ...files: File[]): DragEvent {
  const event = new DragEvent(type, {
    bubbles: true,
    cancelable: true,
    composed: true,
    dataTransfer: transfer(...files),
  });
  part(el, 'dropzone').dispatchEvent(event);
  return event;
}

describe('dsp-document-uploader intake', () => {
  it('shows files dragged over the drop zone until they leave it', async () => {
    const el = await uploader();
    const over = drag(el, 'dragover');
    await el.updateComplete;
    expect(over.defaultPrevented, 'the drop is allowed').to.equal(true);
    expect(part(el, 'dropzone').classList.contains('over')).to.equal(true);
    drag(el, 'dragleave');
    await el.updateComplete;
    expect(part(el, 'dropzone').classList.contains('over')).to.equal(false);
  });

  it('adds every dropped file, and no longer shows the drag', async () => {
    const el = await uploader();
    drag(el, 'dragover');
    await el.updateComplete;
    const drop = drag(el, 'drop', otherPdf('a.pdf'), otherPdf('b.pdf'));
    await el.updateComplete;
    expect(drop.defaultPrevented, 'the browser does not open the file').to.equal(true);
    expect(part(el, 'dropzone').classList.contains('over')).to.equal(false);
    expect(el.items.map((i) => i.file.name)).to.deep.equal(['a.pdf', 'b.pdf']);
    expect(rows(el)).to.have.length(2);
  });

  it('adds files pasted in the panel', async () => {
    const el = await uploader();
    const paste = new ClipboardEvent('paste', {
      bubbles: true,
      cancelable: true,
      composed: true,
      clipboardData: transfer(otherPdf('collé.pdf')),
    });
    part(el, 'base').dispatchEvent(paste);
    await el.updateComplete;
    expect(paste.defaultPrevented).to.equal(true);
    expect(el.items.map((i) => i.file.name)).to.deep.equal(['collé.pdf']);
  });

  it('takes only the first dropped file while it replaces a document', async () => {
    const el = await uploader();
    el.replaces = 'doc-1';
    await el.updateComplete;
    const picker = el.shadowRoot?.querySelector<HTMLInputElement>('input[type=file]');
    expect(picker?.multiple, 'the picker chooses one file').to.equal(false);
    drag(el, 'drop', otherPdf('nouvelle.pdf'), otherPdf('autre.pdf'));
    await el.updateComplete;
    expect(el.items.map((i) => [i.file.name, i.metadata.replaces])).to.deep.equal([
      ['nouvelle.pdf', 'doc-1'],
    ]);
  });

  it('says a replacement was cancelled until another one starts, and not after it', async () => {
    const el = await uploader();
    el.replaces = 'doc-1';
    await el.updateComplete;
    el.shadowRoot?.querySelector<HTMLButtonElement>('button[name="cancel-replace"]')?.click();
    await el.updateComplete;
    expect(part(el, 'replaces').getAttribute('role')).to.equal('status');
    el.replaces = 'doc-2';
    el.replacesTitle = 'Bilan sanguin';
    await el.updateComplete;
    expect(part(el, 'replaces').getAttribute('role')).to.equal(null);
    expect(part(el, 'base').getAttribute('aria-label')).to.contain('Bilan sanguin');
    // The host ends this one itself: nothing was cancelled, so nothing is said.
    el.replaces = undefined;
    await el.updateComplete;
    expect(el.shadowRoot?.querySelector('[part~="replaces"]')?.textContent?.trim()).to.equal(
      undefined,
    );
  });
});
