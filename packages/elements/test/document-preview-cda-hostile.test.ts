// <dsp-document-preview> given hostile and broken CDA documents: script in every position,
// event handlers, javascript:/data:/file: links, remote and scripted images, styles, XXE, an
// entity bomb, 10,000-deep nesting, a 50 MB file, malformed XML, a wrong root or namespace.
// Nothing runs, nothing is requested, and each broken one says why within 2 s, the download kept.
import { expect } from '@open-wc/testing';
import { startSandbox, type Sandbox } from '@dsp-kit/mock/browser';
import { install, openCda } from '../src/document-preview/cda/cda-view.js';
import { cdaKit } from '../src/document-preview/cda/cda-kit.js';
import { CdaParseError } from '../src/document-preview/cda/cda-parse.js';
import { part, text } from './document-preview.helpers.js';
import { cdaFixture, cdaSettled, recordRequests, showCda } from './document-preview-cda.helpers.js';

declare global {
  interface Window {
    __cdaHacked?: unknown;
  }
}

let sandbox: Sandbox;

/** Replaces alert, confirm, prompt and eval for one test, recording any call. */
function trapScripts(): { calls: string[]; restore(): void } {
  const calls: string[] = [];
  // Kept as found (through Reflect: the methods are put back, never called detached).
  const names = ['alert', 'confirm', 'prompt', 'eval'] as const;
  const saved = names.map((name) => [name, Reflect.get(window, name) as unknown] as const);
  window.alert = (...args: unknown[]) => void calls.push(`alert ${String(args[0])}`);
  window.confirm = (...args: unknown[]) => (calls.push(`confirm ${String(args[0])}`), false);
  window.prompt = (...args: unknown[]) => (calls.push(`prompt ${String(args[0])}`), null);
  window.eval = ((code: string) => void calls.push(`eval ${code}`)) as typeof eval;
  return {
    calls,
    restore: () => {
      for (const [name, value] of saved) Reflect.set(window, name, value);
    },
  };
}

/** Requests to anywhere but this page's origin (the test server and the mock are on it). */
function foreign(urls: readonly string[]): string[] {
  return urls.filter((url) => !url.startsWith(location.origin) && !url.startsWith('blob:'));
}

before(async () => {
  sandbox = await startSandbox();
});
after(() => sandbox.stop());

