// <dsp-emergency-alerts>: for the patient and their assistants, a banner naming every emergency
// access ("break the glass") to the DSP since the user last acknowledged them: who, when, why.
import { auditRows, type AuditRow, type DspClient } from '@dsp-kit/fhir';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DspElement } from '../base/dsp-element.js';
import { acknowledge, acknowledgedUntil } from '../status/visits.js';
import {
  DspAuditEntryOpenEvent,
  DspEmergencyAcknowledgedEvent,
} from './emergency-alerts.events.js';
import { emergencyAlertsMessages } from './emergency-alerts.messages.js';
import { styles } from './emergency-alerts.styles.js';

type Alerts =
  | { readonly kind: 'idle' }
  | { readonly kind: 'done'; readonly rows: readonly AuditRow[] }
  | { readonly kind: 'error'; readonly error: unknown };

/** The emergency accesses granted, recorded after `after` (each once: its own audit entry). */
export function emergencyAccesses(
  rows: readonly AuditRow[],
  after: string | undefined,
): AuditRow[] {
  const since = after === undefined ? Number.NEGATIVE_INFINITY : Date.parse(after);
  return rows.filter(
    (row) =>
      row.action === 'break-the-glass' &&
      row.outcome === 'success' &&
      Date.parse(row.recorded) > since,
  );
}

/**
 * @summary For the patient and their DSP assistants: a prominent banner after any emergency
 * access to the DSP since the user last acknowledged one — who, when, the reason they gave, and
 * a link to the access log's entry. Each user acknowledges for themselves (kept in their own
 * cache database); nothing shows when there is nothing to say.
 * @tag dsp-emergency-alerts
 *
 * @csspart base - The banner.
 * @csspart entry - One emergency access.
 * @csspart acknowledge - The acknowledgement button.
 * @csspart error - The error state.
 *
 * @fires dsp-audit-entry-open - The user asks for an access's log entry (when no `audit-href` is
 *   given); `detail.patient`, `detail.eventId`.
 * @fires dsp-emergency-acknowledged - The user acknowledged the accesses; `detail.until`.
 * @fires dsp-error - The log could not be read; `detail.kind` and `detail.status` say how.
 */
export class DspEmergencyAlerts extends DspElement {
  static override catalogs = [emergencyAlertsMessages];

  static override styles = [DspElement.styles, styles];

  /** The patient: a FHIR id or `Patient/<id>`. The signed-in user is that patient or their assistant. */
  @property() patient = '';

  /**
   * Where an access's log entry is, with `{id}` for the AuditEvent's id, e.g. `#audit/{id}`; without
   * it, the link is a button firing `dsp-audit-entry-open`.
   */
  @property({ attribute: 'audit-href' }) auditHref?: string;

  @state() private alerts: Alerts = { kind: 'idle' };

  #loaded: { client: DspClient | undefined; patient: string } | undefined;
  #abort: AbortController | undefined;

  get #patientId(): string {
    return this.patient.trim().replace(/^Patient\//, '');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const client = this.activeClient;
    const patient = this.#patientId;
    const loaded = this.#loaded;
    if (loaded && loaded.client === client && loaded.patient === patient) return;
    this.#loaded = { client, patient };
    void this.#load(client, patient);
  }

  /** Reads the log again. */
  refresh(): void {
    this.#loaded = undefined;
    this.requestUpdate();
  }

  async #load(client: DspClient | undefined, patient: string): Promise<void> {
    this.#abort?.abort();
    this.alerts = { kind: 'idle' };
    if (!client || !patient) return;
    const abort = new AbortController();
    this.#abort = abort;
    try {
      const after = await acknowledgedUntil(client.cache, patient);
      const page = await client.searchAuditEvents(
        { patient, ...(after ? { from: after } : {}), _sort: '-date', _count: 100 },
        { signal: abort.signal, cache: 'no-store' },
      );
      if (abort.signal.aborted) return;
      this.alerts = { kind: 'done', rows: emergencyAccesses(auditRows(page.entries), after) };
    } catch (error) {
      if (!abort.signal.aborted) this.alerts = { kind: 'error', error };
    }
  }

  protected override updated(): void {
    if (this.alerts.kind === 'error') this.reportErrorOnce(this.alerts.error);
  }

  override render(): TemplateResult | typeof nothing {
    const m = this.localize.t(emergencyAlertsMessages);
    if (this.alerts.kind === 'error') return this.renderError(this.alerts.error, m.failed);
    if (this.alerts.kind !== 'done' || this.alerts.rows.length === 0) return nothing;
    const rows = this.alerts.rows;
    return html`<section part="base" role="alert" aria-labelledby="title">
      <h2 id="title">${m.title(rows.length)}</h2>
      <p>${m.intro}</p>
      <ul>
        ${rows.map((row) => this.#renderEntry(row))}
      </ul>
      <button part="acknowledge" class="action" type="button" @click=${this.#acknowledge}>
        ${m.acknowledge}
      </button>
    </section>`;
  }

  #renderEntry(row: AuditRow) {
    const m = this.localize.t(emergencyAlertsMessages);
    const when = this.localize.formatDate(row.recorded, { dateStyle: 'long', timeStyle: 'short' });
    const id = row.id ?? '';
    const link = this.auditHref
      ? html`<a href=${this.auditHref.replaceAll('{id}', encodeURIComponent(id))}>${m.inLog}</a>`
      : html`<button
          class="link"
          type="button"
          @click=${() => {
            this.dispatchEvent(
              new DspAuditEntryOpenEvent({ patient: this.#patientId, eventId: id }),
            );
          }}
        >
          ${m.inLog}
        </button>`;
    return html`<li part="entry">
      <span class="who">${m.entry(row.who.name ?? m.unknownWho, when)}</span>
      <span class="reason">${row.reason ? m.reason(row.reason) : m.noReason}</span>
      ${id ? link : nothing}
    </li>`;
  }

  #acknowledge = async (): Promise<void> => {
    if (this.alerts.kind !== 'done') return;
    const newest = this.alerts.rows.reduce(
      (latest, row) => (Date.parse(row.recorded) > Date.parse(latest) ? row.recorded : latest),
      this.alerts.rows[0]?.recorded ?? new Date().toISOString(),
    );
    await acknowledge(this.activeClient?.cache, this.#patientId, newest);
    this.alerts = { kind: 'done', rows: [] };
    this.dispatchEvent(
      new DspEmergencyAcknowledgedEvent({ patient: this.#patientId, until: newest }),
    );
  };
}
