// <dsp-document-stats> in each of its states, on the mock DSP server, signed in as the agency: a
// control per attribute (and for the `types` property), an action per event.
//
// Storybook's mock holds the fixtures only, not the seed's 2015–2017 documents (loading 14,070
// documents for every story would slow the whole Storybook), so these stories count the fixtures'
// documents, dated 2022–2026: the seed's own figures are checked by
// packages/elements/test/document-stats.test.ts, and `npx dsp-mock-server --dataset seed2017`
// serves them to a real page.
import '@dsp-kit/elements/define/dsp-document-stats.js';
import { documentTypes, type DspClient } from '@dsp-kit/fhir';
import { fixtures } from '@dsp-kit/mock';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import {
  attribute,
  commonArgTypes,
  detailOf,
  eventArgTypes,
  property,
  showsPart,
  type Language,
  type Listener,
  type Theme,
} from '../.storybook/story-helpers.js';

const TAG = 'dsp-document-stats';

interface Args {
  dates: string;
  view: 'table' | 'chart';
  mode: 'cumulative' | 'period';
  types: string[];
  lang: Language;
  theme: Theme;
  onDspError?: Listener;
}

/** Year ends over the fixtures' documents. */
const FIXTURE_DATES = '2022-12,2023-12,2024-12,2025-12,2026-12';
const ALL_TYPES = documentTypes.map((type) => type.code);

const meta: Meta<Args> = {
  title: 'Panels/Document statistics',
  component: TAG,
  parameters: { user: fixtures.users.agency },
  args: {
    dates: FIXTURE_DATES,
    view: 'table',
    mode: 'cumulative',
    types: ALL_TYPES,
    lang: 'fr',
    theme: 'light',
  },
  argTypes: {
    dates: attribute('dates', 'comma-separated `YYYY-MM` or `YYYY-MM-DD`.', { control: 'text' }),
    view: attribute('view', 'the table, or the stacked bar chart.', {
      control: 'inline-radio',
      options: ['table', 'chart'],
    }),
    mode: attribute('mode', 'documents up to each date, or added since the previous one.', {
      control: 'inline-radio',
      options: ['cumulative', 'period'],
    }),
    types: property('types', 'the DSP type codes counted, in the order of the rows.', {
      control: 'check',
      options: ALL_TYPES,
    }),
    ...commonArgTypes,
    ...eventArgTypes('dsp-error'),
  },
  render: (args, { loaded }) =>
    html`<dsp-document-stats
      .client=${(loaded as { client: DspClient }).client}
      .types=${args.types}
      dates=${args.dates}
      view=${args.view}
      mode=${args.mode}
      lang=${args.lang}
      theme=${args.theme}
      @dsp-error=${detailOf(args.onDspError)}
    ></dsp-document-stats>`,
  play: showsPart(TAG, 'table'),
};

export default meta;
type Story = StoryObj<Args>;

/** Documents by type at the end of each year, with totals: the table. */
export const Table: Story = {};

/** The same counts as a stacked bar chart, the largest types first and the others together. */
export const Chart: Story = { args: { view: 'chart' }, play: showsPart(TAG, 'chart') };

/** The documents added during each year instead of the running totals. */
export const PerPeriod: Story = { args: { mode: 'period' } };

/** A few types only, in the host's order. */
export const SomeTypes: Story = {
  args: { types: ['resultat-biologie', 'cr-acte-diagnostique', 'resume-patient'] },
};

/** The seed presentation's dates: the fixtures hold no document that old, hence the empty state. */
export const SeedDatesWithoutSeedData: Story = {
  args: { dates: '2015-10,2016-01,2016-04,2016-07,2016-10,2017-01,2017-03' },
  play: showsPart(TAG, 'empty'),
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

/** The network is down: the error state, with a retry. (Counts are never cached.) */
export const Offline: Story = {
  parameters: { scenario: 'offline' },
  play: showsPart(TAG, 'error'),
};

/** A doctor is not the agency: the server refuses counts across every DSP. */
export const NotTheAgency: Story = {
  parameters: { user: fixtures.users.weber },
  play: showsPart(TAG, 'error'),
};

/** In English, dark theme, as a chart. */
export const DarkEnglish: Story = {
  args: { lang: 'en', theme: 'dark', view: 'chart' },
  play: showsPart(TAG, 'chart'),
};

/** In German. */
export const German: Story = { args: { lang: 'de' } };

/** In Luxembourgish, as a chart. */
export const Luxembourgish: Story = {
  args: { lang: 'lb', view: 'chart' },
  play: showsPart(TAG, 'chart'),
};
