// <dsp-document-viewer> in each of its states and for each role the rules tell apart, on the mock
// DSP server: a control per attribute, an action per event.
import '@dsp-kit/elements/define/dsp-document-viewer.js';
import type { DspClient } from '@dsp-kit/fhir';
import { fixtures } from '@dsp-kit/mock';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { mockHandlers } from '../.storybook/sandbox.js';
import {
  attribute,
  commonArgTypes,
  detailOf,
  eventArgTypes,
  offlineWithCache,
  showsPart,
  type Language,
  type Listener,
  type Theme,
} from '../.storybook/story-helpers.js';

const TAG = 'dsp-document-viewer';

interface Args {
  patient: string;
  lang: Language;
  theme: Theme;
  view: 'timeline' | 'types' | 'classes';
  sort: '-date' | 'date' | 'type';
  filterType: string;
  filterClass: string;
  from: string;
  to: string;
  q: string;
  filterAuthor: string;
  preview: 'inline' | 'none';
  user: string;
  userOrganization: string;
  userName: string;
  onDspDocumentSelect?: Listener;
  onDspDocumentOpen?: Listener;
  onDspError?: Listener;
  onDspRequestBreakGlass?: Listener;
  onDspBreakGlassGranted?: Listener;
  onDspDocumentReplace?: Listener;
  onDspDocumentWithdraw?: Listener;
  onDspDocumentUpdate?: Listener;
  onDspReplaceCancel?: Listener;
  onDspUploadProgress?: Listener;
  onDspDocumentUploaded?: Listener;
  onDspUploadFailed?: Listener;
}

/** The viewer's first page, as it asks it (`PAGE_SIZE` of its controller): what a cache holds. */
const firstPage = (patient: string) => (client: DspClient) =>
  client.searchDocuments({ patient, _count: 100 });

const meta: Meta<Args> = {
  title: 'Panels/Document viewer',
  component: TAG,
  args: {
    patient: fixtures.patients.marie.id,
    lang: 'fr',
    theme: 'light',
    view: 'timeline',
    sort: '-date',
    filterType: '',
    filterClass: '',
    from: '',
    to: '',
    q: '',
    filterAuthor: '',
    preview: 'inline',
    user: '',
    userOrganization: '',
    userName: '',
  },
  argTypes: {
    patient: attribute('patient', 'the patient’s FHIR id.', {
      control: 'select',
      options: Object.values(fixtures.patients).map((p) => p.id),
    }),
    view: attribute('view', 'grouped by month, by DSP type or by class.', {
      control: 'inline-radio',
      options: ['timeline', 'types', 'classes'],
    }),
    sort: attribute('sort', 'newest first, oldest first or by type.', {
      control: 'inline-radio',
      options: ['-date', 'date', 'type'],
    }),
    filterType: attribute('filter-type', 'DSP type codes shown, comma-separated.', {
      control: 'text',
    }),
    filterClass: attribute('filter-class', 'DSP class codes shown, comma-separated.', {
      control: 'text',
    }),
    from: attribute('from', 'first day shown, `YYYY-MM-DD`.', { control: 'text' }),
    to: attribute('to', 'last day shown, `YYYY-MM-DD`.', { control: 'text' }),
    q: attribute('q', 'words to find in titles, descriptions and authors.', { control: 'text' }),
    filterAuthor: attribute('filter-author', 'words to find in the authors or facility.', {
      control: 'text',
    }),
    preview: attribute(
      'preview',
      '`inline` opens a document beside the list (a dialog below 60rem); `none` leaves it to the host.',
      {
        control: 'inline-radio',
        options: ['inline', 'none'],
      },
    ),
    user: attribute(
      'user',
      'the signed-in user (`Practitioner/…`, `Patient/…`, `RelatedPerson/…`): the document actions they may take; empty, the viewer only reads.',
      { control: 'text' },
    ),
    userOrganization: attribute(
      'user-organization',
      'the signed-in professional’s organisation (`Organization/…`), where the server lets it act for its members: the actions are also offered on its documents.',
      { control: 'text' },
    ),
    userName: attribute(
      'user-name',
      'the signed-in user’s name as readers see it: the author’s name on a replacement sent from the viewer.',
      { control: 'text' },
    ),
    ...commonArgTypes,
    ...eventArgTypes(
      'dsp-document-select',
      'dsp-document-open',
      'dsp-error',
      'dsp-request-break-glass',
      'dsp-break-glass-granted',
      'dsp-document-replace',
      'dsp-document-withdraw',
      'dsp-document-update',
      'dsp-replace-cancel',
      'dsp-upload-progress',
      'dsp-document-uploaded',
      'dsp-upload-failed',
    ),
  },
  // Dr Weber, Marie's médecin référent, unless a story names another user.
  parameters: { user: fixtures.users.weber },
  render: (args, { loaded }) =>
    html`<dsp-document-viewer
      .client=${(loaded as { client: DspClient }).client}
      patient=${args.patient}
      lang=${args.lang}
      theme=${args.theme}
      view=${args.view}
      sort=${args.sort}
      filter-type=${ifDefined(args.filterType || undefined)}
      filter-class=${ifDefined(args.filterClass || undefined)}
      from=${ifDefined(args.from || undefined)}
      to=${ifDefined(args.to || undefined)}
      q=${ifDefined(args.q || undefined)}
      filter-author=${ifDefined(args.filterAuthor || undefined)}
      preview=${args.preview}
      user=${ifDefined(args.user || undefined)}
      user-organization=${ifDefined(args.userOrganization || undefined)}
      user-name=${ifDefined(args.userName || undefined)}
      @dsp-document-select=${detailOf(args.onDspDocumentSelect)}
      @dsp-document-open=${detailOf(args.onDspDocumentOpen)}
      @dsp-error=${detailOf(args.onDspError)}
      @dsp-request-break-glass=${detailOf(args.onDspRequestBreakGlass)}
      @dsp-break-glass-granted=${detailOf(args.onDspBreakGlassGranted)}
      @dsp-document-replace=${detailOf(args.onDspDocumentReplace)}
      @dsp-document-withdraw=${detailOf(args.onDspDocumentWithdraw)}
      @dsp-document-update=${detailOf(args.onDspDocumentUpdate)}
      @dsp-replace-cancel=${detailOf(args.onDspReplaceCancel)}
      @dsp-upload-progress=${detailOf(args.onDspUploadProgress)}
      @dsp-document-uploaded=${detailOf(args.onDspDocumentUploaded)}
      @dsp-upload-failed=${detailOf(args.onDspUploadFailed)}
    ></dsp-document-viewer>`,
  play: showsPart(TAG, 'row'),
};

