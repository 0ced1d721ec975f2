// <dsp-document-uploader> in each of its states, on the mock DSP server: empty, files being
// checked, ready, to correct, the type list open, sending, sent, trying again, failed, refused by
// the server, cancelled, a patient's, and in other languages and themes.
import '@dsp-kit/elements/define/dsp-document-uploader.js';
import type { DspClient } from '@dsp-kit/fhir';
import { fixtures, sampleFiles } from '@dsp-kit/mock';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';

/** The element as the tag map knows it (its source, in Storybook). */
type DspDocumentUploader = HTMLElementTagNameMap['dsp-document-uploader'];

interface Args {
  mode: 'professional' | 'patient';
  lang: 'fr' | 'de' | 'en' | 'lb';
  theme: 'light' | 'dark';
  maxSize: number;
  acceptTypes: string;
  retries: number;
  retryDelay: number;
}

type Metadata = Parameters<DspDocumentUploader['add']>[1];

const sample = (type: string) => {
  const found = sampleFiles().find((f) => f.contentType === type);
  if (!found) throw new Error(`No ${type} sample`);
  return found;
};
let copies = 0;
/** The mock's sample PDF, a little different each time (no two are duplicates). */
const pdf = (name: string) =>
  new File([sample('application/pdf').bytes as BlobPart, `\n% ${name} ${++copies}\n`], name);
const png = (name: string) => new File([sample('image/png').bytes as BlobPart], name);
const text = (name: string, content: string) => new File([content], name);

function uploaderIn(canvas: HTMLElement): DspDocumentUploader {
  const el = canvas.querySelector('dsp-document-uploader');
  if (!el) throw new Error('No uploader in the story');
  return el;
}

/** Adds files with their metadata once the uploader is there, then does `then`. */
function withFiles(files: () => [File, Metadata?][], then?: (el: DspDocumentUploader) => unknown) {
  return async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const el = uploaderIn(canvasElement);
    await el.updateComplete;
    await Promise.all(files().map(([file, metadata]) => el.add(file, metadata)));
    await Promise.resolve(then?.(el));
  };
}

const until = async (
  el: DspDocumentUploader,
  test: (items: DspDocumentUploader['items']) => boolean,
) => {
  while (!test(el.items)) await new Promise((resolve) => setTimeout(resolve, 50));
};

const report = (title: string): Metadata => ({
  typeCode: 'cr-acte-diagnostique',
  title,
  date: '2026-11-20',
});

