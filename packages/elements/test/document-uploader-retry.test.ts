// <dsp-document-uploader> says when a row waiting for its next automatic attempt tries again: in
// seconds for a short wait, by the clock for a long one, in the page's language — said once in
// the row's announced status, not counted down — and never after a reload.
import { expect, waitUntil } from '@open-wc/testing';
import { UploadStore } from '../src/document-uploader/upload-store.js';
import type { DspDocumentUploader } from '../src/define/dsp-document-uploader.js';
import {
  as,
  otherPdf,
  patients,
  rows,
  sandbox,
  settled,
  statusOf,
  uploader,
  users,
  useSandbox,
} from './document-uploader.helpers.js';

useSandbox();

function statusText(row: Element): string {
  return (row.querySelector('[part~="status"]')?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Sends the row's file while `scenario` holds, and resolves once it waits to try again. */
async function waitingToRetry(
  el: DspDocumentUploader,
  scenario: 'offline' | 'unavailableBurst',
): Promise<HTMLElement> {
  await el.add(otherPdf(), { typeCode: 'resume-patient' });
  const [row] = rows(el);
  sandbox().useScenario(scenario);
  void el.submit();
  await waitUntil(() => statusOf(row!) === 'retrying', 'the row does not wait to try again');
  await el.updateComplete;
  return row!;
}

/**
 * Makes the busy server of `unavailableBurst` ask for `seconds` in its `Retry-After` (the scenario
 * asks for 1), until the test ends.
 */
function busyFor(seconds: number): void {
  const server = sandbox().server;
  const handle = server.handle.bind(server);
  server.handle = async (request) => {
    const response = await handle(request);
    if (response.status !== 503) return response;
    const headers = new Headers(response.headers);
    headers.set('Retry-After', String(seconds));
    return new Response(response.body, { status: 503, headers });
  };
  restore = () => {
    server.handle = handle;
  };
}

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

function cancel(row: Element): void {
  row.querySelector<HTMLButtonElement>('button[name="cancel"]')!.click();
}

describe('<dsp-document-uploader> says when it tries again', () => {
  it('names a busy server’s wait in seconds, in the page’s language', async () => {
    const el = await uploader({ retries: 3, retryDelay: 300, lang: 'de' });
    const row = await waitingToRetry(el, 'unavailableBurst');
    expect(statusText(row)).to.equal('Server ausgelastet – neuer Versuch in 1 Sekunde.');
    await expect(el).to.be.accessible();
    await settled(el);
    expect(statusOf(row)).to.equal('sent');
    expect(statusText(row)).to.equal('Gesendet');
    expect(el.items[0]!.nextAttempt).to.equal(undefined);
  });

  it('says a short wait once: the announced text does not count down', async () => {
    // A backoff of 10–20 s after a send the network lost.
    const el = await uploader({ retries: 3, retryDelay: 20_000 });
    const row = await waitingToRetry(el, 'offline');
    const next = el.items[0]!.nextAttempt!;
    expect(next.busy).to.equal(false);
    const said = statusText(row);
    expect(said).to.equal(
      `Sending interrupted — trying again in ${Math.ceil(next.waitMs / 1000)} seconds.`,
    );
    const status = row.querySelector('[part~="status"]')!;
    expect(status.getAttribute('role')).to.equal('status');
    // Rendered again a moment later (another row's progress does that), it says the same.
    const changes: MutationRecord[] = [];
    const watching = new MutationObserver((records) => changes.push(...records));
    watching.observe(status, { subtree: true, childList: true, characterData: true });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    el.requestUpdate();
    await el.updateComplete;
    watching.disconnect();
    expect(statusText(row)).to.equal(said);
    expect(changes, 'the live region changed while waiting').to.have.length(0);
    cancel(row);
    await waitUntil(() => statusOf(row) === 'cancelled', 'not cancelled');
    expect(statusText(row)).to.equal('Sending cancelled');
  });

  it('names a wait of a minute or more by the clock', async () => {
    busyFor(150);
    const el = await uploader({ retries: 3, retryDelay: 300, lang: 'fr' });
    const row = await waitingToRetry(el, 'unavailableBurst');
    const { at, waitMs } = el.items[0]!.nextAttempt!;
    expect(waitMs).to.equal(150_000);
    const time = new Intl.DateTimeFormat('fr', { timeStyle: 'short' }).format(new Date(at));
    expect(statusText(row)).to.equal(`Serveur occupé : nouvel essai à ${time}.`);
    await expect(el).to.be.accessible();
    cancel(row);
    await waitUntil(() => statusOf(row) === 'cancelled', 'not cancelled');
  });

  it('keeps no wait in the stored queue: a row shown after a reload names none', async () => {
    busyFor(300);
    const first = await uploader({ queueUser: 'sub-weber', retries: 3, retryDelay: 300 });
    const row = await waitingToRetry(first, 'unavailableBurst');
    const id = first.items[0]!.documentUuid;
    expect(statusText(row)).to.contain('trying again at');
    await first.queueStored();
    first.remove();

    const store = await UploadStore.open(as(users.weber).baseUrl.href, 'sub-weber');
    const [stored] = await store.list(patients.marie.id);
    store.close();
    expect(stored?.documentUuid).to.equal(id);
    expect(stored, 'the wait was stored').to.not.have.property('nextAttempt');

    // Back online after the reload: the file is sent by itself, and its row never names a wait.
    sandbox().clearScenario();
    const el = await uploader({ queueUser: 'sub-weber', retries: 3, retryDelay: 300 });
    const said: string[] = [];
    const watching = new MutationObserver(() => {
      const [again] = rows(el);
      if (again) said.push(statusText(again));
    });
    watching.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
    await waitUntil(() => el.items[0]?.status === 'sent', 'the restored file was not sent', {
      timeout: 8000,
    });
    watching.disconnect();
    expect(said.filter((text) => text.includes('trying again'))).to.deep.equal([]);
    expect(el.items[0]!.nextAttempt).to.equal(undefined);
  });
});
