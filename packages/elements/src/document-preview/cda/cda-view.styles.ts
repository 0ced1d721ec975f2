// The CDA renderer's look, adopted into the preview when the renderer loads: narrative tables,
// lists, the header's description list, flagged results, and the fixed `styleCode` classes.
import type { CSSResult } from 'lit';
import { css } from './cda-runtime.js';

let made: CSSResult | undefined;

/** The styles, made once the renderer is installed (`css` comes from the page). */
export function cdaStyles(): CSSResult {
  return (made ??= styles());
}

// Table cells keep words whole (break-word): the narrative's 'anywhere' let a column shrink to a
// letter, and a narrow preview split "Sévérité" into "Sévérit / é". A wider table scrolls.
const styles = () => css`
  .cda {
    display: flex;
    flex-direction: column;
    gap: var(--_space-3);
    line-height: 1.5;
    overflow-wrap: anywhere;
  }

  .cda-toolbar {
    display: flex;
    justify-content: flex-end;
  }

  .cda-rows {
    margin: 0 0 var(--_space-2);
    color: var(--_muted);
  }

  .cda-header summary {
    cursor: pointer;
    font-weight: 600;
  }

  .cda-header dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: var(--_space-1) var(--_space-3);
    margin: var(--_space-2) 0 0;
  }

  .cda-row {
    display: contents;
  }

  .cda-header dt {
    grid-column: 1;
    color: var(--_muted);
  }

  .cda-header dd {
    grid-column: 2;
    margin: 0;
  }

  .cda-contents ol {
    margin: 0;
    padding-inline-start: var(--_space-4);
  }

  /* Each entry a target of at least 24 px (WCAG 2.2, 2.5.8 Target Size): lines of text alone
     leave 19 px links with less than 24 px between them. */
  .cda-contents a {
    display: inline-block;
    min-block-size: 24px;
    line-height: 24px;
  }

  .cda-contents .cda-level-2 {
    margin-inline-start: var(--_space-3);
  }

  .cda-contents .cda-level-3,
  .cda-contents .cda-level-4 {
    margin-inline-start: var(--_space-4);
  }

  .cda-section {
    margin: 0 0 var(--_space-3);
  }

  .cda-section h3,
  .cda-section h4,
  .cda-section h5,
  .cda-section h6 {
    margin: var(--_space-3) 0 var(--_space-1);
  }

  .cda-section h3 {
    font-size: 1.1em;
  }

  .cda-section h4,
  .cda-section h5,
  .cda-section h6 {
    font-size: 1em;
  }

  .cda-narrative p {
    margin: var(--_space-1) 0;
  }

  .cda-table {
    overflow-x: auto;
    margin: var(--_space-2) 0;
  }

  .cda-table table {
    border-collapse: collapse;
  }

  .cda-table caption {
    text-align: start;
    font-weight: 600;
  }

  .cda-table th,
  .cda-table td {
    overflow-wrap: break-word;
    border: 1px solid var(--_border);
    padding: var(--_space-1) var(--_space-2);
    text-align: start;
    vertical-align: top;
  }

  .cda-table thead th {
    background: var(--_surface-raised);
  }

  .cda-caption {
    font-weight: 600;
  }

  .cda-bold {
    font-weight: bold;
  }

  .cda-italics {
    font-style: italic;
  }

  .cda-underline {
    text-decoration: underline;
  }

  .cda-emphasis {
    font-weight: bold;
    font-style: italic;
  }

  .cda-lrule {
    border-left: 2px solid currentColor;
  }

  .cda-rrule {
    border-right: 2px solid currentColor;
  }

  .cda-toprule {
    border-top: 2px solid currentColor;
  }

  .cda-botrule {
    border-bottom: 2px solid currentColor;
  }

  .cda-arabic {
    list-style-type: decimal;
  }

  .cda-little-roman {
    list-style-type: lower-roman;
  }

  .cda-big-roman {
    list-style-type: upper-roman;
  }

  .cda-little-alpha {
    list-style-type: lower-alpha;
  }

  .cda-big-alpha {
    list-style-type: upper-alpha;
  }

  .cda-disc {
    list-style-type: disc;
  }

  .cda-circle {
    list-style-type: circle;
  }

  .cda-square {
    list-style-type: square;
  }

  .cda-abnormal {
    font-weight: bold;
  }

  .cda-flag {
    display: inline-block;
    padding: 0 var(--_space-1);
    border: 1px solid var(--_warning);
    border-radius: var(--_radius);
    background: var(--_warning-surface);
    color: var(--_text);
    font-size: var(--_font-size-small);
    white-space: nowrap;
  }

  .cda-footnote,
  .cda-note {
    color: var(--_muted);
  }

  .cda-figure {
    margin: var(--_space-2) 0;
  }

  .cda-image {
    max-width: 100%;
  }

  .cda-text {
    white-space: pre-wrap;
  }
`;
