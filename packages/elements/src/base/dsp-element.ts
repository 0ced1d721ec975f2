// DspElement: what every panel shares — registration, reset styles, language, the client lookup.
import { consume } from '@lit/context';
import type { DspClient } from '@dsp-kit/fhir';
import { LitElement, css, type CSSResultGroup } from 'lit';
import { property, state } from 'lit/decorators.js';
import { defineElement } from './define-element.js';
import { LocalizeController } from '../i18n/localize.controller.js';
import { clientContext } from '../provider/context.js';
import { tokens } from '../theme/tokens.css.js';

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
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: var(--_focus-ring);
    outline-offset: 2px;
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

  protected readonly localize = new LocalizeController(this);

  /** The client in use: the `client` property, else the provider's. */
  protected get activeClient(): DspClient | undefined {
    return this.client ?? this.providedClient;
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.localize.refresh();
  }
}
