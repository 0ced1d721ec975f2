// <dsp-status-list>: the DSP status of a worklist of up to 50 patients, from one batch request,
// one compact row each; the arrow keys, Home and End move between rows (one Tab stop).
import { MAX_STATUS_PATIENTS, type DspStatus } from '@dsp-kit/fhir/status';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DspElement } from '../base/dsp-element.js';
import { StatusController } from './status.controller.js';
import { DspStatusOpenEvent } from './status.events.js';
import type { LoadedStatus } from './status-loader.js';
import { statusListMessages } from './status-list.messages.js';
import { statusMessages } from './status.messages.js';
import { listStyles } from './status-list.styles.js';
import { styles } from './status.styles.js';
import { statusWords, type Formats } from './status-words.js';
import { readWorklist, type WorklistEntries, type WorklistPatient } from './worklist-patients.js';

/**
 * @summary The DSP status of a worklist (up to 50 patients) from one FHIR batch request: a row
 * per patient with the same marks as `<dsp-status>`. One Tab stop; arrows, Home and End move
 * between rows; a row's click or Enter asks the host to open that patient's DSP.
 * @tag dsp-status-list
 *
 * @csspart base - The panel.
 * @csspart list - The list of rows.
 * @csspart row - A patient's row (a button).
 * @csspart mark - A row's dot and short word.
 * @csspart new - A row's count of new documents.
 * @csspart offline - Said when the statuses come from the cache, the server unreachable.
 * @csspart loading - The loading state.
 * @csspart error - The error state (too many patients, or the request failed).
 *
 * @cssproperty --dsp-status-color-ok - The dot of an open DSP.
 *
 * @fires dsp-status-open - The user chose a row; `detail.patient` is the patient's id.
 * @fires dsp-error - The statuses could not be read; `detail.kind` and `detail.status` say how.
 */
export class DspStatusList extends DspElement {
  static override catalogs = [statusMessages, statusListMessages];

  static override styles = [DspElement.styles, styles, listStyles];

  /**
   * The patients, at most 50: ids (or `Patient/<id>`), or `{ id, name }` entries where the host
   * knows a name. A row shows the host's name when given, else the name the server gives (it
   * gives none for a DSP refused to the user), else the id. Changing only the names asks the
   * server nothing.
   */
  @property({ attribute: false }) patients: readonly (string | WorklistPatient)[] = [];

  /** The signed-in user as a FHIR reference (see `<dsp-status>`'s `user`). */
  @property() user?: string;

  /** The row holding the Tab stop. */
  @state() private focusIndex = 0;

  readonly #status = new StatusController(this, () => {
    const worklist = this.#worklist();
    return {
      client: this.activeClient,
      patients: this.#tooMany() || !worklist.ok ? [] : worklist.ids,
      user: undefined,
    };
  });

  #worklist(): WorklistEntries {
    return readWorklist(this.patients);
  }

  #tooMany(): boolean {
    return this.patients.length > MAX_STATUS_PATIENTS;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('patients')) this.focusIndex = 0;
  }

  override render(): TemplateResult {
    const l = this.localize.t(statusListMessages);
    const state = this.#status.state;
    const worklist = this.#worklist();
    let content: TemplateResult;
    if (this.#tooMany()) {
      content = html`<p part="error" role="alert">
        ${l.tooMany(MAX_STATUS_PATIENTS, this.patients.length)}
      </p>`;
    } else if (!worklist.ok) {
      content = html`<p part="error" role="alert">${l.noId(worklist.position, worklist.given)}</p>`;
    } else if (state.kind === 'idle') {
      content = html`<p class="empty">${l.empty}</p>`;
    } else if (state.kind === 'loading') {
      content = html`<p part="loading" role="status">${l.loading}</p>`;
    } else if (state.kind === 'error') {
      content = this.renderError(state.error, l.failed, () => this.#status.reload());
    } else {
      content = this.#renderRows(state.statuses, worklist.names);
    }
    return html`<section part="base" aria-label=${l.label}>${content}</section>`;
  }

  protected override updated(): void {
    const state = this.#status.state;
    if (state.kind === 'error') this.reportErrorOnce(state.error);
  }

  #formats(): Formats {
    return {
      date: (value) => this.localize.formatDate(value, { dateStyle: 'medium' }),
      dateTime: (value) =>
        this.localize.formatDate(value, { dateStyle: 'medium', timeStyle: 'short' }),
      number: (value) => this.localize.formatNumber(value),
    };
  }

  #renderRows(statuses: readonly LoadedStatus[], names: readonly (string | undefined)[]) {
    const m = this.localize.t(statusMessages);
    const f = this.#formats();
    const offlineSince = statuses.find((s) => s.offlineSince)?.offlineSince;
    return html`${
        offlineSince
          ? html`<p part="offline" role="status">
              ${m.offline(f.dateTime(offlineSince.toISOString()))}
            </p>`
          : nothing
      }
      <ul part="list" @keydown=${this.#onKeydown}>
        ${statuses.map((loaded, i) => this.#renderRow(loaded.status, names[i], i, f))}
      </ul>`;
  }

  #renderRow(status: DspStatus, hostName: string | undefined, index: number, f: Formats) {
    const m = this.localize.t(statusMessages);
    const words = statusWords(status, m, f);
    // The host's name first: the one its users see for this patient everywhere else.
    const name =
      hostName ??
      (status.state === 'open' || status.state === 'closed' ? status.name : undefined) ??
      status.patient;
    const newMark = words.newCount ? m.newMark(f.number(words.newCount)) : undefined;
    const label = [
      name,
      `${[words.mark, newMark].filter(Boolean).join(' ')} —`,
      words.sentence,
      m.open,
    ].join(' ');
    return html`<li>
      <button
        part="row"
        class="row ${words.tone}"
        type="button"
        data-patient=${status.patient}
        tabindex=${index === this.focusIndex ? 0 : -1}
        aria-label=${label}
        @click=${() => this.#open(status.patient, index)}
      >
        <span class="name" aria-hidden="true" title=${name}>${name}</span>
        <span part="mark" aria-hidden="true"
          ><span class="dot"></span>${words.mark}${
            newMark ? html` <span part="new">${newMark}</span>` : nothing
          }</span
        >
      </button>
    </li>`;
  }

  #rows(): HTMLButtonElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button.row')];
  }

  #onKeydown = (event: KeyboardEvent): void => {
    const rows = this.#rows();
    const current = rows.indexOf(event.target as HTMLButtonElement);
    if (current < 0 || rows.length === 0) return;
    const last = rows.length - 1;
    const next =
      event.key === 'ArrowDown' || event.key === 'ArrowRight'
        ? Math.min(current + 1, last)
        : event.key === 'ArrowUp' || event.key === 'ArrowLeft'
          ? Math.max(current - 1, 0)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    this.focusIndex = next;
    rows[next]?.focus();
  };

  #open(patient: string, index: number): void {
    this.focusIndex = index;
    this.dispatchEvent(new DspStatusOpenEvent({ patient }));
  }

  /** Reads the statuses again. */
  refresh(): void {
    this.#status.reload();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dsp-status-list': DspStatusList;
  }
}
