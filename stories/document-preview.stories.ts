// <dsp-document-preview> in each of its states, on the mock DSP server.
import '@dsp-kit/elements/define/dsp-document-preview.js';
import type { DocumentReference, DspClient } from '@dsp-kit/fhir';
import { fixtures } from '@dsp-kit/mock';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';

interface Args {
  document: DocumentReference;
  confirmHidden: boolean;
  lang: 'fr' | 'de' | 'en' | 'lb';
  theme: 'light' | 'dark';
}

/** A document of Marie's whose content is inline (`attachment.data`), so no store change is needed. */
function inline(
  id: string,
  contentType: string,
  content: string,
  extra: { title: string; size?: number; hash?: string },
): DocumentReference {
  const bytes = new TextEncoder().encode(content);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return {
    ...fixtures.documents.summary,
    id,
    description: extra.title,
    content: [
      {
        attachment: {
          contentType,
          data: btoa(binary),
          title: extra.title,
          size: extra.size ?? bytes.byteLength,
          ...(extra.hash ? { hash: extra.hash } : {}),
        },
      },
    ],
  };
}

const meta: Meta<Args> = {
  title: 'Panels/Document preview',
  component: 'dsp-document-preview',
  args: {
    document: fixtures.documents.bloodTest,
    confirmHidden: false,
    lang: 'fr',
    theme: 'light',
  },
  argTypes: {
    document: { control: false },
    lang: { control: 'inline-radio', options: ['fr', 'de', 'en', 'lb'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  render: (args, { loaded }) =>
    html`<dsp-document-preview
      .client=${(loaded as { client: DspClient }).client}
      .document=${args.document}
      ?confirm-hidden=${args.confirmHidden}
      lang=${args.lang}
      theme=${args.theme}
    ></dsp-document-preview>`,
};

export default meta;
type Story = StoryObj<Args>;

/** A lab result in plain text, shown as text. */
export const Text: Story = {};

/** An HTML attachment: never rendered, only offered as a download. */
export const Unsupported: Story = {
  args: {
    document: inline(
      'story-html',
      'text/html',
      '<script>alert("never runs")</script><h1>Compte rendu</h1>',
      { title: 'Compte rendu (page web)' },
    ),
  },
};

/** A professional opening a document the author hid from the patient: the warning comes first. */
export const HiddenWarning: Story = {
  args: { document: fixtures.documents.hidden, confirmHidden: true },
};

/** Content that does not match its declared size: the integrity error, nothing shown. */
export const IntegrityError: Story = {
  args: {
    document: inline('story-altered', 'text/plain', 'Compte rendu\n', {
      title: 'Compte rendu altéré',
      size: 999,
    }),
  },
};

/** The download crawling along: progress and the cancel button. */
export const SlowDownload: Story = { parameters: { scenario: 'slowDownload' } };

/** Dark theme, in English, on a restricted document. */
export const DarkEnglish: Story = {
  args: { document: fixtures.documents.cardiology, theme: 'dark', lang: 'en' },
};
