// <dsp-document-preview>'s Print for a CDA: a frame of its own, sandboxed with no scripts, holds
// the header block and the whole body (every row of a long table), our print stylesheet with the
// patient and page numbers in the margins, is printed and goes after printing; a hostile document
// stays inert there too, and nothing is requested. `printer.print` is replaced, not called.
import { expect, waitUntil } from '@open-wc/testing';
import { startSandbox, type Sandbox } from '@dsp-kit/mock/browser';
import { printer } from '../src/document-preview/cda/cda-print.js';
import type { DspDocumentPreview } from '../src/define/dsp-document-preview.js';
import { part, text } from './document-preview.helpers.js';
import { cdaFixture, cdaSettled, recordRequests, showCda } from './document-preview-cda.helpers.js';
import { largeCda } from './cda/large-cda.js';

declare global {
  interface Window {
    __cdaHacked?: unknown;
  }
}

let sandbox: Sandbox;

/** Replaces the print call until `restore()`; `printed` is the frame's window it was given. */
function capturePrint(): { printed: Promise<Window>; restore(): void } {
  const original = printer.print;
  let resolve: (view: Window) => void = () => undefined;
  const printed = new Promise<Window>((done) => (resolve = done));
  printer.print = (view) => resolve(view);
  return { printed, restore: () => (printer.print = original) };
}

/** The print frame in the panel, if any. */
function printFrame(el: DspDocumentPreview): HTMLIFrameElement | null {
  return el.shadowRoot!.querySelector('iframe[sandbox]');
}

/** The print view's header list: term → values. */
function printed(view: Window): Map<string, string[]> {
  return new Map(
    [...view.document.querySelectorAll('.cda-print-header .cda-row')].map((row) => [
      text(row.querySelector('dt')),
      [...row.querySelectorAll('dd')].map((dd) => text(dd)),
    ]),
  );
}

async function print(el: DspDocumentPreview): Promise<Window> {
  const capture = capturePrint();
  try {
    part(el, 'cda-print')!.click();
    return await capture.printed;
  } finally {
    capture.restore();
  }
}

before(async () => {
  sandbox = await startSandbox();
});
after(() => sandbox.stop());

