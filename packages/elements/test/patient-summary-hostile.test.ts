// <dsp-patient-summary> given hostile summaries: the CDA preview's hostile fixtures (script in
// every position, handlers, javascript:/data:/file: links, remote images, styles; XXE and an
// entity bomb) and a FHIR IPS Bundle whose narratives carry the same. Nothing runs, nothing is
// requested off the page, no element or attribute of the document reaches the page, and a
// document that declares entities is not read at all, its download offered.
import { expect } from '@open-wc/testing';
import { startSandbox, type Sandbox } from '@dsp-kit/mock/browser';
import { recordRequests } from './document-preview-cda.helpers.js';
import {
  card,
  clientAs,
  part,
  patients,
  section,
  settled,
  storeSummary,
  testFile,
  text,
  users,
  utf8,
} from './patient-summary.helpers.js';

declare global {
  interface Window {
    __cdaHacked?: unknown;
    __ipsHacked?: unknown;
  }
}

let sandbox: Sandbox;

before(async () => {
  sandbox = await startSandbox();
});
afterEach(async () => {
  await sandbox.reset();
  delete window.__cdaHacked;
  delete window.__ipsHacked;
});
after(() => sandbox.stop());

/** Requests to anywhere but this page's origin (the test server and the mock are on it). */
function foreign(urls: readonly string[]): string[] {
  return urls.filter((url) => !url.startsWith(location.origin) && !url.startsWith('blob:'));
}

