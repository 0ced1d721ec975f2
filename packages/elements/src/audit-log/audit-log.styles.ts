import { css } from 'lit';

// The rows fit the panel's width, not the window's: a panel in a narrow column is narrow. The base
// is 'narrow' below 36rem (InlineSizeController: a size container would make every row slower to
// style).
export const styles = css`
  [part='base'] {
    padding: var(--_space-4);
  }

  [part='toolbar'] {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    justify-content: space-between;
    gap: var(--_space-3);
    margin-block-end: var(--_space-3);
  }

  [part='filters'] {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_space-3);
    border: none;
    margin: 0;
    padding: 0;
  }

  [part='filters'] legend {
    padding: 0;
    margin-block-end: var(--_space-1);
    font-weight: 600;
  }

  input,
  select {
    max-width: 16rem;
  }

  button.secondary {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space-1) var(--_space-2);
    max-width: 16rem;
  }

  button.secondary {
    cursor: pointer;
  }

  .commands {
    display: flex;
    gap: var(--_space-2);
  }

  [part='count'] {
    margin: 0 0 var(--_space-2);
    color: var(--_muted);
    font-size: var(--_font-size-small);
  }

  /* As tall as its rows when they are few (ListHeightController), else the panel's height. */
  [part='list'] {
    display: block;
    height: min(
      var(--_rows-height, var(--dsp-audit-log-height, 28rem)),
      var(--dsp-audit-log-height, 28rem)
    );
    overflow: auto;
    border-block-start: 1px solid var(--_border);
  }

  [part='list']:focus-visible {
    outline: var(--_focus-ring);
  }

  [part~='row'] {
    display: grid;
    grid-template-columns: minmax(8rem, 10rem) minmax(0, 1fr) minmax(0, 1fr);
    gap: var(--_space-1) var(--_space-4);
    width: 100%;
    padding: var(--_space-3) var(--_space-2);
    border-block-end: 1px solid var(--_border);
  }

  [part~='row-emergency'] {
    border-inline-start: 4px solid var(--_warning);
    background: var(--_warning-surface);
  }

  .when {
    display: flex;
    flex-direction: column;
    font-size: var(--_font-size-small);
  }

  .absolute,
  .role,
  .type {
    color: var(--_muted);
    font-size: var(--_font-size-small);
  }

  .who,
  .what {
    display: flex;
    flex-direction: column;
    min-width: 0;
    /* Words break only when one alone is wider than the line (a long name), never in the middle
       of a word that fits on a line of its own ('anywhere' let the columns shrink to a letter). */
    overflow-wrap: break-word;
  }

  /* Phone widths: one column, when above who above what, so no column is too narrow for a word. */
  .narrow [part~='row'] {
    grid-template-columns: minmax(0, 1fr);
  }
  .narrow .when {
    flex-direction: row;
    flex-wrap: wrap;
    gap: 0 var(--_space-2);
  }
  .narrow .reason {
    grid-column: 1 / -1;
  }

  .repeat {
    margin-inline-start: var(--_space-2);
    color: var(--_muted);
    font-weight: 600;
  }

  .change {
    font-size: var(--_font-size-small);
  }

  .badge {
    display: inline-block;
    margin-inline-start: var(--_space-2);
    padding: 0 var(--_space-2);
    border-radius: 999px;
    font-size: var(--_font-size-small);
    font-weight: 600;
    border: 1px solid currentColor;
  }

  .badge.refused,
  .badge.failure {
    color: var(--_danger);
  }

  .badge.emergency {
    color: var(--_warning);
  }

  .reason {
    grid-column: 2 / -1;
    margin: 0;
  }

  button.document {
    all: unset;
    cursor: pointer;
    color: var(--_accent);
    text-decoration: underline;
  }

  button.document:focus-visible {
    outline: var(--_focus-ring);
  }

  [part='empty'],
  [part='loading'] {
    margin: 0;
    padding-block: var(--_space-6);
    text-align: center;
    color: var(--_muted);
  }

  table {
    width: 100%;
    border-collapse: collapse;
    font-size: var(--_font-size-small);
  }

  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: var(--_space-1) var(--_space-2);
    border-block-end: 1px solid var(--_border);
  }

  @media print {
    [part='toolbar'],
    [part='list'] {
      display: none;
    }
    [part='base'] {
      border: none;
      padding: 0;
    }
  }

  @media (forced-colors: active) {
    [part~='row-emergency'] {
      border-inline-start-color: Highlight;
    }
    button.document {
      color: LinkText;
    }
  }
`;
