// <dsp-document-preview> showing a CDA whose table has thousands of rows: the first rows show with
// the document and the rest follow a slice at a time, in order, with their header cells' scopes;
// a status says how many are shown and "Show all rows" shows the rest at once; a link to a row
// not shown yet shows the rows up to it and moves there.
import { expect, waitUntil } from '@open-wc/testing';
import { startSandbox, type Sandbox } from '@dsp-kit/mock/browser';
import type { DspDocumentPreview } from '../src/define/dsp-document-preview.js';
import { part, text } from './document-preview.helpers.js';
import { cdaSettled, showCda } from './document-preview-cda.helpers.js';
import { largeCda, rowId } from './cda/large-cda.js';

// 20,000 rows (1.1 MB) pass on a quiet machine; on a loaded one, parsing them alone can pass the
// panel's 2 s refusal limit, so the tests use 5,000 (25 times the progressive threshold).
const ROWS = 5_000;
let sandbox: Sandbox;
let bytes: Uint8Array;

function bodyRows(el: DspDocumentPreview): HTMLTableRowElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('[part="cda-body"] tbody tr')];
}

function status(el: DspDocumentPreview): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>('[part="cda-body"] .cda-rows');
}

before(async () => {
  sandbox = await startSandbox();
  bytes = new TextEncoder().encode(largeCda(ROWS));
});
after(() => sandbox.stop());

describe('<dsp-document-preview> with a 5,000-row CDA table', function () {
  // Parsing 1 MB and drawing 20,000 rows take seconds on a busy machine.
  this.timeout(60_000);

  beforeEach(async () => {
    sandbox.clearScenario();
    await sandbox.reset();
  });

  it('shows the first rows with the document, then every row in order', async () => {
    const el = await showCda(sandbox, bytes);
    await cdaSettled(el);
    const first = bodyRows(el);
    expect(first.length, 'the first rows, with the document').to.be.within(20, 1000);
    expect(text(first[0]!.querySelector('th'))).to.equal('Analyse 1');
    // English words come a moment after the document (French is the panel's first language).
    await waitUntil(() => text(status(el)).startsWith('Showing'), 'no English status');
    expect(text(status(el))).to.match(/^Showing [\d,]+ of 5,000 rows Show all rows$/);
    await waitUntil(() => bodyRows(el).length === ROWS, 'not every row was shown', {
      timeout: 50_000,
    });
    const rows = bodyRows(el);
    // In the document's order, each once.
    for (const i of [0, 1, 999, 1000, 3_456, ROWS - 1]) {
      expect(rows[i]!.id).to.equal(`cda-id-${rowId(i)}`);
      expect(text(rows[i]!.querySelector('th'))).to.equal(`Analyse ${i + 1}`);
    }
    expect(new Set(rows.map((row) => row.id)).size).to.equal(ROWS);
    // Header cells: the head's by column, each row's by row, late rows included.
    const head = [...el.shadowRoot!.querySelectorAll<HTMLTableCellElement>('thead th')];
    expect(head.map((th) => th.scope)).to.deep.equal(['col', 'col']);
    expect(rows.every((row) => row.querySelector('th')!.scope === 'row')).to.be.true;
    // The rows the entries flag stand out, late ones as early ones.
    expect(rows[10]!.classList.contains('cda-high')).to.be.true;
    expect(rows[11]!.classList.contains('cda-high')).to.be.false;
    expect(status(el), 'no status once every row shows').to.be.null;
    const table = el.shadowRoot!.querySelector('[part="cda-body"] table')!;
    expect(table.querySelectorAll('tbody')).to.have.length(1);
    expect(text(table.querySelector('caption'))).to.equal('Toutes les analyses');
  });

  it('shows every row at once on "Show all rows"', async () => {
    const el = await showCda(sandbox, bytes);
    await cdaSettled(el);
    const button = status(el)!.querySelector('button')!;
    expect(text(button)).to.equal('Show all rows');
    button.click();
    expect(bodyRows(el)).to.have.length(ROWS);
    expect(status(el)).to.be.null;
    // Focus, on the button that went away, goes to the table.
    expect(el.shadowRoot!.activeElement?.classList.contains('cda-table')).to.be.true;
  });

  it('follows a link to a row not shown yet: the rows up to it show, and it has the focus', async () => {
    const el = await showCda(sandbox, bytes);
    await cdaSettled(el);
    const last = `cda-id-${rowId(ROWS - 1)}`;
    expect(el.shadowRoot!.getElementById(last), 'the last row not shown yet').to.be.null;
    const link = [...part(el, 'cda-body')!.querySelectorAll('a')].find(
      (a) => text(a) === 'dernière analyse',
    )!;
    link.click();
    const row = el.shadowRoot!.getElementById(last);
    expect(row).not.to.be.null;
    expect(el.shadowRoot!.activeElement).to.equal(row);
    expect(bodyRows(el)).to.have.length(ROWS);
  });

  it('names the status and its button in the panel’s language', async () => {
    const el = await showCda(sandbox, bytes, { lang: 'fr' });
    await cdaSettled(el);
    expect(text(status(el))).to.match(
      /^Affichage de [\d ]+ lignes sur 5 000 Afficher toutes les lignes$/,
    );
  });
});
