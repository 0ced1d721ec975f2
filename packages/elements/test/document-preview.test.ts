// <dsp-document-preview> against the mock DSP server (msw's real service worker): each content
// type previewed the safe way, HTML never rendered, integrity, progress and cancel, and the
// warning before a document hidden from the patient.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { staticTokenProvider } from '@dsp-kit/auth';
import { DspClient, sha1Base64 } from '@dsp-kit/fhir';
import { fixtures, mockToken, sampleFiles } from '@dsp-kit/mock';
import { startSandbox, type Sandbox } from '@dsp-kit/mock/browser';
import type { DspDocumentPreview } from '../src/define/dsp-document-preview.js';
import type { DspErrorEvent } from '../src/events.js';
import '../src/define/dsp-document-preview.js';
import { part, putDocument, settled, text } from './document-preview.helpers.js';

const { documents, users } = fixtures;
let sandbox: Sandbox;

/** A client signed in as Dr Weber (Marie's référent), recording every URL it requests. */
function weber(): { client: DspClient; urls: string[] } {
  const urls: string[] = [];
  const client = new DspClient({
    baseUrl: sandbox.server.baseUrl,
    tokens: staticTokenProvider(mockToken(users.weber)),
    retry: false,
    fetch: (input, init) => {
      urls.push(input instanceof Request ? input.url : String(input));
      return fetch(input, init);
    },
  });
  return { client, urls };
}

function button(el: Element, label: string): HTMLButtonElement {
  const found = [...el.shadowRoot!.querySelectorAll('button')].find((b) => text(b) === label);
  if (!found) throw new Error(`no button "${label}"`);
  return found;
}

function sample(contentType: string) {
  const file = sampleFiles().find((f) => f.contentType === contentType);
  if (!file) throw new Error(`no sample ${contentType}`);
  return file;
}

/** Whether a blob URL was revoked (fetching it then fails). */
async function revoked(url: string): Promise<boolean> {
  return fetch(url).then(
    () => false,
    () => true,
  );
}

function contentRequests(urls: readonly string[]): string[] {
  return urls.filter((url) => url.includes('/Binary/'));
}

/** Replaces anchor clicks (downloads) by a record of their href and file name. */
function recordDownloads(): { saved: { href: string; download: string }[]; restore(): void } {
  const saved: { href: string; download: string }[] = [];
  const descriptor = Object.getOwnPropertyDescriptor(HTMLAnchorElement.prototype, 'click');
  Object.defineProperty(HTMLAnchorElement.prototype, 'click', {
    configurable: true,
    value(this: HTMLAnchorElement) {
      saved.push({ href: this.href, download: this.download });
    },
  });
  return {
    saved,
    restore: () => {
      if (descriptor) Object.defineProperty(HTMLAnchorElement.prototype, 'click', descriptor);
      else delete (HTMLAnchorElement.prototype as { click?: unknown }).click;
    },
  };
}

before(async () => {
  sandbox = await startSandbox();
});
after(() => sandbox.stop());

