// One row of the uploader: a file, its metadata form with each problem at its field, its status,
// progress and actions. A pure function of the row and what the uploader gives it.
import {
  confidentialityCodes,
  documentClassOf,
  documentTypeByCode,
  documentTypes,
  label,
  type DspLanguage,
} from '@dsp-kit/fhir';
import type { Coding } from '@medplum/fhirtypes';
import { html, nothing, type TemplateResult } from 'lit';
import type { UploaderMessages } from './document-uploader.messages.js';
import type { UploadField } from './file-checks.js';
import { retryNote } from './retry-note.js';
import { renderAuthors } from './upload-authors.js';
import { isCalendarDate, shownProblems } from './upload-problems.js';
import type { TypeCombobox } from './type-combobox.js';
import {
  CONTENT_LANGUAGES,
  IN_FLIGHT,
  PATIENT_DOCUMENT_TYPE,
  type Problem,
  type RowProblems,
  type UploadItem,
  type UploadMetadata,
} from './upload-item.js';

/** What a row needs from the uploader. */
export interface RowContext {
  readonly m: UploaderMessages;
  readonly language: DspLanguage;
  readonly patientMode: boolean;
  readonly waitsForNetwork: (item: UploadItem) => boolean;
  problems(item: UploadItem): RowProblems;
  problemText(problem: Problem): string;
  /** A size in bytes in the page's language and units (`30 Mo`). */
  formatSize(bytes: number): string;
  /** A `YYYY-MM-DD` calendar date in the page's language (`20 novembre 2026`). */
  formatDay(date: string): string;
  /** A clock time in the page's language (`14:05`). */
  formatTime(value: Date): string;
  languageName(code: string): string;
  combobox(item: UploadItem): TypeCombobox;
  /** How the document a row replaces is named to the user: its title when the host gave it. */
  replacedName(id: string): string;
  renderError(error: unknown, title: string): TemplateResult;
  update(item: UploadItem, change: Partial<UploadMetadata>): void;
  cancel(item: UploadItem): void;
  retry(item: UploadItem): void;
  remove(item: UploadItem): void;
}

const PATIENT_TYPES = documentTypes.filter((t) => t.code === PATIENT_DOCUMENT_TYPE);

/** "Expression du titulaire" in `language`. */
function patientTypeLabel(language: DspLanguage): string {
  const type = documentTypeByCode(PATIENT_DOCUMENT_TYPE);
  return type ? label(type.labels, language) : PATIENT_DOCUMENT_TYPE;
}

const value = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value;
const checked = (e: Event) => (e.target as HTMLInputElement).checked;
const codingText = (coding: Coding) => coding.display ?? coding.code ?? '';