describe('<dsp-document-preview> printing a CDA', () => {
  beforeEach(async () => {
    sandbox.clearScenario();
    await sandbox.reset();
    delete window.__cdaHacked;
  });

  it('prints the header block and the body from a frame of its own, removed after printing', async () => {
    const requests = recordRequests();
    const el = await showCda(sandbox, await cdaFixture('narrative-showcase.xml'));
    await cdaSettled(el);
    await waitUntil(() => text(part(el, 'cda-print')) === 'Print', 'no English Print button');
    const view = await print(el);
    const frame = printFrame(el)!;
    expect(frame.contentWindow).to.equal(view);
    expect(frame.getAttribute('sandbox'), 'no scripts in the frame').to.equal(
      'allow-same-origin allow-modals',
    );
    const page = view.document;
    expect(page.documentElement.lang).to.equal('en');
    expect(page.title).to.equal('Bilan sanguin de contrôle');
    expect(text(page.querySelector('h1'))).to.equal('Bilan sanguin de contrôle');
    const header = printed(view);
    expect(header.get('Patient')).to.deep.equal(['Marie Schmit']);
    expect(header.get('Matricule')).to.deep.equal(['1985071512345']);
    expect(header.get('Born')).to.deep.equal(['July 15, 1985']);
    expect(header.get('Authors')![0]).to.match(/^Dr Paul Weber, Biologiste, Laboratoire du Centre/);
    expect(header.get('Date')![0]).to.match(/^January 15, 2024/);
    expect(header.get('Custodian')).to.deep.equal(['Agence eSanté']);
    expect(header.get('Authenticated by')![0]).to.match(/^Anne Muller, signed on January 15, 2024/);
    // The body as the panel shows it: the same headings and table cells.
    const body = part(el, 'cda-body')!;
    const headings = (root: ParentNode) =>
      [...root.querySelectorAll('h3, h4, h5, h6')].map((h) => `${h.localName} ${text(h)}`);
    expect(headings(page.body)).to.deep.equal(headings(body));
    expect(headings(page.body)).to.include('h3 Hématologie');
    const cells = (root: ParentNode) => [...root.querySelectorAll('td, th')].map((c) => text(c));
    expect(cells(page.body)).to.deep.equal(cells(body));
    expect(page.querySelectorAll('script')).to.have.length(0);
    // Our stylesheet alone, with the patient in the top margin and the page number at the bottom.
    const styles = [...page.querySelectorAll('style')];
    expect(styles).to.have.length(1);
    const pageRule = [...styles[0]!.sheet!.cssRules].find(
      // The frame's own CSSOM classes: another realm than this page's.
      (rule): rule is CSSPageRule => rule instanceof (view as typeof window).CSSPageRule,
    )!;
    const margins = new Map(
      [...pageRule.cssRules].map((rule) => [
        (rule as CSSRule & { name: string }).name,
        (rule as CSSStyleRule).style.getPropertyValue('content'),
      ]),
    );
    expect(margins.get('top-left')).to.equal('"Marie Schmit, Matricule 1985071512345"');
    expect(margins.get('bottom-right')).to.equal('counter(page) " / " counter(pages)');
    // Printing over: the frame goes.
    view.dispatchEvent(new Event('afterprint'));
    expect(printFrame(el)).to.be.null;
    const urls = await requests.stop();
    expect(urls.filter((url) => !url.startsWith(location.origin))).to.deep.equal([]);
  });

  it('prints every row of a long table, which the panel shows a slice at a time', async () => {
    const el = await showCda(sandbox, new TextEncoder().encode(largeCda(5000)));
    await cdaSettled(el);
    expect(
      el.shadowRoot!.querySelectorAll('[part="cda-body"] tbody tr').length,
      'the panel has not shown every row yet',
    ).to.be.below(5000);
    const view = await print(el);
    const rows = [...view.document.querySelectorAll('tbody tr')];
    expect(rows).to.have.length(5000);
    expect(text(rows[4999]!.querySelector('th'))).to.equal('Analyse 5000');
    // No status nor button in print: every row is there.
    expect(view.document.querySelector('.cda-rows')).to.be.null;
    view.dispatchEvent(new Event('afterprint'));
    expect(printFrame(el)).to.be.null;
  });

  it('keeps a hostile document inert in the print view, requesting nothing', async () => {
    const requests = recordRequests();
    const el = await showCda(sandbox, await cdaFixture('hostile-everywhere.xml'));
    await cdaSettled(el);
    const view = await print(el);
    const page = view.document;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(window.__cdaHacked, 'no script ran').to.be.undefined;
    expect(
      page.querySelectorAll('script, iframe, svg, object, embed, link, base, form, meta'),
    ).to.have.length(0);
    expect(page.querySelectorAll('style'), 'our stylesheet only').to.have.length(1);
    for (const element of page.querySelectorAll('*')) {
      for (const { name } of element.attributes) {
        expect(name.startsWith('on'), `${element.localName}[${name}]`).to.be.false;
      }
    }
    expect(page.body.querySelectorAll('[style]')).to.have.length(0);
    expect([...page.querySelectorAll('a')].map((a) => a.href)).to.deep.equal([
      'https://example.org/ok',
    ]);
    expect(text(page.body)).to.contain("window.__cdaHacked = 'v3 script'");
    view.dispatchEvent(new Event('afterprint'));
    const urls = await requests.stop();
    expect(urls.filter((url) => url.includes('evil.example'))).to.deep.equal([]);
    expect(
      urls.filter((url) => !url.startsWith(location.origin) && !url.startsWith('blob:')),
    ).to.deep.equal([]);
  });

  for (const [lang, words] of [
    ['fr', 'Imprimer'],
    ['de', 'Drucken'],
    ['lb', 'Drécken'],
  ] as const) {
    it(`names the Print button in ${lang}`, async () => {
      const el = await showCda(sandbox, await cdaFixture('lab-report.xml'), { lang });
      await cdaSettled(el);
      await waitUntil(() => text(part(el, 'cda-print')) === words, `not ${words}`);
    });
  }
});
