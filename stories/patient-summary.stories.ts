// <dsp-patient-summary> in each of its states, on the mock DSP server: a CDA summary (Tom's), a
// FHIR IPS one (Lucien's), an old one with empty sections (Nadia's), none (Jean), refused,
// offline from the cache, a format it cannot read (a plain-text summary Dr Weber sends for Jean); a
// control per attribute, an action per event.
import '@dsp-kit/elements/define/dsp-patient-summary.js';
import { sha1Base64, type DspClient, type ReadCache } from '@dsp-kit/fhir';
import { fixtures } from '@dsp-kit/mock';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { MemoryReadCache } from '../.storybook/memory-cache.js';
import { clientFor, useScenario } from '../.storybook/sandbox.js';
import {
  attribute,
  commonArgTypes,
  detailOf,
  eventArgTypes,
  showsPart,
  storyUser,
  type Language,
  type Listener,
  type Theme,
} from '../.storybook/story-helpers.js';

const TAG = 'dsp-patient-summary';
const { patients, users } = fixtures;

interface Args {
  patient: string;
  staleAfter: number;
  lang: Language;
  theme: Theme;
  onDspDocumentSelect?: Listener;
  onDspSummaryShown?: Listener;
  onDspError?: Listener;
}

const meta: Meta<Args> = {
  title: 'Panels/Patient summary',
  component: TAG,
  parameters: { user: users.weber },
  args: { patient: patients.tom.id, staleAfter: 12, lang: 'fr', theme: 'light' },
  argTypes: {
    patient: attribute('patient', 'the patient: a FHIR id or `Patient/<id>`.', {
      control: 'select',
      options: Object.values(patients).map((p) => p.id),
    }),
    staleAfter: attribute('stale-after', 'months after which a summary is marked as old.', {
      control: { type: 'number', min: 1, max: 120 },
    }),
    ...commonArgTypes,
    ...eventArgTypes('dsp-document-select', 'dsp-summary-shown', 'dsp-error'),
  },
  render: (args, { loaded }) => {
    const { client, cache } = loaded as { client: DspClient; cache?: ReadCache };
    return html`<dsp-patient-summary
      .client=${client}
      .cache=${cache}
      patient=${args.patient}
      stale-after=${args.staleAfter}
      lang=${args.lang}
      theme=${args.theme}
      @dsp-document-select=${detailOf(args.onDspDocumentSelect)}
      @dsp-summary-shown=${detailOf(args.onDspSummaryShown)}
      @dsp-error=${detailOf(args.onDspError)}
    ></dsp-patient-summary>`;
  },
  play: showsPart(TAG, 'header'),
};

export default meta;
type Story = StoryObj<Args>;

/** Tom's summary, a level-3 CDA (IHE PCC XPHR): allergies, problems, medication, vaccinations. */
export const Cda: Story = {};

/** Lucien's summary, a FHIR IPS document Bundle: every section the card shows first. */
export const FhirIps: Story = { args: { patient: patients.lucien.id } };

/**
 * Nadia's summary of 2021 (eHDSI CDA): marked as old; no known allergies nor medication ("none
 * recorded"), problems and vaccinations without information.
 */
export const OldWithEmptySections: Story = {
  args: { patient: patients.nadia.id },
  play: showsPart(TAG, 'stale'),
};

/** Jean's DSP holds no summary. */
export const NoSummary: Story = {
  args: { patient: patients.jean.id },
  play: showsPart(TAG, 'empty'),
};

/**
 * Dr Weber sends Jean's summary as plain text (ITI-65, as any software could): the card cannot
 * read it and offers the download.
 */
export const UnreadableFormat: Story = {
  args: { patient: patients.jean.id },
  loaders: [
    async ({ parameters }: { parameters: object }) => {
      // Storybook gives a level's loaders what earlier levels loaded only once all have run.
      const client = clientFor(storyUser(parameters));
      const bytes = new TextEncoder().encode(
        'Résumé patient\nAntécédents : hypertension artérielle.\nTraitement : amlodipine 5 mg.\n',
      );
      await client.provideDocuments({
        uuid: crypto.randomUUID(),
        patient: patients.jean.id,
        author: { reference: `Practitioner/${users.weber}`, display: 'Dr Paul Weber' },
        date: '2026-11-20T10:00:00+01:00',
        documents: [
          {
            uuid: crypto.randomUUID(),
            typeCode: 'resume-patient',
            title: 'Résumé patient',
            contentType: 'text/plain',
            data: btoa(String.fromCharCode(...bytes)),
            size: bytes.byteLength,
            hash: await sha1Base64(bytes),
          },
        ],
      });
      return {};
    },
  ],
  play: showsPart(TAG, 'unreadable'),
};

/** Dr Kremer, whom Marie blocked: refused, without a retry. */
export const Refused: Story = {
  args: { patient: patients.marie.id },
  parameters: { user: users.kremer },
  play: showsPart(TAG, 'error'),
};

/** Loading, on a slow network (1.5 s more per answer). */
export const Loading: Story = {
  parameters: { scenario: 'slowNetwork' },
  play: showsPart(TAG, 'loading'),
};

/** Offline, with Tom's summary read before: shown from the cache, and said so. */
export const OfflineFromCache: Story = {
  loaders: [
    async ({ parameters }: { parameters: object }) => {
      const cache = new MemoryReadCache();
      const client = clientFor(storyUser(parameters), { cache });
      // What the card reads, once while the server answers: the search, then the content.
      const page = await client.searchDocuments({
        patient: patients.tom.id,
        type: 'resume-patient',
        _count: 20,
      });
      const [first] = page.entries;
      const attachment = first?.content[0]?.attachment;
      if (attachment) {
        const blob = await client.retrieveContent(attachment);
        const url = new URL(attachment.url ?? '', client.baseUrl).href;
        await cache.put(`dsp-kit-patient-summary:${url}`, {
          contentType: attachment.contentType ?? blob.type,
          text: await blob.text(),
        });
      }
      useScenario('offline');
      return { client, cache };
    },
  ],
  play: showsPart(TAG, 'offline'),
};

/** Dark theme, in English. */
export const DarkEnglish: Story = { args: { lang: 'en', theme: 'dark' } };

/** In German. */
export const German: Story = { args: { lang: 'de' } };

/** In Luxembourgish, Lucien's IPS. */
export const Luxembourgish: Story = { args: { lang: 'lb', patient: patients.lucien.id } };
