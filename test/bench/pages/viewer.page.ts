// Bench page: <dsp-document-viewer> over 10,000 and 100,000 documents from an in-page client,
// against a plain, non-virtualized rendering of the same rows as the baseline.
import '@dsp-kit/elements/define/dsp-document-viewer.js';
import {
  Page,
  documentClassConcept,
  documentTypeConcept,
  documentTypes,
  type DocumentReference,
  type DspClient,
} from '@dsp-kit/fhir';
import { html, render } from 'lit';
import { firstRows, frame, medianChange, scrollFrames } from './measure.js';

function documents(count: number): DocumentReference[] {
  const start = Date.UTC(2015, 0, 1);
  return Array.from({ length: count }, (_, i) => {
    const type = documentTypes[i % documentTypes.length]!;
    return {
      resourceType: 'DocumentReference',
      id: `d${i}`,
      status: 'current',
      type: documentTypeConcept(type),
      category: [documentClassConcept(type)],
      date: new Date(start + (count - i) * 3_600_000).toISOString(),
      author: [{ display: `Dr ${i % 50}` }],
      content: [{ attachment: { title: `Document ${i}` } }],
    };
  });
}

async function viewer(count: number) {
  const all = documents(count);
  const client = {
    searchDocuments: () =>
      Promise.resolve(
        new Page<DocumentReference>(all, all.length, undefined, () =>
          Promise.reject(new Error('no next')),
        ),
      ),
  } as unknown as DspClient;
  const el = document.createElement('dsp-document-viewer');
  el.style.setProperty('--dsp-document-viewer-height', '600px');
  el.preview = 'none';
  const started = performance.now();
  el.client = client;
  el.patient = 'p';
  document.body.append(el);
  const scroller = await firstRows(el);
  const firstRender = performance.now() - started;
  const filterMedian = await medianChange(
    el,
    ['Document 12', 'Dr 7', '', 'Document 9', ''].map((value) => () => {
      el.q = value || undefined;
    }),
  );
  const scroll = await scrollFrames(scroller);
  el.remove();
  return { firstRender, filterMedian, scrollMaxFrame: scroll.max, scrollP95Frame: scroll.p95 };
}

/** The same rows, every one in the DOM: what a list without virtualization costs. */
async function plain(count: number) {
  const all = documents(count);
  const host = document.createElement('div');
  document.body.append(host);
  const started = performance.now();
  render(
    html`<ul>
      ${all.map((d) => html`<li><button>${d.content[0]?.attachment.title}</button><span>${d.author?.[0]?.display}</span><time>${d.date}</time></li>`)}
    </ul>`,
    host,
  );
  await frame();
  const time = performance.now() - started;
  host.remove();
  return time;
}

(window as unknown as { bench: unknown }).bench = { viewer, plain };