/** What of the document's markup reached the card: foreign elements, handlers, script URLs, styles. */
function markupIn(el: Element): string[] {
  const root = el.shadowRoot!;
  const found: string[] = [];
  for (const element of root.querySelectorAll(
    'script, iframe, style, svg, object, embed, link, base, form, img, meta',
  )) {
    found.push(`<${element.localName}>`);
  }
  for (const element of root.querySelectorAll('*')) {
    for (const { name, value } of element.attributes) {
      if (name.startsWith('on')) found.push(`${element.localName}[${name}]`);
      if (name === 'style') found.push(`${element.localName}[style]`);
      if (name === 'href' && !/^(https?:|#)/.test(value)) found.push(`href="${value}"`);
    }
  }
  return found;
}

/** Hovers and clicks every element the card made (links aside: they navigate). */
function poke(el: Element): void {
  for (const element of el.shadowRoot!.querySelectorAll<HTMLElement>('*')) {
    element.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    if (!element.closest('a') && element.localName !== 'button') element.click();
  }
}

/** A FHIR IPS Bundle (the IPS guide's minimal example) whose narratives are hostile. */
async function hostileIps(): Promise<Uint8Array> {
  const bundle = JSON.parse(
    new TextDecoder().decode(await testFile('patient-summary/fixtures/ips-bundle-minimal.json')),
  ) as { entry: { resource: { section: { title: string; text: { div: string } }[] } }[] };
  const div = (inner: string) =>
    `<div xmlns="http://www.w3.org/1999/xhtml" xmlns:svg="http://www.w3.org/2000/svg">${inner}</div>`;
  const [allergies, problems, medication] = [
    'Allergies and Intolerances',
    'Active Problems',
    'Medication',
  ].map((title) => bundle.entry[0]!.resource.section.find((s) => s.title === title)!);
  allergies!.text.div = div(
    '<p onclick="window.__ipsHacked = \'onclick\'" style="background:url(https://evil.example/bg.png)">Penicillin <b onmouseover="window.__ipsHacked = 1">anaphylaxis</b></p>' +
      "<script>window.__ipsHacked = 'script'</script>" +
      '<img src="https://evil.example/x.png" onerror="window.__ipsHacked = \'img\'" alt="hidden picture"/>' +
      '<iframe src="https://evil.example/frame"></iframe>',
  );
  problems!.text.div = div(
    '<ul><li><a href="javascript:window.__ipsHacked=\'link\'">javascript link</a></li>' +
      '<li><a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">data link</a></li>' +
      '<li><a href="https://example.org/ok">web link</a></li></ul>' +
      "<svg:svg onload=\"window.__ipsHacked = 'svg'\"><svg:script>window.__ipsHacked = 'svg script'</svg:script></svg:svg>",
  );
  medication!.text.div = div(
    '<table><tr><td>&lt;script&gt;window.__ipsHacked = "escaped"&lt;/script&gt;</td></tr></table>' +
      '<style>@import url(https://evil.example/import.css);</style>',
  );
  return utf8(JSON.stringify(bundle));
}

describe('<dsp-patient-summary> with hostile summaries', function () {
  this.timeout(20_000);

  it('renders the CDA preview’s hostile document inert', async () => {
    const requests = recordRequests();
    await storeSummary(
      sandbox.server.store,
      await testFile('cda/fixtures/hostile-everywhere.xml'),
      {
        contentType: 'text/xml',
        date: '2026-11-20T10:00:00+01:00',
      },
    );
    const el = await card(clientAs(sandbox.server.baseUrl, users.weber), patients.jean.id);
    await settled(el);
    // Its one section has no LOINC code: an other section, opened to render it all.
    for (const details of el.shadowRoot!.querySelectorAll('details')) details.open = true;
    await el.updateComplete;
    poke(el);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(window.__cdaHacked, 'no script ran').to.equal(undefined);
    expect(markupIn(el)).to.deep.equal([]);
    expect(text(part(el, 'other'))).to.contain('Paragraphe avec gestionnaires');
    const links = [...el.shadowRoot!.querySelectorAll('a')].map((a) => a.href);
    expect(links).to.deep.equal(['https://example.org/ok']);
    expect(foreign(await requests.stop())).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('renders a FHIR IPS Bundle’s hostile narratives inert', async () => {
    const requests = recordRequests();
    await storeSummary(sandbox.server.store, await hostileIps(), {
      contentType: 'application/fhir+json',
      date: '2026-11-20T10:00:00+01:00',
    });
    const el = await card(clientAs(sandbox.server.baseUrl, users.weber), patients.jean.id);
    await settled(el);
    poke(el);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(window.__ipsHacked, 'no script ran').to.equal(undefined);
    expect(markupIn(el)).to.deep.equal([]);
    // The words stay; scripts, frames and styles go; an image is its description.
    expect(section(el, 'allergies')).to.contain('Penicillin anaphylaxis');
    expect(section(el, 'allergies')).to.contain('hidden picture');
    expect(section(el, 'allergies')).not.to.contain('__ipsHacked');
    expect(el.shadowRoot!.querySelector('[part~="section-allergies"] .cda-bold')).not.to.equal(
      null,
    );
    expect(section(el, 'problems')).to.contain('javascript link');
    expect(section(el, 'problems')).to.contain('data link');
    const links = [...el.shadowRoot!.querySelectorAll('a')];
    expect(links.map((a) => a.href)).to.deep.equal(['https://example.org/ok']);
    expect(links[0]!.rel).to.equal('noopener noreferrer');
    // Escaped markup is text.
    expect(section(el, 'medication')).to.contain('<script>window.__ipsHacked = "escaped"</script>');
    expect(section(el, 'medication')).not.to.contain('@import');
    expect(foreign(await requests.stop())).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  const refused: readonly [string, () => Promise<[Uint8Array, string]>][] = [
    [
      'an external entity (XXE) in a CDA',
      async () => [await testFile('cda/fixtures/xxe.xml'), 'text/xml'],
    ],
    [
      'an entity-expansion bomb in a CDA',
      async () => [await testFile('cda/fixtures/entity-bomb.xml'), 'text/xml'],
    ],
    [
      'an external entity in an IPS narrative',
      async () => {
        const bundle = JSON.parse(
          new TextDecoder().decode(
            await testFile('patient-summary/fixtures/ips-bundle-minimal.json'),
          ),
        ) as { entry: { resource: { section: { text: { div: string } }[] } }[] };
        bundle.entry[0]!.resource.section[0]!.text.div =
          '<!DOCTYPE div [<!ENTITY x SYSTEM "https://evil.example/secret">]><div xmlns="http://www.w3.org/1999/xhtml">&x;</div>';
        return [utf8(JSON.stringify(bundle)), 'application/fhir+json'];
      },
    ],
  ];

  for (const [name, make] of refused) {
    it(`reads nothing of ${name}, and offers the download`, async () => {
      const requests = recordRequests();
      const [bytes, contentType] = await make();
      await storeSummary(sandbox.server.store, bytes, {
        contentType,
        date: '2026-11-20T10:00:00+01:00',
      });
      const el = await card(clientAs(sandbox.server.baseUrl, users.weber), patients.jean.id);
      await settled(el);
      expect(text(part(el, 'unreadable'))).to.contain('a format this view cannot show');
      expect(text(part(el, 'download'))).to.equal('Download the document');
      expect(foreign(await requests.stop())).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  }
});
