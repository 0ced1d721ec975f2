// <dsp-provider>: hands one DspClient to every panel inside it.
import { provide } from '@lit/context';
import type { DspClient } from '@dsp-kit/fhir';
import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { defineElement } from '../base/define-element.js';
import { clientContext } from './context.js';

/**
 * @summary Gives a DSP client to every DSP Kit panel inside it.
 * @tag dsp-provider
 * @slot - The panels, anywhere below.
 */
export class DspProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** The client the panels inside use, unless a panel is given its own `client`. */
  @provide({ context: clientContext })
  @property({ attribute: false })
  client?: DspClient;

  static define(tag: string): void {
    defineElement(tag, this);
  }

  override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dsp-provider': DspProvider;
  }
}
