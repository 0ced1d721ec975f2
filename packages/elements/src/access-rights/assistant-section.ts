// The access-rights panel's DSP assistant section, as a pure template: the current assistants,
// each with a remove button, and the form naming a new one with a message per field, showing what
// was typed — or, for an assistant signed in, the list with only their own withdrawal, since a
// delegate does not delegate.
import type { AssistantField, AssistantProblem, DspAssistant } from '@dsp-kit/fhir';
import { html, nothing, type TemplateResult } from 'lit';
import type { AccessRightsMessages } from './access-rights.messages.js';
import type { AssistantsState } from './assistants.controller.js';
import type { AssistantDraft } from './form-drafts.js';

/** What the section shows and what its controls call. */
export interface AssistantSectionView {
  readonly m: AccessRightsMessages;
  readonly state: AssistantsState;
  readonly assistants: readonly DspAssistant[];
  readonly saving: boolean;
  /**
   * What the user typed in the naming form, kept by the panel: a form rendered anew (the list
   * reloaded, a failure shown) shows it again.
   */
  readonly draft: AssistantDraft;
  /** The localized message of each invalid field. */
  readonly fieldErrors: Partial<Record<AssistantField, string>>;
  /** The server's refusal or a failure of the last naming, already rendered. */
  readonly failure: TemplateResult | undefined;
  /** The loading failure, already rendered (with its retry). */
  readonly loadError: TemplateResult | undefined;
  /** Assistants whose withdrawal is pending (not saved). */
  readonly pendingRemoval: string | undefined;
  /**
   * The id of the DSP assistant signed in, when it is one: they see the list and may withdraw
   * themselves, nothing else (only the patient names or withdraws others).
   */
  readonly delegate: string | undefined;
  readonly onRemove: (assistant: DspAssistant) => void;
  readonly onSubmit: (event: SubmitEvent) => void;
  /** A field was edited: its new text is kept, and its message may go. */
  readonly onInput: (field: AssistantField, value: string) => void;
}

/** The localized message of one problem of the details the patient entered. */
export function problemMessage(
  problem: AssistantProblem,
  m: AccessRightsMessages,
  matricule: string,
): string {
  switch (problem.problem) {
    case 'required':
      return m.fieldRequired[problem.field];
    case 'too-long':
      return m.tooLong(100);
    case 'length':
      return m.matriculeProblem.length(matricule.replace(/\s+/g, '').length);
    default:
      return m.matriculeProblem[problem.problem];
  }
}

const FIELDS: readonly { field: AssistantField; autocomplete: string; numeric: boolean }[] = [
  { field: 'given', autocomplete: 'off', numeric: false },
  { field: 'family', autocomplete: 'off', numeric: false },
  { field: 'matricule', autocomplete: 'off', numeric: true },
];

function fieldLabel(field: AssistantField, m: AccessRightsMessages): string {
  if (field === 'given') return m.assistantGiven;
  if (field === 'family') return m.assistantFamily;
  return m.assistantMatricule;
}

function renderList(view: AssistantSectionView): TemplateResult {
  const { m, assistants, delegate } = view;
  if (view.state.status === 'pending')
    return html`<p class="help" role="status">${m.assistantsLoading}</p>`;
  if (view.loadError) return view.loadError;
  if (assistants.length === 0) return html`<p>${m.noAssistant}</p>`;
  return html`<ul aria-label=${delegate === undefined ? m.assistants : m.assistantsOfPatient}>
    ${assistants.map((assistant) => {
      const self = assistant.id === delegate;
      // A delegate withdraws themselves only; the patient withdraws anyone.
      const removable = delegate === undefined || self;
      return html`<li part="row" data-assistant=${assistant.id}>
        <span class="who" id=${`assistant-${assistant.id}`}>
          <span class="name">${assistant.name}</span>
          ${self ? html`<span class="role">${m.you}</span>` : nothing}
          ${
            view.pendingRemoval === assistant.id
              ? html`<span class="pending">${m.notSaved}</span>`
              : nothing
          }
        </span>
        ${
          removable
            ? html`<button
                class="secondary"
                type="button"
                aria-describedby=${`assistant-${assistant.id}`}
                @click=${() => {
                  view.onRemove(assistant);
                }}
              >
                ${self ? m.withdrawSelf : m.removeAssistant}
              </button>`
            : nothing
        }
      </li>`;
    })}
  </ul>`;
}

function renderForm(view: AssistantSectionView): TemplateResult {
  const { m, fieldErrors } = view;
  return html`<form
    part="assistant-form"
    aria-labelledby="add-assistant"
    novalidate
    @submit=${view.onSubmit}
  >
    <h4 id="add-assistant">${m.addAssistant}</h4>
    <p class="help">${m.addAssistantHelp}</p>
    <div class="fields">
      ${FIELDS.map(({ field, autocomplete, numeric }) => {
        const error = fieldErrors[field];
        const errorId = `assistant-${field}-error`;
        return html`<div class="field">
          <label
            >${fieldLabel(field, m)}<input
              name=${field}
              autocomplete=${autocomplete}
              inputmode=${numeric ? 'numeric' : 'text'}
              required
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby=${error ? errorId : nothing}
              .value=${view.draft[field]}
              @input=${(event: Event) => {
                view.onInput(field, (event.target as HTMLInputElement).value);
              }}
          /></label>
          <p id=${errorId} class="invalid">${error ?? nothing}</p>
        </div>`;
      })}
    </div>
    <button class="action" type="submit" ?disabled=${view.saving}>${m.addAssistantButton}</button>
    ${view.failure ?? nothing}
  </form>`;
}

export function renderAssistantSection(view: AssistantSectionView): TemplateResult {
  const { m } = view;
  return html`<section part="assistant" aria-labelledby="assistant">
    <h3 id="assistant">${m.assistant}</h3>
    ${
      view.delegate === undefined
        ? html`<p class="help">${m.assistantHelp}</p>`
        : html`<p part="delegate-note">${m.delegateNote}</p>`
    }
    ${renderList(view)}
    ${view.state.status === 'ready' && view.delegate === undefined ? renderForm(view) : nothing}
  </section>`;
}
