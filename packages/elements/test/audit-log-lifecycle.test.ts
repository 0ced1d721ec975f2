// <dsp-audit-log> words a document's lifecycle as the patient reads it: a correction, a withdrawal
// with its reason, a restore and a change of confidentiality, each in its own sentence, and a read
// refused for the document's confidentiality in her words — against the mock DSP server (msw's
// real service worker), the changes made through DspClient.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { staticTokenProvider } from '@dsp-kit/auth';
import { DspClient, WITHDRAWAL_REASON_EXTENSION } from '@dsp-kit/fhir';
import { fixtures, mockToken } from '@dsp-kit/mock';
import { startSandbox, type Sandbox } from '@dsp-kit/mock/browser';
import type { DspAuditLog } from '../src/define/dsp-audit-log.js';
import '../src/define/dsp-audit-log.js';

const { patients, documents, users } = fixtures;
const marie = patients.marie.id;
let sandbox: Sandbox;

function as(user: string): DspClient {
  return new DspClient({
    baseUrl: sandbox.server.baseUrl,
    tokens: staticTokenProvider(mockToken(user)),
    retry: false,
  });
}

function rows(el: Element): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="row"]')];
}

function text(node: Element): string {
  return node.textContent.replace(/\s+/g, ' ').trim();
}

/** The title the log names a document by: its attachment's, as the fixtures give it. */
function titleOf(document: (typeof documents)[keyof typeof documents]): string {
  return document.content[0]!.attachment.title!;
}

/** Marie's log in `lang`, showing only the updates of documents, once `count` of them show. */
async function updatesLog(count: number, lang = 'fr'): Promise<DspAuditLog> {
  const el = await fixture<DspAuditLog>(
    html`<dsp-audit-log
      .client=${as(users.marie)}
      patient=${marie}
      action="update"
      lang=${lang}
      style="--dsp-audit-log-height: 200rem"
    ></dsp-audit-log>`,
  );
  await waitUntil(() => rows(el).length === count, `${count} updates did not show`, {
    timeout: 5000,
  });
  return el;
}

const reason = 'Certificat établi pour un autre patient';

/** Dr Weber, their author, withdraws the certificate with a reason and corrects the summary. */
async function withdrawAndCorrect(): Promise<void> {
  const weber = as(users.weber);
  await weber.withdrawDocument(documents.certificate.id, reason);
  const { document, etag } = await weber.readDocumentVersioned(documents.summary.id);
  await weber.updateDocument({ ...document, description: 'Résumé patient 2026' }, etag);
}

before(async () => {
  sandbox = await startSandbox();
});
after(() => sandbox.stop());
beforeEach(() => sandbox.reset());

describe('<dsp-audit-log> and the lifecycle of documents', () => {
  it('says who withdrew a document and why, and who corrected one', async () => {
    await withdrawAndCorrect();
    const el = await updatesLog(2);
    // Newest first: the correction, then the withdrawal.
    const [corrected, withdrawn] = rows(el).map(text);
    expect(corrected).to.contain('Dr Paul Weber');
    expect(corrected).to.contain(`a corrigé le document « ${titleOf(documents.summary)} »`);
    expect(withdrawn).to.contain(
      `a retiré le document « ${titleOf(documents.certificate)} » — motif : ${reason}`,
    );
    await expect(el).to.be.accessible();
    // The CSV's details say it too.
    expect(el.csv()).to.contain(`motif : ${reason}`);
  });

  it('words the same entries in English, German and Luxembourgish', async () => {
    await withdrawAndCorrect();
    const certificate = titleOf(documents.certificate);
    const summary = titleOf(documents.summary);
    const expected = {
      en: [
        `corrected the document “${summary}”`,
        `withdrew the document “${certificate}” — reason: ${reason}`,
      ],
      de: [
        `hat das Dokument „${summary}“ korrigiert`,
        `hat das Dokument „${certificate}“ zurückgezogen — Grund: ${reason}`,
      ],
      lb: [
        `huet d’Dokument „${summary}“ korrigéiert`,
        `huet d’Dokument „${certificate}“ zréckgezunn — Grond: ${reason}`,
      ],
    };
    for (const [lang, [corrected, withdrawn]] of Object.entries(expected)) {
      const el = await updatesLog(2, lang);
      const [first, second] = rows(el).map(text);
      expect(first, lang).to.contain(corrected);
      expect(second, lang).to.contain(withdrawn);
      el.remove();
    }
  });

  it('says who restored a withdrawn document', async () => {
    const weber = as(users.weber);
    const withdrawn = await weber.withdrawDocument(documents.certificate.id, reason);
    const { extension, ...document } = withdrawn.document;
    await weber.updateDocument(
      {
        ...document,
        ...(extension?.some((e) => e.url !== WITHDRAWAL_REASON_EXTENSION)
          ? { extension: extension.filter((e) => e.url !== WITHDRAWAL_REASON_EXTENSION) }
          : {}),
        status: 'current',
      },
      withdrawn.etag,
    );
    const el = await updatesLog(2);
    expect(text(rows(el)[0]!)).to.contain(
      `a rétabli le document « ${titleOf(documents.certificate)} »`,
    );
  });

  it('says to which level the patient set a document’s confidentiality', async () => {
    const own = as(users.marie);
    const { etag } = await own.readDocumentVersioned(documents.bloodTest.id);
    await own.setConfidentiality(documents.bloodTest.id, 'R', etag);
    const el = await updatesLog(1);
    // « Restreint » is the vocabulary's French label of v3 Confidentiality R.
    expect(text(rows(el)[0]!)).to.contain(
      `a changé la confidentialité de « ${titleOf(documents.bloodTest)} » en « Restreint »`,
    );
    el.remove();
    const en = await updatesLog(1, 'en');
    expect(text(rows(en)[0]!)).to.contain('to “Restricted”');
  });

  it('gives the patient a read refused for the document’s confidentiality in her words', async () => {
    // Marie's echocardiography is restricted (R); Dr Hansen's is a normal access.
    await as(users.hansen)
      .readDocument(documents.cardiology.id)
      .then(
        () => expect.fail('the read was not refused'),
        () => undefined,
      );
    const el = await fixture<DspAuditLog>(
      html`<dsp-audit-log
        .client=${as(users.marie)}
        patient=${marie}
        action="read"
      ></dsp-audit-log>`,
    );
    await waitUntil(() => rows(el).length === 1, 'the refused read did not show', {
      timeout: 5000,
    });
    const row = text(rows(el)[0]!);
    expect(row).to.contain('Refusé');
    expect(row).to.contain(
      'Ce document avait un niveau de confidentialité que l’accès de ce professionnel ne couvrait pas.',
    );
    // Not the sentence the professional was given.
    expect(row).to.not.contain('Votre accès');
  });
});
