// <dsp-document-viewer> in each of its states, on the mock DSP server.
import '@dsp-kit/elements/define/dsp-document-viewer.js';
import type { DspClient } from '@dsp-kit/fhir';
import { fixtures } from '@dsp-kit/mock';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';

interface Args {
  patient: string;
  lang: 'fr' | 'de' | 'en' | 'lb';
  theme: 'light' | 'dark';
  view: 'timeline' | 'types' | 'classes';
  sort: '-date' | 'date' | 'type';
  filterType: string;
  q: string;
}

const meta: Meta<Args> = {
  title: 'Panels/Document viewer',
  component: 'dsp-document-viewer',
  args: {
    patient: fixtures.patients.marie.id,
    lang: 'fr',
    theme: 'light',
    view: 'timeline',
    sort: '-date',
    filterType: '',
    q: '',
  },
  argTypes: {
    patient: {
      control: 'select',
      options: Object.values(fixtures.patients).map((p) => p.id),
    },
    lang: { control: 'inline-radio', options: ['fr', 'de', 'en', 'lb'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
    view: { control: 'inline-radio', options: ['timeline', 'types', 'classes'] },
    sort: { control: 'inline-radio', options: ['-date', 'date', 'type'] },
  },
  render: (args, { loaded }) =>
    html`<dsp-document-viewer
      .client=${(loaded as { client: DspClient }).client}
      patient=${args.patient}
      lang=${args.lang}
      theme=${args.theme}
      view=${args.view}
      sort=${args.sort}
      filter-type=${args.filterType}
      q=${args.q}
    ></dsp-document-viewer>`,
};

export default meta;
type Story = StoryObj<Args>;

/** A DSP with documents of several types and authors, by month (Dr Weber, her médecin référent). */
export const Documents: Story = {};

/** Grouped by DSP type, in the agency's order. */
export const ByType: Story = { args: { view: 'types' } };

/** Filtered by type and words: what a deep link restores. */
export const Filtered: Story = { args: { filterType: 'cr-acte-diagnostique', q: 'écho' } };

/** The patient herself: the document hidden until explained is not there. */
export const PatientView: Story = { parameters: { user: fixtures.users.marie } };

/** A DSP opened but still empty. */
export const Empty: Story = { args: { patient: fixtures.patients.jean.id } };

/** Loading, on a slow network. */
export const Loading: Story = { parameters: { scenario: 'slowNetwork' } };

/** The server is down for maintenance: the error state, with the server's explanation. */
export const ServerError: Story = { parameters: { scenario: 'searchUnavailable' } };

/** A physiotherapist: lab results are not for his profession. */
export const Physiotherapist: Story = { parameters: { user: fixtures.users.thill } };

/** A doctor the patient blocked: the refusal, as the server explains it. */
export const BlockedDoctor: Story = { parameters: { user: fixtures.users.kremer } };

/** A closed DSP, as a professional sees it. */
export const ClosedDsp: Story = { args: { patient: fixtures.patients.sophie.id } };

/** Dark theme, in English. */
export const DarkEnglish: Story = { args: { theme: 'dark', lang: 'en' } };
