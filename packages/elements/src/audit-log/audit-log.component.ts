// <dsp-audit-log>: who accessed what in a patient's DSP, and when — emergency accesses standing
// out, refusals visible — with filters, CSV export and a print view.
import { documentTypeByCode, label, professionByCode } from '@dsp-kit/fhir/vocabulary';
import type { AuditRow, DspAuditAction } from '@dsp-kit/fhir/audit';
import type { VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import { TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { DspElement } from '../base/dsp-element.js';
import { InlineSizeController } from '../base/inline-size.controller.js';
import { ListHeightController } from '../base/list-height.controller.js';
import { virtualList, virtualListStyles } from '../base/virtual-list.js';
import { DspDocumentSelectEvent } from '../events.js';
import { auditCsv } from './audit-csv.js';
import type { AuditFilters } from './audit-filter.js';
import type { AuditLine } from './audit-group.js';
import type { AuditEntry, AuditIndex } from './audit-index.js';
import type { PagedResult } from '../base/paged-search.controller.js';
import { AuditLogModel } from './audit-log-model.js';
import { auditLogSearch } from './audit-log.controller.js';
import { auditLogMessages, type AuditLogMessages } from './audit-log.messages.js';
import { styles } from './audit-log.styles.js';
import { changeTexts, refusalReason } from './audit-wording.js';

/** Below this width (rem) the rows put when, who and what one above the other. */
const NARROW_BELOW_REM = 36;

const ACTIONS: readonly (DspAuditAction | 'other')[] = [
  'read',
  'search',
  'create',
  'update',
  'mask',
  'consent',
  'break-the-glass',
];

/**
 * @summary The access log of a patient's DSP: who did what to which document, when; emergency
 * accesses highlighted with their reason, refused attempts shown; filters, CSV export, print view.
 * @tag dsp-audit-log
 *
 * @csspart base - The panel.
 * @csspart offline - The notice shown when the log comes from the cache (offline).
 * @csspart toolbar - Filters and commands.
 * @csspart filters - The filters.
 * @csspart count - The number of entries shown.
 * @csspart list - The scrolling list of entries.
 * @csspart row - One entry, or identical consecutive entries with their count; `row-emergency`
 *   and `row-refused` are added to mark those.
 * @csspart print-table - The table shown for printing.
 * @csspart loading - The loading state.
 * @csspart empty - No entry, or none matching the filters.
 * @csspart error - The error state, with a retry button when retrying may help.
 *
 * @cssproperty --dsp-audit-log-height - Height of the scrolling list (default 28rem); a list of
 *   fewer rows is as tall as they are.
 * @cssproperty --dsp-color-warning - Colour marking emergency accesses.
 * @cssproperty --dsp-color-warning-surface - Background of emergency accesses.
 *
 * @fires dsp-document-select - A document was chosen in the log; `detail.documentId` is its id.
 * @fires dsp-error - Loading failed; `detail.kind` and `detail.status` say how.
 */
export class DspAuditLog extends DspElement {
  static override catalogs = [auditLogMessages];

  static override styles = [DspElement.styles, virtualListStyles, styles];

  /** The patient's FHIR id. */
  @property({ reflect: true }) patient?: string;
  /** First day shown, `YYYY-MM-DD`. */
  @property({ reflect: true }) from?: string;
  /** Last day shown, `YYYY-MM-DD`. */
  @property({ reflect: true }) to?: string;
  /** Only this agent's entries, e.g. `Practitioner/paul-weber`. */
  @property({ reflect: true }) agent?: string;
  /** Only this action. */
  @property({ reflect: true }) action?: DspAuditAction;
  /** Only entries about this document id. */
  @property({ reflect: true }) document?: string;
  /**
   * Field separator of the CSV export, `;` or `,`; by default the language's: `;` for fr, de and
   * lb, whose spreadsheets do not split on commas, `,` for en.
   */
  @property({ attribute: 'csv-separator', reflect: true }) csvSeparator?: ',' | ';';
  /** Shows every filtered entry as a plain table, for printing. */
  @property({ type: Boolean, reflect: true }) print = false;

  @state() private filtered: readonly AuditEntry[] = [];
  /** The filtered entries as the list shows them, identical consecutive ones as one line. */
  @state() private lines: readonly AuditLine[] = [];
  @query('[part="list"]') private listElement?: HTMLElement & VirtualizerHostElement;

  readonly #log = auditLogSearch(this, () => [this.activeClient, this.patient] as const);
  /** Whether the panel is wide enough for its rows' three columns. */
  readonly #width = new InlineSizeController(this, [NARROW_BELOW_REM]);
  /** Fits the list to its rows when they are few. */
  protected readonly listHeight = new ListHeightController(
    this,
    () => this.listElement,
    () => this.lines.length,
  );
  /** The loaded entries indexed, filtered and grouped, grown page by page in time slices. */
  readonly #model = new AuditLogModel(() => {
    this.requestUpdate();
  });
  readonly #afterPrint = () => {
    this.print = false;
  };

  // Back online: what shows may be stale (it came from the cache), so load it again.
  readonly #online = () => {
    if (this.#log.result.cachedAt) this.refresh();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('afterprint', this.#afterPrint);
    window.addEventListener('online', this.#online);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('afterprint', this.#afterPrint);
    window.removeEventListener('online', this.#online);
  }

  get #messages(): AuditLogMessages {
    return this.localize.t(auditLogMessages);
  }

  get #filters(): AuditFilters {
    return {
      from: this.from,
      to: this.to,
      agent: this.agent,
      action: this.action,
      document: this.document,
    };
  }

  /** Reloads the log from the server. */
  refresh(): void {
    void this.#log.task.run();
  }

  /** The filtered entries as CSV (RFC 4180, UTF-8 with BOM, columns in the panel's language). */
  csv(): string {
    const separator =
      this.csvSeparator === ',' || this.csvSeparator === ';' ? this.csvSeparator : undefined;
    return auditCsv(rowsOf(this.filtered), this.#messages, this.localize.language, { separator });
  }

  /** Downloads the filtered entries as a CSV file. */
  exportCsv(): void {
    const blob = new Blob([this.csv()], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `${this.#messages.fileName}-${this.patient ?? ''}-${new Date().toISOString().slice(0, 10)}.csv`;
    link.click();
    setTimeout(() => {
      URL.revokeObjectURL(url);
    }, 0);
  }

  /** Shows the print view and opens the browser's print dialog. */
  async printLog(): Promise<void> {
    this.print = true;
    await this.updateComplete;
    window.print();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const rows =
      this.#log.task.status === TaskStatus.COMPLETE ? (this.#log.task.value?.items ?? []) : [];
    const current = this.#log.result.items.length > 0 ? this.#log.result.items : rows;
    // Further pages grow the model a slice at a time; filtering and grouping run only when the
    // filters or the entries changed.
    if (this.#model.update(current, this.#filters)) {
      this.filtered = this.#model.filtered;
      this.lines = this.#model.lines;
    }
  }

  protected override updated(): void {
    if (this.#log.task.status === TaskStatus.ERROR) this.reportErrorOnce(this.#log.task.error);
  }

  override render(): TemplateResult {
    const m = this.#messages;
    return html`<section
      part="base"
      class=${this.#width.atLeast(NARROW_BELOW_REM) ? '' : 'narrow'}
      aria-label=${m.label}
    >
      ${this.#log.task.render({
        initial: () => this.#renderLoading(),
        pending: () =>
          this.#log.result.items.length > 0
            ? this.#renderLog(this.#log.result)
            : this.#renderLoading(),
        complete: (log) =>
          log ? this.#renderLog(this.#log.result) : html`<p part="empty">${m.noPatient}</p>`,
        error: (error) =>
          this.renderError(error, m.failed, () => {
            this.refresh();
          }),
      })}
    </section>`;
  }

  #renderLoading() {
    return html`<p part="loading" role="status">${this.#messages.loading}</p>`;
  }

  #renderLog(log: PagedResult<AuditEntry>) {
    const m = this.#messages;
    if (log.items.length === 0 && !log.loading) {
      return html`<p part="empty" role="status">${m.empty}</p>`;
    }
    const shown = this.filtered;
    return html`
      ${
        log.cachedAt
          ? html`<p part="offline" role="status">
              ${m.offline(this.localize.formatDate(log.cachedAt, { dateStyle: 'medium', timeStyle: 'short' }))}
            </p>`
          : nothing
      }
      ${this.#renderToolbar()}
      <p part="count" role="status">
        ${m.count(shown.length, log.items.length)}${log.loading ? html` — ${m.loadingMore(log.items.length, log.total)}` : nothing}
      </p>
      ${
        log.moreError
          ? this.renderError(log.moreError, m.failed, () => {
              this.#log.resume();
            })
          : nothing
      }
      ${
        shown.length === 0
          ? html`<p part="empty">${m.noMatch}</p>`
          : this.print
            ? this.#renderPrintTable(rowsOf(shown))
            : // Focusable: a list of entries without a document has nothing else to scroll it by.
              html`<div part="list" role="list" aria-label=${m.label} tabindex="0">
                ${virtualList(
                  this.lines,
                  (line) => line.row.id ?? line.row.recorded,
                  (line) => this.#renderRow(line),
                )}
              </div>`
      }
    `;
  }

  #renderToolbar() {
    const m = this.#messages;
    const { agents, documents } = this.#choices(m.unknownAgent);
    const set = (key: keyof AuditFilters) => (event: Event) => {
      const value = (event.target as HTMLInputElement | HTMLSelectElement).value;
      this[key] = (value || undefined) as never;
    };
    return html`<div part="toolbar">
      <fieldset part="filters">
        <legend>${m.filters}</legend>
        <label
          >${m.from}<input
            type="date"
            .value=${this.from ?? ''}
            max=${this.to ?? ''}
            @change=${set('from')}
        /></label>
        <label
          >${m.to}<input
            type="date"
            .value=${this.to ?? ''}
            min=${this.from ?? ''}
            @change=${set('to')}
        /></label>
        <label
          >${m.who}
          <select @change=${set('agent')}>
            <option value="" ?selected=${!this.agent}>${m.any}</option>
            ${agents.map((a) => html`<option value=${a.value} ?selected=${a.value === this.agent}>${a.label}</option>`)}
          </select>
        </label>
        <label
          >${m.action}
          <select @change=${set('action')}>
            <option value="" ?selected=${!this.action}>${m.any}</option>
            ${ACTIONS.map((a) => html`<option value=${a} ?selected=${a === this.action}>${m.actions[a]}</option>`)}
          </select>
        </label>
        <label
          >${m.document}
          <select @change=${set('document')}>
            <option value="" ?selected=${!this.document}>${m.any}</option>
            ${documents.map((d) => html`<option value=${d.value} ?selected=${d.value === this.document}>${d.label}</option>`)}
          </select>
        </label>
        <button class="secondary" type="button" @click=${this.#clearFilters}>
          ${m.clearFilters}
        </button>
      </fieldset>
      <div class="commands">
        <button
          class="secondary"
          type="button"
          @click=${() => {
            this.exportCsv();
          }}
        >
          ${m.exportCsv}
        </button>
        <button class="secondary" type="button" @click=${() => void this.printLog()}>
          ${m.print}
        </button>
      </div>
    </div>`;
  }

  #choicesOf:
    | {
        index: AuditIndex;
        version: number;
        unknownAgent: string;
        choices: ReturnType<AuditIndex['choices']>;
      }
    | undefined;

  /** The filters' lists, computed again only when an agent or document is new or renamed. */
  #choices(unknownAgent: string): ReturnType<AuditIndex['choices']> {
    const index = this.#model.index;
    const version = index.choicesVersion;
    let from = this.#choicesOf;
    if (from?.index !== index || from.version !== version || from.unknownAgent !== unknownAgent) {
      from = { index, version, unknownAgent, choices: index.choices(unknownAgent) };
      this.#choicesOf = from;
    }
    return from.choices;
  }

  readonly #clearFilters = () => {
    this.from = this.to = this.agent = this.document = undefined;
    this.action = undefined;
  };

  #describe(row: AuditRow) {
    const language = this.localize.language;
    const profession = row.profession ? professionByCode(row.profession) : undefined;
    const type = row.document?.typeCode ? documentTypeByCode(row.document.typeCode) : undefined;
    return {
      role: [profession ? label(profession.labels, language) : undefined, row.organization]
        .filter(Boolean)
        .join(' · '),
      type: type ? label(type.labels, language) : undefined,
    };
  }

  #renderRow({ row, rows }: AuditLine) {
    const m = this.#messages;
    const refusal = refusalReason(row, m);
    const { role, type } = this.#describe(row);
    const parts = [
      'row',
      row.breakTheGlass ? 'row-emergency' : '',
      row.outcome === 'refused' ? 'row-refused' : '',
    ]
      .filter(Boolean)
      .join(' ');
    return html`<div part=${parts} role="listitem">
      <span class="when">
        <time datetime=${row.recorded}>${this.localize.formatRelative(row.recorded)}</time>
        <span class="absolute"
          >${this.localize.formatDate(row.recorded, { dateStyle: 'medium', timeStyle: 'short' })}</span
        >
      </span>
      <span class="who">
        <span>${row.who.name ?? m.unknownAgent}</span>
        ${role ? html`<span class="role">${role}</span>` : nothing}
      </span>
      <span class="what">
        <span>
          ${m.actions[row.action]}
          ${
            rows.length > 1
              ? html`<span class="repeat"
                  ><span aria-hidden="true">×${rows.length}</span
                  ><span class="visually-hidden">${m.times(rows.length)}</span></span
                >`
              : nothing
          }
          ${
            // An emergency access's own entry already says so in its action.
            row.breakTheGlass && row.action !== 'break-the-glass'
              ? html`<span class="badge emergency">${m.emergency}</span>`
              : nothing
          }
          ${row.outcome !== 'success' ? html`<span class="badge ${row.outcome}">${m.outcomes[row.outcome]}</span>` : nothing}
        </span>
        ${
          row.document
            ? html`<span
                ><button
                  class="document"
                  type="button"
                  @click=${() => {
                    this.#select(row.document?.id);
                  }}
                >
                  ${row.document.title ?? row.document.id}
                </button></span
              >`
            : nothing
        }
        ${type ? html`<span class="type">${type}</span>` : nothing}
        ${refusal ? html`<span class="type">${refusal}</span>` : nothing}
        ${changeTexts(row, m, this.localize.language).map((change) => html`<span class="change">${change}</span>`)}
      </span>
      ${row.breakTheGlass && row.reason ? html`<p class="reason">${m.reason(row.reason)}</p>` : nothing}
    </div>`;
  }

  #renderPrintTable(rows: readonly AuditRow[]) {
    const m = this.#messages;
    const c = m.columns;
    return html`<table part="print-table">
      <caption>
        ${m.label}
      </caption>
      <thead>
        <tr>
          <th scope="col">${c.when}</th>
          <th scope="col">${c.who}</th>
          <th scope="col">${c.action}</th>
          <th scope="col">${c.document}</th>
          <th scope="col">${c.outcome}</th>
          <th scope="col">${c.reason}</th>
          <th scope="col">${c.refusal}</th>
          <th scope="col">${c.details}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map((row) => {
          const { role } = this.#describe(row);
          return html`<tr>
            <td>
              ${this.localize.formatDate(row.recorded, { dateStyle: 'short', timeStyle: 'short' })}
            </td>
            <td>${row.who.name ?? m.unknownAgent}${role ? html`<br />${role}` : nothing}</td>
            <td>${m.actions[row.action]}</td>
            <td>${row.document?.title ?? ''}</td>
            <td>${m.outcomes[row.outcome]}</td>
            <td>${row.reason ?? ''}</td>
            <td>${refusalReason(row, m) ?? ''}</td>
            <td>${changeTexts(row, m, this.localize.language).join('; ')}</td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }

  #select(documentId: string | undefined): void {
    if (documentId) this.dispatchEvent(new DspDocumentSelectEvent({ documentId }));
  }
}

function rowsOf(entries: readonly AuditEntry[]): AuditRow[] {
  return entries.map((entry) => entry.row);
}

declare global {
  interface HTMLElementTagNameMap {
    'dsp-audit-log': DspAuditLog;
  }
}
