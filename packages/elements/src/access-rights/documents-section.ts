// The access-rights panel's documents section, as a pure template: the documents masked from
// professionals, each with an unmask button, the choice of another one to mask, and the choice of
// a document's confidentiality (N, R, V) for the patient and their assistants.
import type { AccessSummary, DocumentReference } from '@dsp-kit/fhir';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { documentTitle } from './access-rights.controller.js';
import type { AccessRightsMessages } from './access-rights.messages.js';
import type { DspClient, DspLanguage } from '@dsp-kit/fhir';

/** What the confidentiality choice, loaded on demand, is given by the panel. */
export interface LevelsSlot {
  readonly client: DspClient | undefined;
  readonly patient: string;
  readonly language: DspLanguage;
  readonly assistant: boolean;
  readonly theme: string;
}

let loading: Promise<unknown> | undefined;

/**
 * The confidentiality choice, `<dsp-document-levels>`: loaded the first time the section shows it
 * to the patient or an assistant, so the panel's first load carries none of it (a failed load is
 * tried again at the next render).
 */
function renderLevelsSlot(
  slot: LevelsSlot,
  documents: readonly DocumentReference[],
): TemplateResult {
  loading ??= import('./document-levels.component.js').catch(() => {
    loading = undefined;
  });
  return html`<dsp-document-levels
    .client=${slot.client}
    .documents=${documents}
    patient=${slot.patient}
    lang=${slot.language}
    theme=${slot.theme}
    ?assistant=${slot.assistant}
  ></dsp-document-levels>`;
}

/** What the section shows and what its controls call. */
export interface DocumentsView {
  readonly m: AccessRightsMessages;
  readonly summary: AccessSummary;
  readonly documents: readonly DocumentReference[];
  /** The document chosen to mask, kept by the panel (asked as the form is sent, too). */
  readonly choice: () => string;
  readonly titleOf: (documentId: string) => string;
  readonly onChoose: (documentId: string) => void;
  readonly onMask: (documentId: string) => void;
  readonly onUnmask: (documentId: string) => void;
  /** The confidentiality choice; none for whoever may not set it (a professional). */
  readonly levels: LevelsSlot | undefined;
}

export function renderDocuments(view: DocumentsView): TemplateResult {
  const { m } = view;
  const masked = view.summary.maskedDocuments;
  const maskable = view.documents.filter((d) => d.id && !masked.includes(d.id));
  // What the select shows: the choice while it is offered, else "Choose a document" — a
  // document just masked leaves the list, and a select told to show a missing value is blank.
  const chosen = view.choice();
  const choice = maskable.some((d) => d.id === chosen) ? chosen : '';
  return html`<section part="documents" aria-labelledby="documents">
    <h3 id="documents">${m.documents}</h3>
    <p class="help">${m.documentsHelp}</p>
    ${
      masked.length === 0
        ? html`<p>${m.noMasked}</p>`
        : html`<ul aria-label=${m.documents}>
            ${masked.map(
              (id) =>
                html`<li part="row" data-document=${id}>
                  <span class="who" id=${`document-${id}`}>${view.titleOf(id)}</span>
                  <button
                    class="secondary"
                    type="button"
                    aria-describedby=${`document-${id}`}
                    @click=${() => {
                      view.onUnmask(id);
                    }}
                  >
                    ${m.unmask}
                  </button>
                </li>`,
            )}
          </ul>`
    }
    ${
      maskable.length > 0
        ? html`<form
            @submit=${(event: SubmitEvent) => {
              event.preventDefault();
              const id = view.choice();
              // Only a document offered now (the list may have changed under the choice).
              if (id && maskable.some((d) => d.id === id)) view.onMask(id);
            }}
          >
            <label
              >${m.chooseDocument}
              <select
                @change=${(event: Event) => {
                  view.onChoose((event.target as HTMLSelectElement).value);
                }}
              >
                <!-- Selected option by option: the options may be rendered after the select. -->
                <option value="" .selected=${live(choice === '')}>${m.chooseNone}</option>
                ${maskable.map((d) => {
                  const title = documentTitle(d) ?? m.untitled;
                  return html`<option value=${d.id ?? ''} .selected=${live(d.id === choice)}>
                    ${title}
                  </option>`;
                })}
              </select>
            </label>
            <button class="secondary" type="submit">${m.mask}</button>
          </form>`
        : nothing
    }
    ${view.levels ? renderLevelsSlot(view.levels, view.documents) : nothing}
  </section>`;
}
