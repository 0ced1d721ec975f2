// The rows of the viewer's list: a group header (month, DSP type or class) that folds, and a
// document with its type, author, marks and dates.
import {
  CONFIDENTIALITY_SYSTEM,
  confidentialityCodes,
  DSP_SECURITY_SYSTEM,
  documentClasses,
  documentTypeByCode,
  label,
} from '@dsp-kit/fhir/vocabulary';
import { MASKED_BY_PATIENT_LABEL, type DocumentReference } from '@dsp-kit/fhir';
import { html, nothing } from 'lit';
import { clinicalDate } from '../base/document-dates.js';
import type { LocalizeController } from '../i18n/localize.controller.js';
import { titleOf, type ListItem, type PreparedDocument, type ViewMode } from './document-list.js';
import type { ViewerMessages } from './document-viewer.messages.js';
import type { ListKeyboard } from './viewer-keyboard.js';

/** What the rows are drawn with, gathered once per render. */
export interface RowContext {
  readonly m: ViewerMessages;
  readonly localize: LocalizeController;
  readonly view: ViewMode;
  /** Index of the row holding the roving focus. */
  readonly active: number;
  /** The id of the document open in the preview. */
  readonly opened: string | undefined;
  readonly keyboard: ListKeyboard;
  readonly setActive: (index: number) => void;
  readonly toggle: (key: string) => void;
  readonly select: (document: DocumentReference) => void;
  /** The "new" badge's word for a document new since the user's last visit, else undefined. */
  readonly newBadge?: (document: DocumentReference) => string | undefined;
}

function hasLabel(document: DocumentReference, system: string, code: string): boolean {
  return (document.securityLabel ?? []).some((l) =>
    (l.coding ?? []).some((c) => c.system === system && c.code === code),
  );
}

function groupLabel(key: string, c: RowContext): string {
  const language = c.localize.language;
  if (key === 'unknown') return c.view === 'timeline' ? c.m.unknownDate : c.m.unknownGroup;
  if (c.view === 'types') {
    const type = documentTypeByCode(key);
    return type ? label(type.labels, language) : key;
  }
  if (c.view === 'classes') {
    const cls = documentClasses.find((d) => d.code === key);
    return cls ? label(cls.labels, language) : key;
  }
  const [year, month] = key.split('-').map(Number);
  return c.localize.formatDate(new Date(year ?? 1970, (month ?? 1) - 1, 1), {
    month: 'long',
    year: 'numeric',
  });
}

export function renderGroup(
  item: Extract<ListItem, { kind: 'group' }>,
  index: number,
  c: RowContext,
) {
  const name = groupLabel(item.key, c);
  return html`<div part="group" role="listitem">
    <button
      type="button"
      class="group"
      data-index=${index}
      tabindex=${c.keyboard.tabIndex(index)}
      aria-expanded=${item.collapsed ? 'false' : 'true'}
      @click=${() => {
        c.toggle(item.key);
      }}
      @focus=${() => {
        c.setActive(index);
      }}
    >
      <span class="chevron" aria-hidden="true">${item.collapsed ? '▸' : '▾'}</span>
      <span>${name}</span>
      <span class="group-count">${c.localize.formatNumber(item.count)}</span>
    </button>
  </div>`;
}

export function renderRow(prepared: PreparedDocument, index: number, c: RowContext) {
  const { m, localize } = c;
  const document = prepared.document;
  const language = localize.language;
  const type = prepared.typeCode ? documentTypeByCode(prepared.typeCode) : undefined;
  const typeLabel = type ? label(type.labels, language) : (document.type?.text ?? m.unknownType);
  const author = document.author?.[0]?.display;
  const patientNote = prepared.typeCode === 'expression-titulaire';
  const marks = [
    // The vocabulary's words, as in the preview and the uploader: one name per code.
    ...confidentialityCodes
      .filter(({ code }) => code !== 'N' && hasLabel(document, CONFIDENTIALITY_SYSTEM, code))
      .map((cc) => label(cc.labels, language)),
    hasLabel(document, DSP_SECURITY_SYSTEM, 'masked') ? m.marks.masked : undefined,
    hasLabel(document, MASKED_BY_PATIENT_LABEL.system, MASKED_BY_PATIENT_LABEL.code)
      ? m.marks.maskedByPatient
      : undefined,
    hasLabel(document, DSP_SECURITY_SYSTEM, 'hidden-from-patient') ? m.marks.hidden : undefined,
  ].filter((mark): mark is string => mark !== undefined);
  const open = prepared.id === c.opened;
  const tabStop = index === c.keyboard.tabStop();
  const parts = [
    'row',
    patientNote ? 'row-patient' : '',
    index === c.active ? 'row-active' : '',
    open ? 'row-current' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return html`<div part=${parts} role="listitem">
    <button
      class="title"
      type="button"
      data-index=${index}
      tabindex=${tabStop ? '0' : '-1'}
      aria-current=${open ? 'true' : nothing}
      aria-describedby=${tabStop ? 'keys-hint' : nothing}
      @click=${() => {
        c.select(prepared.document);
      }}
      @focus=${() => {
        c.setActive(index);
      }}
    >
      ${titleOf(document) ?? m.untitled}
    </button>
    <span class="type">${typeLabel}</span>
    ${author ? html`<span class="meta">${m.author(author)}</span>` : nothing}
    ${c.newBadge?.(document) ? html`<span part="mark new" class="mark new">${c.newBadge(document)}</span>` : nothing}
    ${marks.length > 0 ? html`<span class="marks">${marks.map((mark) => html`<span part="mark" class="mark">${mark}</span>`)}</span>` : nothing}
    ${
      // Dated by the act; the filing date is said apart when it is another day.
      Number.isFinite(prepared.time)
        ? html`<time datetime=${clinicalDate(document) ?? ''}
            >${localize.formatDate(new Date(prepared.time))}</time
          >`
        : html`<time>${m.unknownDate}</time>`
    }
    ${prepared.filedApart ? html`<span class="meta filed">${m.filed(localize.formatDate(prepared.filedApart))}</span>` : nothing}
  </div>`;
}