const meta: Meta<Args> = {
  title: 'Panels/Document uploader',
  component: 'dsp-document-uploader',
  parameters: { user: fixtures.users.weber },
  args: {
    mode: 'professional',
    lang: 'fr',
    theme: 'light',
    maxSize: 20 * 1024 * 1024,
    acceptTypes: '',
    retries: 3,
    retryDelay: 1000,
  },
  argTypes: {
    mode: { control: 'inline-radio', options: ['professional', 'patient'] },
    lang: { control: 'inline-radio', options: ['fr', 'de', 'en', 'lb'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
    maxSize: { control: 'number' },
    acceptTypes: { control: 'text' },
    retries: { control: 'number' },
    retryDelay: { control: 'number' },
  },
  render: (args, { loaded }) =>
    html`<dsp-document-uploader
      .client=${(loaded as { client: DspClient }).client}
      patient=${fixtures.patients.marie.id}
      author=${
        args.mode === 'patient'
          ? `Patient/${fixtures.patients.marie.id}`
          : `Practitioner/${fixtures.users.weber}`
      }
      mode=${args.mode}
      max-size=${args.maxSize}
      accept-types=${args.acceptTypes}
      retries=${args.retries}
      retry-delay=${args.retryDelay}
      lang=${args.lang}
      theme=${args.theme}
    ></dsp-document-uploader>`,
};

export default meta;
type Story = StoryObj<Args>;

/** A professional (Dr Weber) before choosing any file: drop, paste or pick. */
export const Professional: Story = {};

/** Marie adds her own notes: the type is fixed to "Expression du titulaire". */
export const Patient: Story = {
  args: { mode: 'patient' },
  parameters: { user: fixtures.users.marie },
  play: withFiles(() => [[text('questions.txt', 'Questions pour ma prochaine consultation\n')]]),
};

/** A large scan being hashed in the worker (200 MiB made in the page), its progress announced. */
export const Hashing: Story = {
  args: { maxSize: 512 * 1024 * 1024 },
  play: async ({ canvasElement }) => {
    const el = uploaderIn(canvasElement);
    await el.updateComplete;
    const bytes = new Uint8Array(200 * 1024 * 1024);
    bytes.set([0x25, 0x50, 0x44, 0x46, 0x2d]);
    void el.add(new File([bytes], 'scanner-dossier-complet.pdf'), report('Dossier numérisé'));
  },
};

/** Two files described and ready to send. */
export const Ready: Story = {
  play: withFiles(() => [
    [pdf('echographie.pdf'), report('Échographie abdominale')],
    [
      png('radio-genou.png'),
      { typeCode: 'imagerie', title: 'Radio du genou', confidentiality: 'R' },
    ],
  ]),
};

/** Every problem a file or its form can have, each said at its field. */
export const ToCorrect: Story = {
  args: { maxSize: 100_000 },
  play: withFiles(() => {
    const future = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    return [
      [new File([new Uint8Array([0x4d, 0x5a, 0x90, 0x00])], 'facture.pdf'), report('Facture')],
      [text('resultats.pdf', '<!doctype html><script>alert(1)</script>'), report('Résultats')],
      [new File([], 'vide.pdf'), report('Vide')],
      [new File([new Uint8Array(200_000).fill(0x41)], 'long.txt'), report('Long')],
      [pdf('sans-type.pdf'), { title: '' }],
      [pdf('futur.pdf'), { ...report('Compte rendu'), date: future }],
      [pdf('masques.pdf'), { ...report('Masqué et caché'), masked: true, hidden: true }],
      [png(''), { typeCode: 'imagerie' }],
    ];
  }),
};

/** The DSP type list open on what was typed, the first match active. */
export const TypeList: Story = {
  play: withFiles(
    () => [[pdf('compte-rendu.pdf'), { title: 'Compte rendu' }]],
    async (el) => {
      await el.updateComplete;
      const input = el.shadowRoot?.querySelector<HTMLInputElement>('[role="combobox"]');
      if (!input) return;
      input.focus();
      input.value = 'cr d';
      input.dispatchEvent(new Event('input'));
    },
  ),
};

/** Sent on a slow network: progress while the request goes (1.5 s), then sent. */
export const Sending: Story = {
  parameters: { scenario: 'slowNetwork' },
  play: withFiles(
    () => [[pdf('bilan.pdf'), report('Bilan sanguin')]],
    (el) => void el.submit(),
  ),
};

/** Sent: the document is in Marie's DSP. */
export const Sent: Story = {
  play: withFiles(
    () => [[pdf('bilan.pdf'), report('Bilan sanguin')]],
    (el) => el.submit(),
  ),
};

/** The network is down: the file waits for the next automatic attempt (in a minute). */
export const Retrying: Story = {
  args: { retryDelay: 60_000 },
  parameters: { scenario: 'offline' },
  play: withFiles(
    () => [[pdf('bilan.pdf'), report('Bilan sanguin')]],
    (el) => void el.submit(),
  ),
};

/** The server is busy (503 with Retry-After): the row says so, and when it tries again. */
export const ServerBusy: Story = {
  args: { retryDelay: 90_000 },
  parameters: { scenario: 'unavailableBurst' },
  play: withFiles(
    () => [[pdf('bilan.pdf'), report('Bilan sanguin')]],
    (el) => void el.submit(),
  ),
};

/** The network stayed down: failed, kept, sent by itself when the network is back. */
export const WaitingForNetwork: Story = {
  args: { retries: 0 },
  parameters: { scenario: 'offline' },
  play: withFiles(
    () => [[pdf('bilan.pdf'), report('Bilan sanguin')]],
    (el) => el.submit(),
  ),
};

/** The server refuses at a field (a patient's token, the host forgot `mode="patient"`). */
export const ServerRefusal: Story = {
  parameters: { user: fixtures.users.marie },
  play: withFiles(
    () => [[pdf('resume.pdf'), { typeCode: 'resume-patient', title: 'Mon résumé' }]],
    (el) => el.submit(),
  ),
};

/** Cancelled while it was sent: kept, to be sent again. */
export const Cancelled: Story = {
  parameters: { scenario: 'slowNetwork' },
  play: withFiles(
    () => [[pdf('bilan.pdf'), report('Bilan sanguin')]],
    async (el) => {
      void el.submit();
      await until(el, (items) => items[0]?.status === 'sending');
      el.shadowRoot?.querySelector<HTMLButtonElement>('button[name="cancel"]')?.click();
    },
  ),
};

/** A patient given a professional's type through `add()`: said, and put right in one click. */
export const PatientWrongType: Story = {
  args: { mode: 'patient' },
  parameters: { user: fixtures.users.marie },
  play: withFiles(() => [[pdf('resume.pdf'), { typeCode: 'resume-patient', title: 'Mon résumé' }]]),
};

/** Only PDF accepted by the host: a PNG is refused. */
export const OnlyPdf: Story = {
  args: { acceptTypes: 'application/pdf' },
  play: withFiles(() => [[png('radio.png'), { typeCode: 'imagerie' }]]),
};

/** Dark theme, in English, with files ready and to correct. */
export const DarkEnglish: Story = {
  args: { theme: 'dark', lang: 'en' },
  play: withFiles(() => [
    [pdf('report.pdf'), report('Abdominal ultrasound')],
    [pdf('masked.pdf'), { ...report('Masked and hidden'), masked: true, hidden: true }],
  ]),
};

/** In German. */
export const German: Story = {
  args: { lang: 'de' },
  play: withFiles(() => [[pdf('befund.pdf'), { title: 'Befund' }]]),
};

/** In Luxembourgish. */
export const Luxembourgish: Story = {
  args: { lang: 'lb' },
  play: withFiles(() => [[pdf('bilan.pdf'), report('Bilan')]]),
};
