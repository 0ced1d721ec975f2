// The status badge's and the worklist's styles: a compact mark (a coloured dot and a short word),
// a pill for the new documents, and rows that fit a list of today's patients.
import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
    --_ok: var(--dsp-status-color-ok, #1a7f37);
  }
  :host([theme='dark']) {
    --_ok: var(--dsp-status-color-ok, #3fb950);
  }

  /* The badge is the button itself, in the panel frame every element shares, made compact. */
  button[part~='base'],
  button.row {
    font: inherit;
    font-size: var(--_font-size-small);
    display: inline-flex;
    align-items: center;
    gap: var(--_space-2);
    padding: var(--_space-1) var(--_space-2);
    color: var(--_text);
    cursor: pointer;
  }
  [part~='loading'] {
    font-size: var(--_font-size-small);
    color: var(--_muted);
  }

  [part='mark'] {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
    white-space: nowrap;
  }
  .dot {
    width: 0.625rem;
    height: 0.625rem;
    border-radius: 50%;
    flex: none;
    background: var(--_muted);
  }
  .ok .dot {
    background: var(--_ok);
  }
  .warning .dot {
    background: var(--_warning);
    border-radius: 1px;
    transform: rotate(45deg);
  }
  .danger .dot {
    background: var(--_danger);
    border-radius: 1px;
  }
  [part='new'] {
    border-radius: 999px;
    padding: 0 var(--_space-2);
    background: var(--_accent);
    color: var(--_accent-text);
    font-weight: 600;
    white-space: nowrap;
  }
  [part='offline'] {
    color: var(--_muted);
    font-style: italic;
    margin: 0;
    padding: 0;
    border: none;
    background: none;
  }

  @media (forced-colors: active) {
    .dot {
      background: CanvasText;
    }
    [part='new'] {
      border: 1px solid CanvasText;
    }
  }
`;
