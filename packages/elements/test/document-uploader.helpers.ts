// What every <dsp-document-uploader> test file shares: the mock DSP in msw's service worker, an
// uploader signed in as a fixture user, files, and ways to act on and read a row as a user would.
import { assert, fixture, html, waitUntil } from '@open-wc/testing';
import { staticTokenProvider } from '@dsp-kit/auth';
import { DspClient, type DocumentReference } from '@dsp-kit/fhir';
import { DspCache } from '@dsp-kit/fhir/cache';
import { fixtures, mockToken, sampleFiles, type SampleFile } from '@dsp-kit/mock';
import { startSandbox, type Sandbox } from '@dsp-kit/mock/browser';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { DspDocumentUploader } from '../src/define/dsp-document-uploader.js';
import '../src/define/dsp-document-uploader.js';

export const { patients, users } = fixtures;

function sample(contentType: SampleFile['contentType']): SampleFile {
  const found = sampleFiles().find((f) => f.contentType === contentType);
  if (!found) throw new Error(`The mock has no ${contentType} sample`);
  return found;
}

export const pdf = sample('application/pdf');
export const png = sample('image/png');

let running: Sandbox | undefined;

/** The mock server of this test file. */
export function sandbox(): Sandbox {
  if (!running) throw new Error('useSandbox() was not called in this file');
  return running;
}

/** Lit's dev-mode warnings (a property changed during update, and the like) during the suite. */
const litWarnings: string[] = [];

/**
 * Starts the mock for the file's tests, each from the fixtures with no scenario and no stored
 * queue, and fails a test during which Lit warned.
 */
export function useSandbox(): void {
  const warn = console.warn.bind(console);
  before(async () => {
    console.warn = (...args: unknown[]) => {
      const message = args.map(String).join(' ');
      if (message.includes('lit.dev/msg') && !message.includes('dev-mode'))
        litWarnings.push(message);
      warn(...args);
    };
    running = await startSandbox();
  });
  after(() => {
    console.warn = warn;
    running?.stop();
  });
  beforeEach(async () => {
    await sandbox().reset();
    sandbox().clearScenario();
    // Queues of earlier tests stay in this browser profile otherwise.
    await DspCache.clearAll();
  });
  afterEach(function () {
    const title = this.currentTest?.title ?? '';
    assert.deepEqual(litWarnings.splice(0), [], `Lit printed warnings in "${title}"`);
  });
}

export function as(user: string): DspClient {
  return new DspClient({
    baseUrl: sandbox().server.baseUrl,
    tokens: staticTokenProvider(mockToken(user)),
    retry: false,
  });
}

export interface UploaderOptions {
  /** Who the client is signed in as (Dr Weber by default). */
  user?: string;
  mode?: 'professional' | 'patient';
  maxSize?: number;
  acceptTypes?: string;
  /** The `user` attribute: keeps the queue in IndexedDB. */
  queueUser?: string;
  /** Automatic attempts (none by default, so that a failure shows at once). */
  retries?: number;
  retryDelay?: number;
  lang?: string;
}

export async function uploader(options: UploaderOptions = {}): Promise<DspDocumentUploader> {
  const patientMode = options.mode === 'patient';
  return fixture<DspDocumentUploader>(
    html`<dsp-document-uploader
      .client=${as(options.user ?? users.weber)}
      user=${ifDefined(options.queueUser)}
      patient=${patients.marie.id}
      author=${patientMode ? `Patient/${patients.marie.id}` : 'Practitioner/paul-weber'}
      mode=${options.mode ?? 'professional'}
      max-size=${options.maxSize ?? 20 * 1024 * 1024}
      accept-types=${ifDefined(options.acceptTypes)}
      retries=${options.retries ?? 0}
      retry-delay=${options.retryDelay ?? 200}
      lang=${options.lang ?? 'en'}
    ></dsp-document-uploader>`,
  );
}

function shadow(el: DspDocumentUploader): ShadowRoot {
  if (!el.shadowRoot) throw new Error('The uploader has not rendered');
  return el.shadowRoot;
}

/** Chooses files with the file picker. */
export function choose(el: DspDocumentUploader, ...files: File[]): void {
  const input = shadow(el).querySelector<HTMLInputElement>('input[type=file]');
  if (!input) throw new Error('No file picker');
  const dt = new DataTransfer();
  for (const file of files) dt.items.add(file);
  input.files = dt.files;
  input.dispatchEvent(new Event('change'));
}

