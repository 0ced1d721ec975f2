// What the browser tests of the viewer's document actions share: the mock sandbox, clients signed
// in as fixture users, the viewer fixture, its actions element, and a file sent from an uploader.
import { fixture, html, waitUntil as waitFor } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import { staticTokenProvider } from '@dsp-kit/auth';
import { DspClient } from '@dsp-kit/fhir';
import { mockToken } from '@dsp-kit/mock';
import { startSandbox, type Sandbox, type SandboxOptions } from '@dsp-kit/mock/browser';
import type { DspDocumentViewer } from '../src/define/dsp-document-viewer.js';
import '../src/define/dsp-document-viewer.js';
import '../src/define/dsp-document-preview.js';
import '../src/document-viewer/document-actions.component.js';
import './resize-observer-notice.js';

let running: Sandbox | undefined;

/** The mock of a test file: started before its tests with `options`, reset after each, stopped. */
export function useSandbox(options?: SandboxOptions): void {
  before(async () => {
    running = await startSandbox(options);
  });
  afterEach(() => sandbox().reset());
  after(() => {
    running?.stop();
    running = undefined;
  });
}

export function sandbox(): Sandbox {
  if (!running) throw new Error('useSandbox() first');
  return running;
}

/** A client signed in as a fixture user, which does not retry. */
export function clientAs(user: string): DspClient {
  return new DspClient({
    baseUrl: sandbox().server.baseUrl,
    tokens: staticTokenProvider(mockToken(user)),
    retry: false,
  });
}

export interface ViewerOptions {
  /** The patient whose DSP is listed. */
  patient: string;
  /** The user the panel is told of (`Practitioner/<id>`, `Patient/<id>`); none: it reads only. */
  user?: string;
  /** The user's organisation (`user-organization`). */
  organization?: string;
  /** The user's name as readers see it (`user-name`). */
  userName?: string;
}

/** The viewer in English on `client`, resolved once its first row is listed. */
export async function viewer(
  client: DspClient,
  options: ViewerOptions,
): Promise<DspDocumentViewer> {
  const el = await fixture<DspDocumentViewer>(
    html`<dsp-document-viewer
      .client=${client}
      patient=${options.patient}
      user=${ifDefined(options.user)}
      user-organization=${ifDefined(options.organization)}
      user-name=${ifDefined(options.userName)}
      lang="en"
    ></dsp-document-viewer>`,
  );
  await waitUntil(() => el.shadowRoot?.querySelector('[part~="row"] .title'), 'no row', {
    timeout: 5000,
  });
  return el;
}

/** Waits for `predicate` to give a value, and resolves with it (`waitUntil` resolves with none). */
export async function waitUntil<T>(
  predicate: () => T | Promise<T>,
  message?: string,
  options?: { timeout?: number },
): Promise<NonNullable<T>> {
  let value: T | undefined;
  await waitFor(
    async () => {
      value = await predicate();
      return Boolean(value);
    },
    message,
    options,
  );
  return value as NonNullable<T>;
}

/** The first element matching `selector` in `host`'s shadow root. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the element type
export function $<T extends Element = HTMLElement>(host: Element, selector: string): T | null {
  return host.shadowRoot?.querySelector<T>(selector) ?? null;
}

/** Opens `id` in the preview and resolves with its actions element, rendered. */
export async function actionsOf(el: DspDocumentViewer, id: string): Promise<HTMLElement> {
  el.open(id);
  await el.updateComplete;
  const actions = await waitUntil(
    () => el.shadowRoot?.querySelector('dsp-document-actions'),
    'no actions element',
  );
  await waitUntil(() => actions.shadowRoot?.querySelector('[part="actions"]'), 'no actions');
  return actions;
}

/** Chooses a text file in an uploader's picker, as a user does, and sends it once sendable. */
export async function chooseAndSend(uploader: Element, text: string, name: string): Promise<void> {
  const input = $<HTMLInputElement>(uploader, 'input[type=file]');
  if (!input) throw new Error('the uploader has no file input');
  const transfer = new DataTransfer();
  transfer.items.add(new File([text], name, { type: 'text/plain' }));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change'));
  const send = await waitUntil(
    () => {
      const button = $<HTMLButtonElement>(uploader, 'button[name="send"]');
      return button && !button.disabled ? button : undefined;
    },
    'not sendable',
    { timeout: 5000 },
  );
  send.click();
}
