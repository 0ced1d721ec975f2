// <dsp-document-viewer user>'s document actions — replace, correct, withdraw, confidentiality,
// earlier versions — for each role, on the mock DSP server; an action per cancelable event.
import '@dsp-kit/elements/define/dsp-document-viewer.js';
import type { DspClient } from '@dsp-kit/fhir';
import { fixtures } from '@dsp-kit/mock';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import {
  commonArgTypes,
  detailOf,
  eventArgTypes,
  showsPart,
  type Language,
  type Listener,
  type Theme,
} from '../.storybook/story-helpers.js';

const TAG = 'dsp-document-viewer';
const { patients, users, assistants } = fixtures;

interface Args {
  patient: string;
  user: string;
  lang: Language;
  theme: Theme;
  onDspDocumentReplace?: Listener;
  onDspDocumentWithdraw?: Listener;
  onDspDocumentUpdate?: Listener;
}

const meta: Meta<Args> = {
  title: 'Panels/Document viewer/Lifecycle',
  component: TAG,
  args: {
    patient: patients.marie.id,
    user: `Practitioner/${users.weber}`,
    lang: 'fr',
    theme: 'light',
  },
  argTypes: {
    ...commonArgTypes,
    ...eventArgTypes('dsp-document-replace', 'dsp-document-withdraw', 'dsp-document-update'),
  },
  // The token's user; `user` tells the panel who that is. Open a document to see its actions.
  parameters: { user: users.weber },
  render: (args, { loaded }) =>
    html`<dsp-document-viewer
      .client=${(loaded as { client: DspClient }).client}
      patient=${args.patient}
      user=${args.user}
      lang=${args.lang}
      theme=${args.theme}
      @dsp-document-replace=${detailOf(args.onDspDocumentReplace)}
      @dsp-document-withdraw=${detailOf(args.onDspDocumentWithdraw)}
      @dsp-document-update=${detailOf(args.onDspDocumentUpdate)}
    ></dsp-document-viewer>`,
  play: showsPart(TAG, 'row'),
};

export default meta;
type Story = StoryObj<Args>;

/** Dr Weber, author of Marie's summary and certificate: replace, correct, withdraw them. */
export const Author: Story = {};

/** Marie: the confidentiality of every document; replace or withdraw her own words. */
export const Patient: Story = {
  args: { user: `Patient/${patients.marie.id}` },
  parameters: { user: users.marie },
};

/** Claire, Lucien's DSP assistant: the confidentiality, and withdrawing his own words. */
export const Assistant: Story = {
  args: { patient: patients.lucien.id, user: `RelatedPerson/${assistants.claire.id}` },
  parameters: { user: users.claire },
};

/** Dr Muller on Dr Weber's documents: nothing to do there (read-only). */
export const OtherProfessional: Story = {
  args: { user: `Practitioner/${users.muller}` },
  parameters: { user: users.muller },
};
