// <dsp-document-viewer>: a patient's DSP at a glance — by month, by DSP type or by class — with
// filters a host can set through attributes, and a virtualized list fit for any DSP's size.
import { breakTheGlassAvailable } from '@dsp-kit/fhir/errors';
import type { DocumentReference } from '@dsp-kit/fhir';
import type { VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import { TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { InlineSizeController } from '../base/inline-size.controller.js';
import { ListHeightController } from '../base/list-height.controller.js';
import { virtualList } from '../base/virtual-list.js';
import { DspElement } from '../base/dsp-element.js';
import type { PagedResult } from '../base/paged-search.controller.js';
import { DspDocumentOpenEvent, DspDocumentSelectEvent } from '../events.js';
import { DocumentListModel } from './document-list-model.js';
import {
  type ListItem,
  type PreparedDocument,
  type SortOrder,
  type ViewMode,
} from './document-list.js';
import { documentSearch } from './document-viewer.controller.js';
import { previewLoader } from './preview-loader.js';
import { viewerMessages, type ViewerMessages } from './document-viewer.messages.js';
import { styles } from './document-viewer.styles.js';
import { renderActionsSlot } from './actions-slot.js';
import type { LifecycleChange } from './document-actions.component.js';
import { BreakGlass } from './viewer-break-glass.js';
import { ListKeyboard } from './viewer-keyboard.js';
import { InlinePreview } from './viewer-preview.js';
import { renderGroup, renderRow, type RowContext } from './viewer-rows.js';
import { newSinceMessages } from '../status/new-since.messages.js';
import { NewSinceVisit } from '../status/new-since-visit.js';
import { viewerAlerts } from '../emergency-alerts/viewer-alerts.js';
import { codeList, renderToolbar, typesInList, type ToolbarValues } from './viewer-toolbar.js';
import { withheldNotice } from './withheld-notice.js';
import { emergencySummary } from '../patient-summary/emergency-summary.js';

/** From this width (rem) the open preview sits beside the list rather than over the page. */
const PREVIEW_BESIDE_FROM_REM = 60;

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
 * @fires dsp-document-replace - Cancelable: the signed-in `user` asks to replace the open document
 *   with a new version (`detail.documentId`), before the uploader opens.
 * @fires dsp-document-withdraw - Cancelable: the user confirmed withdrawing the open document
 *   (`detail.documentId`), before the request is sent.
 * @fires dsp-document-update - Cancelable: the user saves a correction or a confidentiality
 *   (`detail.documentId`, `detail.change` `correct` or `confidentiality`).
 * @fires dsp-replace-cancel - The user cancelled a replacement in the uploader opened to replace
 *   the open document, which closes; `detail.documentId` is the document that was to be replaced.
 * @fires dsp-upload-progress - From that uploader: the replacement is being hashed or sent
 *   (`detail.phase` `hashing` or `sending`, `detail.loaded`, `detail.total` in bytes).
 * @fires dsp-document-uploaded - From that uploader: the replacement was stored
 *   (`detail.documentId` the new version's id, `detail.masterIdentifier`, `detail.patientId`).
 * @fires dsp-upload-failed - From that uploader: sending the replacement failed (`detail.kind`,
 *   `detail.status`, `detail.retrying` when the uploader tries again by itself).
 *
 * @csspart offline - The notice shown when the documents come from the cache (offline).
 * @csspart preview - The inline preview of the chosen document (see `<dsp-document-preview>`), a
 *   `<dialog>`: beside the list when the panel is 60rem wide or more, else modal over the page.
 * @csspart break-glass - The emergency access form, offered when the server says it is possible.
 * @csspart emergency - The banner while an emergency access is in progress.
 * @csspart summary - The patient summary shown under that banner (`<dsp-patient-summary>`).
 */
export class DspDocumentViewer extends DspElement {
  static override catalogs = [viewerMessages, newSinceMessages];

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
  /**
   * The signed-in user, as a FHIR reference (`Practitioner/<id>`, `Patient/<id>`,
   * `RelatedPerson/<id>`), as the access-rights panel takes it. Given, the inline preview offers
   * the actions this user may take on the document (replace, withdraw, correct, confidentiality);
   * without it the viewer only reads. The server still decides, and its refusals are explained.
   */
  @property() user?: string;
  /**
   * The signed-in professional's organisation, as a FHIR reference (`Organization/<id>`), where
   * the server lets an organisation act for its members (DOMAIN.md: "the author, or their
   * organisation, per policy"; the mock's `organisationReplaces`). Given, the actions are also
   * offered on documents that organisation is an author of; leave it out where the policy is the
   * author alone. The host knows both from its sign-in and its server; the server still decides.
   */
  @property({ attribute: 'user-organization' }) userOrganization?: string;
  /**
   * The signed-in user's name as readers should see it (for example `Dr Paul Weber`): the
   * author's name on a replacement sent from the viewer, shown in its earlier versions as
   * "replaced on … by …". Without it the replacement names its author by reference only.
   */
  @property({ attribute: 'user-name' }) userName?: string;

  @state() private collapsed: ReadonlySet<string> = new Set();
  @state() private items: ListItem[] = [];
  @state() private shownCount = 0;
  /** Index in `items` of the row holding the roving focus. */
  @state() private active = -1;

  @query('[part="list"]') private listElement?: HTMLElement & VirtualizerHostElement;
  @query('dialog[part~="preview"]') private previewDialog?: HTMLDialogElement;

  /** Whether the panel is wide enough for the preview beside the list. */
  readonly #width = new InlineSizeController(this, [PREVIEW_BESIDE_FROM_REM]);
  /** Fits the list to its rows when they are few. */
  protected readonly listHeight = new ListHeightController(
    this,
    () => this.listElement,
    () => this.items.length,
  );
  readonly #search = documentSearch(this, () => [this.activeClient, this.patient] as const);
  readonly #breakGlass = new BreakGlass(this, {
    args: () => [this.activeClient, this.patient] as const,
    messages: () => this.#m.breakGlass,
    renderError: (error, title) => this.renderError(error, title),
    formatDate: (date) =>
      this.localize.formatDate(date, { dateStyle: 'medium', timeStyle: 'short' }),
    granted: () => {
      this.refresh();
    },
  });
  readonly #keyboard = new ListKeyboard(this, {
    items: () => this.items,
    active: () => this.active,
    setActive: (index) => {
      this.active = index;
    },
    opened: () => this.#preview.opened?.id,
    list: () => this.listElement,
    renderRoot: () => this.renderRoot,
  });
  readonly #preview = new InlinePreview(this, {
    dialog: () => this.previewDialog,
    messages: () => this.#m,
    renderError: (error, title, retry) => this.renderError(error, title, retry),
    actions: (document) =>
      renderActionsSlot({
        client: this.activeClient,
        document,
        user: this.user,
        userOrganization: this.userOrganization,
        userName: this.userName,
        patient: this.patient,
        theme: this.theme,
        onChange: (change) => void this.#onLifecycleChange(change),
        onOpen: (version) => {
          this.#select(version);
        },
      }),
    closed: (document) => {
      const index = this.#keyboard.indexOf(document.id ?? '');
      void this.#keyboard.focusItem(index >= 0 ? index : this.#keyboard.tabStop());
    },
  });
  readonly #typesIn = typesInList();
  /** What is new since this user's last visit: row badges, a filter, an announcement. */
  readonly #newSince = new NewSinceVisit(
    this,
    () => [this.activeClient, this.patient ?? ''] as const,
    this.localize,
  );
  /** The list as shown: sorted, filtered and grouped, grown a chunk at a time as pages arrive. */
  readonly #list = new DocumentListModel(() => {
    this.requestUpdate();
  });

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
      this.#preview.reset();
      this.#breakGlass.reset();
    }
    const listChanged = this.#list.update(this.#newSince.shown(this.#search.result.items), {
      sort: this.sort,
      view: this.view,
      filters: {
        types: codeList(this.filterType),
        classes: codeList(this.filterClass),
        ...(this.from ? { from: this.from } : {}),
        ...(this.to ? { to: this.to } : {}),
        ...(this.q ? { q: this.q } : {}),
        ...(this.filterAuthor ? { author: this.filterAuthor } : {}),
      },
      collapsed: this.collapsed,
    });
    if (listChanged) {
      this.shownCount = this.#list.shownCount;
      this.items = this.#list.items;
      if (this.active >= this.items.length) this.active = this.items.length - 1;
    }
  }

  protected override updated(): void {
    this.#preview.updated();
    if (this.#search.task.status === TaskStatus.ERROR)
      this.reportErrorOnce(this.#search.task.error);
  }

  override render(): TemplateResult {
    const m = this.#m;
    return html`<section part="base" aria-label=${m.label}>
      ${viewerAlerts(this.user, this.patient, this.activeClient, this.theme)}
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
          })}${breakTheGlassAvailable(error) ? this.#breakGlass.renderForm() : nothing}`,
      })}
    </section>`;
  }

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
    const emergency = this.#breakGlass.renderBanner();
    return html`
      ${emergency}
      ${
        // The banner shows while an emergency access lasts: what the doctor needs first comes next.
        emergency !== nothing && this.patient
          ? emergencySummary({
              client: this.activeClient,
              patient: this.patient,
              theme: this.theme,
              open: (id) => this.open(id),
            })
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
      ${withheldNotice(this.#search.withheld, m.withheld)}
      ${renderToolbar({
        m,
        language: this.localize.language,
        values: this,
        types: this.#typesIn(result.items),
        set: this.#setToolbar,
      })}
      ${this.#newSince.render(result.items)}
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
      <div
        class="layout ${this.#width.atLeast(PREVIEW_BESIDE_FROM_REM) ? 'wide' : ''} ${this.#preview.opened ? 'open' : ''}"
      >
        <div class="documents">
          ${this.shownCount === 0 ? this.#renderNoMatch() : this.#renderList()}
        </div>
        ${this.preview === 'inline' ? this.#preview.render(this.activeClient, this.theme) : nothing}
      </div>
    `;
  }

  #renderNoMatch() {
    return html`<div part="empty">
      <p>${this.#m.noMatch}</p>
      <button class="action" type="button" @click=${this.#clearFilters}>
        ${this.#m.clearFilters}
      </button>
    </div>`;
  }

  #renderList() {
    const rows: RowContext = {
      m: this.#m,
      localize: this.localize,
      view: this.view,
      active: this.active,
      opened: this.#preview.opened?.id,
      keyboard: this.#keyboard,
      setActive: (index) => {
        this.active = index;
      },
      toggle: this.#toggle,
      newBadge: this.#newSince.badge,
      select: (document) => {
        this.#select(document);
      },
    };
    return html`<div
        part="list"
        role="list"
        aria-label=${this.#m.label}
        @keydown=${this.#keyboard.onKeydown}
        @focusout=${this.#keyboard.onFocusout}
      >
        ${virtualList(
          this.items,
          (item) => (item.kind === 'group' ? `group:${item.key}` : item.prepared.id),
          (item, index) =>
            item.kind === 'group'
              ? renderGroup(item, index, rows)
              : renderRow(item.prepared, index, rows),
        )}
      </div>
      <p id="keys-hint" class="keys-hint">${this.#m.keysHint}</p>`;
  }

  readonly #setToolbar = (change: Partial<ToolbarValues>) => {
    Object.assign(this, change);
  };

  readonly #toggle = (key: string): void => {
    const next = new Set(this.collapsed);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    this.collapsed = next;
  };

  readonly #clearFilters = () => {
    this.filterType =
      this.filterClass =
      this.filterAuthor =
      this.from =
      this.to =
      this.q =
        undefined;
  };

  /** A document withdrawn, corrected or replaced: the list loads again, the preview follows. */
  async #onLifecycleChange(change: LifecycleChange): Promise<void> {
    await this.#search.task.run();
    if (change.kind === 'updated') this.#preview.replace(change.document);
    else if (
      change.kind === 'replaced' &&
      change.newId &&
      this.#keyboard.indexOf(change.newId) >= 0
    )
      this.open(change.newId);
    // Withdrawn (or its replacement not listed): the preview closes, focus goes to the list.
    else this.previewDialog?.close();
  }

  #select(document: DocumentReference): void {
    if (!document.id) return;
    this.dispatchEvent(new DspDocumentSelectEvent({ documentId: document.id }));
    if (this.preview === 'inline') this.#preview.open(document);
    this.dispatchEvent(new DspDocumentOpenEvent({ documentId: document.id }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dsp-document-viewer': DspDocumentViewer;
  }
}
