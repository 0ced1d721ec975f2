// What the <dsp-access-rights> browser tests share: the mock sandbox, clients signed in as any
// fixture user, the panel fixture, and ways to find its rows, buttons and notices.
import { fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { staticTokenProvider } from '@dsp-kit/auth';
import { accessSummary, DspClient, type AccessSummary } from '@dsp-kit/fhir';
import { fixtures, mockToken } from '@dsp-kit/mock';
import { startSandbox, type Sandbox } from '@dsp-kit/mock/browser';
import type { DspAccessChangedEvent } from '../src/access-rights/access-rights.events.js';
import type { DspAccessRights } from '../src/define/dsp-access-rights.js';
import '../src/define/dsp-access-rights.js';

export const { patients, documents, users } = fixtures;
export const marie = patients.marie.id;
export const lucien = patients.lucien.id;
export const kremer = 'Practitioner/luc-kremer';
export const muller = 'Practitioner/anne-muller';
export const weber = 'Practitioner/paul-weber';

let running: Sandbox | undefined;

/** The mock server, started once per test file; `before`/`after` hooks call these. */
export async function startMock(): Promise<Sandbox> {
  running ??= await startSandbox();
  return running;
}

export function sandbox(): Sandbox {
  if (!running) throw new Error('startMock() first');
  return running;
}

export function stopMock(): void {
  running?.stop();
  running = undefined;
}

/**
 * The hooks of a test file on the mock: started once for the file, its data reset before each
 * test and any failure scenario cleared after it, stopped at the end.
 */
export function useMock(): void {
  before(async () => {
    await startMock();
  });
  after(stopMock);
  beforeEach(() => sandbox().reset());
  afterEach(() => {
    sandbox().clearScenario();
  });
}

/** A client signed in as a fixture user (or any user id the mock knows). */
export function as(user: string): DspClient {
  return new DspClient({
    baseUrl: sandbox().server.baseUrl,
    tokens: staticTokenProvider(mockToken(user)),
    retry: false,
  });
}

/** The next `dsp-access-changed` the panel fires. */
export function nextChange(el: Element): Promise<DspAccessChangedEvent> {
  return oneEvent<DspAccessChangedEvent>(el, 'dsp-access-changed');
}

function rootOf(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`<${el.localName}> has no shadow root`);
  return el.shadowRoot;
}

export function part(el: Element, name: string): HTMLElement | null {
  return rootOf(el).querySelector(`[part~="${name}"]`);
}

/** The patient's Consent as the server holds it, summarized. */
export function onServer(patient = marie): AccessSummary {
  const consent = sandbox().server.store.consentOf(patient);
  if (!consent) throw new Error(`no Consent for ${patient}`);
  return accessSummary(consent);
}

export function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function buttonIn(root: Element | ShadowRoot, label: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) => text(b) === label);
  if (!found) throw new Error(`no button "${label}"`);
  return found;
}

export function actorRow(
  el: Element,
  where: 'list' | 'results',
  actor: string,
): HTMLElement | null {
  return rootOf(el).querySelector(`[part~="${where}"] [data-actor="${actor}"]`);
}

/** A panel signed in as `user`, once it shows something other than its loading state. */
export async function panel(patient: string, user: string, lang = 'en'): Promise<DspAccessRights> {
  const el = await fixture<DspAccessRights>(
    html`<dsp-access-rights
      .client=${as(user)}
      patient=${patient}
      lang=${lang}
    ></dsp-access-rights>`,
  );
  await waitUntil(
    () => part(el, 'professionals') ?? part(el, 'read-only') ?? part(el, 'error'),
    'the panel did not load',
    { timeout: 5000 },
  );
  return el;
}

/**
 * A panel signed in as `user`, told who that is (`signedIn`, the `user` attribute: a reference such
 * as `RelatedPerson/claire-wagner`), once it has loaded.
 */
export async function signedInPanel(
  patient: string,
  user: string,
  signedIn: string,
  lang = 'en',
): Promise<DspAccessRights> {
  const el = await fixture<DspAccessRights>(
    html`<dsp-access-rights
      .client=${as(user)}
      patient=${patient}
      user=${signedIn}
      lang=${lang}
    ></dsp-access-rights>`,
  );
  await waitUntil(
    () => part(el, 'professionals') ?? part(el, 'read-only') ?? part(el, 'error'),
    'the panel did not load',
    { timeout: 5000 },
  );
  return el;
}

/** Every `dsp-access-changed` the panel fires from now on, in order. */
export function changesOf(el: HTMLElement): DspAccessChangedEvent['detail'][] {
  const seen: DspAccessChangedEvent['detail'][] = [];
  el.addEventListener('dsp-access-changed', (event) => {
    seen.push(event.detail);
  });
  return seen;
}

export async function searchDirectory(el: DspAccessRights, name: string): Promise<void> {
  const form = part(el, 'search') as HTMLFormElement;
  const input = form.querySelector('input');
  if (!input) throw new Error('no search field');
  input.value = name;
  buttonIn(form, 'Search').click();
  await waitUntil(() => part(el, 'results'), 'no directory results', { timeout: 5000 });
}

export async function noticeSays(el: DspAccessRights, words: string): Promise<void> {
  await waitUntil(() => text(part(el, 'notice')).includes(words), `no notice "${words}"`, {
    timeout: 5000,
  });
}

/** Resolves once the condition holds, failing with `message` after 5 s. */
export function eventually(condition: () => unknown, message: string): Promise<void> {
  return waitUntil(condition, message, { timeout: 5000 });
}