export function renderRow(ctx: RowContext, item: UploadItem): TemplateResult {
  const { m, language: lang, patientMode } = ctx;
  const id = (field: string) => `${item.documentUuid}-${field}`;
  const problems = ctx.problems(item);
  const visible = shownProblems(problems, item);
  const combobox = ctx.combobox(item);
  // Form problems show once the file is known: a fresh row is not yet "wrong".
  const preparing = item.status === 'checking' || item.status === 'hashing';
  // A refused file is never sent: a form to describe it would only mislead.
  const refused = item.fileProblems.length > 0;
  const shown = (field: UploadField): Problem | undefined => {
    if (preparing) return undefined;
    const problem = problems[field];
    // Text the user left the type field with, naming no type: say so, with the text.
    const typed = combobox.unmatchedText;
    if (
      field === 'type' &&
      problem &&
      'code' in problem &&
      problem.code === 'typeRequired' &&
      typed
    )
      return { text: m.problems.typeNoMatch(typed) };
    return visible[field];
  };
  const described = (field: UploadField) => (shown(field) ? id(`${field}-problem`) : nothing);
  const invalid = (field: UploadField) => (shown(field) ? 'true' : 'false');
  const problem = (field: UploadField) => {
    const p = shown(field);
    return p
      ? html`<p class="problem" id=${id(`${field}-problem`)}>
          ${'text' in p ? p.text : ctx.problemText(p)}
        </p>`
      : nothing;
  };
  const meta = item.metadata;
  const type = documentTypeByCode(meta.typeCode);
  const locked = IN_FLIGHT.includes(item.status) || item.status === 'sent';
  const set = (change: Partial<UploadMetadata>) => {
    ctx.update(item, change);
  };
  const name = item.file.name.trim() === '' ? m.unnamed : item.file.name;
  const fileLine = html`<div class="field file">
    <span>${m.file}: ${name} (${ctx.formatSize(item.file.size)})</span>
    ${problem('file')}
  </div>`;
  if (refused) {
    return html`<fieldset
      part="row"
      class="refused"
      data-key=${item.documentUuid}
      aria-invalid=${invalid('file')}
      aria-describedby=${described('file')}
    >
      <legend>${name}</legend>
      ${fileLine} ${renderStatus(ctx, item)} ${renderActions(ctx, item)}
    </fieldset>`;
  }
  // The native date field speaks the browser's language, whatever the page's (Chromium draws
  // "mm/dd/yyyy" on an English browser, and no attribute changes it): the date chosen is said
  // beside it in the panel's language, and given to screen readers as the field's description.
  const day = isCalendarDate(meta.date) ? ctx.formatDay(meta.date) : '';
  const dateDescribedBy =
    [day ? id('date-text') : '', shown('date') ? id('date-problem') : '']
      .filter(Boolean)
      .join(' ') || nothing;
  const languages = CONTENT_LANGUAGES.includes(meta.language)
    ? CONTENT_LANGUAGES
    : [...CONTENT_LANGUAGES, meta.language];
  const typeField =
    patientMode && meta.typeCode === PATIENT_DOCUMENT_TYPE
      ? // The patient's type is fixed: shown, not chosen.
        html`<input
          id=${id('type')}
          name="type"
          readonly
          .value=${patientTypeLabel(lang)}
          aria-invalid="false"
        />`
      : combobox.render({
          id: id('type'),
          language: lang,
          types: patientMode ? PATIENT_TYPES : documentTypes,
          value: meta.typeCode,
          disabled: locked,
          invalid: shown('type') !== undefined,
          describedBy: shown('type') ? id('type-problem') : undefined,
          placeholder: m.chooseType,
          listLabel: m.typeList,
          showLabel: m.showTypes,
          count: m.typeCount,
          onChoose: (code) => {
            set({ typeCode: code });
          },
        });
  // What a CDA's header did to the form, and a patient it could not check: said in the row, and
  // read with the row's name when it is entered.
  const notes = [
    item.prefilled?.length ? (['prefilled', m.prefilled] as const) : undefined,
    item.patientUnconfirmed ? (['patient', m.patientUnconfirmed] as const) : undefined,
    // A new version: which document it replaces, read-only (a replacement starts from the
    // document, never from an id typed here).
    meta.replaces.trim()
      ? (['replaces', m.replacesNote(ctx.replacedName(meta.replaces.trim()))] as const)
      : undefined,
  ].filter((note) => note !== undefined);
  const rowDescribedBy =
    [
      shown('file') ? id('file-problem') : '',
      ...notes.map(([key]) => id(`${key}-note`)),
      shown('replaces') ? id('replaces-problem') : '',
    ]
      .filter(Boolean)
      .join(' ') || nothing;
  // The file has no control of its own: its row carries the file's problem.
  return html`<fieldset
    part="row"
    data-key=${item.documentUuid}
    aria-invalid=${invalid('file')}
    aria-describedby=${rowDescribedBy}
  >
    <legend>${name}</legend>
    ${fileLine}
    ${notes.map(
      ([key, text]) => html`<p class="note" id=${id(`${key}-note`)} data-note=${key}>${text}</p>`,
    )}
    ${problem('replaces')}
    <div class="field">
      <label for=${id('type')}>${m.type}</label>
      ${typeField} ${problem('type')}
      ${
        patientMode && shown('type')
          ? html`<button
              type="button"
              name="use-patient-type"
              @click=${() => {
                set({ typeCode: PATIENT_DOCUMENT_TYPE });
              }}
            >
              ${m.usePatientType(patientTypeLabel(lang))}
            </button>`
          : nothing
      }
    </div>
    <div class="field">
      <label for=${id('class')}>${m.className}</label>
      <output id=${id('class')} name="class"
        >${type ? label(documentClassOf(type).labels, lang) : '—'}</output
      >
    </div>
    <div class="field">
      <label for=${id('title')}>${m.title}</label>
      <input
        id=${id('title')}
        name="title"
        ?disabled=${locked}
        .value=${meta.title}
        aria-invalid=${invalid('title')}
        aria-describedby=${described('title')}
        @input=${(e: Event) => {
          set({ title: value(e) });
        }}
      />
      ${problem('title')}
    </div>
    <div class="field">
      <label for=${id('date')}>${m.date}</label>
      <input
        id=${id('date')}
        name="date"
        ?disabled=${locked}
        type="date"
        .value=${meta.date}
        aria-invalid=${invalid('date')}
        aria-describedby=${dateDescribedBy}
        @change=${(e: Event) => {
          set({ date: value(e) });
        }}
      />
      ${day ? html`<span class="date-text" id=${id('date-text')}>${day}</span>` : nothing}
      ${problem('date')}
    </div>
    <div class="field">
      <label for=${id('confidentiality')}>${m.confidentiality}</label>
      <select
        id=${id('confidentiality')}
        name="confidentiality"
        ?disabled=${locked}
        aria-invalid=${invalid('confidentiality')}
        aria-describedby=${described('confidentiality')}
        @change=${(e: Event) => {
          set({ confidentiality: value(e) as UploadMetadata['confidentiality'] });
        }}
      >
        ${confidentialityCodes.map(
          (c) =>
            html`<option value=${c.code} ?selected=${c.code === meta.confidentiality}>
              ${label(c.labels, lang)}
            </option>`,
        )}
      </select>
      ${problem('confidentiality')}
    </div>
    <div class="field">
      <label for=${id('language')}>${m.language}</label>
      <select
        id=${id('language')}
        name="language"
        ?disabled=${locked}
        aria-invalid=${invalid('language')}
        aria-describedby=${described('language')}
        @change=${(e: Event) => {
          set({ language: value(e) });
        }}
      >
        ${languages.map(
          (l) =>
            html`<option value=${l} ?selected=${l === meta.language}>
              ${ctx.languageName(l)}
            </option>`,
        )}
      </select>
      ${problem('language')}
    </div>
    ${renderAuthors(
      {
        m,
        id,
        locked,
        problem: problem('authors'),
        problemId: shown('authors') ? id('authors-problem') : undefined,
        update: set,
      },
      item,
    )}
    ${renderFacility(ctx, item, id, invalid, described, problem)}
    ${
      // A patient sets no mask; shown to them only to undo one given through add().
      patientMode && !meta.masked && !meta.hidden
        ? nothing
        : html`<div class="field" role="group" aria-labelledby=${id('flags-label')}>
            <span id=${id('flags-label')} class="visually-hidden">${m.masked} / ${m.hidden}</span>
            <label class="check">
              <input
                type="checkbox"
                name="masked"
                ?disabled=${locked}
                .checked=${meta.masked}
                aria-invalid=${invalid('flags')}
                aria-describedby=${described('flags')}
                @change=${(e: Event) => {
                  set({ masked: checked(e) });
                }}
              />
              ${m.masked}
            </label>
            <label class="check">
              <input
                type="checkbox"
                name="hidden"
                ?disabled=${locked}
                .checked=${meta.hidden}
                aria-invalid=${invalid('flags')}
                aria-describedby=${described('flags')}
                @change=${(e: Event) => {
                  set({ hidden: checked(e) });
                }}
              />
              ${m.hidden}
            </label>
            ${problem('flags')}
          </div>`
    }
    ${renderStatus(ctx, item)}
    ${
      item.status === 'failed' && item.error !== undefined
        ? ctx.renderError(item.error, meta.replaces.trim() ? m.replaceFailed : m.failed)
        : nothing
    }
    ${renderActions(ctx, item)}
  </fieldset>`;
}

