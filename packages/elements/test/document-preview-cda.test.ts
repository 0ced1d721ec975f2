// <dsp-document-preview> showing HL7 CDA R2 documents against the mock DSP server: real ones
// from ANS's CI-SIS test contents (a lab report, a patient summary, an imaging report, a level-1
// PDF) and a hand-made one with every narrative element; the renderer loaded only for a CDA, and
// CDAs recognised by type, format code and root, any other XML left to download.
import { expect, waitUntil } from '@open-wc/testing';
import { sampleFiles } from '@dsp-kit/mock';
import { startSandbox, type Sandbox } from '@dsp-kit/mock/browser';
import type { DspDocumentPreview } from '../src/define/dsp-document-preview.js';
import { part, putDocument, settled, text } from './document-preview.helpers.js';
import { cdaFixture, cdaSettled, recordRequests, showCda } from './document-preview-cda.helpers.js';

let sandbox: Sandbox;

function all<E extends Element = HTMLElement>(el: Element, selector: string): E[] {
  return [...el.shadowRoot!.querySelectorAll<E>(selector)];
}

function headings(el: Element): string[] {
  return all(el, '[part="cda-body"] :is(h3, h4, h5, h6)').map(
    (heading) => `${heading.localName} ${text(heading)}`,
  );
}

/** The description list of the header: term → values. */
function details(el: Element): Map<string, string[]> {
  return new Map(
    all(el, '[part="cda-header"] .cda-row').map((row) => [
      text(row.querySelector('dt')),
      [...row.querySelectorAll('dd')].map((dd) => text(dd)),
    ]),
  );
}

function renderer(urls: string[]): string[] {
  return urls.filter((url) => new URL(url).pathname.endsWith('/cda/cda-view.ts'));
}

before(async () => {
  sandbox = await startSandbox();
});
after(() => sandbox.stop());

