// The "Correct" dialog of the viewer's document actions: title, type, date, confidentiality and
// "hidden from the patient", and after a conflict the current version's values beside what the
// user typed (kept), with "apply my changes to the current version"; a pure template.
import { confidentialityCodes, documentTypes, label, type DspLanguage } from '@dsp-kit/fhir';
import { html, nothing, type TemplateResult } from 'lit';
import { changedFields, type Correction, type CorrectionField } from './correction.js';
import type { ActionsMessages } from './document-actions.messages.js';

export interface CorrectDialogView {
  readonly m: ActionsMessages;
  readonly language: DspLanguage;
  /** What the form shows: the document's values, or what the user typed. */
  readonly values: Correction | undefined;
  /** The server's current values, after a conflict. */
  readonly current: Correction | undefined;
  readonly problem: CorrectionField | undefined;
  readonly saving: boolean;
  /** Why the last save failed (other than a conflict), rendered by the panel. */
  readonly failure: TemplateResult | typeof nothing;
  readonly onSave: (values: Correction) => void;
  readonly onCancel: () => void;
}

/** The form's values as typed. */
export function readCorrectionForm(form: HTMLFormElement): Correction {
  const value = (name: string) =>
    (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null)?.value ?? '';
  const level = value('confidentiality');
  return {
    title: value('title'),
    typeCode: value('typeCode'),
    date: value('date'),
    confidentiality: level === 'R' || level === 'V' ? level : 'N',
    hiddenFromPatient:
      (form.elements.namedItem('hiddenFromPatient') as HTMLInputElement | null)?.checked ?? false,
  };
}

function shown(view: CorrectDialogView, field: CorrectionField, values: Correction): string {
  const { m, language } = view;
  switch (field) {
    case 'typeCode': {
      const type = documentTypes.find((t) => t.code === values.typeCode);
      return type ? label(type.labels, language) : values.typeCode;
    }
    case 'confidentiality': {
      const level = confidentialityCodes.find((c) => c.code === values.confidentiality);
      return level ? label(level.labels, language) : values.confidentiality;
    }
    case 'hiddenFromPatient':
      return values.hiddenFromPatient ? m.correctDialog.yes : m.correctDialog.no;
    default:
      return values[field] || '—';
  }
}

export function renderCorrectDialog(view: CorrectDialogView): TemplateResult {
  const { m, values, current, problem, language } = view;
  const c = m.correctDialog;
  const invalid = (field: CorrectionField) => (problem === field ? 'true' : 'false');
  const described = (field: CorrectionField) => (problem === field ? 'correct-problem' : nothing);
  const problemText =
    problem && problem in c.problems ? c.problems[problem as keyof typeof c.problems] : undefined;
  const differing = values && current ? changedFields(current, values) : [];
  return html`<dialog
    id="correct-dialog"
    part="correct-dialog"
    aria-labelledby="correct-title"
    @cancel=${(event: Event) => {
      event.preventDefault();
      view.onCancel();
    }}
  >
    <form
      novalidate
      @submit=${(event: Event) => {
        event.preventDefault();
        view.onSave(readCorrectionForm(event.currentTarget as HTMLFormElement));
      }}
    >
      <h3 id="correct-title">${c.title}</h3>
      ${
        values === undefined
          ? html`<p role="status">${c.loading}</p>`
          : html`
              ${
                current
                  ? html`<div part="conflict" role="alert">
                      <p>${c.conflict}</p>
                      ${
                        differing.length > 0
                          ? html`<p>${c.current}</p>
                              <dl>
                                ${differing.map(
                                  (field) =>
                                    html`<dt>${c.fields[field]}</dt>
                                      <dd>${shown(view, field, current)}</dd>`,
                                )}
                              </dl>`
                          : nothing
                      }
                    </div>`
                  : nothing
              }
              <label for="correct-title-field">${c.fields.title}</label>
              <input
                id="correct-title-field"
                name="title"
                required
                maxlength="200"
                .value=${values.title}
                aria-invalid=${invalid('title')}
                aria-describedby=${described('title')}
              />
              <label for="correct-type">${c.fields.typeCode}</label>
              <select
                id="correct-type"
                name="typeCode"
                aria-invalid=${invalid('typeCode')}
                aria-describedby=${described('typeCode')}
              >
                ${documentTypes.map((t) => html`<option value=${t.code} ?selected=${t.code === values.typeCode}>${label(t.labels, language)}</option>`)}
              </select>
              <label for="correct-date">${c.fields.date}</label>
              <input
                id="correct-date"
                name="date"
                type="date"
                .value=${values.date}
                aria-invalid=${invalid('date')}
                aria-describedby=${described('date')}
              />
              <label for="correct-confidentiality">${c.fields.confidentiality}</label>
              <select id="correct-confidentiality" name="confidentiality">
                ${confidentialityCodes.map((l) => html`<option value=${l.code} ?selected=${l.code === values.confidentiality}>${label(l.labels, language)}</option>`)}
              </select>
              <label class="check" for="correct-hidden">
                <input
                  id="correct-hidden"
                  name="hiddenFromPatient"
                  type="checkbox"
                  .checked=${values.hiddenFromPatient}
                  aria-describedby="correct-hidden-help"
                />
                ${c.fields.hiddenFromPatient}
              </label>
              <p id="correct-hidden-help" class="help">${c.hiddenHelp}</p>
              ${problemText ? html`<p id="correct-problem" class="problem" role="alert">${problemText}</p>` : nothing}
              ${view.failure}
              <div class="commands">
                <button class="action" type="submit" ?disabled=${view.saving}>
                  ${current ? c.reapply : c.save}
                </button>
                <button class="secondary" type="button" @click=${view.onCancel}>${m.cancel}</button>
              </div>
            `
      }
    </form>
  </dialog>`;
}
