// <dsp-access-rights> in each of its states, on the mock DSP server. States that follow an action
// (a confirmation, a pending save, invalid details) are reached by the story's play function.
import '@dsp-kit/elements/define/dsp-access-rights.js';
import type { Consent, DspClient } from '@dsp-kit/fhir';
import { fixtures } from '@dsp-kit/mock';
import type { ConsentProvision } from '@medplum/fhirtypes';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { mockServer, resetServers, useScenario } from '../.storybook/sandbox.js';
import { showsPart } from '../.storybook/story-helpers.js';

interface Args {
  patient: string;
  /** The signed-in user as the host says it (`RelatedPerson/<id>` for an assistant). */
  user?: string;
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
      user=${ifDefined(args.user)}
      lang=${args.lang}
      theme=${args.theme}
    ></dsp-access-rights>`,
};

export default meta;
type Story = StoryObj<Args>;

/** The story's panel, once it shows `part` (its loaded state rather than the loading one). */
async function loadedPanel(canvasElement: HTMLElement, part = 'professionals') {
  await showsPart('dsp-access-rights', part)({ canvasElement });
  const el = canvasElement.querySelector('dsp-access-rights');
  if (!el) throw new Error('no <dsp-access-rights> in the story');
  return el;
}

/** Marie: Dr Weber is her référent, she blocked Dr Kremer and masked a consultation. */
export const PatientRights: Story = { play: showsPart('dsp-access-rights', 'assistant-form') };

/** Lucien manages his own rights: Claire, his daughter, is his DSP assistant. */
export const PatientWithAssistant: Story = {
  args: { patient: fixtures.patients.lucien.id },
  parameters: { user: fixtures.users.lucien },
  play: showsPart('dsp-access-rights', 'assistant-form'),
};

/**
 * Claire, Lucien's DSP assistant, manages his rights for him. The host says who she is (`user`):
 * she sees the assistants and may withdraw herself, but names or withdraws no one else.
 */
export const Assistant: Story = {
  args: { patient: fixtures.patients.lucien.id, user: `RelatedPerson/${fixtures.users.claire}` },
  parameters: { user: fixtures.users.claire },
  play: showsPart('dsp-access-rights', 'delegate-note'),
};

/** Claire asks to withdraw herself: the panel says what it means, since she cannot undo it. */
export const AssistantWithdrawing: Story = {
  args: {
    patient: fixtures.patients.lucien.id,
    user: `RelatedPerson/${fixtures.users.claire}`,
    lang: 'en',
  },
  parameters: { user: fixtures.users.claire },
  play: async ({ canvasElement }) => {
    const el = await loadedPanel(canvasElement, 'delegate-note');
    const root = el.shadowRoot;
    /** Waits for what `find` finds, up to 15 s. */
    const found = async <E extends Element>(find: () => E | null | undefined, what: string) => {
      const deadline = Date.now() + 15_000;
      for (;;) {
        const element = find();
        if (element) return element;
        if (Date.now() > deadline) throw new Error(`${what} did not show`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    const own = `[data-assistant="${fixtures.users.claire}"] button`;
    (await found(() => root?.querySelector<HTMLButtonElement>(own), 'her row')).click();
    await found(() => root?.querySelector('[part="confirm-dialog"][open]'), 'the confirmation');
  },
};

/** Naming an assistant with an empty family name and a mistyped matricule: a message per field. */
export const AssistantInvalid: Story = {
  args: { patient: fixtures.patients.lucien.id, lang: 'en' },
  parameters: { user: fixtures.users.lucien },
  play: async ({ canvasElement }) => {
    const el = await loadedPanel(canvasElement, 'assistant-form');
    const form = el.shadowRoot?.querySelector<HTMLFormElement>('[part="assistant-form"]');
    const set = (name: string, value: string) => {
      const input = form?.querySelector<HTMLInputElement>(`[name="${name}"]`);
      if (input) input.value = value;
    };
    set('given', 'Paul');
    set('matricule', '1961051704400');
    form?.requestSubmit();
  },
};

/** Blocking the médecin référent: the panel explains what it means and asks first. */
export const BlockReferent: Story = {
  play: async ({ canvasElement }) => {
    const el = await loadedPanel(canvasElement);
    void el.block('Practitioner/paul-weber');
    await showsPart('dsp-access-rights', 'confirm-dialog')({ canvasElement });
  },
};

/** The network went down during a save: the change stays pending, with a retry. */
export const SavePending: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement }) => {
    const el = await loadedPanel(canvasElement);
    useScenario('offline');
    await el.unblock('Practitioner/luc-kremer');
    // The network is back (nothing was written): the story's retry button works.
    resetServers();
  },
};

/** Two rules another application wrote into Tom's Consent. */
const foreignRules: ConsentProvision[] = [
  {
    type: 'deny',
    period: { start: '2026-01-01', end: '2026-12-31' },
    actor: [
      {
        role: {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'PROV' }],
        },
        reference: { reference: 'Practitioner/julie-meyer', display: 'Julie Meyer' },
      },
    ],
  },
  {
    type: 'permit',
    actor: [
      {
        role: {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'PROV' }],
        },
        reference: { reference: 'Organization/chl', display: 'Centre Hospitalier de Luxembourg' },
      },
    ],
    purpose: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'TREAT' }],
  },
];

/** Rules another application wrote into Tom's Consent: shown read-only, kept on every save. */
export const OtherRules: Story = {
  args: { patient: fixtures.patients.tom.id },
  parameters: { user: fixtures.patients.tom.id },
  // Runs after the preview's loader has put the fixtures back.
  loaders: [
    () => {
      const { store } = mockServer();
      const consent = structuredClone(store.consentOf(fixtures.patients.tom.id)) as Consent;
      if (consent.provision) {
        consent.provision.provision = [...(consent.provision.provision ?? []), ...foreignRules];
        store.put(consent);
      }
      return {};
    },
  ],
  play: showsPart('dsp-access-rights', 'other-rules'),
};

/** Sophie closed her DSP: the panel offers to reopen it. */
export const ClosedDsp: Story = {
  args: { patient: fixtures.patients.sophie.id },
  parameters: { user: fixtures.patients.sophie.id },
  play: showsPart('dsp-access-rights', 'closed-banner'),
};

/** A professional: only the patient manages these rights; the panel says what they may see. */
export const ProfessionalReadOnly: Story = {
  parameters: { user: fixtures.users.weber },
  play: showsPart('dsp-access-rights', 'read-only'),
};

/** A professional the patient blocked: no access, and the server's reason. */
export const BlockedProfessional: Story = {
  parameters: { user: fixtures.users.kremer },
  play: showsPart('dsp-access-rights', 'read-only'),
};

/** The network is down. */
export const Offline: Story = {
  parameters: { scenario: 'offline' },
  play: showsPart('dsp-access-rights', 'error'),
};

/** Dark theme, in English. */
export const DarkEnglish: Story = {
  args: { theme: 'dark', lang: 'en' },
  play: showsPart('dsp-access-rights', 'professionals'),
};
