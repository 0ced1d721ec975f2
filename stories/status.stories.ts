// The awareness elements on the mock DSP server: <dsp-status> in each of its states (open, closed,
// no DSP, blocked, emergency access, new documents, loading, failed), <dsp-status-list> as a
// worklist, and <dsp-emergency-alerts> after an emergency access; a control per attribute, an
// action per event.
import '@dsp-kit/elements/define/dsp-emergency-alerts.js';
import '@dsp-kit/elements/define/dsp-status-list.js';
import '@dsp-kit/elements/define/dsp-status.js';
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
  showsPart,
  type Language,
  type Listener,
  type Theme,
} from '../.storybook/story-helpers.js';

const TAG = 'dsp-status';
const { patients, users } = fixtures;
const EMERGENCY_REASON = 'Patiente inconsciente aux urgences du CHEM';

/** A story loader: Dr Hansen opens Marie's DSP in an emergency first. */
async function emergencyAccess(): Promise<Record<string, never>> {
  await clientFor(users.hansen).breakTheGlass(patients.marie.id, EMERGENCY_REASON);
  return {};
}

interface Args {
  patient: string;
  user: string;
  lang: Language;
  theme: Theme;
  onDspStatusOpen?: Listener;
  onDspError?: Listener;
}

const meta: Meta<Args> = {
  title: 'Awareness/Status',
  component: TAG,
  parameters: { user: users.weber },
  args: { patient: patients.marie.id, user: '', lang: 'fr', theme: 'light' },
  argTypes: {
    patient: attribute('patient', 'the patient: a FHIR id or `Patient/<id>`.', {
      control: 'select',
      options: [...Object.values(patients).map((p) => p.id), 'unknown-patient'],
    }),
    user: attribute(
      'user',
      'the signed-in user as a FHIR reference; for a patient or an assistant, the last visit comes from the access log.',
      { control: 'text' },
    ),
    ...commonArgTypes,
    ...eventArgTypes('dsp-status-open', 'dsp-error'),
  },
  render: (args, { loaded }) =>
    html`<dsp-status
      .client=${(loaded as { client: DspClient }).client}
      patient=${args.patient}
      user=${ifDefined(args.user || undefined)}
      lang=${args.lang}
      theme=${args.theme}
      @dsp-status-open=${detailOf(args.onDspStatusOpen)}
      @dsp-error=${detailOf(args.onDspError)}
    ></dsp-status>`,
  play: showsPart(TAG, 'mark'),
};

export default meta;
type Story = StoryObj<Args>;

/** Marie's DSP is open; Dr Weber, her référent, has full access. */
export const Open: Story = {};

/** Sophie closed her DSP. */
export const Closed: Story = { args: { patient: patients.sophie.id } };

/** A patient the server knows of no DSP for. */
export const NoDsp: Story = { args: { patient: 'unknown-patient' } };

/** Dr Kremer, whom Marie blocked. */
export const Blocked: Story = { parameters: { user: users.kremer } };

/** Dr Hansen, after opening Marie's DSP in an emergency: access until when. */
export const EmergencyAccess: Story = {
  parameters: { user: users.hansen },
  loaders: [emergencyAccess],
};

/** Marie on her own DSP: her last visit comes from her access log. */
export const Patient: Story = {
  args: { user: `Patient/${patients.marie.id}` },
  parameters: { user: users.marie },
};

/** Loading, on a slow network (1.5 s more per answer). */
export const Loading: Story = {
  parameters: { scenario: 'slowNetwork' },
  play: showsPart(TAG, 'loading'),
};

/** The network is down and nothing was read before: the badge says it could not read. */
export const Offline: Story = { parameters: { scenario: 'offline' } };

/** Dark theme, in English. */
export const DarkEnglish: Story = { args: { lang: 'en', theme: 'dark' } };

/** In German. */
export const German: Story = { args: { lang: 'de' } };

/** In Luxembourgish. */
export const Luxembourgish: Story = { args: { lang: 'lb' } };

/** A worklist: every fixture patient's status from one batch request, one Tab stop. */
export const Worklist: Story = {
  render: (args, { loaded }) =>
    html`<dsp-status-list
      .client=${(loaded as { client: DspClient }).client}
      .patients=${Object.values(patients).map((p) => p.id)}
      lang=${args.lang}
      theme=${args.theme}
      @dsp-status-open=${detailOf(args.onDspStatusOpen)}
      @dsp-error=${detailOf(args.onDspError)}
    ></dsp-status-list>`,
  play: showsPart('dsp-status-list', 'row'),
};

/**
 * A worklist with the names the EHR knows its patients by (`{ id, name }` entries): a row shows
 * them even where the DSP is refused and the server tells no name (Sophie's, closed), and for a
 * patient with no DSP.
 */
export const WorklistWithNames: Story = {
  render: (args, { loaded }) =>
    html`<dsp-status-list
      .client=${(loaded as { client: DspClient }).client}
      .patients=${[
        ...Object.values(patients).map((p) => ({
          id: p.id,
          name: `${p.name?.[0]?.family?.toUpperCase() ?? ''} ${p.name?.[0]?.given?.[0] ?? ''}`,
        })),
        { id: 'unknown-patient', name: 'DOE Jane' },
      ]}
      lang=${args.lang}
      theme=${args.theme}
      @dsp-status-open=${detailOf(args.onDspStatusOpen)}
      @dsp-error=${detailOf(args.onDspError)}
    ></dsp-status-list>`,
  play: showsPart('dsp-status-list', 'row'),
};

/** A worklist longer than one batch allows (51 patients): said, nothing asked. */
export const WorklistTooLong: Story = {
  render: (args, { loaded }) =>
    html`<dsp-status-list
      .client=${(loaded as { client: DspClient }).client}
      .patients=${Array.from({ length: 51 }, (_, i) => `patient-${String(i + 1)}`)}
      lang=${args.lang}
      theme=${args.theme}
    ></dsp-status-list>`,
  play: showsPart('dsp-status-list', 'error'),
};

/** Marie, after Dr Hansen's emergency access: who, when, why, and the acknowledgement. */
export const EmergencyAlerts: Story = {
  parameters: { user: users.marie },
  loaders: [emergencyAccess],
  render: (args, { loaded }) =>
    html`<dsp-emergency-alerts
      .client=${(loaded as { client: DspClient }).client}
      patient=${patients.marie.id}
      audit-href="#audit/{id}"
      lang=${args.lang}
      theme=${args.theme}
    ></dsp-emergency-alerts>`,
  play: showsPart('dsp-emergency-alerts', 'entry'),
};
