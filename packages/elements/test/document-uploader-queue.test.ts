// <dsp-document-uploader> when the network fails: automatic attempts with backoff and the events
// that say so, cancel, offline → online, reloads with a queued upload, and never a duplicate.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { DspCache, kitDatabaseName } from '@dsp-kit/fhir/cache';
import type {
  DspDocumentUploadedEvent,
  DspUploadFailedEvent,
  DspUploadProgressEvent,
} from '../src/document-uploader/document-uploader.events.js';
import type { DspErrorEvent } from '../src/events.js';
import {
  as,
  chooseType,
  choose,
  documentCount,
  enter,
  field,
  otherPdf,
  pdfFile,
  rows,
  sandbox,
  settled,
  statusOf,
  storedFor,
  uploader,
  users,
  useSandbox,
} from './document-uploader.helpers.js';

useSandbox();

function failures(el: HTMLElement): DspUploadFailedEvent['detail'][] {
  const seen: DspUploadFailedEvent['detail'][] = [];
  el.addEventListener('dsp-upload-failed', (e) => seen.push(e.detail));
  return seen;
}

/** Pretends the browser is offline while `during` runs. */
async function offline<T>(during: () => Promise<T>): Promise<T> {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  try {
    return await during();
  } finally {
    // Back to the prototype's getter.
    delete (navigator as { onLine?: boolean }).onLine;
  }
}

