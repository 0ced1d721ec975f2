// <dsp-document-viewer user>'s document actions — replace, correct, withdraw, confidentiality,
// earlier versions — for each role, on the mock DSP server; an action per cancelable event. Each
// story opens the document its role acts on, and fails unless exactly that role's actions show.
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
const { patients, users, assistants, documents } = fixtures;

type StoryContext = Parameters<ReturnType<typeof showsPart>>[0];

/** The shadow root of the viewer's actions, once they show for the open document. */
function actionsRoot(canvas: HTMLElement): ShadowRoot | undefined {
  const root = canvas
    .querySelector(TAG)
    ?.shadowRoot?.querySelector('dsp-document-actions')?.shadowRoot;
  return root?.querySelector('[part="actions"]') ? root : undefined;
}

async function until<T>(what: string, find: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`${what} did not show within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * A play function: opens `documentId` in the viewer's preview and waits for its actions, then
 * fails unless they are `expected` (the controls' names, in order); `then` goes on from there
 * (a dialog opened).
 */
function opens(
  documentId: string,
  expected: readonly string[],
  then?: (actions: ShadowRoot) => Promise<void>,
) {
  return async (context: StoryContext): Promise<void> => {
    await showsPart(TAG, 'row')(context);
    context.canvasElement.querySelector(TAG)?.open(documentId);
    const actions = await until(`the actions on ${documentId}`, () =>
      actionsRoot(context.canvasElement),
    );
    const names = [...actions.querySelectorAll('.buttons [name]')].map(
      (control) => control.getAttribute('name') ?? '',
    );
    if (names.join() !== expected.join()) {
      throw new Error(
        `actions on ${documentId}: [${names.join(', ')}], not [${expected.join(', ')}]`,
      );
    }
    await then?.(actions);
  };
}

/** Opens the dialog of the action `name`; resolves once `ready` shows in it. */
function dialogOf(name: string, ready: string) {
  return async (actions: ShadowRoot): Promise<void> => {
    actions.querySelector<HTMLButtonElement>(`.buttons button[name="${name}"]`)?.click();
    await until(
      `the ${name} dialog`,
      () => actions.querySelector(`#${name}-dialog[open] ${ready}`) ?? undefined,
    );
  };
}

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

/** Dr Weber, author of Marie's summary and certificate: replace, correct and withdraw them. */
export const Author: Story = {
  play: opens(documents.summary.id, ['replace', 'correct', 'withdraw']),
};

/** The author withdrawing: the reason is required, and a short undo follows. */
export const AuthorWithdrawing: Story = {
  play: opens(
    documents.summary.id,
    ['replace', 'correct', 'withdraw'],
    dialogOf('withdraw', '#withdraw-reason'),
  ),
};

/** The author correcting: title, type, date, confidentiality, hidden from the patient. */
export const AuthorCorrecting: Story = {
  play: opens(
    documents.summary.id,
    ['replace', 'correct', 'withdraw'],
    dialogOf('correct', '#correct-title-field'),
  ),
};

/** The author replacing: the uploader, prefilled from the document it replaces. */
export const AuthorReplacing: Story = {
  play: opens(
    documents.summary.id,
    ['replace', 'correct', 'withdraw'],
    dialogOf('replace', 'dsp-document-uploader'),
  ),
};

/**
 * Dr Weber as Marie's médecin référent, on Dr Muller's consultation (very restricted, masked by
 * Marie): he reads it, and may change nothing in it.
 */
export const Referent: Story = { play: opens(documents.masked.id, []) };

/** Marie: the confidentiality of every document; replace or withdraw her own words. */
export const Patient: Story = {
  args: { user: `Patient/${patients.marie.id}` },
  parameters: { user: users.marie },
  play: opens(documents.ownNote.id, ['replace', 'withdraw', 'confidentiality']),
};

/** Marie on her doctor's summary: its confidentiality only, no withdrawal. */
export const PatientOnProfessionalDocument: Story = {
  args: { user: `Patient/${patients.marie.id}` },
  parameters: { user: users.marie },
  play: opens(documents.summary.id, ['confidentiality']),
};

/** Claire, Lucien's DSP assistant: the confidentiality, and withdrawing his own words. */
export const Assistant: Story = {
  args: { patient: patients.lucien.id, user: `RelatedPerson/${assistants.claire.id}` },
  parameters: { user: users.claire },
  play: opens(documents.lucienNote.id, ['withdraw', 'confidentiality']),
};

/** Claire on the hospital's discharge letter: its confidentiality only. */
export const AssistantOnProfessionalDocument: Story = {
  args: { patient: patients.lucien.id, user: `RelatedPerson/${assistants.claire.id}` },
  parameters: { user: users.claire },
  play: opens(documents.lucienDischarge.id, ['confidentiality']),
};

/** Dr Muller on Dr Weber's summary: nothing to do there (read-only). */
export const OtherProfessional: Story = {
  args: { user: `Practitioner/${users.muller}` },
  parameters: { user: users.muller },
  play: opens(documents.summary.id, []),
};
