// <dsp-document-preview> and content on another origin: fetched only from the client's
// `contentOrigins`; anywhere else nothing is requested and the panel says which host it will not
// contact, in each language, with no retry.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { staticTokenProvider } from '@dsp-kit/auth';
import { DspClient, type DocumentReference } from '@dsp-kit/fhir';
import { fixtures, mockToken } from '@dsp-kit/mock';
import { startSandbox, type Sandbox } from '@dsp-kit/mock/browser';
import type { DspDocumentPreview } from '../src/define/dsp-document-preview.js';
import type { DspErrorEvent } from '../src/events.js';
import '../src/define/dsp-document-preview.js';
import { part, settled, text } from './document-preview.helpers.js';

const { documents, users } = fixtures;
const FILES = 'https://files.example.test';
let sandbox: Sandbox;

/**
 * A client signed in as Dr Weber that records every request it sends (URL and Authorization)
 * and answers those for `FILES` itself, as a file server the host trusts would.
 */
function weber(contentOrigins?: string[]) {
  const sent: { url: string; authorization: string | null }[] = [];
  const client = new DspClient({
    baseUrl: sandbox.server.baseUrl,
    tokens: staticTokenProvider(mockToken(users.weber)),
    retry: false,
    ...(contentOrigins ? { contentOrigins } : {}),
    fetch: (input, init) => {
      const request = new Request(input, init);
      sent.push({ url: request.url, authorization: request.headers.get('authorization') });
      if (request.url.startsWith(`${FILES}/`)) {
        return Promise.resolve(
          new Response('Compte rendu hébergé à part', {
            headers: { 'Content-Type': 'text/plain; charset=utf-8' },
          }),
        );
      }
      return fetch(request);
    },
  });
  return { client, sent };
}

/** Marie's summary, with its content at `url`. */
function hostedAt(url: string, contentType = 'text/plain'): DocumentReference {
  const template = structuredClone(documents.summary) as DocumentReference;
  return {
    ...template,
    content: [{ attachment: { url, contentType, title: 'Compte rendu externe' } }],
  };
}

before(async () => {
  sandbox = await startSandbox();
});
after(() => sandbox.stop());

describe('<dsp-document-preview> and content on another origin', () => {
  const tracker = 'https://tracker.example:8443/pixel?doc=42';

  // What each catalog must say: the panel's failure, then the host it will not contact.
  const expected = {
    fr: 'Le document n’a pas pu être affiché. Il est hébergé sur tracker.example:8443, un serveur que ce site n’est pas autorisé à contacter : il n’a pas été chargé.',
    de: 'Das Dokument konnte nicht angezeigt werden. Es liegt auf tracker.example:8443, einem Server, den diese Website nicht kontaktieren darf; es wurde daher nicht geladen.',
    en: 'The document could not be shown. It is stored on tracker.example:8443, a server this site is not allowed to contact, so it was not loaded.',
    lb: 'D’Dokument konnt net gewise ginn. Et läit op tracker.example:8443, engem Server, deen dëse Site net kontaktéiere dierf; dofir gouf et net gelueden.',
  };

  for (const [lang, sentence] of Object.entries(expected)) {
    it(`contacts nothing and names the host, without a retry (${lang})`, async () => {
      const { client, sent } = weber([FILES]);
      const el = await fixture<DspDocumentPreview>(
        html`<dsp-document-preview
          .client=${client}
          .document=${hostedAt(tracker)}
          lang=${lang}
        ></dsp-document-preview>`,
      );
      await settled(el, 'text');
      const error = part(el, 'error');
      expect(error, 'the error state').to.exist;
      expect(error!.getAttribute('role')).to.equal('alert');
      expect(text(error)).to.equal(sentence);
      expect(el.shadowRoot!.querySelectorAll('button')).to.have.length(0, 'no retry, no download');
      expect(sent).to.deep.equal([], 'no request at all');
      await expect(el).to.be.accessible();
    });
  }

  it('reports the refusal as a validation error', async () => {
    const { client } = weber();
    const el = document.createElement('dsp-document-preview');
    el.client = client;
    el.document = hostedAt(tracker);
    const reported = oneEvent<DspErrorEvent>(el, 'dsp-error');
    document.body.append(el);
    try {
      expect((await reported).detail).to.deep.equal({ kind: 'validation' });
    } finally {
      el.remove();
    }
  });

  it('explains the refusal when a download is asked for a type it does not show', async () => {
    const { client, sent } = weber();
    const el = await fixture<DspDocumentPreview>(
      html`<dsp-document-preview
        .client=${client}
        .document=${hostedAt(tracker, 'text/html')}
        lang="en"
      ></dsp-document-preview>`,
    );
    await settled(el, 'download');
    part(el, 'download')!.click();
    await waitUntil(() => part(el, 'error'), 'no error after the download');
    expect(text(part(el, 'error'))).to.equal(expected.en);
    expect(el.shadowRoot!.querySelectorAll('button')).to.have.length(0);
    expect(sent).to.deep.equal([]);
  });

  it('loads content from an allowed origin, without the token', async () => {
    const { client, sent } = weber([FILES]);
    const el = await fixture<DspDocumentPreview>(
      html`<dsp-document-preview
        .client=${client}
        .document=${hostedAt(`${FILES}/reports/42.txt`)}
      ></dsp-document-preview>`,
    );
    await settled(el, 'text');
    expect(part(el, 'text')!.textContent).to.equal('Compte rendu hébergé à part');
    expect(sent).to.deep.equal([{ url: `${FILES}/reports/42.txt`, authorization: null }]);
  });

  it('still sends the token for content under the FHIR base', async () => {
    const { client, sent } = weber();
    const el = await fixture<DspDocumentPreview>(
      html`<dsp-document-preview
        .client=${client}
        .document=${documents.bloodTest}
      ></dsp-document-preview>`,
    );
    await settled(el, 'text');
    expect(sent).to.have.length(1);
    expect(sent[0]!.authorization).to.equal(`Bearer ${mockToken(users.weber)}`);
  });
});