describe('<dsp-document-uploader> on a failing network', () => {
  it('tries again by itself after a lost answer: one document on the server', async () => {
    const el = await uploader({ retries: 2 });
    const id = await el.add(pdfFile(), { typeCode: 'resume-patient', title: 'Bilan' });
    const failed = failures(el);
    const before = documentCount();
    sandbox().useScenario('lostResponseAfterWrite');
    const uploaded = oneEvent<DspDocumentUploadedEvent>(el, 'dsp-document-uploaded');
    const [result] = await el.submit();
    expect(result!.status).to.equal('sent');
    expect((await uploaded).detail.id).to.equal(id);
    expect(failed).to.deep.equal([{ id, kind: 'network', retrying: true }]);
    expect(documentCount()).to.equal(before + 1);
    expect(storedFor(id)).to.have.length(1);
    expect(statusOf(rows(el)[0]!)).to.equal('sent');
  });

  it('waits, then tries again while the server is busy; the row says so', async () => {
    const el = await uploader({ retries: 3, retryDelay: 300 });
    const id = await el.add(otherPdf(), { typeCode: 'resume-patient' });
    const [row] = rows(el);
    const failed = failures(el);
    sandbox().useScenario('unavailableBurst');
    const sending = el.submit();
    await waitUntil(() => statusOf(row!) === 'retrying', 'the row does not say it will try again');
    // Retry-After: 1 is longer than the backoff (150–300 ms): the row names the server's wait.
    expect(row!.querySelector('[part~="status"]')?.textContent.trim()).to.equal(
      'Server busy — trying again in 1 second.',
    );
    expect(row!.querySelector('button[name="cancel"]')).to.exist;
    await expect(el).to.be.accessible();
    const [result] = await sending;
    expect(result!.status).to.equal('sent');
    expect(failed).to.deep.equal([
      { id, kind: 'http', status: 503, retrying: true },
      { id, kind: 'http', status: 503, retrying: true },
    ]);
    expect(storedFor(id)).to.have.length(1);
  });

  it('waits as long as the busy server’s Retry-After asks, not its own shorter backoff', async () => {
    // A backoff of 10–40 ms; the server answers the first two sends 503 with `Retry-After: 1`.
    const el = await uploader({ retries: 3, retryDelay: 20 });
    const id = await el.add(otherPdf(), { typeCode: 'resume-patient' });
    const failed = failures(el);
    const server = sandbox().server;
    const handle = server.handle.bind(server);
    // When each send reached the server: only the sends, not other reads.
    const sends: number[] = [];
    server.handle = (request) => {
      if (request.method === 'POST') sends.push(performance.now());
      return handle(request);
    };
    sandbox().useScenario('unavailableBurst');
    try {
      const [result] = await el.submit();
      expect(result!.status).to.equal('sent');
    } finally {
      server.handle = handle;
    }
    expect(failed).to.deep.equal([
      { id, kind: 'http', status: 503, retrying: true },
      { id, kind: 'http', status: 503, retrying: true },
    ]);
    expect(sends).to.have.length(3);
    // Each send after a 503 started at least the asked second after the one refused.
    expect(sends[1]! - sends[0]!, 'the second send came before Retry-After').to.be.at.least(1000);
    expect(sends[2]! - sends[1]!, 'the third send came before Retry-After').to.be.at.least(1000);
    expect(storedFor(id)).to.have.length(1);
  });

  it('never tries a refusal again by itself', async () => {
    const el = await uploader({ user: users.marie, retries: 3 });
    const id = await el.add(otherPdf(), { typeCode: 'resume-patient' });
    const failed = failures(el);
    const error = oneEvent<DspErrorEvent>(el, 'dsp-error');
    const [result] = await el.submit();
    expect(result!.status).to.equal('failed');
    expect((await error).detail).to.deep.equal({ kind: 'http', status: 422 });
    expect(failed).to.deep.equal([{ id, kind: 'http', status: 422, retrying: false }]);
    expect(el.items[0]!.sendRequested).to.equal(false);
  });

  it('gives up after its attempts, keeps the file, and sends it once when back online', async () => {
    const el = await uploader({ queueUser: 'sub-weber', retries: 1, retryDelay: 100 });
    const id = await el.add(otherPdf(), { typeCode: 'resume-patient', title: 'Bilan' });
    const [row] = rows(el);
    const failed = failures(el);
    const before = documentCount();
    sandbox().useScenario('offline');
    const error = oneEvent<DspErrorEvent>(el, 'dsp-error');
    const [result] = await el.submit();
    expect(result!.status).to.equal('failed');
    expect((await error).detail.kind).to.equal('network');
    expect(failed.map((f) => f.retrying)).to.deep.equal([true, false]);
    await el.updateComplete;
    expect(statusOf(row!)).to.equal('failed');
    const status = row!.querySelector('[part~="status"]')!;
    expect(status.getAttribute('role')).to.equal('status');
    expect(status.textContent).to.contain('Waiting for the network');
    expect(row!.querySelector('[part~="error"]')?.textContent).to.contain('cannot be reached');
    expect(field(row!, 'title').value).to.equal('Bilan');
    await expect(el).to.be.accessible();

    sandbox().clearScenario();
    const uploaded = oneEvent<DspDocumentUploadedEvent>(el, 'dsp-document-uploaded');
    window.dispatchEvent(new Event('online'));
    expect((await uploaded).detail.id).to.equal(id);
    await settled(el);
    expect(statusOf(row!)).to.equal('sent');
    expect(documentCount()).to.equal(before + 1);
  });

  it('waits without trying while the browser is offline, then sends on `online`', async () => {
    const el = await uploader();
    const id = await el.add(otherPdf(), { typeCode: 'resume-patient' });
    const [row] = rows(el);
    const failed = failures(el);
    const before = documentCount();
    const [result] = await offline(async () => {
      const results = await el.submit();
      await el.updateComplete;
      expect(statusOf(row!)).to.equal('waiting');
      expect(row!.querySelector('[part~="status"]')!.textContent).to.contain(
        'Waiting for the network',
      );
      await expect(el).to.be.accessible();
      return results;
    });
    expect(result).to.deep.equal({ id, status: 'waiting' });
    expect(failed).to.deep.equal([{ id, kind: 'network', retrying: true }]);
    expect(documentCount()).to.equal(before);
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => el.items[0]?.status === 'sent', 'not sent when back online');
    expect(documentCount()).to.equal(before + 1);
  });

  it('cancels a file being sent, keeps it, and sends it once when asked again', async () => {
    const el = await uploader();
    const id = await el.add(otherPdf(), { typeCode: 'resume-patient', title: 'Bilan' });
    const [row] = rows(el);
    sandbox().useScenario('slowNetwork');
    const sending = el.submit();
    await waitUntil(() => statusOf(row!) === 'sending', 'not sending');
    row!.querySelector<HTMLButtonElement>('button[name="cancel"]')!.click();
    const [result] = await sending;
    await el.updateComplete;
    expect(result).to.deep.equal({ id, status: 'cancelled' });
    expect(statusOf(row!)).to.equal('cancelled');
    expect(field(row!, 'title').value).to.equal('Bilan');
    expect(field(row!, 'title').disabled).to.equal(false);
    await expect(el).to.be.accessible();
    // The cancelled request may still have reached the server: sending again creates nothing twice.
    sandbox().clearScenario();
    await new Promise((resolve) => setTimeout(resolve, 1600));
    row!.querySelector<HTMLButtonElement>('button[name="retry"]')!.click();
    await waitUntil(() => statusOf(row!) === 'sent', 'not sent after retry');
    expect(storedFor(id)).to.have.length(1);
  });

  it('cancels the wait before the next attempt: no further attempt', async () => {
    const el = await uploader({ retries: 3, retryDelay: 60_000 });
    const id = await el.add(otherPdf(), { typeCode: 'resume-patient' });
    const [row] = rows(el);
    sandbox().useScenario('offline');
    const sending = el.submit();
    await waitUntil(() => statusOf(row!) === 'retrying', 'not waiting to try again');
    sandbox().clearScenario();
    row!.querySelector<HTMLButtonElement>('button[name="cancel"]')!.click();
    expect((await sending)[0]).to.deep.equal({ id, status: 'cancelled' });
    expect(el.items[0]!.sendRequested).to.equal(false);
    expect(storedFor(id)).to.have.length(0);
  });

  it('cancels a large file’s hashing, then checks it again on retry', async () => {
    const el = await uploader({ maxSize: 512 * 1024 * 1024 });
    const big = new Uint8Array(160 * 1024 * 1024);
    big.set([0x25, 0x50, 0x44, 0x46, 0x2d]); // %PDF-
    const hashing = oneEvent<DspUploadProgressEvent>(el, 'dsp-upload-progress');
    choose(el, new File([big], 'scanner.pdf'));
    // The first slice of 4 MiB is hashed: about 40 to go.
    expect((await hashing).detail.phase).to.equal('hashing');
    await el.updateComplete;
    const [row] = rows(el);
    expect(statusOf(row!)).to.equal('hashing');
    row!.querySelector<HTMLButtonElement>('button[name="cancel"]')!.click();
    await waitUntil(() => statusOf(row!) === 'cancelled', 'hashing not cancelled');
    expect(el.items[0]!.hash).to.equal(undefined);
    await expect(el).to.be.accessible();
    row!.querySelector<HTMLButtonElement>('button[name="retry"]')!.click();
    await settled(el, 30_000);
    expect(el.items[0]!.hash).to.be.a('string');
    expect(statusOf(row!)).to.equal('invalid'); // it has no type yet
  });

  it('lists the queue again after a reload, same identifiers and metadata, and sends it once', async () => {
    const first = await uploader({ queueUser: 'sub-weber' });
    choose(first, pdfFile());
    await settled(first);
    const [row] = rows(first);
    await chooseType(first, row!, 'resume-patient');
    await enter(first, row!, 'title', 'Bilan de juin');
    const { documentUuid, submissionUuid } = first.items[0]!;
    await first.queueStored();
    first.remove();

    const el = await uploader({ queueUser: 'sub-weber' });
    await waitUntil(() => el.items.length === 1, 'the queue was not restored');
    await settled(el);
    const [again] = rows(el);
    expect(el.items[0]!.documentUuid).to.equal(documentUuid);
    expect(el.items[0]!.submissionUuid).to.equal(submissionUuid);
    expect(field(again!, 'title').value).to.equal('Bilan de juin');
    expect(field(again!, 'type').value).to.equal('Patient summaries');
    expect(statusOf(again!)).to.equal('ready');
    await expect(el).to.be.accessible();
    await el.submit();
    expect(statusOf(again!)).to.equal('sent');
    expect(storedFor(documentUuid)).to.have.length(1);
    await el.queueStored();
    el.remove();

    // A sent file has left the queue; another user's queue is their own.
    const later = await uploader({ queueUser: 'sub-weber' });
    const other = await uploader({ queueUser: 'sub-someone-else' });
    choose(other, pdfFile('other.pdf'));
    await other.queueStored();
    await new Promise((r) => setTimeout(r, 200));
    expect(later.items).to.have.length(0);
  });

  it('after a reload, sends by itself a file the network had stopped, exactly once', async () => {
    const first = await uploader({ queueUser: 'sub-weber' });
    const id = await first.add(otherPdf(), { typeCode: 'resume-patient' });
    sandbox().useScenario('offline');
    await first.submit();
    expect(first.items[0]!.status).to.equal('failed');
    await first.queueStored();
    first.remove();
    sandbox().clearScenario();

    const uploaded: string[] = [];
    const el = await uploader({ queueUser: 'sub-weber' });
    el.addEventListener('dsp-document-uploaded', (e) => uploaded.push(e.detail.id));
    await waitUntil(() => el.items[0]?.status === 'sent', 'the restored file was not sent', {
      timeout: 8000,
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(uploaded).to.deep.equal([id]);
    expect(storedFor(id)).to.have.length(1);
  });

  it('after a reload in the middle of sending, sends it again by itself: still one document', async () => {
    const first = await uploader({ queueUser: 'sub-weber' });
    const id = await first.add(otherPdf(), { typeCode: 'resume-patient' });
    sandbox().useScenario('slowNetwork');
    void first.submit();
    await waitUntil(() => first.items[0]?.status === 'sending', 'not sending');
    await first.queueStored();
    // The page goes away while the request is on its way; the server still gets it.
    first.remove();
    const el = await uploader({ queueUser: 'sub-weber' });
    await waitUntil(() => el.items[0]?.status === 'sent', 'the interrupted file was not sent', {
      timeout: 8000,
    });
    await new Promise((r) => setTimeout(r, 1600));
    expect(storedFor(id)).to.have.length(1);
  });

  it('DspCache.clearAll() deletes the queue database', async () => {
    const el = await uploader({ queueUser: 'sub-weber' });
    choose(el, pdfFile());
    await settled(el);
    await el.queueStored();
    const name = await kitDatabaseName('upload-queue', as(users.weber).baseUrl.href, 'sub-weber');
    const names = async () => (await indexedDB.databases()).map((d) => d.name);
    expect(await names()).to.include(name);
    await DspCache.clearAll();
    expect(await names()).to.not.include(name);
  });
});
