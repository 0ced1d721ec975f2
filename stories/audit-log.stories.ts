// <dsp-audit-log> in each of its states and for each role the rules tell apart, on the mock DSP
// server: a control per attribute, an action per event.
import '@dsp-kit/elements/define/dsp-audit-log.js';
import type { DspClient } from '@dsp-kit/fhir';
import { fixtures } from '@dsp-kit/mock';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { clientFor } from '../.storybook/sandbox.js';
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

const TAG = 'dsp-audit-log';
const marie = fixtures.patients.marie.id;
const EMERGENCY_REASON = 'Patiente inconsciente aux urgences du CHEM';

/** Some accesses to Marie's DSP: a search, a reading, a refusal and an emergency access. */
async function visitMarie(): Promise<void> {
  await clientFor(fixtures.users.weber).searchDocuments({ patient: marie });
  await clientFor(fixtures.users.muller).readDocument(fixtures.documents.cardiology.id);
  await clientFor(fixtures.users.kremer)
    .searchDocuments({ patient: marie })
    .catch(() => undefined);
  await clientFor(fixtures.users.hansen).breakTheGlass(marie, EMERGENCY_REASON);
}

/** A story loader: the visits first, so the log has something to show (an emergency row). */
async function visits(): Promise<Record<string, never>> {
  await visitMarie();
  return {};
}

interface Args {
  patient: string;
  lang: Language;
  theme: Theme;
  from: string;
  to: string;
  agent: string;
  action: string;
  document: string;
  print: boolean;
  csvSeparator: string;
  onDspDocumentSelect?: Listener;
  onDspError?: Listener;
}

const meta: Meta<Args> = {
  title: 'Panels/Audit log',
  component: TAG,
  args: {
    patient: marie,
    lang: 'fr',
    theme: 'light',
    from: '',
    to: '',
    agent: '',
    action: '',
    document: '',
    print: false,
    csvSeparator: '',
  },
  argTypes: {
    patient: attribute('patient', 'the patient’s FHIR id.', {
      control: 'select',
      options: Object.values(fixtures.patients).map((p) => p.id),
    }),
    from: attribute('from', 'first day shown, `YYYY-MM-DD`.', { control: 'text' }),
    to: attribute('to', 'last day shown, `YYYY-MM-DD`.', { control: 'text' }),
    agent: attribute('agent', 'only this agent’s entries, e.g. `Practitioner/paul-weber`.', {
      control: 'select',
      options: [
        '',
        ...Object.values(fixtures.practitioners).map((p) => `Practitioner/${p.id}`),
        `Patient/${marie}`,
      ],
    }),
    action: attribute('action', 'only this action.', {
      control: 'select',
      options: ['', 'read', 'search', 'create', 'update', 'mask', 'consent', 'break-the-glass'],
    }),
    document: attribute('document', 'only entries about this document id.', {
      control: 'select',
      options: ['', ...Object.values(fixtures.documents).map((d) => d.id)],
    }),
    print: attribute('print', 'every filtered entry as a plain table, for printing.', {
      control: 'boolean',
    }),
    csvSeparator: attribute(
      'csv-separator',
      'the CSV export’s separator; by default `;` in fr, de and lb, `,` in en.',
      { control: 'select', options: ['', ';', ','] },
    ),
    ...commonArgTypes,
    ...eventArgTypes('dsp-document-select', 'dsp-error'),
  },
  // Marie reads her own log; the loader signs in as the story's user.
  parameters: { user: fixtures.users.marie },
  render: (args, { loaded }) =>
    html`<dsp-audit-log
      .client=${(loaded as { client: DspClient }).client}
      patient=${args.patient}
      lang=${args.lang}
      theme=${args.theme}
      from=${ifDefined(args.from || undefined)}
      to=${ifDefined(args.to || undefined)}
      agent=${ifDefined(args.agent || undefined)}
      action=${ifDefined(args.action || undefined)}
      document=${ifDefined(args.document || undefined)}
      ?print=${args.print}
      csv-separator=${ifDefined(args.csvSeparator || undefined)}
      @dsp-document-select=${detailOf(args.onDspDocumentSelect)}
      @dsp-error=${detailOf(args.onDspError)}
    ></dsp-audit-log>`,
  play: showsPart(TAG, 'row-emergency'),
};

export default meta;
type Story = StoryObj<Args>;

/** Marie's log after a few visits: a search, a reading, a refusal and an emergency access. */
export const PatientLog: Story = { loaders: [visits] };

/** Only the emergency accesses, with their reason. */
export const EmergencyAccesses: Story = {
  args: { action: 'break-the-glass' },
  loaders: [visits],
};

/** Only Dr Kremer's attempts: refused, as Marie blocked him. */
export const RefusedAttempts: Story = {
  args: { agent: `Practitioner/${fixtures.users.kremer}` },
  loaders: [visits],
  play: showsPart(TAG, 'row-refused'),
};

/** The print view: every filtered entry as a plain table. */
export const PrintView: Story = {
  args: { print: true },
  loaders: [visits],
  play: showsPart(TAG, 'print-table'),
};

/** Claire, Lucien's DSP assistant, reads his log for him. */
export const Assistant: Story = {
  args: { patient: fixtures.patients.lucien.id },
  parameters: { user: fixtures.users.claire },
  loaders: [
    async () => {
      await clientFor(fixtures.users.weber).searchDocuments({
        patient: fixtures.patients.lucien.id,
      });
      return {};
    },
  ],
  play: showsPart(TAG, 'row'),
};

/** A DSP nobody has opened yet. */
export const Empty: Story = {
  args: { patient: fixtures.patients.jean.id },
  parameters: { user: fixtures.patients.jean.id },
  play: showsPart(TAG, 'empty'),
};

/** A professional: the log is the patient's alone. */
export const ProfessionalRefused: Story = {
  parameters: { user: fixtures.users.weber },
  play: showsPart(TAG, 'error'),
};

/** Loading, on a slow network (1.5 s more per answer). */
export const Loading: Story = {
  parameters: { scenario: 'slowNetwork' },
  play: showsPart(TAG, 'loading'),
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
 * The network went down after Marie read her log: the log as it was read (the panel does not say
 * it comes from the cache, unlike the viewer).
 */
export const OfflineWithCache: Story = {
  loaders: [
    offlineWithCache(async (client) => {
      await visitMarie();
      return client.searchAuditEvents({ patient: marie, _count: 500 });
    }),
  ],
};

/** Dark theme, in English. */
export const DarkEnglish: Story = { args: { theme: 'dark', lang: 'en' }, loaders: [visits] };

/** In German. */
export const German: Story = { args: { lang: 'de' }, loaders: [visits] };

/** In Luxembourgish. */
export const Luxembourgish: Story = { args: { lang: 'lb' }, loaders: [visits] };
