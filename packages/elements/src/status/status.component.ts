// <dsp-status>: a compact mark for a patient banner saying whether the patient has a DSP, whether
// it is open, the user's access, and how many documents are new since the user's last visit.
import type { DspStatus } from '@dsp-kit/fhir';
import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { DspElement } from '../base/dsp-element.js';
import { errorMessage } from '../base/error-message.js';
import { StatusController } from './status.controller.js';
import { DspStatusOpenEvent } from './status.events.js';
import type { LoadedStatus } from './status-loader.js';
import { statusMessages } from './status.messages.js';
import { styles } from './status.styles.js';
import { statusWords, type Formats } from './status-words.js';

/**
 * @summary A DSP status badge for a patient banner: DSP or not, open or closed (since when), the
 * user's access (full, normal, blocked, emergency until…), emergency access, and documents new
 * since the user's last visit, from one batch request. A button: a click asks the host to open
 * the DSP.
 * @tag dsp-status
 *
 * @csspart base - The button (or, while loading, the loading text).
 * @csspart loading - The loading state.
 * @csspart mark - The dot and the short word.
 * @csspart new - The count of new documents.
 * @csspart offline - Said when the status comes from the cache, the server unreachable.
 *
 * @cssproperty --dsp-status-color-ok - The dot of an open DSP.
 *
 * @fires dsp-status-open - The user chose the badge; `detail.patient` is the patient's id.
 * @fires dsp-error - The status could not be read; `detail.kind` and `detail.status` say how.
 */
export class DspStatusBadge extends DspElement {
  static override catalogs = [statusMessages];

  static override styles = [DspElement.styles, styles];

  /** The patient: a FHIR id or `Patient/<id>`. */
  @property() patient = '';

  /**
   * The signed-in user as a FHIR reference. For a patient (`Patient/…`) or an assistant
   * (`RelatedPerson/…`), the last visit is taken from the server's access log when it has one.
   */
  @property() user?: string;

  readonly #status = new StatusController(this, () => ({
    client: this.activeClient,
    patients: this.patient.trim() ? [this.patient.trim().replace(/^Patient\//, '')] : [],
    user: this.user,
  }));

  override render(): TemplateResult | typeof nothing {
    const m = this.localize.t(statusMessages);
    const state = this.#status.state;
    if (state.kind === 'idle') return nothing;
    if (state.kind === 'loading') {
      return html`<span part="base loading" role="status">${m.loading}</span>`;
    }
    if (state.kind === 'error') {
      const { summary } = errorMessage(state.error, this.localize.common);
      return this.#button(
        { state: 'failed', patient: this.patient, status: 0, text: undefined },
        undefined,
        summary,
      );
    }
    const [loaded] = state.statuses;
    return loaded ? this.#button(loaded.status, loaded.offlineSince) : nothing;
  }

  protected override updated(): void {
    const state = this.#status.state;
    if (state.kind === 'error') this.reportErrorOnce(state.error);
  }

  #formats(): Formats {
    return {
      date: (value) => this.localize.formatDate(value, { dateStyle: 'long' }),
      dateTime: (value) =>
        this.localize.formatDate(value, { dateStyle: 'long', timeStyle: 'short' }),
      number: (value) => this.localize.formatNumber(value),
    };
  }

  #button(status: DspStatus, offlineSince: LoadedStatus['offlineSince'], why?: string) {
    const m = this.localize.t(statusMessages);
    const f = this.#formats();
    const words = statusWords(status, m, f);
    const offline = offlineSince ? m.offline(f.dateTime(offlineSince.toISOString())) : undefined;
    // The visible mark first, so the name a voice user says is the one they see.
    const newMark = words.newCount ? m.newMark(f.number(words.newCount)) : undefined;
    const seen = [words.mark, newMark, offline ? m.offlineMark : undefined].filter(Boolean);
    const name = [`${seen.join(' ')} —`, words.sentence, why, offline, m.open]
      .filter(Boolean)
      .join(' ');
    return html`<button
      part="base"
      type="button"
      class=${words.tone}
      aria-label=${name}
      @click=${this.#open}
    >
      <span part="mark" aria-hidden="true"><span class="dot"></span>${words.mark}</span>
      ${newMark ? html`<span part="new" aria-hidden="true">${newMark}</span>` : nothing}
      ${offline ? html`<span part="offline" aria-hidden="true">${m.offlineMark}</span>` : nothing}
    </button>`;
  }

  #open = (): void => {
    this.dispatchEvent(new DspStatusOpenEvent({ patient: this.patient.replace(/^Patient\//, '') }));
  };

  /** Reads the status again (e.g. after the user came back from the DSP). */
  refresh(): void {
    this.#status.reload();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dsp-status': DspStatusBadge;
  }
}