describe('<dsp-document-preview> with CDA documents', () => {
  beforeEach(async () => {
    sandbox.clearScenario();
    await sandbox.reset();
  });

  // First in the file: the renderer module is loaded once per page.
  it('loads the renderer with the first CDA only, not for a PDF or text', async () => {
    const requests = recordRequests();
    const textFile = sampleFiles().find((f) => f.contentType === 'text/plain')!;
    const plain = await putDocument(sandbox.server.store, 'text/plain', textFile.bytes, {
      title: textFile.title,
    });
    const { fixture, html } = await import('@open-wc/testing');
    const shown = await fixture<DspDocumentPreview>(
      html`<dsp-document-preview .document=${plain}></dsp-document-preview>`,
    );
    shown.client = (await showCda(sandbox, new Uint8Array(0))).client;
    await settled(shown, 'text');
    expect(renderer(requests.urls), 'no renderer for text').to.deep.equal([]);
    const el = await showCda(sandbox, await cdaFixture('narrative-showcase.xml'));
    await cdaSettled(el);
    expect(part(el, 'cda')).not.to.be.null;
    expect(renderer(await requests.stop()), 'the renderer, once').to.have.length(1);
  });

  it('shows an ANS lab report: sections by depth, contents, tables, abnormal results, its image', async () => {
    const el = await showCda(sandbox, await cdaFixture('lab-report.xml'), {
      contentType: 'text/xml',
      format: 'urn:ihe:lab:xd-lab:2008',
    });
    await cdaSettled(el);
    const shown = headings(el);
    expect(shown.slice(0, 4)).to.deep.equal([
      'h3 Non conformité',
      'h3 BIOCHIMIE',
      'h4 Electrophorèse des protéines sériques :',
      'h4 Autres examens de biochimie sanguine :',
    ]);
    expect(shown).to.include('h3 Examen cytobactériologique des urines (ECBU)');
    // More than three sections: a table of contents whose links reach them.
    const contents = el.shadowRoot!.querySelector('nav.cda-contents')!;
    expect(contents.getAttribute('aria-label')).to.equal('Contents');
    const links = [...contents.querySelectorAll('a')];
    expect(links.map((a) => text(a))).to.include('HEMATOLOGIE');
    links.find((a) => text(a) === 'HEMATOLOGIE')!.click();
    expect(text(el.shadowRoot!.activeElement)).to.equal('HEMATOLOGIE');
    // Header cells of the result tables have a scope.
    const headers = all<HTMLTableCellElement>(el, '[part="cda-body"] th');
    expect(headers.length).to.be.greaterThan(10);
    for (const th of headers) expect(['col', 'row', 'rowgroup', 'colgroup']).to.include(th.scope);
    // The observations the entries mark H (interpretationCode) stand out, in words. (A sixth
    // points at `#Polynucleaires-neutrophiles`, an ID the narrative does not have.)
    for (const id of ['Alpha-1-globulines', 'Uree', 'Glucose-a-jeun', 'VGM', 'IDR']) {
      const flagged = el.shadowRoot!.getElementById(`cda-id-${id}`);
      expect(flagged, id).not.to.be.null;
      expect(flagged!.classList.contains('cda-high'), id).to.be.true;
      expect(text(flagged!.querySelector('.cda-flag')), id).to.equal('↑ high');
    }
    expect(all(el, '.cda-flag')).to.have.length(5);
    // The electrophoresis curve (PNG) as an image from a blob URL; the joined PDF as a download.
    const image = el.shadowRoot!.querySelector<HTMLImageElement>('img.cda-image')!;
    expect(image.src).to.match(/^blob:/);
    await waitUntil(() => image.complete && image.naturalWidth > 0, 'the PNG did not load');
    expect(all(el, '[part="cda-body"] button').map((b) => text(b))).to.include(
      'Attachment (application/pdf): download',
    );
    // Header: the DSP type of LOINC 11502-2, the patient, the author.
    const header = details(el);
    expect(header.get('DSP type')).to.deep.equal(['Laboratory results']);
    expect(header.get('Patient')).to.deep.equal(['DOMINIQUE MARIE-LOUISE PAT-TROIS']);
    expect(header.get('Born')).to.deep.equal(['March 28, 1979']);
    expect(header.get('Custodian')).to.deep.equal(['Laboratoire des charmes']);
    await expect(el).to.be.accessible();
  });

  it('shows an ANS patient summary (IPS-FR) with its many sections', async () => {
    const el = await showCda(sandbox, await cdaFixture('patient-summary.xml'), {
      contentType: 'text/xml',
      format: 'urn:ihe:pcc:xphr:2007',
      lang: 'fr',
    });
    await cdaSettled(el);
    const shown = headings(el);
    expect(shown).to.include('h3 Problèmes actifs');
    expect(shown).to.include(
      'h3 Allergies, hypersensibilités non allergiques, intolérances, idiosyncrasie',
    );
    expect(shown).to.include('h3 Vaccinations');
    expect(el.shadowRoot!.querySelector('nav.cda-contents')?.getAttribute('aria-label')).to.equal(
      'Sommaire',
    );
    // Each entry of the contents a target of at least 24 px (WCAG 2.2, 2.5.8 Target Size).
    const targets = all(el, 'nav.cda-contents a').map((a) => a.getBoundingClientRect().height);
    expect(targets.length).to.be.greaterThan(3);
    expect(Math.min(...targets)).to.be.at.least(24);
    expect(all(el, '.cda-emphasis').length).to.be.greaterThan(0);
    expect(text(el.shadowRoot!.querySelector('[part="cda-header"] summary'))).to.equal(
      'Détails du document',
    );
    await expect(el).to.be.accessible();
  });

  it('keeps each word of a table whole in a narrow preview: a wide table scrolls instead', async () => {
    const el = await showCda(sandbox, await cdaFixture('patient-summary.xml'), {
      contentType: 'text/xml',
      format: 'urn:ihe:pcc:xphr:2007',
      lang: 'fr',
    });
    el.style.display = 'block';
    el.style.width = '360px';
    await cdaSettled(el);
    const cells = all(el, '.cda-table :is(th, td)');
    expect(cells.length, 'the summary has tables').to.be.greaterThan(10);
    const split: string[] = [];
    for (const cell of cells) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of (node.textContent ?? '').matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          // A word on two lines has a box on each (a hyphen is a break opportunity of its own).
          const lines = new Set([...range.getClientRects()].map((box) => Math.round(box.top)));
          if (lines.size > 1 && !match[0].includes('-')) split.push(match[0]);
        }
      }
    }
    expect(split, 'words broken across lines').to.deep.equal([]);
    const scrolling = all(el, '.cda-table').filter((box) => box.scrollWidth > box.clientWidth);
    expect(scrolling.length, 'a table wider than 360 px scrolls in its box').to.be.greaterThan(0);
    await expect(el).to.be.accessible();
  });

  it('shows an ANS imaging report found by its root alone (generic XML, no format code)', async () => {
    const el = await showCda(sandbox, await cdaFixture('imaging-report.xml'), {
      contentType: 'application/xml',
      lang: 'de',
    });
    await cdaSettled(el);
    const shown = headings(el);
    expect(shown[0]).to.equal('h3 Addendum');
    expect(shown).to.include('h3 Conclusion');
    // The renderer's German words load with it.
    await waitUntil(
      () =>
        text(el.shadowRoot!.querySelector('[part="cda-header"] summary')) ===
        'Angaben zum Dokument',
      'no German words',
    );
    await expect(el).to.be.accessible();
  });

  it('draws a level-1 CDA’s PDF with PDF.js, the header still there', async () => {
    const el = await showCda(sandbox, await cdaFixture('level1-pdf.xml'), {
      contentType: 'text/xml',
      format: 'urn:ihe:iti:xds-sd:pdf:2008',
    });
    await cdaSettled(el);
    await waitUntil(() => part(el, 'pages') ?? part(el, 'frame'), 'no PDF view', { timeout: 8000 });
    expect(part(el, 'frame'), 'PDF.js drew it').to.be.null;
    expect(all(el, 'canvas[part~="page"]').length).to.be.greaterThan(0);
    expect(details(el).get('Type')).to.deep.equal(['CR d’imagerie médicale (18748-4)']);
    await expect(el).to.be.accessible();
  });

  it('puts a level-1 CDA’s PDF in the sandboxed frame where the PDF worker cannot start', async () => {
    // As from `dsp-kit.min.js`: the worker file beside the module does not exist.
    const original = globalThis.Worker;
    globalThis.Worker = class MissingWorker extends Worker {
      constructor(_url: string | URL, options?: WorkerOptions) {
        super(new URL('/no-such-dir/pdf.worker.js', location.href), options);
      }
    };
    try {
      const el = await showCda(sandbox, await cdaFixture('level1-pdf.xml'));
      await cdaSettled(el);
      await waitUntil(() => part(el, 'frame'), 'no fallback frame', { timeout: 8000 });
      const frame = part(el, 'frame') as HTMLIFrameElement;
      expect(frame.src).to.match(/^blob:/);
      expect(frame.getAttribute('sandbox')).to.equal('');
    } finally {
      globalThis.Worker = original;
    }
  });

  it('renders every narrative element of the showcase as its HTML counterpart', async () => {
    const el = await showCda(sandbox, await cdaFixture('narrative-showcase.xml'));
    await cdaSettled(el);
    expect(headings(el)).to.deep.equal(['h3 Hématologie', 'h3 Commentaires', 'h4 Images']);
    expect(el.shadowRoot!.querySelector('nav.cda-contents'), 'three sections: no contents').to.be
      .null;

    const table = el.shadowRoot!.getElementById('cda-id-t1') as HTMLTableElement;
    expect(text(table.caption)).to.equal('Numération formule sanguine');
    expect(table.querySelectorAll('colgroup > col[span="2"]')).to.have.length(1);
    expect([...table.tHead!.querySelectorAll('th')].map((th) => th.scope)).to.deep.equal([
      'col',
      'col',
      'col',
    ]);
    expect([...table.tBodies[0]!.querySelectorAll('th')].map((th) => th.scope)).to.deep.equal([
      'row',
      'row',
      'row',
    ]);
    expect(table.querySelector<HTMLTableCellElement>('td[rowspan]')!.rowSpan).to.equal(2);
    expect(table.tFoot!.querySelector<HTMLTableCellElement>('td')!.colSpan).to.equal(3);
    // Abnormal results: from an entry's interpretationCode (L) and from a styleCode (xHigh).
    expect(text(el.shadowRoot!.getElementById('cda-id-hb'))).to.equal('10,2 g/dL ↓ low');
    expect(text(table.querySelector('.cda-high'))).to.equal('13,5 G/L ↑ high');

    const comments = all(el, '.cda-section')[1]!;
    expect(text(comments.querySelector('.cda-bold'))).to.equal('gras');
    expect(comments.querySelector('.cda-underline.cda-italics')).not.to.be.null;
    expect(comments.querySelector('.cda-emphasis')).not.to.be.null;
    expect(comments.querySelector('br')).not.to.be.null;
    expect(text(comments.querySelector('sub'))).to.equal('2');
    expect(text(comments.querySelector('sup'))).to.equal('2');
    expect(text(comments.querySelector('del'))).to.equal('ancien avis');
    expect(text(comments.querySelector('ins'))).to.equal('nouvel avis');
    expect(text(comments.querySelector('ol'))).to.equal('Contrôle Suivi');
    expect(text(comments.querySelector('ol')!.previousElementSibling)).to.equal('Étapes');
    expect(comments.querySelector('ul')).not.to.be.null;
    expect(text(comments)).to.contain('texte d’un élément inconnu');

    // An http(s) link opens a new tab, without opener or referrer.
    const external = comments.querySelector<HTMLAnchorElement>('a[target="_blank"]')!;
    expect(external.href).to.equal('https://www.esante.lu/');
    expect(external.rel).to.equal('noopener noreferrer');
    expect(text(external)).to.equal('le site de l’agence (opens in a new tab)');
    // An ID link and a footnote reference move within the document.
    [...comments.querySelectorAll('a')].find((a) => text(a) === 'le tableau')!.click();
    expect(el.shadowRoot!.activeElement).to.equal(table);
    table.querySelector<HTMLAnchorElement>('tfoot sup a')!.click();
    expect(text(el.shadowRoot!.activeElement)).to.equal('[à jeun depuis 12 h]');

    // Images from the document's own data; a PDF attachment is a download.
    const images = all<HTMLImageElement>(el, 'img.cda-image');
    expect(images.map((img) => img.alt)).to.deep.equal(['Frottis', 'Image']);
    for (const image of images) {
      expect(image.src).to.match(/^blob:/);
      await waitUntil(() => image.naturalWidth === 1, 'an image did not load');
    }
    expect(all(el, '.cda-figure button').map((b) => text(b))).to.deep.equal([
      'Attachment (application/pdf): download',
    ]);

    const header = details(el);
    expect(header.get('Matricule')).to.deep.equal(['1985071512345']);
    expect(header.get('Identifier')).to.deep.equal(['285076912345678']);
    // 14:00 in the author's zone (+01:00), shown in the reader's.
    expect(header.get('Authors')![0]).to.match(
      /^Dr Paul Weber, Biologiste, Laboratoire du Centre, January 15, 2024 at \d{1,2}:00 [AP]M$/,
    );
    expect(header.get('Authenticated by')![0]).to.match(/^Anne Muller, signed on January 15, 2024/);
    expect(header.get('Replaces document')).to.deep.equal(['showcase-0']);
    expect(header.get('Place')).to.deep.equal(['Centre Hospitalier de Luxembourg']);
    expect(header.get('Sex')).to.deep.equal(['female']);
    await expect(el).to.be.accessible();
  });

  it('leaves XML that is no CDA to download, as before', async () => {
    const el = await showCda(sandbox, await cdaFixture('wrong-root.xml'), {
      contentType: 'text/xml',
    });
    await cdaSettled(el);
    expect(part(el, 'cda')).to.be.null;
    expect(text(el.shadowRoot!.querySelector('[part="content"] .state'))).to.equal(
      'This type of document cannot be shown here. Download it to open it.',
    );
  });
});
