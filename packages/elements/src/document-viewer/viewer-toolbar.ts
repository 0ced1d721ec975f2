// The viewer's toolbar: words to find, the DSP type, the dates, the order and the grouping — each
// a property of the panel the host may set as well.
import {
  documentTypes,
  label,
  type DocumentType,
  type DspLanguage,
} from '@dsp-kit/fhir/vocabulary';
import { html } from 'lit';
import type { PreparedDocument, SortOrder, ViewMode } from './document-list.js';
import type { ViewerMessages } from './document-viewer.messages.js';

/** The toolbar's fields, as the panel's properties name them. */
export interface ToolbarValues {
  q?: string | undefined;
  filterType?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  sort: SortOrder;
  view: ViewMode;
}

export interface ToolbarContext {
  readonly m: ViewerMessages;
  readonly language: DspLanguage;
  readonly values: ToolbarValues;
  /** The DSP types the list holds, offered as the type filter. */
  readonly types: readonly DocumentType[];
  /** The user changed a field. */
  readonly set: (change: Partial<ToolbarValues>) => void;
}

/** The codes of a comma-separated attribute (`filter-type="a, b"`), blanks dropped. */
export function codeList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

/**
 * A function giving the DSP types a list holds, in the vocabulary's order: worked out once per
 * list (one per panel, as each panel has its own list).
 */
export function typesInList(): (items: readonly PreparedDocument[]) => readonly DocumentType[] {
  let from: { items: readonly PreparedDocument[]; types: readonly DocumentType[] } | undefined;
  return (items) => {
    if (from?.items !== items) {
      const present = new Set<string | undefined>();
      for (const item of items) present.add(item.typeCode);
      from = { items, types: documentTypes.filter((t) => present.has(t.code)) };
    }
    return from.types;
  };
}

export function renderToolbar({ m, language, values, types, set }: ToolbarContext) {
  const selectedType = codeList(values.filterType)[0] ?? '';
  return html`<div part="toolbar">
    <label class="search"
      >${m.search}
      <input
        type="search"
        .value=${values.q ?? ''}
        @input=${(e: Event) => {
          set({ q: (e.target as HTMLInputElement).value || undefined });
        }}
      />
    </label>
    <label
      >${m.type}
      <select
        @change=${(e: Event) => {
          set({ filterType: (e.target as HTMLSelectElement).value || undefined });
        }}
      >
        <option value="" ?selected=${!selectedType}>${m.anyType}</option>
        ${types.map((t) => html`<option value=${t.code} ?selected=${t.code === selectedType}>${label(t.labels, language)}</option>`)}
      </select>
    </label>
    <label
      >${m.from}<input
        type="date"
        .value=${values.from ?? ''}
        @change=${(e: Event) => {
          set({ from: (e.target as HTMLInputElement).value || undefined });
        }}
    /></label>
    <label
      >${m.to}<input
        type="date"
        .value=${values.to ?? ''}
        @change=${(e: Event) => {
          set({ to: (e.target as HTMLInputElement).value || undefined });
        }}
    /></label>
    <label
      >${m.sort}
      <select
        @change=${(e: Event) => {
          set({ sort: (e.target as HTMLSelectElement).value as SortOrder });
        }}
      >
        ${(['-date', 'date', 'type'] as const).map((s) => html`<option value=${s} ?selected=${s === values.sort}>${m.sorts[s]}</option>`)}
      </select>
    </label>
    <div class="views" role="group" aria-label=${m.view}>
      ${(['timeline', 'types', 'classes'] as const).map(
        (v) =>
          html`<button
            type="button"
            aria-pressed=${v === values.view ? 'true' : 'false'}
            @click=${() => {
              set({ view: v });
            }}
          >
            ${m.views[v]}
          </button>`,
      )}
    </div>
  </div>`;
}
