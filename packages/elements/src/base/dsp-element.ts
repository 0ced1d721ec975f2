// DspElement: what every panel shares — registration, reset styles, language, the client lookup.
import { consume } from '@lit/context';
import type { DspClient } from '@dsp-kit/fhir';
import { LitElement, css, html, nothing, type CSSResultGroup, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DspErrorEvent } from '../events.js';
import { defineElement } from './define-element.js';
import { errorDetail, errorMessage } from './error-message.js';
import { isRetryable } from './retryable.js';
import type { Catalog } from '../i18n/catalog.js';
import { LocalizeController } from '../i18n/localize.controller.js';
import { clientContext } from '../provider/context.js';
import { tokens } from '../theme/tokens.css.js';

// Every element's box-sizing is given outright, not inherited: an explicit inherit on every
// element keeps Chromium from reusing computed styles between elements, and a list's rows took ten
// times as long to style (audit log scrolling: style recalculation 1,134 ms over 60 frames, 141 ms
// with this). No panel draws ::before or ::after. Comments stay out of the CSS: it ships as written.
const reset = css`
  :host {
    box-sizing: border-box;
    display: block;
    font-family: var(--_font);
    font-size: var(--_font-size);
    color: var(--_text);
  }
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  * {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: var(--_focus-ring);
    outline-offset: 2px;
  }
  /* The frame and the form controls every panel shares; a panel adds only what differs. */
  [part='base'] {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space-4);
  }
  label {
    display: flex;
    flex-direction: column;
    gap: var(--_space-1);
    font-size: var(--_font-size-small);
    color: var(--_muted);
  }
  input:not([type='checkbox'], [type='radio'], [type='file']),
  select,
  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space-1) var(--_space-2);
  }
  /* What shows came from the cache: said above the content, never in its way. */
  [part='offline'] {
    margin: 0 0 var(--_space-3);
    padding: var(--_space-2) var(--_space-3);
    border-inline-start: 4px solid var(--_muted);
    background: var(--_surface-raised);
  }
  [part~='error'] {
    padding: var(--_space-4);
    border-radius: var(--_radius);
    border: 1px solid var(--_danger);
    background: var(--_danger-surface);
    color: var(--_text);
  }
  [part~='error'] p {
    margin: 0 0 var(--_space-2);
  }
  [part~='error'] .summary {
    font-weight: 600;
    color: var(--_danger);
  }
  button.action {
    font: inherit;
    cursor: pointer;
    padding: var(--_space-2) var(--_space-4);
    border-radius: var(--_radius);
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--_accent-text);
  }
  button.action[disabled] {
    cursor: progress;
    opacity: 0.7;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (forced-colors: active) {
    [part~='error'] {
      border-color: CanvasText;
    }
    button.action {
      border-color: ButtonText;
    }
  }
`;

export class DspElement extends LitElement {
  static override styles: CSSResultGroup = [tokens, reset];

  /** Registers this class under `tag` (see {@link defineElement}). */
  static define(tag: string): void {
    defineElement(tag, this);
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  /** `light` (default) or `dark`; host tokens override either. */
  @property({ reflect: true }) theme: 'light' | 'dark' = 'light';

  /** The DSP client to use. Set it directly, or let a `<dsp-provider>` ancestor give one. */
  @property({ attribute: false }) client?: DspClient;

  @consume({ context: clientContext, subscribe: true })
  @state()
  protected providedClient?: DspClient;

  /** The message catalogs a panel renders with, loaded before it first renders in a language. */
  static catalogs: readonly Catalog<unknown>[] = [];

  protected readonly localize = new LocalizeController(
    this,
    (this.constructor as typeof DspElement).catalogs,
  );

  // A language other than French renders once its words are loaded, never in French first.
  protected override async scheduleUpdate(): Promise<void> {
    const ready = this.localize.ready();
    if (ready) await ready;
    await super.scheduleUpdate();
  }

  /** The client in use: the `client` property, else the provider's. */
  protected get activeClient(): DspClient | undefined {
    return this.client ?? this.providedClient;
  }

  /**
   * The error state every panel shows: what failed (`title`), why in the user's words, the
   * server's own explanation as text, and a retry button only when sending the same request
   * again may help (see {@link isRetryable}): never after a refusal, a missing resource, a
   * conflict or invalid input.
   */
  protected renderError(error: unknown, title: string, retry?: () => void): TemplateResult {
    const common = this.localize.common;
    const { summary, detail } = errorMessage(error, common);
    const canRetry = retry !== undefined && isRetryable(error);
    return html`<div part="error" role="alert">
      <p class="summary">${title} ${summary}</p>
      ${detail ? html`<p class="detail">${detail}</p>` : nothing}
      ${canRetry ? html`<button class="action" type="button" @click=${retry}>${common.retry}</button>` : nothing}
    </div>`;
  }

  #reportedError: unknown;

  /**
   * Tells the host that loading failed (`dsp-error`), once per failure: a panel calls it after each
   * update that shows `error`, and only a new error (another load failed) fires the event again.
   */
  protected reportErrorOnce(error: unknown): void {
    if (error === this.#reportedError) return;
    this.#reportedError = error;
    this.dispatchEvent(new DspErrorEvent(errorDetail(error)));
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.localize.refresh();
  }
}