export function rows(el: DspDocumentUploader): HTMLFieldSetElement[] {
  return [...shadow(el).querySelectorAll<HTMLFieldSetElement>('[part~="row"]')];
}

/** Waits until no file is being checked, hashed, sent or about to be sent again. */
export async function settled(el: DspDocumentUploader, timeout = 8000): Promise<void> {
  await waitUntil(
    () => el.items.every((i) => !['checking', 'hashing', 'sending', 'retrying'].includes(i.status)),
    'the files did not settle',
    { timeout },
  );
  await el.updateComplete;
}

export function statusOf(row: Element): string | undefined {
  return row.querySelector<HTMLElement>('[part~="status"]')?.dataset.status;
}

/**
 * The message at a field (`file`: the row itself), which must say it is invalid and point at the
 * message with aria-describedby.
 */
export function problemAt(row: Element, name: string): string {
  const control = name === 'file' ? row : field(row, name);
  // The problem's id, among the others describing the field (a date said in words).
  const ids = (control.getAttribute('aria-describedby') ?? '').split(' ');
  const id = ids.find((i) => i.endsWith('-problem')) ?? '';
  assert.notEqual(id, '', `${name}: aria-describedby`);
  assert.equal(control.getAttribute('aria-invalid'), 'true', `${name}: aria-invalid`);
  return row.querySelector(`[id="${id}"]`)?.textContent.trim() ?? '';
}

function control(row: Element, name: string): Element {
  const found = row.querySelector(`[name="${name}"]`);
  if (!found) throw new Error(`No field ${name}`);
  return found;
}

export function field(row: Element, name: string): HTMLInputElement {
  const found = control(row, name);
  assert.instanceOf(found, HTMLInputElement, name);
  return found;
}

export function select(row: Element, name: string): HTMLSelectElement {
  const found = control(row, name);
  assert.instanceOf(found, HTMLSelectElement, name);
  return found;
}

/** Chooses a DSP type the way a mouse user does: opens the list and clicks the option. */
export async function chooseType(
  el: DspDocumentUploader,
  row: Element,
  code: string,
): Promise<void> {
  row.querySelector<HTMLButtonElement>('.combobox .toggle')?.click();
  await el.updateComplete;
  const option = row.querySelector<HTMLElement>(`[role="option"][data-code="${code}"]`);
  if (!option) throw new Error(`No option ${code}`);
  option.click();
  await el.updateComplete;
}

/** Types into a text field or sets a date, as the browser reports it. */
export async function enter(
  el: DspDocumentUploader,
  row: Element,
  name: string,
  value: string,
): Promise<void> {
  const input = field(row, name);
  input.value = value;
  input.dispatchEvent(new Event(input.type === 'date' ? 'change' : 'input'));
  await el.updateComplete;
}

export async function tick(el: DspDocumentUploader, row: Element, name: string): Promise<void> {
  const box = field(row, name);
  box.checked = !box.checked;
  box.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

export const pdfFile = (name = 'bilan.pdf') =>
  new File([pdf.bytes as BlobPart], name, { type: 'application/pdf' });

/** A different, valid PDF each call (same header, other bytes), so none is a duplicate. */
let variant = 0;
export const otherPdf = (name = `document-${++variant}.pdf`) =>
  new File([pdf.bytes as BlobPart, `\n% ${name} ${variant}\n`], name, { type: 'application/pdf' });

/** The documents stored for Marie whose masterIdentifier is this row's. */
export function storedFor(documentUuid: string): DocumentReference[] {
  return sandbox()
    .server.store.documentsOf(patients.marie.id)
    .filter((d) => d.masterIdentifier?.value === `urn:uuid:${documentUuid}`);
}

export function documentCount(): number {
  return sandbox().server.store.documentsOf(patients.marie.id).length;
}

/** The field values of a row, to check that nothing the user entered was lost. */
export function formValues(row: Element): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  for (const control of row.querySelectorAll<HTMLInputElement | HTMLSelectElement>(
    'input[name], select[name]',
  )) {
    out[control.name] =
      control instanceof HTMLInputElement && control.type === 'checkbox'
        ? control.checked
        : control.value;
  }
  return out;
}