/** Where the act took place: the host's configuration, shown as it will be sent. */
function renderFacility(
  ctx: RowContext,
  item: UploadItem,
  id: (field: string) => string,
  invalid: (field: UploadField) => string,
  described: (field: UploadField) => string | typeof nothing,
  problem: (field: UploadField) => TemplateResult | typeof nothing,
): TemplateResult | typeof nothing {
  const { facilityType, practiceSetting } = item.metadata;
  if (!facilityType && !practiceSetting) return nothing;
  const m = ctx.m;
  const shown = (field: 'facilityType' | 'practiceSetting', coding: Coding | undefined) =>
    coding
      ? html`<div class="field">
          <label for=${id(field)}>${m[field]}</label>
          <output
            id=${id(field)}
            name=${field}
            aria-invalid=${invalid('facility')}
            aria-describedby=${described('facility')}
            >${codingText(coding)}</output
          >
        </div>`
      : nothing;
  return html`${shown('facilityType', facilityType)}${shown('practiceSetting', practiceSetting)}
  ${problem('facility')}`;
}

/** What the row's status says first: its state, or while it waits to try again, why and when. */
function statusText(ctx: RowContext, item: UploadItem): string {
  const next = item.nextAttempt;
  if (item.status === 'retrying' && next) return retryNote(next, ctx.m, (at) => ctx.formatTime(at));
  return item.fileProblems.length > 0 ? ctx.m.refused : ctx.m.status[item.status];
}

