// <dsp-document-viewer>: a patient's DSP at a glance — by month, by DSP type or by class — with
// filters a host can set through attributes, and a virtualized list fit for any DSP's size.
import {
  breakTheGlassAvailable,
  CONFIDENTIALITY_SYSTEM,
  confidentialityCodes,
  DSP_SECURITY_SYSTEM,
  documentClasses,
  documentTypeByCode,
  documentTypes,
  label,
  MASKED_BY_PATIENT_LABEL,
  type DocumentReference,
  type DocumentType,
} from '@dsp-kit/fhir';
import {
  virtualize,
  virtualizerRef,
  type VirtualizerHostElement,
} from '@lit-labs/virtualizer/virtualize.js';
import { flow } from '@lit-labs/virtualizer/layouts/flow.js';
import { TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { clinicalDate } from '../base/document-dates.js';
import { ListHeightController } from '../base/list-height.controller.js';
import { DspElement } from '../base/dsp-element.js';
import { errorDetail } from '../base/error-message.js';
import type { PagedResult } from '../base/paged-search.controller.js';
import { DspDocumentOpenEvent, DspDocumentSelectEvent, DspErrorEvent } from '../events.js';
import { DspBreakGlassGrantedEvent, DspRequestBreakGlassEvent } from './document-viewer.events.js';
import {
  filterDocuments,
  groupItems,
  mergeSorted,
  sortDocuments,
  titleOf,
  type ListItem,
  type PreparedDocument,
  type SortOrder,
  type ViewMode,
} from './document-list.js';
import { documentSearch } from './document-viewer.controller.js';
import { previewLoader } from './preview-loader.js';
import { viewerMessages, type ViewerMessages } from './document-viewer.messages.js';
import { styles } from './document-viewer.styles.js';
import { withheldNotice } from './withheld-notice.js';

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

function hasLabel(document: DocumentReference, system: string, code: string): boolean {
  return (document.securityLabel ?? []).some((l) =>
    (l.coding ?? []).some((c) => c.system === system && c.code === code),
  );
}

/**
 * @summary A patient's documents in the DSP: grouped by month, DSP type or class, filtered by
 * type, dates and words, with their marks (confidentiality, masked, hidden from the patient,
 * written by the patient).
 * @tag dsp-document-viewer
 *
 * @slot empty - Replaces the text shown when the DSP holds no document.
 *
 * @csspart base - The panel.
 * @csspart toolbar - Search, filters, view and sort.
 * @csspart count - The number of documents shown (announced).
 * @csspart list - The scrolling list.
 * @csspart group - A group header (month, type or class) with its count.
 * @csspart row - One document; `row-patient` marks the patient's own, `row-active` the focused,
 *   `row-current` the one open in the preview.
 * @csspart mark - A mark on a document (confidentiality, masked, hidden).
 * @csspart withheld - The notice that the server withheld documents from the user (announced).
 * @csspart loading - The loading state.
 * @csspart empty - No document, or none matching the filters.
 * @csspart error - The error state, with a retry button when retrying may help.
 *
 * @cssproperty --dsp-document-viewer-padding - Inner padding of the panel.
 * @cssproperty --dsp-document-viewer-height - Height of the scrolling list (default 32rem); a
 *   list of fewer rows is as tall as they are.
 * @cssproperty --dsp-color-patient - Edge of the patient's own documents.
 * @cssproperty --dsp-color-patient-surface - Background of the patient's own documents.
 * @cssproperty --dsp-color-warning - Border of the emergency access form, edge of its banner.
 * @cssproperty --dsp-color-warning-surface - Background of the emergency access banner.
 *
 * @fires dsp-document-select - The user chose a document; `detail.documentId` is its id.
 * @fires dsp-document-open - The chosen document opens (inline, or for the host to show when
 *   `preview="none"`); `detail.documentId` is its id.
 * @fires dsp-error - Loading failed; `detail.kind` and `detail.status` say how.
 * @fires dsp-request-break-glass - Cancelable: a professional asks for emergency access
 *   (`detail.patientId`); `preventDefault()` vetoes it.
 * @fires dsp-break-glass-granted - Emergency access was granted (`detail.patientId`, `detail.expires`).
 *
 * @csspart offline - The notice shown when the documents come from the cache (offline).
 * @csspart preview - The inline preview of the chosen document (see `<dsp-document-preview>`), a
 *   `<dialog>`: beside the list when the panel is 60rem wide or more, else modal over the page.
 * @csspart break-glass - The emergency access form, offered when the server says it is possible.
 * @csspart emergency - The banner while an emergency access is in progress.
 */
export class DspDocumentViewer extends DspElement {
  static override catalogs = [viewerMessages];

  static override styles = [DspElement.styles, styles];

  /** The patient's FHIR id (or a `Patient/<id>` reference). */
  @property({ reflect: true }) patient?: string;
  /** `timeline` (by month, default), `types` (by DSP type) or `classes`. */
  @property({ reflect: true }) view: ViewMode = 'timeline';
  /** `-date` (newest first, default), `date` or `type`. */
  @property({ reflect: true }) sort: SortOrder = '-date';
  /** DSP type codes shown, comma-separated; all when empty. */
  @property({ attribute: 'filter-type', reflect: true }) filterType?: string;
  /** DSP class codes shown, comma-separated; all when empty. */
  @property({ attribute: 'filter-class', reflect: true }) filterClass?: string;
  /** First day shown, `YYYY-MM-DD`. */
  @property({ reflect: true }) from?: string;
  /** Last day shown, `YYYY-MM-DD`. */
  @property({ reflect: true }) to?: string;
  /** Words to find in titles, descriptions and authors. */
  @property({ reflect: true }) q?: string;
  /** Words to find in the authors' names or the facility. */
  @property({ attribute: 'filter-author', reflect: true }) filterAuthor?: string;
  /**
   * `inline` (default): a chosen document opens beside the list (over the page when the panel is
   * narrower than 60rem), with focus; `none`: the host shows it.
   */
  @property({ reflect: true }) preview: 'inline' | 'none' = 'inline';

  /** The document open in the inline preview. */
  @state() private opened?: DocumentReference;
  /** Why `<dsp-document-preview>` could not be loaded, until a retry loads it. */
  @state() private previewFailure?: unknown;

  @state() private collapsed: ReadonlySet<string> = new Set();
  @state() private items: ListItem[] = [];
  @state() private shownCount = 0;
  /** Index in `items` of the row holding the roving focus. */
  @state() private active = -1;
  /** The emergency access form's state. */
  @state() private breakGlass: {
    invalid: boolean;
    sending: boolean;
    /** The host vetoed the request. */
    vetoed?: boolean;
    /** Why the server refused it. */
    failure?: unknown;
  } = {
    invalid: false,
    sending: false,
  };
  /** When the emergency access granted in this panel ends. */
  @state() private emergencyUntil?: string;

  @query('[part="list"]') private listElement?: HTMLElement & VirtualizerHostElement;
  @query('dialog[part~="preview"]') private previewDialog?: HTMLDialogElement;

  /** Fits the list to its rows when they are few. */
  protected readonly listHeight = new ListHeightController(
    this,
    () => this.listElement,
    () => this.items.length,
  );
  readonly #search = documentSearch(this, () => [this.activeClient, this.patient] as const);
  #reportedError: unknown;
  #computedFrom: unknown[] = [];
  #sortedFrom:
    | { documents: readonly PreparedDocument[]; sort: SortOrder; sorted: PreparedDocument[] }
    | undefined;
  #typeahead = { text: '', at: 0 };
  /** The preview's dialog stays once shown, so its drawn PDF pages are kept for a reopening. */
  #previewShown = false;
  /** A document was chosen: the next update shows the preview and moves focus into it. */
  #focusPreview = false;
  #tabStopFrom: { items: ListItem[]; opened?: string; active: number; stop: number } | undefined;

  get #m(): ViewerMessages {
    return this.localize.t(viewerMessages);
  }

  // Back online: what shows may be stale (it came from the cache), so load it again.
  readonly #online = () => {
    if (this.#search.result.cachedAt) this.refresh();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.#online);
    if (this.preview === 'inline') previewLoader.preload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#online);
  }

  /** Loads the documents again. */
  refresh(): void {
    void this.#search.task.run();
  }

  /** Opens a loaded document in the inline preview (as if the user had chosen it). */
  open(documentId: string): void {
    const found = this.#search.result.items.find((d) => d.id === documentId);
    if (found) this.#select(found.document);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('patient') || changed.has('client')) {
      this.opened = undefined;
      // The preview goes, and the pages it kept of the previous patient's PDFs with it.
      this.#previewShown = false;
      this.emergencyUntil = undefined;
      this.breakGlass = { invalid: false, sending: false };
    }
    const documents = this.#search.result.items;
    // Sorted once per list and order; filters keep that order, so a filter change never sorts.
    // A list grown by further pages sorts only what came and merges it in.
    const previous = this.#sortedFrom;
    let current = previous;
    if (current?.documents !== documents || current.sort !== this.sort) {
      const grown =
        previous?.sort === this.sort &&
        previous.documents.length > 0 &&
        documents.length > previous.documents.length &&
        documents[previous.documents.length - 1] === previous.documents.at(-1)
          ? previous
          : undefined;
      current = {
        documents,
        sort: this.sort,
        sorted: grown
          ? mergeSorted(
              grown.sorted,
              sortDocuments(documents.slice(grown.documents.length), this.sort),
              this.sort,
            )
          : sortDocuments([...documents], this.sort),
      };
      this.#sortedFrom = current;
    }
    const { sorted } = current;
    const inputs = [
      sorted,
      this.view,
      this.filterType,
      this.filterClass,
      this.filterAuthor,
      this.from,
      this.to,
      this.q,
      this.collapsed,
    ];
    if (inputs.some((input, i) => input !== this.#computedFrom[i])) {
      this.#computedFrom = inputs;
      const filtered = filterDocuments(sorted, {
        types: list(this.filterType),
        classes: list(this.filterClass),
        ...(this.from ? { from: this.from } : {}),
        ...(this.to ? { to: this.to } : {}),
        ...(this.q ? { q: this.q } : {}),
        ...(this.filterAuthor ? { author: this.filterAuthor } : {}),
      });
      this.shownCount = filtered.length;
      this.items = groupItems(filtered, this.view, this.sort, this.collapsed);
      if (this.active >= this.items.length) this.active = this.items.length - 1;
    }
  }

  protected override updated(): void {
    const dialog = this.previewDialog;
    if (dialog && this.opened && this.#focusPreview) {
      this.#focusPreview = false;
      this.#showPreview(dialog);
    } else if (dialog?.open && !this.opened) {
      dialog.close();
    }
    const error = this.#search.task.error;
    if (this.#search.task.status === TaskStatus.ERROR && error !== this.#reportedError) {
      this.#reportedError = error;
      this.dispatchEvent(new DspErrorEvent(errorDetail(error)));
    }
  }

  override render(): TemplateResult {
    const m = this.#m;
    return html`<section part="base" aria-label=${m.label}>
      ${this.#search.task.render({
        initial: () => this.#renderLoading(),
        pending: () =>
          this.#search.result.items.length > 0
            ? this.#renderDocuments(this.#search.result)
            : this.#renderLoading(),
        complete: (result) =>
          result
            ? this.#renderDocuments(this.#search.result)
            : html`<p part="empty">${m.noPatient}</p>`,
        error: (error) =>
          html`${this.renderError(error, m.failed, () => {
            this.refresh();
          })}${breakTheGlassAvailable(error) ? this.#renderBreakGlass() : nothing}`,
      })}
    </section>`;
  }

  #renderBreakGlass() {
    const b = this.#m.breakGlass;
    const { invalid, sending, vetoed, failure } = this.breakGlass;
    return html`<form part="break-glass" @submit=${this.#requestBreakGlass} novalidate>
      <h3 class="form-title">${b.title}</h3>
      <p>${b.explain}</p>
      <label for="btg-reason">${b.reason}</label>
      <textarea
        id="btg-reason"
        name="reason"
        rows="2"
        required
        minlength="10"
        maxlength="500"
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${invalid ? 'btg-problem' : nothing}
      ></textarea>
      ${invalid ? html`<p id="btg-problem" class="problem" role="alert">${b.tooShort}</p>` : nothing}
      ${vetoed ? html`<p class="problem" role="alert">${b.vetoed}</p>` : nothing}
      ${failure !== undefined ? this.renderError(failure, b.failed) : nothing}
      <button class="action" type="submit" ?disabled=${sending}>${b.submit}</button>
    </form>`;
  }

  readonly #requestBreakGlass = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const reason = (form.elements.namedItem('reason') as HTMLTextAreaElement).value.trim();
    const patient = this.patient;
    const client = this.activeClient;
    if (reason.length < 10) {
      this.breakGlass = { invalid: true, sending: false };
      await this.updateComplete;
      (form.elements.namedItem('reason') as HTMLTextAreaElement).focus();
      return;
    }
    if (!patient || !client) return;
    const request = new DspRequestBreakGlassEvent({ patientId: patient });
    if (!this.dispatchEvent(request)) {
      this.breakGlass = { invalid: false, sending: false, vetoed: true };
      return;
    }
    this.breakGlass = { invalid: false, sending: true };
    try {
      const { expires } = await client.breakTheGlass(patient, reason);
      this.breakGlass = { invalid: false, sending: false };
      this.emergencyUntil = expires;
      this.dispatchEvent(new DspBreakGlassGrantedEvent({ patientId: patient, expires }));
      this.refresh();
    } catch (error) {
      this.breakGlass = { invalid: false, sending: false, failure: error };
    }
  };

  /** A few grey rows where the documents will be, and the words for screen readers. */
  #renderLoading() {
    return html`<div part="loading" role="status">
      <span class="visually-hidden">${this.#m.loading}</span>
      ${[0, 1, 2, 3].map(() => html`<div class="skeleton" aria-hidden="true"><span></span><span></span></div>`)}
    </div>`;
  }

  #renderDocuments(result: PagedResult<PreparedDocument>) {
    const m = this.#m;
    if (result.items.length === 0 && !result.loading) {
      return html`${withheldNotice(this.#search.withheld, m.withheld)}
        <div part="empty" role="status"><slot name="empty">${m.empty}</slot></div>`;
    }
    return html`
      ${
        this.emergencyUntil
          ? html`<p part="emergency" role="status">
              ${m.breakGlass.active(this.localize.formatDate(this.emergencyUntil, { dateStyle: 'medium', timeStyle: 'short' }))}
            </p>`
          : nothing
      }
      ${
        result.cachedAt
          ? html`<p part="offline" role="status" ?data-revalidating=${result.revalidating}>
              ${(result.revalidating ? m.revalidating : m.offline)(
                this.localize.formatDate(result.cachedAt, {
                  dateStyle: 'medium',
                  timeStyle: 'short',
                }),
              )}
            </p>`
          : nothing
      }
      ${withheldNotice(this.#search.withheld, m.withheld)} ${this.#renderToolbar(result)}
      <p part="count" role="status">
        ${m.count(this.shownCount, result.items.length)}${result.loading ? html` — ${m.loadingMore(result.items.length, result.total)}` : nothing}
      </p>
      ${
        result.moreError
          ? this.renderError(result.moreError, m.failed, () => {
              this.#search.resume();
            })
          : nothing
      }
      <div class="layout ${this.opened ? 'open' : ''}">
        <div class="documents">
          ${
            this.shownCount === 0
              ? html`<div part="empty">
                  <p>${m.noMatch}</p>
                  <button class="action" type="button" @click=${this.#clearFilters}>
                    ${m.clearFilters}
                  </button>
                </div>`
              : html`<div
                    part="list"
                    role="list"
                    aria-label=${m.label}
                    @keydown=${this.#onKeydown}
                    @focusout=${this.#onListFocusout}
                  >
                    ${virtualize({
                      items: this.items,
                      keyFunction: (item: ListItem) =>
                        item.kind === 'group' ? `group:${item.key}` : item.prepared.id,
                      renderItem: (item: ListItem, index: number) =>
                        item.kind === 'group'
                          ? this.#renderGroup(item, index)
                          : this.#renderRow(item.prepared, index),
                      scroller: true,
                      // Given, not imported on first use: one frame less before the first rows.
                      layout: flow(),
                    })}
                  </div>
                  <p id="keys-hint" class="keys-hint">${m.keysHint}</p>`
          }
        </div>
        ${this.#renderPreview()}
      </div>
    `;
  }

  #typesFrom?: { items: readonly PreparedDocument[]; types: readonly DocumentType[] };

  /** The DSP types the list holds, in the vocabulary's order: worked out once per list. */
  #typesIn(items: readonly PreparedDocument[]): readonly DocumentType[] {
    if (this.#typesFrom?.items !== items) {
      const present = new Set<string | undefined>();
      for (const item of items) present.add(item.typeCode);
      this.#typesFrom = { items, types: documentTypes.filter((t) => present.has(t.code)) };
    }
    return this.#typesFrom.types;
  }

  #renderToolbar(result: PagedResult<PreparedDocument>) {
    const m = this.#m;
    const language = this.localize.language;
    const types = this.#typesIn(result.items);
    const selectedType = list(this.filterType)[0] ?? '';
    return html`<div part="toolbar">
      <label class="search"
        >${m.search}
        <input
          type="search"
          .value=${this.q ?? ''}
          @input=${(e: Event) => {
            this.q = (e.target as HTMLInputElement).value || undefined;
          }}
        />
      </label>
      <label
        >${m.type}
        <select
          @change=${(e: Event) => {
            this.filterType = (e.target as HTMLSelectElement).value || undefined;
          }}
        >
          <option value="" ?selected=${!selectedType}>${m.anyType}</option>
          ${types.map((t) => html`<option value=${t.code} ?selected=${t.code === selectedType}>${label(t.labels, language)}</option>`)}
        </select>
      </label>
      <label
        >${m.from}<input
          type="date"
          .value=${this.from ?? ''}
          @change=${(e: Event) => {
            this.from = (e.target as HTMLInputElement).value || undefined;
          }}
      /></label>
      <label
        >${m.to}<input
          type="date"
          .value=${this.to ?? ''}
          @change=${(e: Event) => {
            this.to = (e.target as HTMLInputElement).value || undefined;
          }}
      /></label>
      <label
        >${m.sort}
        <select
          @change=${(e: Event) => {
            this.sort = (e.target as HTMLSelectElement).value as SortOrder;
          }}
        >
          ${(['-date', 'date', 'type'] as const).map((s) => html`<option value=${s} ?selected=${s === this.sort}>${m.sorts[s]}</option>`)}
        </select>
      </label>
      <div class="views" role="group" aria-label=${m.view}>
        ${(['timeline', 'types', 'classes'] as const).map(
          (v) =>
            html`<button
              type="button"
              aria-pressed=${v === this.view ? 'true' : 'false'}
              @click=${() => {
                this.view = v;
              }}
            >
              ${m.views[v]}
            </button>`,
        )}
      </div>
    </div>`;
  }

  #groupLabel(key: string): string {
    const language = this.localize.language;
    if (key === 'unknown')
      return this.view === 'timeline' ? this.#m.unknownDate : this.#m.unknownGroup;
    if (this.view === 'types') {
      const type = documentTypeByCode(key);
      return type ? label(type.labels, language) : key;
    }
    if (this.view === 'classes') {
      const cls = documentClasses.find((c) => c.code === key);
      return cls ? label(cls.labels, language) : key;
    }
    const [year, month] = key.split('-').map(Number);
    return this.localize.formatDate(new Date(year ?? 1970, (month ?? 1) - 1, 1), {
      month: 'long',
      year: 'numeric',
    });
  }

  #renderGroup(item: Extract<ListItem, { kind: 'group' }>, index: number) {
    const name = this.#groupLabel(item.key);
    return html`<div part="group" role="listitem">
      <button
        type="button"
        class="group"
        data-index=${index}
        tabindex=${this.#tabIndex(index)}
        aria-expanded=${item.collapsed ? 'false' : 'true'}
        @click=${() => {
          this.#toggle(item.key);
        }}
        @focus=${() => {
          this.active = index;
        }}
      >
        <span class="chevron" aria-hidden="true">${item.collapsed ? '▸' : '▾'}</span>
        <span>${name}</span>
        <span class="group-count">${this.localize.formatNumber(item.count)}</span>
      </button>
    </div>`;
  }

  #renderRow(prepared: PreparedDocument, index: number) {
    const m = this.#m;
    const document = prepared.document;
    const language = this.localize.language;
    const type = prepared.typeCode ? documentTypeByCode(prepared.typeCode) : undefined;
    const typeLabel = type ? label(type.labels, language) : (document.type?.text ?? m.unknownType);
    const author = document.author?.[0]?.display;
    const patientNote = prepared.typeCode === 'expression-titulaire';
    const marks = [
      // The vocabulary's words, as in the preview and the uploader: one name per code.
      ...confidentialityCodes
        .filter(({ code }) => code !== 'N' && hasLabel(document, CONFIDENTIALITY_SYSTEM, code))
        .map((c) => label(c.labels, language)),
      hasLabel(document, DSP_SECURITY_SYSTEM, 'masked') ? m.marks.masked : undefined,
      hasLabel(document, MASKED_BY_PATIENT_LABEL.system, MASKED_BY_PATIENT_LABEL.code)
        ? m.marks.maskedByPatient
        : undefined,
      hasLabel(document, DSP_SECURITY_SYSTEM, 'hidden-from-patient') ? m.marks.hidden : undefined,
    ].filter((mark): mark is string => mark !== undefined);
    const open = prepared.id === this.opened?.id;
    const tabStop = index === this.#tabStop();
    const parts = [
      'row',
      patientNote ? 'row-patient' : '',
      index === this.active ? 'row-active' : '',
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
          this.#select(prepared.document);
        }}
        @focus=${() => {
          this.active = index;
        }}
      >
        ${titleOf(document) ?? m.untitled}
      </button>
      <span class="type">${typeLabel}</span>
      ${author ? html`<span class="meta">${m.author(author)}</span>` : nothing}
      ${marks.length > 0 ? html`<span class="marks">${marks.map((mark) => html`<span part="mark" class="mark">${mark}</span>`)}</span>` : nothing}
      ${
        // Dated by the act; the filing date is said apart when it is another day.
        Number.isFinite(prepared.time)
          ? html`<time datetime=${clinicalDate(document) ?? ''}
              >${this.localize.formatDate(new Date(prepared.time))}</time
            >`
          : html`<time>${m.unknownDate}</time>`
      }
      ${prepared.filedApart ? html`<span class="meta filed">${m.filed(this.localize.formatDate(prepared.filedApart))}</span>` : nothing}
    </div>`;
  }

  /** Roving focus: only one row is in the tab order. */
  #tabIndex(index: number): string {
    return index === this.#tabStop() ? '0' : '-1';
  }

  /**
   * The row in the tab order: the focused one while focus is in the list, else the document open
   * in the preview (so Shift+Tab from it comes back there), else the newest document — a month
   * heading is reached with the arrows, not with Tab. Worked out once per list, opening and focus.
   */
  #tabStop(): number {
    const from = this.#tabStopFrom;
    const opened = this.opened?.id;
    if (from?.items === this.items && from.opened === opened && from.active === this.active) {
      return from.stop;
    }
    const open = opened === undefined ? -1 : this.#indexOf(opened);
    const first = this.items.findIndex((item) => item.kind === 'document');
    const stop = this.active >= 0 ? this.active : open >= 0 ? open : Math.max(0, first);
    this.#tabStopFrom = { items: this.items, opened, active: this.active, stop };
    return stop;
  }

  /** The index in `items` of the document `id`, -1 when it is not listed (filtered, collapsed). */
  #indexOf(id: string): number {
    return this.items.findIndex((item) => item.kind === 'document' && item.prepared.id === id);
  }

  // Focus left the list: the tab stop goes back to the open document, else the newest.
  readonly #onListFocusout = (event: FocusEvent) => {
    const list = event.currentTarget as HTMLElement;
    if (!list.contains(event.relatedTarget as Node | null)) this.active = -1;
  };

  #toggle(key: string): void {
    const next = new Set(this.collapsed);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    this.collapsed = next;
  }

  readonly #clearFilters = () => {
    this.filterType =
      this.filterClass =
      this.filterAuthor =
      this.from =
      this.to =
      this.q =
        undefined;
  };

  readonly #onKeydown = (event: KeyboardEvent) => {
    const last = this.items.length - 1;
    const current = this.active >= 0 ? this.active : 0;
    let target: number | undefined;
    if (event.key === 'ArrowDown') target = Math.min(last, current + 1);
    else if (event.key === 'ArrowUp') target = Math.max(0, current - 1);
    else if (event.key === 'Home') target = 0;
    else if (event.key === 'End') target = last;
    else if (
      event.key.length === 1 &&
      /\S/.test(event.key) &&
      !event.ctrlKey &&
      !event.metaKey &&
      !event.altKey
    ) {
      target = this.#typeaheadTarget(event.key, current);
    }
    if (target === undefined) return;
    event.preventDefault();
    void this.#focusItem(target);
  };

  /** The next document whose title starts with what was typed (within a second). */
  #typeaheadTarget(key: string, from: number): number | undefined {
    const now = Date.now();
    this.#typeahead = {
      text:
        now - this.#typeahead.at < 1000
          ? this.#typeahead.text + key.toLowerCase()
          : key.toLowerCase(),
      at: now,
    };
    const text = this.#typeahead.text;
    const start = text.length > 1 ? from : from + 1;
    for (let offset = 0; offset < this.items.length; offset++) {
      const index = (start + offset) % this.items.length;
      const item = this.items[index];
      if (
        item?.kind === 'document' &&
        (titleOf(item.prepared.document) ?? '').toLowerCase().startsWith(text)
      )
        return index;
    }
    return undefined;
  }

  async #focusItem(index: number): Promise<void> {
    this.active = index;
    const virtualizer = this.listElement?.[virtualizerRef];
    virtualizer?.element(index)?.scrollIntoView({ block: 'nearest' });
    await this.updateComplete;
    for (let frame = 0; frame < 5; frame++) {
      const button = this.renderRoot.querySelector<HTMLElement>(`[data-index="${index}"]`);
      if (button) {
        button.focus();
        return;
      }
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  }

  #select(document: DocumentReference): void {
    if (!document.id) return;
    this.dispatchEvent(new DspDocumentSelectEvent({ documentId: document.id }));
    if (this.preview === 'inline') {
      this.opened = document;
      this.#previewShown = true;
      // Even for the document already open: Enter on its row goes back into its preview.
      this.#focusPreview = true;
      this.requestUpdate();
      this.#loadPreview();
    }
    this.dispatchEvent(new DspDocumentOpenEvent({ documentId: document.id }));
  }

  #loadPreview(): void {
    this.previewFailure = undefined;
    previewLoader.load().catch((error: unknown) => {
      this.previewFailure = error;
    });
  }

  /**
   * Shows the preview where the user looks and moves focus into it: beside the list when the
   * panel's styles lay them out side by side (its container is 60rem wide or more), else as a
   * modal dialog over the page (focus kept in it, Escape and the top layer from the browser).
   */
  #showPreview(dialog: HTMLDialogElement): void {
    const beside = getComputedStyle(dialog.parentElement ?? dialog).display === 'grid';
    if (!dialog.open) {
      if (beside) dialog.show();
      else dialog.showModal();
    }
    dialog.focus({ preventScroll: true });
    dialog.scrollIntoView({ block: 'nearest' });
  }

  // Escape closes the preview beside the list too, as the browser does for a modal one.
  readonly #onPreviewKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    (event.currentTarget as HTMLDialogElement).close();
  };

  // Closed (its button, Escape): focus goes back to the document's row, else to the list.
  readonly #onPreviewClosed = (event: Event) => {
    if (event.target !== event.currentTarget) return;
    const closed = this.opened;
    this.opened = undefined;
    if (!closed?.id) return;
    const index = this.#indexOf(closed.id);
    void this.#focusItem(index >= 0 ? index : this.#tabStop());
  };

  #renderPreview() {
    const document = this.opened;
    if (!this.#previewShown || this.preview !== 'inline') return nothing;
    // Closed, it stays with no document: the preview ends its work but keeps the PDF pages drawn.
    // Only professionals ever receive documents hidden from the patient: confirm before opening.
    return html`<dialog
      part="preview"
      tabindex="-1"
      aria-label=${document ? (titleOf(document) ?? this.#m.untitled) : nothing}
      @keydown=${this.#onPreviewKeydown}
      @close=${this.#onPreviewClosed}
    >
      <button
        class="close"
        type="button"
        @click=${() => {
          this.previewDialog?.close();
        }}
      >
        ${this.#m.closePreview}
      </button>
      ${
        this.previewFailure === undefined
          ? nothing
          : this.renderError(this.previewFailure, this.#m.previewUnavailable, () => {
              this.#loadPreview();
            })
      }
      <dsp-document-preview
        .client=${this.activeClient}
        .document=${document}
        confirm-hidden
        theme=${this.theme}
      ></dsp-document-preview>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dsp-document-viewer': DspDocumentViewer;
  }
}
