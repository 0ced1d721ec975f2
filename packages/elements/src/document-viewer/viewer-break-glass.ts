// The viewer's emergency access (break-the-glass): the form offered after a refusal, the request
// the host may veto, and the banner while the access lasts — for the patient it was asked for only.
import type { DspClient } from '@dsp-kit/fhir';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { CurrentWrite } from '../base/current-write.js';
import { DspBreakGlassGrantedEvent, DspRequestBreakGlassEvent } from './document-viewer.events.js';
import type { ViewerMessages } from './document-viewer.messages.js';

type Args = readonly [DspClient | undefined, string | undefined];

/** The emergency access form's state. */
interface FormState {
  invalid: boolean;
  sending: boolean;
  /** The host vetoed the request. */
  vetoed?: boolean;
  /** Why the server refused it. */
  failure?: unknown;
}

export interface BreakGlassHost extends ReactiveControllerHost, EventTarget {
  readonly updateComplete: Promise<boolean>;
}

export interface BreakGlassOptions {
  /** The client and patient shown: an answer for others is dropped. */
  args: () => Args;
  messages: () => ViewerMessages['breakGlass'];
  renderError: (error: unknown, title: string) => TemplateResult;
  formatDate: (date: string) => string;
  /** Emergency access granted: the documents load again. */
  granted: () => void;
}

export class BreakGlass {
  #form: FormState = { invalid: false, sending: false };
  /** When the emergency access granted in this panel ends. */
  #until?: string;
  readonly #write: CurrentWrite<Args>;

  constructor(
    private readonly host: BreakGlassHost,
    private readonly options: BreakGlassOptions,
  ) {
    this.#write = new CurrentWrite(host, options.args);
  }

  /** Another patient or client: the form and the banner start over. */
  reset(): void {
    this.#form = { invalid: false, sending: false };
    this.#until = undefined;
  }

  #set(form: FormState, until = this.#until): void {
    this.#form = form;
    this.#until = until;
    this.host.requestUpdate();
  }

  /** The banner while an emergency access granted here lasts. */
  renderBanner() {
    if (!this.#until) return nothing;
    return html`<p part="emergency" role="status">
      ${this.options.messages().active(this.options.formatDate(this.#until))}
    </p>`;
  }

  renderForm() {
    const b = this.options.messages();
    const { invalid, sending, vetoed, failure } = this.#form;
    return html`<form part="break-glass" @submit=${this.#request} novalidate>
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
      ${failure !== undefined ? this.options.renderError(failure, b.failed) : nothing}
      <button class="action" type="submit" ?disabled=${sending}>${b.submit}</button>
    </form>`;
  }

  readonly #request = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const reason = (form.elements.namedItem('reason') as HTMLTextAreaElement).value.trim();
    const [client, patient] = this.options.args();
    if (reason.length < 10) {
      this.#set({ invalid: true, sending: false });
      await this.host.updateComplete;
      (form.elements.namedItem('reason') as HTMLTextAreaElement).focus();
      return;
    }
    if (!patient || !client) return;
    const request = new DspRequestBreakGlassEvent({ patientId: patient });
    if (!this.host.dispatchEvent(request)) {
      this.#set({ invalid: false, sending: false, vetoed: true });
      return;
    }
    this.#set({ invalid: false, sending: true });
    // Answered after the viewer moved to another patient, the grant is not shown on that one.
    await this.#write.run(({ signal }) => client.breakTheGlass(patient, reason, { signal }), {
      complete: ({ expires }) => {
        this.#set({ invalid: false, sending: false }, expires);
        this.host.dispatchEvent(new DspBreakGlassGrantedEvent({ patientId: patient, expires }));
        this.options.granted();
      },
      error: (error) => {
        this.#set({ invalid: false, sending: false, failure: error });
      },
    });
  };
}
