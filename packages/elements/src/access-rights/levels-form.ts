// The access-rights panel's confidentiality form, as a pure template: a document, its level (N, R,
// V) and a save button, with who sees R and V, what the last save said, and any failure.
import type { ConfidentialityCode } from '@dsp-kit/fhir/vocabulary';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { LevelsView } from './document-levels.js';

/** The choice of a document and of its level, saved with the form's button. */
export function renderLevels(view: LevelsView): TemplateResult {
  const { m } = view;
  return html`<h4 id="levels">${m.levels}</h4>
    <p class="help" id="levels-help">${view.help}</p>
    <form
      part="levels"
      aria-labelledby="levels"
      aria-describedby="levels-help"
      @submit=${(event: SubmitEvent) => {
        event.preventDefault();
        view.onSave();
      }}
    >
      <label
        >${m.levelDocument}
        <select
          name="document"
          @change=${(event: Event) => {
            view.onDocument((event.target as HTMLSelectElement).value);
          }}
        >
          <option value="" .selected=${live(view.documentId === '')}>${m.chooseNone}</option>
          ${view.rows.map(
            (row) =>
              html`<option value=${row.id} .selected=${live(row.id === view.documentId)}>
                ${m.levelOption(row.title, view.levels.find((l) => l.code === row.level)?.name ?? row.level)}
              </option>`,
          )}
        </select>
      </label>
      <label
        >${m.levelChoice}
        <select
          name="level"
          ?disabled=${view.documentId === ''}
          @change=${(event: Event) => {
            view.onLevel((event.target as HTMLSelectElement).value as ConfidentialityCode);
          }}
        >
          ${view.levels.map(
            (l) =>
              html`<option value=${l.code} .selected=${live(l.code === view.level)}>
                ${l.name}
              </option>`,
          )}
        </select>
      </label>
      <!-- Not disabled while saving: a disabled button would lose the focus. -->
      <button class="secondary" type="submit" aria-disabled=${view.saving ? 'true' : 'false'}>
        ${m.saveLevel}
      </button>
    </form>
    <p part="levels-status" role="status">${view.said}</p>
    ${
      view.meanwhile
        ? html`<p part="levels-conflict" role="alert">${view.meanwhile}</p>`
        : (view.failure ?? nothing)
    }`;
}
