// <dsp-patient-summary>: what an emergency doctor or the patient needs first — the patient's
// most recent current summary as a card: allergies, active problems, current medication,
// vaccinations, devices and procedures, then the other sections collapsed, each naming its
// source, with "none recorded" told apart from "no information" and an old summary marked.
import type { DocumentReference, ReadCache } from '@dsp-kit/fhir';
import { TaskStatus } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { DspElement } from '../base/dsp-element.js';
import { errorDetail } from '../base/error-message.js';
import { DspDocumentSelectEvent, DspErrorEvent } from '../events.js';
import { DspSummaryShownEvent } from './patient-summary.events.js';
import { SummaryController, type SummaryState } from './patient-summary.controller.js';
import { summaryMessages, type SummaryMessages } from './patient-summary.messages.js';
import { styles } from './patient-summary.styles.js';
import { isStale } from './summary-choice.js';
import type { ReadSummary, SummarySection } from './summary-model.js';
import { SECTION_ORDER, type SectionKind } from './summary-sections.js';

type Shown = Extract<SummaryState, { status: 'shown' }>;

/** Default of `stale-after`, in months. */
const STALE_AFTER_MONTHS = 12;

/**
 * @summary The patient's most recent current patient summary as a card, read from a CDA level-3
 * summary or a FHIR IPS document Bundle: the DSP type "Résumés patients", LOINC 60591-5.
 * @tag dsp-patient-summary
 *
 * @slot empty - Replaces the text shown when the patient has no summary.
 *
 * @csspart base - The card.
 * @csspart header - The card's title and the summary's source.
 * @csspart open - Each button that opens the whole document (`dsp-document-select`).
 * @csspart stale - The notice on a summary older than `stale-after`.
 * @csspart offline - The notice shown when the summary comes from the cache (offline).
 * @csspart section - Each of the sections shown first (also `section-<kind>`).
 * @csspart section-empty - What an empty or missing section says.
 * @csspart source - The line naming a section's source document, author and date.
 * @csspart other - The other sections, collapsed.
 * @csspart loading - The loading state.
 * @csspart empty - The state of a patient without a summary.
 * @csspart unreadable - A summary in a format the card cannot show, with its download.
 * @csspart download - The download button of an unreadable summary.
 * @csspart error - The error state (a refusal, the server out of reach), with a retry when it may help.
 *
 * @cssproperty --dsp-patient-summary-padding - Inner padding of the card.
 *
 * @fires dsp-document-select - The user asked to open the summary's whole document; `detail.documentId`.
 * @fires dsp-summary-shown - A summary shows; `detail.documentId`, `detail.stale`, `detail.offline`.
 * @fires dsp-error - Loading failed; `detail.kind` and `detail.status` say how.
 */
export class DspPatientSummary extends DspElement {
  static override catalogs = [summaryMessages];

  static override styles = [DspElement.styles, styles];

  /** The patient: a FHIR id or a `Patient/<id>` reference. */
  @property() patient?: string;

  /** Months after which a summary is marked as old; 12 by default. */
  @property({ type: Number, attribute: 'stale-after' }) staleAfter = STALE_AFTER_MONTHS;

  /**
   * Where the last summary read is kept for offline use (the `DspCache` the client uses, say);
   * none by default, so no clinical content is stored unless the host asks.
   */
  @property({ attribute: false }) cache?: ReadCache;

