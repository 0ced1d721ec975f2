// <dsp-document-preview> in each of its states and for each role the rules tell apart, on the mock
// DSP server: a control per attribute, an action per event.
import '@dsp-kit/elements/define/dsp-document-preview.js';
import type { DocumentReference, DspClient } from '@dsp-kit/fhir';
import { fixtures, sampleFiles } from '@dsp-kit/mock';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import {
  attribute,
  commonArgTypes,
  detailOf,
  eventArgTypes,
  offlineWithCache,
  property,
  showsPart,
  type Language,
  type Listener,
  type Theme,
} from '../.storybook/story-helpers.js';

const TAG = 'dsp-document-preview';

interface Args {
  document: DocumentReference | undefined;
  documentId: string;
  confirmHidden: boolean;
  lang: Language;
  theme: Theme;
  onDspError?: Listener;
}

/** A document of Marie's whose content is inline (`attachment.data`), so no store change is needed. */
function inline(
  id: string,
  contentType: string,
  content: string | Uint8Array,
  extra: { title: string; size?: number; hash?: string },
): DocumentReference {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
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

/** A document made of one of the mock's real sample files. */
function sample(contentType: 'application/pdf' | 'image/png', id: string): DocumentReference {
  const file = sampleFiles().find((f) => f.contentType === contentType);
  if (!file) throw new Error(`No ${contentType} sample`);
  return inline(id, contentType, file.bytes, { title: file.title, hash: file.sha1Base64 });
}

const meta: Meta<Args> = {
  title: 'Panels/Document preview',
  component: TAG,
  args: {
    document: fixtures.documents.bloodTest,
    documentId: '',
    confirmHidden: false,
    lang: 'fr',
    theme: 'light',
  },
  argTypes: {
    document: property('document', 'the DocumentReference to show, already loaded.', {
      control: 'object',
    }),
    documentId: attribute('document-id', 'the DocumentReference to read, without `.document`.', {
      control: 'select',
      options: ['', ...Object.values(fixtures.documents).map((d) => d.id)],
    }),
    confirmHidden: attribute(
      'confirm-hidden',
      'for professionals, a warning before a document hidden from the patient.',
      { control: 'boolean' },
    ),
    ...commonArgTypes,
    ...eventArgTypes('dsp-error'),
  },
  parameters: { user: fixtures.users.weber },
  render: (args, { loaded }) =>
    html`<dsp-document-preview
      .client=${(loaded as { client: DspClient }).client}
      .document=${args.document}
      document-id=${ifDefined(args.documentId || undefined)}
      ?confirm-hidden=${args.confirmHidden}
      lang=${args.lang}
      theme=${args.theme}
      @dsp-error=${detailOf(args.onDspError)}
    ></dsp-document-preview>`,
  play: showsPart(TAG, 'text'),
};

export default meta;
type Story = StoryObj<Args>;

/** A lab result in plain text, shown as text. */
export const Text: Story = {};

/** Read by its id (`document-id`): the record first, then the content. */
export const ByDocumentId: Story = {
  args: { document: undefined, documentId: fixtures.documents.cardiology.id },
};

/** An image, shown as an image. */
export const Image: Story = {
  args: { document: sample('image/png', 'story-png') },
  play: showsPart(TAG, 'image'),
};

/** A PDF, its pages drawn by PDF.js, with the download. */
export const Pdf: Story = {
  args: { document: sample('application/pdf', 'story-pdf') },
  play: showsPart(TAG, 'pages'),
};

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
  play: showsPart(TAG, 'download'),
};

/** No document chosen yet. */
export const Empty: Story = { args: { document: undefined }, play: showsPart(TAG, 'base') };

/** A professional opening a document the author hid from the patient: the warning comes first. */
export const HiddenWarning: Story = {
  args: { document: fixtures.documents.hidden, confirmHidden: true },
  play: showsPart(TAG, 'warning'),
};

/** The patient asking for a document hidden from her: the server says it does not exist. */
export const PatientHiddenDocument: Story = {
  args: { document: undefined, documentId: fixtures.documents.hidden.id },
  parameters: { user: fixtures.users.marie },
  play: showsPart(TAG, 'error'),
};

/** A nurse asking for the consultation Marie masked: invisible to her (her référent reads it). */
export const NurseMaskedDocument: Story = {
  args: { document: undefined, documentId: fixtures.documents.masked.id },
  parameters: { user: fixtures.users.schmitt },
  play: showsPart(TAG, 'error'),
};

/** Content that does not match its declared size: the integrity error, nothing shown. */
export const IntegrityError: Story = {
  args: {
    document: inline('story-altered', 'text/plain', 'Compte rendu\n', {
      title: 'Compte rendu altéré',
      size: 999,
    }),
  },
  play: showsPart(TAG, 'error'),
};

/** The record loading on a slow network (1.5 s more per answer). */
export const Loading: Story = {
  args: { document: undefined, documentId: fixtures.documents.bloodTest.id },
  parameters: { scenario: 'slowNetwork' },
  play: showsPart(TAG, 'progress'),
};

/** The download crawling along: progress and the cancel button. */
export const SlowDownload: Story = {
  parameters: { scenario: 'slowDownload' },
  play: showsPart(TAG, 'progress'),
};

/** The server overloaded (503): the error state, with the server's words and a retry. */
export const ServerError: Story = {
  parameters: { scenario: 'unavailableBurst' },
  play: showsPart(TAG, 'error'),
};

/** The network is down: the error state, with a retry. */
export const Offline: Story = {
  parameters: { scenario: 'offline' },
  play: showsPart(TAG, 'error'),
};

/**
 * The network went down after the record was read: the record from the cache, the content (never
 * cached) unavailable.
 */
export const OfflineWithCache: Story = {
  args: { document: undefined, documentId: fixtures.documents.bloodTest.id },
  loaders: [offlineWithCache((client) => client.readDocument(fixtures.documents.bloodTest.id))],
  play: async (context) => {
    await showsPart(TAG, 'header')(context);
    await showsPart(TAG, 'error')(context);
  },
};

/** Dark theme, in English, on a restricted document. */
export const DarkEnglish: Story = {
  args: { document: fixtures.documents.cardiology, theme: 'dark', lang: 'en' },
};

/** In German. */
export const German: Story = { args: { lang: 'de' } };

/** In Luxembourgish, the hidden-document warning. */
export const Luxembourgish: Story = {
  args: { document: fixtures.documents.hidden, confirmHidden: true, lang: 'lb' },
  play: showsPart(TAG, 'warning'),
};
