// <dsp-document-viewer> and its inline <dsp-document-preview> on a DSP whose every server-given
// text is a hostile string: titles, types, authors and contents show as text, nothing runs, and
// no element, attribute or URL comes from them.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { DocumentReference } from '@dsp-kit/fhir';
import type { DspDocumentPreview } from '../src/define/dsp-document-preview.js';
import type { DspDocumentViewer } from '../src/define/dsp-document-viewer.js';
import '../src/define/dsp-document-preview.js';
import '../src/define/dsp-document-viewer.js';
import './resize-observer-notice.js';
import {
  holdsText,
  injections,
  settle,
  shape,
  watchExecution,
  type ExecutionWatch,
} from './hostile-checks.js';
import {
  as,
  DATED_DOCUMENT,
  DATED_TITLE,
  dayOf,
  HOST_FONT,
  HOSTILE_DATE,
  documentId,
  IMAGE_DOCUMENT,
  nameOf,
  PATIENT,
  sandbox,
  texts,
  useHostileMock,
} from './hostile-mock.js';

useHostileMock();
let watch: ExecutionWatch;
beforeEach(() => {
  watch = watchExecution();
});
afterEach(() => {
  watch.restore();
});

function rowsOf(el: Element): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="row"]')];
}

async function viewer(): Promise<DspDocumentViewer> {
  const el = await fixture<DspDocumentViewer>(
    html`<dsp-document-viewer
      .client=${as()}
      patient=${PATIENT}
      style=${HOST_FONT}
    ></dsp-document-viewer>`,
  );
  await waitUntil(() => rowsOf(el).length > 0, 'no document listed', { timeout: 8000 });
  return el;
}

function previewOf(el: DspDocumentViewer): DspDocumentPreview {
  const preview = el.shadowRoot!.querySelector<DspDocumentPreview>('dsp-document-preview');
  if (!preview) throw new Error('no inline preview');
  return preview;
}

function previewPart(preview: Element, name: string): HTMLElement | null {
  return preview.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;
}

describe('<dsp-document-viewer> with hostile server text', () => {
  it('lists every title, type and author as text, in rows built alike, running nothing', async () => {
    const el = await viewer();
    // A row as tall as the very long title leaves the others out of the virtualized list's
    // view: each document is shown alone, by its day.
    const shapes = new Set<string>();
    for (const [i, text] of texts.entries()) {
      el.from = el.to = dayOf(i);
      await waitUntil(
        () => rowsOf(el).length === 1 && holdsText(rowsOf(el)[0]!.querySelector('.title'), text),
        `the ${nameOf(i)} did not show as a title`,
        { timeout: 5000 },
      );
      const [row] = rowsOf(el);
      expect(holdsText(row!.querySelector('.type'), text), `type: ${nameOf(i)}`).to.equal(true);
      expect(row!.querySelector('.meta')?.textContent, `author: ${nameOf(i)}`).to.contain(text);
      shapes.add(shape(row!));
      expect(injections(el), nameOf(i)).to.deep.equal([]);
    }
    expect([...shapes], 'rows built differently').to.have.length(1);
    await settle();
    expect(watch.ran()).to.deep.equal([]);
  });

  it('previews each text document: its content, title, type and author as text', async () => {
    const el = await viewer();
    for (const [i, text] of texts.entries()) {
      el.open(documentId(i));
      await el.updateComplete;
      const preview = previewOf(el);
      await waitUntil(
        () => holdsText(previewPart(preview, 'text'), text),
        `the ${nameOf(i)} did not show as the document's text`,
        { timeout: 5000 },
      );
      const header = previewPart(preview, 'header')!;
      expect(holdsText(header.querySelector('h2'), text), `title: ${nameOf(i)}`).to.equal(true);
      expect(header.querySelector('h2')!.childElementCount, `title: ${nameOf(i)}`).to.equal(0);
      const meta = [...header.querySelectorAll('.meta > span')];
      expect(
        meta.some((span) => holdsText(span, text)),
        `type: ${nameOf(i)}`,
      ).to.equal(true);
      expect(
        meta.some((span) => span.textContent.includes(text)),
        `author: ${nameOf(i)}`,
      ).to.equal(true);
      expect(previewPart(preview, 'text')!.childElementCount, nameOf(i)).to.equal(0);
      expect(injections(el), nameOf(i)).to.deep.equal([]);
    }
    await settle();
    expect(watch.ran()).to.deep.equal([]);
  });

  it('says a date that is no date in its own words, and shows it as text in the preview', async () => {
    const el = await viewer();
    el.q = 'illisible';
    await waitUntil(
      () =>
        rowsOf(el).length === 1 && holdsText(rowsOf(el)[0]!.querySelector('.title'), DATED_TITLE),
      'the document dated with text did not show',
      { timeout: 5000 },
    );
    const listed = rowsOf(el)[0]!.querySelector('time')!;
    expect(listed.hasAttribute('datetime')).to.equal(false);
    expect(listed.textContent).to.not.contain(HOSTILE_DATE);
    el.open(DATED_DOCUMENT);
    await el.updateComplete;
    const preview = previewOf(el);
    await waitUntil(
      () => holdsText(previewPart(preview, 'header')?.querySelector('time'), HOSTILE_DATE),
      'the preview did not show the date as text',
      { timeout: 5000 },
    );
    const shown = previewPart(preview, 'header')!.querySelector('time')!;
    expect(shown.getAttribute('datetime')).to.equal(HOSTILE_DATE);
    expect(shown.childElementCount).to.equal(0);
    await settle();
    expect(injections(el)).to.deep.equal([]);
    expect(watch.ran()).to.deep.equal([]);
  });

  it('previews an image with a hostile title as its alt text', async () => {
    const el = await viewer();
    el.open(IMAGE_DOCUMENT);
    await el.updateComplete;
    const preview = previewOf(el);
    await waitUntil(() => previewPart(preview, 'image'), 'the image did not show', {
      timeout: 5000,
    });
    const image = previewPart(preview, 'image') as HTMLImageElement;
    expect(image.alt).to.equal(texts[1]);
    expect(image.src.startsWith('blob:')).to.equal(true);
    expect(holdsText(previewPart(preview, 'header')!.querySelector('h2'), texts[1]!)).to.equal(
      true,
    );
    await settle();
    expect(injections(el, { previewImage: true })).to.deep.equal([]);
    expect(watch.ran()).to.deep.equal([]);
  });
});

describe('<dsp-document-preview> of an image, titled with each hostile string', () => {
  it('takes every title as alt text and heading text, never as markup', async () => {
    const image = sandbox().server.store.get<DocumentReference>(
      'DocumentReference',
      IMAGE_DOCUMENT,
    );
    if (!image) throw new Error('no image document');
    const el = await fixture<DspDocumentPreview>(
      html`<dsp-document-preview .client=${as()} style=${HOST_FONT}></dsp-document-preview>`,
    );
    for (const [i, text] of texts.entries()) {
      const [content] = image.content;
      el.document = {
        ...image,
        description: text,
        content: [{ ...content!, attachment: { ...content!.attachment, title: text } }],
      };
      await waitUntil(
        () => (previewPart(el, 'image') as HTMLImageElement | null)?.alt === text,
        `the ${nameOf(i)} did not become the image's alt text`,
        { timeout: 5000 },
      );
      expect(holdsText(previewPart(el, 'header')!.querySelector('h2'), text), nameOf(i)).to.equal(
        true,
      );
      expect(injections(el, { previewImage: true }), nameOf(i)).to.deep.equal([]);
    }
    await settle();
    expect(watch.ran()).to.deep.equal([]);
  });
});
