// <dsp-audit-log> on a log whose every server-given text is a hostile string: agent names,
// organisations, documents, refusal texts and emergency reasons show as text in the list, the
// filters and the print table, nothing runs or becomes markup, and no CSV cell reads as a formula.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { DspAuditLog } from '../src/define/dsp-audit-log.js';
import '../src/define/dsp-audit-log.js';
import './resize-observer-notice.js';
import {
  holdsText,
  injections,
  oddShapes,
  readCsv,
  readsAsFormula,
  settle,
  shape,
  watchExecution,
  type ExecutionWatch,
} from './hostile-checks.js';
import {
  as,
  DATED_DOCUMENT,
  DATED_TITLE,
  documentId,
  HOST_FONT,
  HOSTILE_DATE,
  nameOf,
  PATIENT,
  practitionerId,
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

function all(el: Element, selector: string): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
}

async function log(): Promise<DspAuditLog> {
  const el = await fixture<DspAuditLog>(
    html`<dsp-audit-log
      .client=${as()}
      patient=${PATIENT}
      lang="fr"
      csv-separator=","
      style=${HOST_FONT}
    ></dsp-audit-log>`,
  );
  await waitUntil(() => all(el, '[part~="row"]').length > 0, 'the log did not load', {
    timeout: 8000,
  });
  return el;
}

describe('<dsp-audit-log> with hostile server text', () => {
  it('shows each entry’s agent, organisation, document, refusal and reason as text', async () => {
    const el = await log();
    // A row as tall as the very long name leaves the others out of the virtualized list's
    // view: each entry is shown alone, by its document.
    const shapes = new Set<string>();
    for (const [i, text] of texts.entries()) {
      el.document = documentId(i);
      await waitUntil(
        () => {
          const rows = all(el, '[part~="row"]');
          return rows.length === 1 && holdsText(rows[0]!.querySelector('button.document'), text);
        },
        `the ${nameOf(i)} did not show as the entry's document`,
        { timeout: 5000 },
      );
      const [row] = all(el, '[part~="row"]');
      const who = row!.querySelector('.who')!;
      expect(holdsText(who.firstElementChild, text), `agent: ${nameOf(i)}`).to.equal(true);
      expect(who.querySelector('.role')?.textContent, `organisation: ${nameOf(i)}`).to.contain(
        ` · ${text}`,
      );
      const notes = [...row!.querySelectorAll('.what > .type')];
      expect(
        notes.some((note) => holdsText(note, text)),
        `refusal: ${nameOf(i)}`,
      ).to.equal(true);
      expect(row!.querySelector('.reason')?.textContent, `reason: ${nameOf(i)}`).to.contain(text);
      shapes.add(shape(row!));
      expect(injections(el), nameOf(i)).to.deep.equal([]);
    }
    expect([...shapes], 'entries built differently').to.have.length(1);
    await settle();
    expect(watch.ran()).to.deep.equal([]);
  });

  it('shows a time that is no time as text, and exports it neutralised', async () => {
    const el = await log();
    el.document = DATED_DOCUMENT;
    await waitUntil(
      () => {
        const rows = all(el, '[part~="row"]');
        return (
          rows.length === 1 && holdsText(rows[0]!.querySelector('button.document'), DATED_TITLE)
        );
      },
      'the entry dated with text did not show',
      { timeout: 5000 },
    );
    const when = all(el, '[part~="row"]')[0]!.querySelector('.when')!;
    const time = when.querySelector('time')!;
    expect(holdsText(time, HOSTILE_DATE)).to.equal(true);
    expect(time.getAttribute('datetime')).to.equal(HOSTILE_DATE);
    expect(holdsText(when.querySelector('.absolute'), HOSTILE_DATE)).to.equal(true);
    const [, record] = readCsv(el.csv());
    expect(record?.[0]).to.equal(`'${HOSTILE_DATE}`);
    await settle();
    expect(injections(el)).to.deep.equal([]);
    expect(watch.ran()).to.deep.equal([]);
  });

  it('offers every agent and document as text in its filters', async () => {
    const el = await log();
    const [agents, , documents] = all(el, '[part~="filters"] select');
    const options = (select: HTMLElement | undefined) =>
      [...(select?.querySelectorAll('option') ?? [])].map((o) => ({ value: o.value, option: o }));
    texts.forEach((text, i) => {
      const agent = options(agents).find((o) => o.value === `Practitioner/${practitionerId(i)}`);
      expect(holdsText(agent?.option, text), `agent: ${nameOf(i)}`).to.equal(true);
      const document = options(documents).find((o) => o.value === documentId(i));
      expect(holdsText(document?.option, text), `document: ${nameOf(i)}`).to.equal(true);
      expect(agent?.option.childElementCount).to.equal(0);
      expect(document?.option.childElementCount).to.equal(0);
    });
    await settle();
    expect(injections(el)).to.deep.equal([]);
    expect(watch.ran()).to.deep.equal([]);
  });

  it('prints every entry as text, in rows built alike', async () => {
    const el = await log();
    el.print = true;
    await el.updateComplete;
    const rows = all(el, '[part~="print-table"] tbody tr') as HTMLTableRowElement[];
    texts.forEach((text, i) => {
      const row = rows.find((r) => holdsText(r.cells[3], text));
      expect(row, `document: ${nameOf(i)}`).to.not.equal(undefined);
      expect(holdsText(row!.cells[1], text), `agent: ${nameOf(i)}`).to.equal(true);
      expect(row!.cells[1]!.textContent, `organisation: ${nameOf(i)}`).to.contain(` · ${text}`);
      expect(holdsText(row!.cells[5], text), `reason: ${nameOf(i)}`).to.equal(true);
    });
    // The refused, emergency entries alike; the patient's own reads of the log alike.
    const outcomeOf = (row: Element) => (row as HTMLTableRowElement).cells[4]?.textContent.trim();
    expect(oddShapes(rows, (row) => outcomeOf(row) ?? '')).to.deep.equal([]);
    await settle();
    expect(injections(el)).to.deep.equal([]);
    expect(watch.ran()).to.deep.equal([]);
  });

  it('exports every text whole, no cell of the CSV reading as a formula', async () => {
    const el = await log();
    const [header, ...records] = readCsv(el.csv());
    expect(header).to.deep.equal([
      'Date',
      'Qui',
      'Profession',
      'Établissement',
      'Action',
      'Document',
      'Type de document',
      'Résultat',
      'Motif d’urgence',
      'Motif du refus',
      'Détail',
    ]);
    for (const record of records) {
      for (const cell of record) expect(readsAsFormula(cell), JSON.stringify(cell)).to.equal(false);
    }
    // A text a spreadsheet would take for a formula is kept whole behind a `'`, the rest as is.
    const cell = (text: string) => (readsAsFormula(text) ? `'${text}` : text);
    texts.forEach((text, i) => {
      const record = records.find((r) => r[5] === cell(text));
      expect(record, `document: ${nameOf(i)}`).to.not.equal(undefined);
      expect(record![1], `agent: ${nameOf(i)}`).to.equal(cell(text));
      expect(record![3], `organisation: ${nameOf(i)}`).to.equal(cell(text));
      expect(record![8], `reason: ${nameOf(i)}`).to.equal(cell(text));
    });
    await settle();
    expect(watch.ran()).to.deep.equal([]);
  });
});
