// The document statistics panel's styles: a compact numeric table and an SVG chart whose bands
// take their colours from `--dsp-*` properties, with patterns instead in forced-colors mode.
import { css } from 'lit';

export const styles = css`
  :host {
    /* Okabe–Ito colours: told apart with the common colour-vision deficiencies. */
    --_series-0: var(--dsp-document-stats-color-1, var(--dsp-color-accent, #0b5cad));
    --_series-1: var(--dsp-document-stats-color-2, #e69f00);
    --_series-2: var(--dsp-document-stats-color-3, #009e73);
    --_series-3: var(--dsp-document-stats-color-4, #cc79a7);
    --_series-4: var(--dsp-document-stats-color-5, #56b4e9);
    --_series-5: var(--dsp-document-stats-color-6, #d55e00);
    --_series-6: var(--dsp-document-stats-color-others, #8c959f);
  }

  :host([theme='dark']) {
    --_series-0: var(--dsp-document-stats-color-1, var(--dsp-color-accent, #58a6ff));
    /* The dark accent is a light blue: the sky blue band turns yellow so the two stay apart. */
    --_series-4: var(--dsp-document-stats-color-5, #f0e442);
    --_series-6: var(--dsp-document-stats-color-others, #6e7781);
  }

  [part='base'] {
    padding: var(--dsp-document-stats-padding, var(--_space-4));
  }

  [part='toolbar'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-2);
    margin-block-end: var(--_space-3);
  }

  .status {
    color: var(--_muted);
    font-size: var(--_font-size-small);
  }

  .views {
    display: inline-flex;
  }

  .views button {
    font: inherit;
    font-size: var(--_font-size-small);
    cursor: pointer;
    padding: var(--_space-1) var(--_space-3);
    border: 1px solid var(--_accent);
    background: var(--_surface);
    color: var(--_accent);
  }

  .views button:first-child {
    border-start-start-radius: var(--_radius);
    border-end-start-radius: var(--_radius);
  }

  .views button:last-child {
    border-start-end-radius: var(--_radius);
    border-end-end-radius: var(--_radius);
    border-inline-start: none;
  }

  .views button[aria-pressed='true'] {
    background: var(--_accent);
    color: var(--_accent-text);
  }

  .scroll {
    overflow-x: auto;
  }

  [part='table'] {
    border-collapse: collapse;
    width: 100%;
    font-size: var(--_font-size-small);
    font-variant-numeric: tabular-nums;
  }

  caption {
    text-align: start;
    font-weight: 600;
    padding-block-end: var(--_space-2);
  }

  caption .note {
    display: block;
    font-weight: normal;
    color: var(--_muted);
  }

  th,
  td {
    padding: var(--_space-1) var(--_space-2);
    border-block-end: 1px solid var(--_border);
  }

  thead th,
  td,
  tfoot th,
  .total {
    text-align: end;
    white-space: nowrap;
  }

  thead th:first-child,
  tbody th,
  tfoot th {
    text-align: start;
    font-weight: normal;
  }

  thead th,
  tfoot th,
  tfoot td,
  .total {
    font-weight: 600;
  }

  thead th {
    border-block-end: 2px solid var(--_border);
  }

  tfoot th,
  tfoot td {
    border-block-start: 2px solid var(--_border);
    border-block-end: none;
  }

  tbody tr:nth-child(even) {
    background: var(--_surface-raised);
  }

  [part='chart'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-4);
    align-items: flex-start;
  }

  [part='chart'] > svg {
    flex: 1 1 24rem;
    max-width: 48rem;
    height: auto;
  }

  svg text {
    fill: var(--_muted);
    font-family: var(--_font);
  }

  .grid {
    stroke: var(--_border);
    stroke-width: 1;
  }

  .axis {
    stroke: var(--_muted);
    stroke-width: 1;
  }

  .segment {
    stroke: var(--_surface);
    stroke-width: 1;
  }

  .s0 {
    fill: var(--_series-0);
  }
  .s1 {
    fill: var(--_series-1);
  }
  .s2 {
    fill: var(--_series-2);
  }
  .s3 {
    fill: var(--_series-3);
  }
  .s4 {
    fill: var(--_series-4);
  }
  .s5 {
    fill: var(--_series-5);
  }
  .s6 {
    fill: var(--_series-6);
  }

  /* Shown only in forced-colors mode, where the colours above are gone. */
  .texture {
    display: none;
  }

  .hatch {
    stroke: currentColor;
    stroke-width: 1.5;
    fill: none;
  }

  .dot {
    fill: currentColor;
  }

  [part='legend'] {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space-1);
    font-size: var(--_font-size-small);
    flex: 0 1 16rem;
  }

  [part='legend'] li {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
  }

  .swatch {
    flex: none;
    width: 1rem;
    height: 1rem;
  }

  [part='empty'],
  [part='loading'] {
    margin: 0;
    padding-block: var(--_space-6);
    text-align: center;
    color: var(--_muted);
  }

  @media (forced-colors: active) {
    [part='base'] {
      border-color: CanvasText;
    }
    .views button {
      border-color: ButtonText;
      color: ButtonText;
      background: ButtonFace;
    }
    .views button[aria-pressed='true'] {
      background: Highlight;
      color: HighlightText;
      forced-color-adjust: none;
    }
    svg {
      color: CanvasText;
    }
    svg text {
      fill: CanvasText;
    }
    .grid {
      stroke: GrayText;
    }
    .axis {
      stroke: CanvasText;
    }
    .segment {
      fill: Canvas;
      stroke: CanvasText;
    }
    .texture {
      display: inline;
    }
  }
`;