  readonly #summary = new SummaryController(
    this,
    () => [this.activeClient, this.patient, this.cache] as const,
  );

  #reported: unknown;
  #styled = false;

  // Back online: what shows came from the cache, so load it again.
  readonly #online = () => {
    const value = this.#summary.task.value;
    if (value && 'cachedAt' in value && value.cachedAt) this.refresh();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.#online);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#online);
  }

  /** Loads the summary again. */
  refresh(): void {
    void this.#summary.task.run();
  }

  get #m(): SummaryMessages {
    return this.localize.t(summaryMessages);
  }

  protected override updated(): void {
    const task = this.#summary.task;
    if (task.status === TaskStatus.ERROR && task.error !== this.#reported) {
      this.#reported = task.error;
      this.dispatchEvent(new DspErrorEvent(errorDetail(task.error)));
    }
    const value = task.status === TaskStatus.COMPLETE ? task.value : undefined;
    if (value?.status === 'shown' && value !== this.#reported) {
      this.#reported = value;
      this.dispatchEvent(
        new DspSummaryShownEvent({
          documentId: value.document.id ?? '',
          stale: this.#isStale(value),
          offline: value.cachedAt !== undefined,
        }),
      );
    }
  }

  override render(): TemplateResult {
    const m = this.#m;
    const task = this.#summary.task;
    return html`<section part="base" aria-label=${m.label}>
      ${task.render({
        initial: () => this.#renderLoading(),
        pending: () => this.#renderLoading(),
        complete: (state) => this.#renderState(state),
        error: (error) => this.renderError(error, m.failed, () => this.refresh()),
      })}
    </section>`;
  }

  #renderLoading(): TemplateResult {
    return html`<div part="loading" role="status">
      <span class="visually-hidden">${this.#m.loading}</span>
      ${[0, 1, 2].map(() => html`<div class="skeleton" aria-hidden="true"><span></span><span></span></div>`)}
    </div>`;
  }

  #renderState(state: SummaryState): TemplateResult {
    const m = this.#m;
    switch (state.status) {
      case 'no-patient':
        return html`<p part="empty" role="status">${m.noPatient}</p>`;
      case 'none':
        return html`${this.#renderOffline(state.cachedAt)}
          <div part="empty" role="status"><slot name="empty">${m.none}</slot></div>`;
      case 'unreadable':
        return html`${this.#renderOffline(state.cachedAt)}
          <div part="unreadable" role="status">
            <p>${m.unreadable}</p>
            ${state.attachment.contentType ? html`<p>${m.unreadableType(state.attachment.contentType)}</p>` : nothing}
            <button
              part="download"
              class="action"
              type="button"
              @click=${() => void this.#download(state)}
            >
              ${m.download}
            </button>
            ${this.#downloadFailed ? html`<p class="problem" role="alert">${m.downloadFailed}</p>` : nothing}
          </div>`;
      case 'shown':
        return this.#renderSummary(state);
    }
  }

  #downloadFailed = false;
  #tableNumber = () => 0;

  async #download(state: Extract<SummaryState, { status: 'unreadable' }>): Promise<void> {
    const client = this.activeClient;
    if (!client) return;
    try {
      const [blob, { saveBlob, downloadName }] = await Promise.all([
        client.retrieveContent(state.attachment),
        import('../document-preview/document-preview.controller.js'),
      ]);
      this.#downloadFailed = false;
      saveBlob(blob, downloadName(this.#title(state.document), state.attachment.contentType));
    } catch {
      this.#downloadFailed = true;
    }
    this.requestUpdate();
  }

  #renderOffline(cachedAt: Date | undefined): TemplateResult | typeof nothing {
    if (!cachedAt) return nothing;
    return html`<p part="offline" role="status">
      ${this.#m.offline(this.localize.formatDate(cachedAt, { dateStyle: 'medium', timeStyle: 'short' }))}
    </p>`;
  }

  #isStale(state: Shown): boolean {
    return isStale(state.summary.date ?? state.document.date, this.staleAfter);
  }

  #title(document: DocumentReference): string {
    return document.description ?? document.content[0]?.attachment.title ?? this.#m.label;
  }

  /** The summary's date in words: its own (in the content), else its document's. */
  #date(summary: ReadSummary, document: DocumentReference): string | undefined {
    const value = summary.date ?? document.date;
    if (!value) return undefined;
    if (value.length < 10) return value;
    return this.localize.formatDate(value.includes('T') ? value : `${value}T12:00:00`, {
      dateStyle: 'long',
    });
  }

  /** "Source: <document>, <author>, written on <date>" for a section (or the whole summary). */
  #source(state: Shown, section?: SummarySection): string {
    const m = this.#m;
    const { summary, document } = state;
    const author =
      section?.author ??
      (summary.authors.length > 0 ? summary.authors.join(', ') : undefined) ??
      document.author
        ?.map((reference) => reference.display)
        .filter(Boolean)
        .join(', ');
    const date = this.#date(summary, document);
    return m.source(
      [this.#title(document), author, date ? m.writtenOn(date) : undefined]
        .filter(Boolean)
        .join(', '),
    );
  }

  #open(document: DocumentReference): void {
    if (document.id) this.dispatchEvent(new DspDocumentSelectEvent({ documentId: document.id }));
  }

  #adoptStyles(state: Shown): void {
    const sheet = state.view.cdaStyles().styleSheet;
    const root = this.shadowRoot;
    if (this.#styled || !root || !sheet) return;
    this.#styled = true;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  #renderSummary(state: Shown): TemplateResult {
    const m = this.#m;
    this.#adoptStyles(state);
    const { summary } = state;
    const byKind = new Map<SectionKind, SummarySection[]>();
    const others: SummarySection[] = [];
    for (const section of summary.sections) {
      if (section.kind) byKind.set(section.kind, [...(byKind.get(section.kind) ?? []), section]);
      else others.push(section);
    }
    const stale = this.#isStale(state);
    // Tables without a caption are named by their number in the card: one count per render.
    let tables = 0;
    this.#tableNumber = () => ++tables;
    return html`${this.#renderOffline(state.cachedAt)}
      <header part="header">
        <h2 class="title">${m.label}</h2>
        <p class="source">
          ${this.#source(state)}
          <button part="open" class="link" type="button" @click=${() => this.#open(state.document)}>
            ${m.open}
          </button>
        </p>
      </header>
      ${stale ? html`<p part="stale" role="note">${m.stale(this.localize.formatNumber(this.staleAfter))}</p>` : nothing}
      ${SECTION_ORDER.map((kind) => this.#renderKind(state, kind, byKind.get(kind) ?? []))}
      ${
        others.length > 0
          ? html`<div part="other">
              <h3 class="others-title">${m.otherSections}</h3>
              ${others.map(
                (section) =>
                  html`<details class="other-section">
                    <summary>${section.title ?? m.untitledSection}</summary>
                    ${this.#renderBody(state, section)}
                  </details>`,
              )}
            </div>`
          : nothing
      }`;
  }

  #renderKind(
    state: Shown,
    kind: SectionKind,
    sections: readonly SummarySection[],
  ): TemplateResult {
    const m = this.#m;
    const id = `summary-${kind}`;
    return html`<section part="section section-${kind}" class="section" aria-labelledby=${id}>
      <h3 id=${id}>${m.sections[kind]}</h3>
      ${
        sections.length === 0
          ? html`<p part="section-empty" class="empty no-information">${m.missing}</p>`
          : sections.map((section) => this.#renderBody(state, section))
      }
    </section>`;
  }

  #renderBody(state: Shown, section: SummarySection): TemplateResult {
    const m = this.#m;
    const name = (section.kind ? m.sections[section.kind] : section.title) ?? m.untitledSection;
    const body = state.view.renderSectionBody(state.summary, section, name, {
      localize: this.localize,
      root: this.renderRoot,
      idPrefix: 'summary-id-',
      tableNumber: this.#tableNumber,
    });
    const emptyWords =
      section.empty === 'none-recorded'
        ? m.noneRecorded
        : section.empty === 'no-information' || body === nothing
          ? m.noInformation
          : undefined;
    return html`<div class="section-body">
      ${emptyWords ? html`<p part="section-empty" class="empty ${section.empty ?? 'no-information'}">${emptyWords}</p>` : nothing}
      ${body}
      <p part="source" class="section-source">${this.#source(state, section)}</p>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dsp-patient-summary': DspPatientSummary;
  }
}
