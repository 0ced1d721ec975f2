// <dsp-document-stats> in each of its states, on the mock DSP server, signed in as the agency.
//
// Storybook's sandbox holds the fixtures only, not the seed's 2015–2017 documents (loading 14,070
// documents for every story would slow the whole Storybook), so these stories count the fixtures'
// documents, dated 2022–2026: the seed's own figures are checked by
// packages/elements/test/document-stats.test.ts, and `npx dsp-mock-server --dataset seed2017`
// serves them to a real page.
import '@dsp-kit/elements/define/dsp-document-stats.js';
import type { DspClient } from '@dsp-kit/fhir';
import { fixtures } from '@dsp-kit/mock';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';

interface Args {
  dates: string;
  view: 'table' | 'chart';
  mode: 'cumulative' | 'period';
  lang: 'fr' | 'de' | 'en' | 'lb';
  theme: 'light' | 'dark';
}

/** Year ends over the fixtures' documents. */
const FIXTURE_DATES = '2022-12,2023-12,2024-12,2025-12,2026-12';

const meta: Meta<Args> = {
  title: 'Panels/Document statistics',
  component: 'dsp-document-stats',
  parameters: { user: fixtures.users.agency },
  args: { dates: FIXTURE_DATES, view: 'table', mode: 'cumulative', lang: 'fr', theme: 'light' },
  argTypes: {
    dates: { control: 'text' },
    view: { control: 'inline-radio', options: ['table', 'chart'] },
    mode: { control: 'inline-radio', options: ['cumulative', 'period'] },
    lang: { control: 'inline-radio', options: ['fr', 'de', 'en', 'lb'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  render: (args, { loaded }) =>
    html`<dsp-document-stats
      .client=${(loaded as { client: DspClient }).client}
      dates=${args.dates}
      view=${args.view}
      mode=${args.mode}
      lang=${args.lang}
      theme=${args.theme}
    ></dsp-document-stats>`,
};

export default meta;
type Story = StoryObj<Args>;

/** Documents by type at the end of each year, with totals: the table. */
export const Table: Story = {};

/** The same counts as a stacked bar chart, the largest types first and the others together. */
export const Chart: Story = { args: { view: 'chart' } };

/** The documents added during each year instead of the running totals. */
export const PerPeriod: Story = { args: { mode: 'period' } };

/** In English, dark theme, as a chart. */
export const DarkEnglish: Story = { args: { lang: 'en', theme: 'dark', view: 'chart' } };

/** The seed presentation's dates: the fixtures hold no document that old, hence the empty state. */
export const SeedDatesWithoutSeedData: Story = {
  args: { dates: '2015-10,2016-01,2016-04,2016-07,2016-10,2017-01,2017-03' },
};

/** The network is down: the error state, with a retry. */
export const Offline: Story = { parameters: { scenario: 'offline' } };

/** A doctor is not the agency: the server refuses counts across every DSP. */
export const NotTheAgency: Story = { parameters: { user: fixtures.users.weber } };
