// <dsp-access-rights> in each of its states, on the mock DSP server.
import '@dsp-kit/elements/define/dsp-access-rights.js';
import type { DspClient } from '@dsp-kit/fhir';
import { fixtures } from '@dsp-kit/mock';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';

interface Args {
  patient: string;
  lang: 'fr' | 'de' | 'en' | 'lb';
  theme: 'light' | 'dark';
}

const meta: Meta<Args> = {
  title: 'Panels/Access rights',
  component: 'dsp-access-rights',
  args: { patient: fixtures.patients.marie.id, lang: 'fr', theme: 'light' },
  argTypes: {
    patient: { control: 'select', options: Object.values(fixtures.patients).map((p) => p.id) },
    lang: { control: 'inline-radio', options: ['fr', 'de', 'en', 'lb'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  // Marie manages her own rights; the loader signs in as the story's user.
  parameters: { user: fixtures.users.marie },
  render: (args, { loaded }) =>
    html`<dsp-access-rights
      .client=${(loaded as { client: DspClient }).client}
      patient=${args.patient}
      lang=${args.lang}
      theme=${args.theme}
    ></dsp-access-rights>`,
};

export default meta;
type Story = StoryObj<Args>;

/** Marie: Dr Weber is her référent, she blocked Dr Kremer and masked a consultation. */
export const PatientRights: Story = {};

/** Claire, Lucien's DSP assistant, manages his rights for him. */
export const Assistant: Story = {
  args: { patient: fixtures.patients.lucien.id },
  parameters: { user: fixtures.users.claire },
};

/** Sophie closed her DSP: the panel offers to reopen it. */
export const ClosedDsp: Story = {
  args: { patient: fixtures.patients.sophie.id },
  parameters: { user: fixtures.patients.sophie.id },
};

/** A professional: only the patient manages these rights. */
export const ProfessionalReadOnly: Story = { parameters: { user: fixtures.users.weber } };

/** The network is down. */
export const Offline: Story = { parameters: { scenario: 'offline' } };

/** Dark theme, in English. */
export const DarkEnglish: Story = { args: { theme: 'dark', lang: 'en' } };
