// The virtualized lists of <dsp-document-viewer> and <dsp-audit-log> are as tall as their rows
// when these are few, and as tall as their `--dsp-*-height` when there are more: no blank box
// below two documents, and a scrolling box over a hundred.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import {
  buildAuditEvent,
  documentClassConcept,
  documentTypeConcept,
  documentTypes,
  Page,
  type AuditEvent,
  type DocumentReference,
  type DspClient,
} from '@dsp-kit/fhir';
import type { DspAuditLog } from '../src/define/dsp-audit-log.js';
import type { DspDocumentViewer } from '../src/define/dsp-document-viewer.js';
import '../src/define/dsp-audit-log.js';
import '../src/define/dsp-document-viewer.js';
import './resize-observer-notice.js';

function documents(count: number): DocumentReference[] {
  return Array.from({ length: count }, (_, i) => {
    const type = documentTypes[i % documentTypes.length]!;
    return {
      resourceType: 'DocumentReference',
      id: `d${i}`,
      status: 'current',
      type: documentTypeConcept(type),
      category: [documentClassConcept(type)],
      date: new Date(Date.UTC(2026, 0, 1) - i * 86_400_000).toISOString(),
      content: [{ attachment: { title: `Document ${i}` } }],
    };
  });
}

function events(count: number): AuditEvent[] {
  return Array.from({ length: count }, (_, i) =>
    buildAuditEvent({
      action: 'read',
      outcome: 'success',
      patient: 'p',
      agent: { reference: `Practitioner/doctor-${i}`, display: `Dr ${i}` },
      recorded: new Date(Date.UTC(2026, 0, 1) - i * 60_000).toISOString(),
    }),
  );
}

/** A client answering every search with `entries`, on one page. */
function clientOf(entries: (DocumentReference | AuditEvent)[]): DspClient {
  const page = () =>
    Promise.resolve(
      new Page(entries, entries.length, undefined, () => Promise.reject(new Error('no next'))),
    );
  return { searchDocuments: page, searchAuditEvents: page } as unknown as DspClient;
}

function list(el: HTMLElement): HTMLElement {
  return el.shadowRoot!.querySelector<HTMLElement>('[part="list"]')!;
}

/** The bottom of the list's lowest row, from the list's top. */
function rowsBottom(el: HTMLElement): number {
  const box = list(el);
  const rows = [...box.children].filter((child) => !child.hasAttribute('virtualizer-sizer'));
  const top = box.getBoundingClientRect().top;
  return Math.max(...rows.map((row) => row.getBoundingClientRect().bottom)) - top;
}

/** Waits until the list's height stops changing (the virtualizer measures over a few frames). */
async function settledHeight(el: HTMLElement): Promise<number> {
  let last = -1;
  let same = 0;
  await waitUntil(() => {
    const height = list(el)?.getBoundingClientRect().height ?? -1;
    same = height === last && height > 0 ? same + 1 : 0;
    last = height;
    return same >= 5;
  }, 'the list never settled');
  return last;
}

describe('list heights', () => {
  it('fits the viewer to two documents, and caps it at its height over a hundred', async () => {
    const short = await fixture<DspDocumentViewer>(
      html`<dsp-document-viewer
        .client=${clientOf(documents(2))}
        patient="p"
        preview="none"
      ></dsp-document-viewer>`,
    );
    const height = await settledHeight(short);
    expect(height).to.be.below(300);
    expect(Math.abs(height - rowsBottom(short))).to.be.below(2, 'as tall as its rows');

    const long = await fixture<DspDocumentViewer>(
      html`<dsp-document-viewer
        .client=${clientOf(documents(120))}
        patient="p"
        preview="none"
        style="--dsp-document-viewer-height: 400px"
      ></dsp-document-viewer>`,
    );
    expect(await settledHeight(long)).to.equal(400);
    expect(list(long).scrollHeight).to.be.above(400, 'it scrolls');
  });

  it('grows back to its height when a filter is lifted, and fits again when set', async () => {
    const el = await fixture<DspDocumentViewer>(
      html`<dsp-document-viewer
        .client=${clientOf(documents(120))}
        patient="p"
        preview="none"
        style="--dsp-document-viewer-height: 400px"
      ></dsp-document-viewer>`,
    );
    expect(await settledHeight(el)).to.equal(400);
    el.q = 'Document 17';
    await el.updateComplete;
    await waitUntil(() => list(el).getBoundingClientRect().height < 300, 'it did not fit');
    el.q = undefined;
    await el.updateComplete;
    await waitUntil(() => list(el).getBoundingClientRect().height === 400, 'it did not grow back');
  });

  it('fits the audit log to one entry', async () => {
    const el = await fixture<DspAuditLog>(
      html`<dsp-audit-log .client=${clientOf(events(1))} patient="p"></dsp-audit-log>`,
    );
    const height = await settledHeight(el);
    expect(height).to.be.below(200);
    expect(Math.abs(height - rowsBottom(el))).to.be.below(2, 'as tall as its row');
    await expect(el).to.be.accessible();
  });
});
