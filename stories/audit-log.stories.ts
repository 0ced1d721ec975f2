// <dsp-audit-log> in each of its states, on the mock DSP server.
import '@dsp-kit/elements/define/dsp-audit-log.js';
import type { DspClient } from '@dsp-kit/fhir';
import { fixtures } from '@dsp-kit/mock';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { clientFor } from '../.storybook/sandbox.js';

/** Some accesses to Marie's DSP first, so her log has something to show. */
async function visits(): Promise<Record<string, never>> {
  const marie = fixtures.patients.marie.id;
  await (await clientFor(fixtures.users.weber)).searchDocuments({ patient: marie });
  await (await clientFor(fixtures.users.muller)).readDocument(fixtures.documents.cardiology.id);
  await (
    await clientFor(fixtures.users.kremer)
  )
    .searchDocuments({ patient: marie })
    .catch(() => undefined);
  await (
    await clientFor(fixtures.users.hansen)
  ).breakTheGlass(marie, 'Patiente inconsciente aux urgences du CHEM');
  return {};
}

interface Args {
  patient: string;
  lang: 'fr' | 'de' | 'en' | 'lb';
  theme: 'light' | 'dark';
  action: string;
}

const meta: Meta<Args> = {
  title: 'Panels/Audit log',
  component: 'dsp-audit-log',
  args: { patient: fixtures.patients.marie.id, lang: 'fr', theme: 'light', action: '' },
  argTypes: {
    patient: { control: 'select', options: Object.values(fixtures.patients).map((p) => p.id) },
    lang: { control: 'inline-radio', options: ['fr', 'de', 'en', 'lb'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
    action: {
      control: 'select',
      options: ['', 'read', 'search', 'create', 'update', 'mask', 'consent', 'break-the-glass'],
    },
  },
  // Marie reads her own log; the loader signs in as the story's user.
  parameters: { user: fixtures.users.marie },
  render: (args, { loaded }) =>
    html`<dsp-audit-log
      .client=${(loaded as { client: DspClient }).client}
      patient=${args.patient}
      lang=${args.lang}
      theme=${args.theme}
      action=${args.action}
    ></dsp-audit-log>`,
};

export default meta;
type Story = StoryObj<Args>;

/** Marie's log after a few visits: a search, a reading, a refusal and an emergency access. */
export const PatientLog: Story = { loaders: [visits] };

/** A DSP nobody has opened yet. */
export const Empty: Story = {
  args: { patient: fixtures.patients.jean.id },
  parameters: { user: fixtures.patients.jean.id },
};

/** A professional: the log is the patient's alone. */
export const ProfessionalRefused: Story = { parameters: { user: fixtures.users.weber } };

/** The network is down. */
export const Offline: Story = { parameters: { scenario: 'offline' } };

/** Dark theme, in English. */
export const DarkEnglish: Story = { args: { theme: 'dark', lang: 'en' }, loaders: [visits] };