describe('<dsp-document-preview> with hostile CDA documents', () => {
  beforeEach(async () => {
    sandbox.clearScenario();
    await sandbox.reset();
    delete window.__cdaHacked;
  });

  it('runs nothing and requests nothing from a document with script in every position', async () => {
    const scripts = trapScripts();
    const requests = recordRequests();
    try {
      const el = await showCda(sandbox, await cdaFixture('hostile-everywhere.xml'));
      await cdaSettled(el);
      const root = el.shadowRoot!;
      const body = part(el, 'cda-body')!;
      // Every element the renderer made, hovered and clicked (links excepted: they navigate).
      for (const element of body.querySelectorAll<HTMLElement>('*')) {
        element.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
        if (!element.closest('a') && element.localName !== 'button') element.click();
      }
      const svg = root.querySelector<HTMLImageElement>('img.cda-image')!;
      expect(svg.src, 'the SVG as an image from a blob URL').to.match(/^blob:/);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(svg.naturalWidth, 'the SVG drew').to.equal(20);

      expect(window.__cdaHacked, 'no script ran').to.be.undefined;
      expect(scripts.calls, 'no alert, eval…').to.deep.equal([]);
      // Nothing of the document's markup made it into the page.
      expect(
        root.querySelectorAll('script, iframe, style, svg, object, embed, link, base, form'),
      ).to.have.length(0);
      for (const element of root.querySelectorAll('*')) {
        for (const { name } of element.attributes) {
          expect(name.startsWith('on'), `${element.localName}[${name}]`).to.be.false;
        }
        if (element.localName !== 'a') expect(element.hasAttribute('href')).to.be.false;
      }
      expect(body.querySelectorAll('[style]')).to.have.length(0);
      // Only the https link is a link; the others are their words.
      const links = [...body.querySelectorAll('a')];
      expect(links.map((a) => a.href)).to.deep.equal(['https://example.org/ok']);
      expect(links[0]!.target).to.equal('_blank');
      expect(links[0]!.rel).to.equal('noopener noreferrer');
      for (const words of [
        'lien javascript',
        'lien javascript masqué',
        'lien data',
        'lien fichier',
        'lien relatif',
        'lien vbscript',
      ])
        expect(text(body)).to.contain(words);
      // The document's text, tags and all, shows as text.
      expect(text(root.querySelector('[part="cda-header"]'))).to.contain(
        "<script>window.__cdaHacked = 'escaped'</script>",
      );
      expect(text(body)).to.contain("window.__cdaHacked = 'v3 script'");
      expect(text(body)).to.contain('@import url(https://evil.example/import.css)');
      // styleCode: our class for Bold, nothing of the rest.
      expect(body.querySelector('.cda-bold')!.className).to.equal('cda-bold');
      const th = body.querySelector('th')!;
      expect(th.scope).to.equal('row');
      expect(body.querySelector('td')!.colSpan).to.equal(1000);
      // The remote image is not fetched; the HTML attachment is a download only.
      expect(text(body)).to.contain('External content, not loaded');
      expect([...body.querySelectorAll('button')].map((b) => text(b))).to.deep.equal([
        'Attachment (text/html): download',
      ]);
      const urls = await requests.stop();
      expect(
        urls.filter((url) => url.includes('evil.example')),
        'no request to the attacker',
      ).to.deep.equal([]);
      expect(foreign(urls), 'no request off the page’s origin').to.deep.equal([]);
      await expect(el).to.be.accessible();
    } finally {
      scripts.restore();
    }
  });

  const broken: readonly [string, string, () => Promise<Uint8Array>][] = [
    [
      'an external entity (XXE)',
      'This document contains a DOCTYPE or entity declarations, which a CDA document never does, so it is not shown.',
      () => cdaFixture('xxe.xml'),
    ],
    [
      'an entity-expansion bomb',
      'This document contains a DOCTYPE or entity declarations, which a CDA document never does, so it is not shown.',
      () => cdaFixture('entity-bomb.xml'),
    ],
    [
      'malformed XML',
      'This document is not well-formed XML, so it cannot be shown.',
      () => cdaFixture('malformed.xml'),
    ],
    [
      'a root that is not ClinicalDocument',
      'This XML file is not a CDA document, so it cannot be shown here.',
      () => cdaFixture('wrong-root.xml'),
    ],
    [
      'a ClinicalDocument in another namespace',
      'This document looks like a CDA but does not use the HL7 v3 namespace, so it is not shown.',
      () => cdaFixture('wrong-namespace.xml'),
    ],
    [
      '10,000-deep nesting',
      'This document nests too many elements to be shown here.',
      () =>
        Promise.resolve(
          new TextEncoder().encode(
            `<ClinicalDocument xmlns="urn:hl7-org:v3"><component><structuredBody><component><section><text>${'<content>'.repeat(10_000)}x${'</content>'.repeat(10_000)}</text></section></component></structuredBody></component></ClinicalDocument>`,
          ),
        ),
    ],
  ];

  for (const [name, message, bytes] of broken) {
    it(`says so within 2 s for ${name}, the download still offered`, async () => {
      const requests = recordRequests();
      const el = await showCda(sandbox, await bytes());
      const started = performance.now();
      await cdaSettled(el);
      expect(performance.now() - started, 'settled within 2 s').to.be.below(2000);
      const alert = el.shadowRoot!.querySelector('[part="content"] [role="alert"]');
      expect(text(alert)).to.equal(`${message} You can download it to examine it.`);
      expect(part(el, 'cda')).to.be.null;
      expect(text(part(el, 'download'))).to.equal('Download');
      expect(foreign(await requests.stop())).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  }

  it('refuses a 50 MB file within 2 s, before decoding it', async () => {
    install(cdaKit);
    const huge = new Blob([
      '<ClinicalDocument xmlns="urn:hl7-org:v3"><title>',
      'x'.repeat(50_000_000),
      '</title></ClinicalDocument>',
    ]);
    const started = performance.now();
    const error = await openCda(huge).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(performance.now() - started).to.be.below(2000);
    expect(error).to.be.instanceOf(CdaParseError);
    expect((error as CdaParseError).problem).to.equal('too-large');
  });
});
