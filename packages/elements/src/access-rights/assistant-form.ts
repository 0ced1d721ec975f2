// The access-rights panel's form naming a DSP assistant, as state: what was typed (kept while the
// panel shows the same patient), and each field's problem, checked before anything is sent.
import type { AssistantField, AssistantInput, Patient } from '@dsp-kit/fhir';
import { assistantProblems, matriculeOf } from '@dsp-kit/fhir/assistant';
import type { AccessRightsMessages } from './access-rights.messages.js';
import { problemMessage, type AssistantSectionView } from './assistant-section.js';
import type { DialogHost } from './dialogs.js';
import { afterNaming, assistantDraftOf, NO_ASSISTANT, type AssistantDraft } from './form-drafts.js';

export class AssistantForm {
  /**
   * What the user typed in the naming form: a form rendered anew (the list reloaded, a failure
   * shown, a new client) shows it again.
   */
  draft: AssistantDraft = NO_ASSISTANT;
  /** The localized message of each invalid field. */
  errors: Partial<Record<AssistantField, string>> = {};

  constructor(private readonly host: DialogHost) {}

  /** The form's part of the section's view: what it shows, and what typing does. */
  get view(): Pick<AssistantSectionView, 'draft' | 'fieldErrors' | 'onInput'> {
    return {
      draft: this.draft,
      fieldErrors: this.errors,
      onInput: (field, value) => {
        this.draft = { ...this.draft, [field]: value };
        if (this.errors[field]) {
          this.errors = Object.fromEntries(
            Object.entries(this.errors).filter(([key]) => key !== field),
          );
        }
        this.host.requestUpdate();
      },
    };
  }

  /**
   * The assistant the form says — its fields as they are now, kept as the draft —, checked field by
   * field: undefined, with the first invalid field focused, when any is wrong.
   */
  async check(
    patient: Patient | undefined,
    m: AccessRightsMessages,
  ): Promise<AssistantInput | undefined> {
    const root = this.host.renderRoot;
    const form = root.querySelector<HTMLFormElement>('[part~="assistant-form"]');
    const input: AssistantInput = form ? assistantDraftOf(new FormData(form)) : this.draft;
    this.draft = input;
    const problems = assistantProblems(input, {
      patientMatricule: patient ? matriculeOf(patient) : undefined,
    });
    this.errors = Object.fromEntries(
      problems.map((p) => [p.field, problemMessage(p, m, input.matricule)]),
    );
    this.host.requestUpdate();
    const first = problems[0];
    if (!first) return input;
    await this.host.updateComplete;
    root
      .querySelector<HTMLInputElement>(`[part~="assistant-form"] [name="${first.field}"]`)
      ?.focus();
    return undefined;
  }

  /** `input` was named: the form keeps only what was typed since. */
  named(input: AssistantInput): void {
    this.draft = afterNaming(this.draft, input);
    this.host.requestUpdate();
  }
}