export default meta;
type Story = StoryObj<Args>;

/**
 * Marie's DSP as Dr Weber, her médecin référent, sees it: every document, the one she masked
 * and the one hidden from her included, by month.
 */
export const Documents: Story = {};

/** Grouped by DSP type, in the agency's order. */
export const ByType: Story = { args: { view: 'types' } };

/** Grouped by class, oldest first. */
export const ByClass: Story = { args: { view: 'classes', sort: 'date' } };

/** Filtered by type and words: what a deep link restores. */
export const Filtered: Story = { args: { filterType: 'cr-acte-diagnostique', q: 'écho' } };

/** Filters nothing matches: said, with a button to clear them. */
export const NoMatch: Story = {
  args: { q: 'radiographie du crâne' },
  play: showsPart(TAG, 'empty'),
};

/** A document chosen: it opens in the preview beside the list, or in a dialog when narrow. */
export const DocumentOpen: Story = {
  play: async (context) => {
    await showsPart(TAG, 'row')(context);
    const viewer = context.canvasElement.querySelector(TAG);
    viewer?.open(fixtures.documents.bloodTest.id);
    await showsPart(TAG, 'preview')(context);
  },
};

/** The patient herself: the document hidden until explained is not there. */
export const Patient: Story = { parameters: { user: fixtures.users.marie } };

/**
 * A home-care nurse: only the types her profession reads, and not the consultation Marie masked,
 * which her médecin référent sees.
 */
export const Nurse: Story = { parameters: { user: fixtures.users.schmitt } };

/** A physiotherapist: lab results are not for his profession. */
export const Physiotherapist: Story = { parameters: { user: fixtures.users.thill } };

/** A doctor the patient blocked: the refusal, as the server explains it. */
export const BlockedDoctor: Story = {
  parameters: { user: fixtures.users.kremer },
  play: showsPart(TAG, 'error'),
};

/**
 * An emergency physician on a server where access needs an explicit grant: refused, and offered
 * emergency access (break-the-glass) with its reason.
 */
export const EmergencyDoctor: Story = {
  parameters: {
    user: fixtures.users.hansen,
    msw: { handlers: { dsp: mockHandlers({ explicitGrantsOnly: true }) } },
  },
  play: showsPart(TAG, 'break-glass'),
};

/** The same physician after giving her reason: emergency access in progress, the documents shown. */
export const EmergencyAccessGranted: Story = {
  parameters: EmergencyDoctor.parameters,
  play: async (context) => {
    await showsPart(TAG, 'break-glass')(context);
    const form = context.canvasElement
      .querySelector(TAG)
      ?.shadowRoot?.querySelector<HTMLFormElement>('[part="break-glass"]');
    const reason = form?.querySelector('textarea');
    if (!form || !reason) throw new Error('No emergency access form');
    reason.value = 'Patiente inconsciente aux urgences du CHEM';
    form.requestSubmit();
    await showsPart(TAG, 'emergency')(context);
    await showsPart(TAG, 'row')(context);
  },
};

/** A patient who refused emergency access: the refusal, and no emergency access offered. */
export const EmergencyRefusedByPatient: Story = {
  args: { patient: fixtures.patients.nadia.id },
  parameters: EmergencyDoctor.parameters,
  play: showsPart(TAG, 'error'),
};

/** A DSP opened but still empty. */
export const Empty: Story = {
  args: { patient: fixtures.patients.jean.id },
  play: showsPart(TAG, 'empty'),
};

/** A closed DSP, as a professional sees it. */
export const ClosedDsp: Story = {
  args: { patient: fixtures.patients.sophie.id },
  play: showsPart(TAG, 'error'),
};

/** Loading, on a slow network (each answer takes 1.5 s more). */
export const Loading: Story = {
  parameters: { scenario: 'slowNetwork' },
  play: showsPart(TAG, 'loading'),
};

/** The server is down for maintenance: the error state, with the server's explanation. */
export const ServerError: Story = {
  parameters: { scenario: 'searchUnavailable' },
  play: showsPart(TAG, 'error'),
};

/** The network is down and nothing was read before: the error state, with a retry. */
export const Offline: Story = {
  parameters: { scenario: 'offline' },
  play: showsPart(TAG, 'error'),
};

/** The network went down after a first visit: the documents as they were, said to be so. */
export const OfflineWithCache: Story = {
  loaders: [offlineWithCache(firstPage(fixtures.patients.marie.id))],
  play: async (context) => {
    await showsPart(TAG, 'offline')(context);
    await showsPart(TAG, 'row')(context);
  },
};

/** Dark theme, in English. */
export const DarkEnglish: Story = { args: { theme: 'dark', lang: 'en' } };

/** In German, by type. */
export const German: Story = { args: { lang: 'de', view: 'types' } };

/** In Luxembourgish. */
export const Luxembourgish: Story = { args: { lang: 'lb' } };
