// <dsp-document-uploader> on the mock DSP server: a professional's uploader, and a patient's.
import '@dsp-kit/elements/define/dsp-document-uploader.js';
import type { DspClient } from '@dsp-kit/fhir';
import { fixtures } from '@dsp-kit/mock';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';

interface Args {
  mode: 'professional' | 'patient';
  lang: 'fr' | 'de' | 'en' | 'lb';
  theme: 'light' | 'dark';
  maxSize: number;
}

const meta: Meta<Args> = {
  title: 'Panels/Document uploader',
  component: 'dsp-document-uploader',
  parameters: { user: fixtures.users.weber },
  args: { mode: 'professional', lang: 'fr', theme: 'light', maxSize: 20 * 1024 * 1024 },
  argTypes: {
    mode: { control: 'inline-radio', options: ['professional', 'patient'] },
    lang: { control: 'inline-radio', options: ['fr', 'de', 'en', 'lb'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
    maxSize: { control: 'number' },
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
      lang=${args.lang}
      theme=${args.theme}
    ></dsp-document-uploader>`,
};

export default meta;
type Story = StoryObj<Args>;

/** A professional (Dr Weber) adds documents to Marie's DSP. */
export const Professional: Story = {};

/** Marie adds her own notes: the type is fixed to "Expression du titulaire". */
export const Patient: Story = {
  args: { mode: 'patient' },
  parameters: { user: fixtures.users.marie },
};

/** A small size limit (100 kB), to see files refused before sending. */
export const SmallLimit: Story = { args: { maxSize: 100_000 } };