function renderStatus(ctx: RowContext, item: UploadItem): TemplateResult {
  const m = ctx.m;
  // A polite live region: its text changes when the state does, never with the clock.
  return html`<p part="status" role="status" data-status=${item.status}>
      ${statusText(ctx, item)}${
        item.status === 'hashing' && item.file.size > 0
          ? ` ${Math.round((item.hashed / item.file.size) * 100)} %`
          : nothing
      }${
        // Tens only: a polite region read at every percent would say nothing else.
        item.status === 'sending' && item.uploadTotal > 0
          ? ` ${Math.floor((item.uploaded / item.uploadTotal) * 10) * 10} %`
          : nothing
      }${
        item.status === 'failed' && ctx.waitsForNetwork(item)
          ? html`<br />${m.waitingNote}`
          : nothing
      }
    </p>
    ${
      item.status === 'sending'
        ? html`<progress
            part="progress"
            aria-label=${m.uploadProgress}
            max=${item.uploadTotal || 1}
            .value=${item.uploaded}
          ></progress>`
        : nothing
    }`;
}

function renderActions(ctx: RowContext, item: UploadItem): TemplateResult {
  const m = ctx.m;
  const s = item.status;
  const cancellable = ['checking', 'hashing', 'sending', 'retrying', 'waiting'].includes(s);
  return html`<div class="actions">
    ${
      cancellable
        ? html`<button
            type="button"
            name="cancel"
            @click=${() => {
              ctx.cancel(item);
            }}
          >
            ${m.cancel}
          </button>`
        : nothing
    }
    ${
      s === 'failed' || s === 'cancelled'
        ? html`<button
            type="button"
            name="retry"
            @click=${() => {
              ctx.retry(item);
            }}
          >
            ${m.retry}
          </button>`
        : nothing
    }
    ${
      IN_FLIGHT.includes(s)
        ? nothing
        : html`<button
            type="button"
            name="remove"
            @click=${() => {
              ctx.remove(item);
            }}
          >
            ${m.remove}
          </button>`
    }
  </div>`;
}
