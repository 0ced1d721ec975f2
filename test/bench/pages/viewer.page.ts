// Bench page: <dsp-document-viewer> over 10,000 and 100,000 documents from an in-page client,
// against a plain, non-virtualized rendering of the same rows as the baseline.
import '@dsp-kit/elements/define/dsp-document-viewer.js';
import {
  DspClient as Client,
  Page,
  documentClassConcept,
  documentTypeConcept,
  documentTypes,
  type DocumentReference,
  type DspClient,
} from '@dsp-kit/fhir';
import { DspCache } from '@dsp-kit/fhir/cache';
import { html, render } from 'lit';
import { firstRows, frame, longestFrameUntil, medianChange, scrollFrames } from './measure.js';
import { serveSearchset } from './searchset.js';

const made = new Map<number, DocumentReference[]>();

/**
 * `count` documents, made once per count and given to every viewer of the page (none changes
 * them): the garbage collections the bench measures are the viewer's, not those of the page's
 * own fresh 100,000 documents at each render.
 */
function documents(count: number): DocumentReference[] {
  let all = made.get(count);
  if (!all) {
    all = make(count);
    made.set(count, all);
  }
  return all;
}

function make(count: number): DocumentReference[] {
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

/** A viewer over `all` from an in-page client, appended; the time until its first rows show. */
async function mount(all: DocumentReference[]) {
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
  return { el, scroller, started, time: performance.now() - started };
}

/**
 * A new viewer over `count` documents: the time until it shows its first rows, until it lists
 * them all (sorted, grouped and counted), and the longest frame in between.
 */
async function firstRender(count: number) {
  const { el, time, started } = await mount(documents(count));
  const longestFrame = await allListed(el, count);
  const all = performance.now() - started;
  el.remove();
  return { firstRows: time, allListed: all, longestFrame };
}

/** Frames until `el`'s count says all `count` documents are listed; the longest frame meanwhile. */
async function allListed(el: HTMLElement, count: number): Promise<number> {
  const counted = () => el.shadowRoot?.querySelector('[part="count"]')?.textContent.trim() ?? '';
  return longestFrameUntil(() => counted().startsWith(`${count} `) && !counted().includes('…'));
}

/** A filter change and scrolling, in a viewer over `count` documents. */
async function viewer(count: number) {
  const { el, scroller } = await mount(documents(count));
  await allListed(el, count);
  const filterMedian = await medianChange(
    el,
    ['Document 12', 'Dr 7', '', 'Document 9', ''].map((value) => () => {
      el.q = value || undefined;
    }),
  );
  const scroll = await scrollFrames(scroller);
  el.remove();
  return { filterMedian, scrollMaxFrame: scroll.max, scrollP95Frame: scroll.p95 };
}

const PAGE = 100;

/** A server answering `all` in pages of 100, each after `delay` ms; its FHIR base. */
function server(all: DocumentReference[], delay: number): Promise<string> {
  return serveSearchset(`documents-${all.length}`, 'DocumentReference', all, PAGE, delay);
}

/**
 * Warm start: a viewer opened again on a patient whose list is in the IndexedDB cache, with a
 * server that takes 2 s to answer: the time until the cached rows show.
 */
async function warm(count: number) {
  const all = documents(count);
  const base = await server(all, 0);
  const cache = await DspCache.open({ server: base, user: 'bench' });
  const open = async (delay: number) => {
    // The same searchset, answered after `delay` ms: set before anything is measured.
    await server(all, delay);
    const el = document.createElement('dsp-document-viewer');
    el.style.setProperty('--dsp-document-viewer-height', '600px');
    el.preview = 'none';
    el.client = new Client({ baseUrl: base, cache, retry: false });
    el.patient = 'p';
    const started = performance.now();
    document.body.append(el);
    await firstRows(el);
    return { el, time: performance.now() - started };
  };
  const cold = await open(0);
  cold.el.remove();
  const again = await open(2000);
  again.el.remove();
  cache.close();
  await DspCache.clearAll();
  return { warmStart: again.time };
}

/**
 * Progressive loading: `count` documents from a server answering pages of 100 at once; the time
 * until all are listed, and the longest frame meanwhile (the list must stay usable as it grows).
 */
async function paged(count: number) {
  // The first renders' documents are let go, and these are made for this search alone and
  // handed to the server: what the page's garbage collections go through while the viewer loads
  // is the viewer's own.
  made.clear();
  const base = await server(make(count), 0);
  const el = document.createElement('dsp-document-viewer');
  el.style.setProperty('--dsp-document-viewer-height', '600px');
  el.preview = 'none';
  el.client = new Client({ baseUrl: base, retry: false });
  el.patient = 'p';
  const started = performance.now();
  document.body.append(el);
  await firstRows(el);
  const longest = await allListed(el, count);
  const loaded = performance.now() - started;
  el.remove();
  return { loaded, longestFrame: longest };
}

/**
 * The reference for paged loading: the same pages fetched one after another and kept, parsed,
 * with none of the kit's code (no client, no viewer): the time until all are, and the longest
 * frame meanwhile. What fetching and holding `count` documents as they arrive costs in this
 * browser on this machine, whatever shows them.
 */
async function bareLoad(count: number) {
  made.clear();
  let url: string | undefined = `${await server(make(count), 0)}/DocumentReference`;
  const kept: unknown[] = [];
  let done = false;
  const started = performance.now();
  const longest = longestFrameUntil(() => done);
  while (url) {
    const bundle = (await (await fetch(url)).json()) as {
      entry: { resource: unknown }[];
      link: { relation: string; url: string }[];
    };
    for (const entry of bundle.entry) kept.push(entry.resource);
    url = bundle.link.find((link) => link.relation === 'next')?.url;
  }
  const loaded = performance.now() - started;
  done = true;
  return { loaded, longestFrame: await longest, kept: kept.length };
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

(window as unknown as { bench: unknown }).bench = {
  firstRender,
  viewer,
  plain,
  warm,
  paged,
  bareLoad,
};