describe('<dsp-document-preview>', () => {
  beforeEach(async () => {
    sandbox.clearScenario();
    await sandbox.reset();
  });

  it('shows a text document as its exact text, with its metadata', async () => {
    const { client } = weber();
    const el = await fixture<DspDocumentPreview>(
      html`<dsp-document-preview
        .client=${client}
        .document=${documents.bloodTest}
      ></dsp-document-preview>`,
    );
    await settled(el, 'text');
    const pre = part(el, 'text')!;
    expect(pre.localName).to.equal('pre');
    expect(pre.textContent).to.equal(
      'Bilan sanguin complet\nHémoglobine 13,8 g/dl\nCholestérol total 1,92 g/l\n',
    );
    const header = text(part(el, 'header'));
    expect(header).to.contain('Bilan sanguin complet');
    expect(header).to.contain("Résultats d'examens biologiques");
    expect(header).to.contain('2 octobre 2026');
    expect(header).to.contain('par Laboratoire national de santé');
    expect(header).to.contain('73 octets');
    expect(text(part(el, 'marks'))).to.contain('Confidentialité : Normal');
    expect(part(el, 'download')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('reads the document itself from its document-id', async () => {
    const { client, urls } = weber();
    const el = await fixture<DspDocumentPreview>(
      html`<dsp-document-preview
        .client=${client}
        document-id=${documents.cardiology.id}
      ></dsp-document-preview>`,
    );
    await settled(el, 'text');
    expect(part(el, 'text')!.textContent).to.equal(
      'Échocardiographie transthoracique\nFEVG conservée (62 %). Pas de valvulopathie.\n',
    );
    expect(text(part(el, 'header'))).to.contain('Échocardiographie transthoracique');
    expect(text(part(el, 'marks'))).to.contain('Restreint');
    expect(urls.some((u) => u.endsWith(`/DocumentReference/${documents.cardiology.id}`))).to.be
      .true;
  });

  it('shows an image in an <img> of a blob URL, with the title as alt text', async () => {
    const png = sample('image/png');
    const doc = await putDocument(sandbox.server.store, 'image/png', png.bytes, {
      title: png.title,
    });
    const el = await fixture<DspDocumentPreview>(
      html`<dsp-document-preview
        .client=${weber().client}
        .document=${doc}
      ></dsp-document-preview>`,
    );
    await settled(el, 'image');
    const img = part(el, 'image') as HTMLImageElement;
    expect(img.localName).to.equal('img');
    expect(img.getAttribute('src')).to.match(/^blob:/);
    expect(img.alt).to.equal(png.title);
    await waitUntil(() => img.complete && img.naturalWidth > 0, 'the image did not decode');
    expect(img.naturalWidth).to.equal(160);
    await expect(el).to.be.accessible();
  });

  it('shows a PDF as its pages drawn by PDF.js, and offers the download (English)', async () => {
    const pdf = sample('application/pdf');
    const doc = await putDocument(sandbox.server.store, 'application/pdf', pdf.bytes, {
      title: pdf.title,
    });
    const el = await fixture<DspDocumentPreview>(
      html`<dsp-document-preview
        .client=${weber().client}
        .document=${doc}
        lang="en"
      ></dsp-document-preview>`,
    );
    await settled(el, 'pages', 'frame');
    const page = part(el, 'page') as HTMLCanvasElement;
    expect(page.localName).to.equal('canvas');
    expect(page.getAttribute('aria-label')).to.equal(`Page 1 of 2, ${pdf.title}`);
    expect(part(el, 'frame'), 'no frame when PDF.js draws the pages').to.be.null;
    expect(el.shadowRoot!.querySelector('iframe, object, embed')).to.be.null;
    expect(text(part(el, 'download'))).to.equal('Download');
    expect(text(part(el, 'header'))).to.contain('1.9 kB');
    expect(text(part(el, 'marks'))).to.contain('Confidentiality: Normal');

    const downloads = recordDownloads();
    try {
      part(el, 'download')!.click();
      await waitUntil(() => downloads.saved.length > 0);
    } finally {
      downloads.restore();
    }
    expect(downloads.saved[0]!.download).to.equal('Résumé patient.pdf');
    expect(downloads.saved[0]!.href).to.match(/^blob:/);
  });

  it('never renders nor runs an HTML attachment, and offers it as a download only', async () => {
    const page = new TextEncoder().encode('<script>window.pwned=true</script><h1>Piège</h1>');
    const doc = await putDocument(sandbox.server.store, 'text/html', page, {
      title: '../../etc/Piège\u0007',
    });
    const { client, urls } = weber();
    const el = await fixture<DspDocumentPreview>(
      html`<dsp-document-preview .client=${client} .document=${doc}></dsp-document-preview>`,
    );
    await settled(el, 'content');
    expect(text(part(el, 'content'))).to.contain(
      'Ce type de document ne peut pas être affiché ici',
    );
    expect(el.shadowRoot!.querySelector('iframe, img, pre, object, embed, script, h1')).to.be.null;
    expect(contentRequests(urls)).to.have.length(0);
    await expect(el).to.be.accessible();

    const downloads = recordDownloads();
    try {
      part(el, 'download')!.click();
      await waitUntil(() => downloads.saved.length > 0, 'nothing was downloaded');
    } finally {
      downloads.restore();
    }
    expect(downloads.saved[0]!.download).to.equal('etc-Piège.html');
    expect(downloads.saved[0]!.href).to.match(/^blob:/);
    expect(contentRequests(urls)).to.have.length(1);
    expect(el.shadowRoot!.querySelector('iframe, img, pre, h1')).to.be.null;
    expect((window as unknown as { pwned?: boolean }).pwned).to.be.undefined;
  });

  it('shows markup in a text document as literal text', async () => {
    const markup = '<img src=x onerror=alert(1)>';
    const doc = await putDocument(
      sandbox.server.store,
      'text/plain',
      new TextEncoder().encode(markup),
    );
    const el = await fixture<DspDocumentPreview>(
      html`<dsp-document-preview
        .client=${weber().client}
        .document=${doc}
      ></dsp-document-preview>`,
    );
    await settled(el, 'text');
    expect(part(el, 'text')!.textContent).to.equal(markup);
    expect(el.shadowRoot!.querySelector('img')).to.be.null;
  });

  it('decodes text in the charset its content type names', async () => {
    const latin1 = Uint8Array.from([0x45, 0x73, 0x63, 0x68, 0x2d, 0xe9, 0x74, 0xe9]); // Esch-été
    const doc = await putDocument(sandbox.server.store, 'text/plain; charset=iso-8859-1', latin1);
    const el = await fixture<DspDocumentPreview>(
      html`<dsp-document-preview
        .client=${weber().client}
        .document=${doc}
      ></dsp-document-preview>`,
    );
    await settled(el, 'text');
    expect(part(el, 'text')!.textContent).to.equal('Esch-été');
  });

  it('shows the integrity error when the content does not match its hash', async () => {
    const bytes = new TextEncoder().encode('Compte rendu\n');
    const doc = await putDocument(sandbox.server.store, 'text/plain', bytes, {
      title: 'Compte rendu altéré',
      hash: await sha1Base64(new TextEncoder().encode('Autre chose\n')),
    });
    const el = await fixture<DspDocumentPreview>(
      html`<dsp-document-preview .client=${weber().client}></dsp-document-preview>`,
    );
    const failed = new Promise<DspErrorEvent>((resolve) => {
      el.addEventListener('dsp-error', resolve, { once: true });
    });
    el.document = doc;
    const event = await failed;
    expect(event.detail.kind).to.equal('integrity');
    await settled(el, 'error');
    expect(text(part(el, 'error'))).to.contain('Le document reçu est altéré');
    expect(part(el, 'text')).to.be.null;
    expect(button(el, 'Réessayer')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('shows the server’s refusal for a document it will not give', async () => {
    const el = await fixture<DspDocumentPreview>(
      html`<dsp-document-preview
        .client=${weber().client}
        document-id="doc-that-does-not-exist"
      ></dsp-document-preview>`,
    );
    await settled(el, 'error');
    expect(text(part(el, 'error'))).to.contain('Introuvable sur le serveur.');
    expect(part(el, 'error')!.querySelector('button'), 'a retry after a 404').to.equal(null);
  });

  it('shows progress, and cancels to a cancelled state that can load again', async () => {
    sandbox.useScenario('slowDownload');
    const el = await fixture<DspDocumentPreview>(
      html`<dsp-document-preview
        .client=${weber().client}
        .document=${documents.bloodTest}
      ></dsp-document-preview>`,
    );
    await settled(el, 'progress');
    const progress = part(el, 'progress')!.querySelector('progress')!;
    const status = part(el, 'progress')!.querySelector('[role="status"]')!;
    expect(status.getAttribute('aria-live')).to.equal('polite');
    await waitUntil(() => progress.value > 0, 'no progress reported', { timeout: 3000 });
    expect(progress.max).to.equal(documents.bloodTest.content[0]!.attachment.size);
    expect(text(status)).to.match(/^\d+ % chargés$/);
    await expect(el).to.be.accessible();

    button(el, 'Annuler').click();
    await settled(el, 'content');
    expect(text(part(el, 'content'))).to.contain('Le chargement a été annulé.');
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(part(el, 'text')).to.be.null;
    expect(part(el, 'progress')).to.be.null;

    sandbox.clearScenario();
    button(el, 'Reprendre le chargement').click();
    await settled(el, 'text');
    expect(part(el, 'text')!.textContent).to.contain('Bilan sanguin complet');
  });

  it('cancel() stops the download', async () => {
    sandbox.useScenario('slowDownload');
    const el = await fixture<DspDocumentPreview>(
      html`<dsp-document-preview
        .client=${weber().client}
        .document=${documents.summary}
      ></dsp-document-preview>`,
    );
    await settled(el, 'progress');
    el.cancel();
    await settled(el, 'content');
    expect(text(part(el, 'content'))).to.contain('annulé');
  });

  it('warns before opening a document hidden from the patient, and asks nothing before', async () => {
    const { client, urls } = weber();
    const el = await fixture<DspDocumentPreview>(
      html`<dsp-document-preview
        .client=${client}
        .document=${documents.hidden}
        confirm-hidden
      ></dsp-document-preview>`,
    );
    await settled(el, 'warning');
    expect(text(part(el, 'warning'))).to.contain('Document caché au patient');
    expect(text(part(el, 'marks'))).to.contain('Caché au patient');
    expect(part(el, 'download')).to.be.null;
    await expect(el).to.be.accessible();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(urls).to.have.length(0);

    await el.download();
    expect(urls).to.have.length(0);

    button(el, 'Ouvrir quand même').click();
    await settled(el, 'text');
    expect(part(el, 'text')!.textContent).to.contain('À annoncer en consultation.');
    expect(contentRequests(urls)).to.have.length(1);
  });

  it('reads a hidden document by id but asks for its content only after the confirmation', async () => {
    const { client, urls } = weber();
    const el = await fixture<DspDocumentPreview>(
      html`<dsp-document-preview
        .client=${client}
        document-id=${documents.hidden.id}
        confirm-hidden
        lang="en"
      ></dsp-document-preview>`,
    );
    await settled(el, 'warning');
    expect(urls).to.have.length(1);
    expect(contentRequests(urls)).to.have.length(0);
    expect(text(part(el, 'warning'))).to.contain('Document hidden from the patient');
    button(el, 'Open anyway').click();
    await settled(el, 'text');
    expect(contentRequests(urls)).to.have.length(1);
  });

  it('opens a hidden document at once without confirm-hidden', async () => {
    const el = await fixture<DspDocumentPreview>(
      html`<dsp-document-preview
        .client=${weber().client}
        .document=${documents.hidden}
      ></dsp-document-preview>`,
    );
    await settled(el, 'text', 'warning');
    expect(part(el, 'warning')).to.be.null;
    expect(part(el, 'text')).to.exist;
  });

  it('revokes its blob URL when the document changes and when it leaves the page', async () => {
    const png = sample('image/png');
    const doc = await putDocument(sandbox.server.store, 'image/png', png.bytes, {
      title: png.title,
    });
    const el = await fixture<DspDocumentPreview>(
      html`<dsp-document-preview
        .client=${weber().client}
        .document=${doc}
      ></dsp-document-preview>`,
    );
    await settled(el, 'image');
    const first = part(el, 'image')!.getAttribute('src')!;
    el.document = documents.bloodTest;
    await settled(el, 'text');
    expect(await revoked(first)).to.be.true;

    el.document = doc;
    await settled(el, 'image');
    const second = part(el, 'image')!.getAttribute('src')!;
    expect(second).not.to.equal(first);
    el.remove();
    expect(await revoked(second)).to.be.true;
  });

  it('speaks English with lang="en"', async () => {
    const page = new TextEncoder().encode('<p>x</p>');
    const doc = await putDocument(sandbox.server.store, 'text/html', page, { title: 'Page' });
    const el = await fixture<DspDocumentPreview>(
      html`<dsp-document-preview
        .client=${weber().client}
        .document=${doc}
        lang="en"
      ></dsp-document-preview>`,
    );
    await settled(el, 'content');
    expect(text(part(el, 'content'))).to.contain('This type of document cannot be shown here.');
    expect(text(part(el, 'download'))).to.equal('Download');
    expect(text(part(el, 'header'))).to.contain('by Dr Paul Weber');
  });

  it('says so when it has no document', async () => {
    const el = await fixture<DspDocumentPreview>(
      html`<dsp-document-preview .client=${weber().client}></dsp-document-preview>`,
    );
    expect(text(part(el, 'base'))).to.contain('Aucun document sélectionné.');
    await expect(el).to.be.accessible();
  });
});
