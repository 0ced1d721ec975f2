import { css } from 'lit';

// The panel's own width, not the window's, decides where the preview goes (hosts embed it in
// columns of any size). From 60rem (InlineSizeController sets 'wide': a size container would
// make every row slower to style) the open preview sits beside the list, and the component reads
// that grid to open it there rather than as a modal dialog. The keyboard hint
// always shows (and is said with the list's tab stop): shown only while focus is in the list, it
// moved everything below when focus left, under a pointer that was pressing a button there.
export const styles = css`
  [part='base'] {
    padding: var(--dsp-document-viewer-padding, var(--_space-4));
  }

  .layout.wide {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    align-items: start;
    gap: var(--_space-4);
  }

  .layout.wide.open {
    grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
  }

  .keys-hint {
    margin: var(--_space-1) 0 0;
    color: var(--_muted);
    font-size: var(--_font-size-small);
  }

  [part='toolbar'] {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_space-3);
    margin-block-end: var(--_space-3);
  }

  /* On a narrow panel the filters wrap, and a filter wider than a line (a type select whose
     options are long type names) shrinks to it rather than sticking out. */
  [part='toolbar'] > * {
    min-width: 0;
    max-width: 100%;
  }

  [part='toolbar'] select,
  [part='toolbar'] input {
    max-width: 100%;
  }

  label.search {
    flex: 1 1 12rem;
  }

  .views {
    display: flex;
    flex-wrap: wrap;
  }

  .views button {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    padding: var(--_space-1) var(--_space-2);
  }

  .views button {
    cursor: pointer;
    border-radius: 0;
  }

  .views button:first-child {
    border-start-start-radius: var(--_radius);
    border-end-start-radius: var(--_radius);
  }

  .views button:last-child {
    border-start-end-radius: var(--_radius);
    border-end-end-radius: var(--_radius);
  }

  .views button[aria-pressed='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
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
      var(--_rows-height, var(--dsp-document-viewer-height, 32rem)),
      var(--dsp-document-viewer-height, 32rem)
    );
    overflow: auto;
  }

  [part='group'] {
    width: 100%;
    border-block-end: 1px solid var(--_border);
    background: var(--_surface-raised);
  }

  button.group {
    all: unset;
    box-sizing: border-box;
    display: flex;
    gap: var(--_space-2);
    align-items: baseline;
    width: 100%;
    padding: var(--_space-2);
    cursor: pointer;
    font-weight: 600;
  }

  button.group:focus-visible {
    outline: var(--_focus-ring);
    outline-offset: -2px;
  }

  .group-count {
    margin-inline-start: auto;
    color: var(--_muted);
    font-weight: 400;
  }

  /* Each row's layout and paint stay its own: a row entering the list as it scrolls does not
     make the browser lay out or repaint the others. */
  [part='group'],
  [part~='row'] {
    contain: layout paint style;
  }

  [part~='row'] {
    display: grid;
    width: 100%;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: var(--_space-1) var(--_space-4);
    padding: var(--_space-3) var(--_space-2);
    border-block-end: 1px solid var(--_border);
  }

  [part~='row-patient'] {
    border-inline-start: 4px solid var(--_patient);
    background: var(--_patient-surface);
  }

  .title {
    all: unset;
    cursor: pointer;
    font-weight: 600;
    color: var(--_accent);
    overflow-wrap: anywhere;
  }

  .title:hover {
    text-decoration: underline;
  }

  .title:focus-visible {
    outline: var(--_focus-ring);
    outline-offset: 2px;
  }

  .type,
  .meta,
  .marks {
    grid-column: 1;
  }

  .meta {
    color: var(--_muted);
    font-size: var(--_font-size-small);
  }

  .mark {
    display: inline-block;
    margin-inline-end: var(--_space-1);
    padding: 0 var(--_space-2);
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: var(--_font-size-small);
    color: var(--_muted);
  }

  .mark.patient {
    color: var(--_patient);
  }

  time {
    grid-column: 2;
    grid-row: 1;
    white-space: nowrap;
    color: var(--_muted);
    font-size: var(--_font-size-small);
  }

  [part~='row-current'] {
    background: var(--_surface-raised);
    box-shadow: inset 4px 0 0 var(--_accent);
  }

  [part~='row-current'] .title {
    text-decoration: underline;
  }

  dialog[part='preview'] {
    box-sizing: border-box;
    padding: 0;
    border: none;
    color: var(--_text);
    background: var(--_surface);
  }

  dialog[part='preview'][open] {
    display: flex;
    flex-direction: column;
    gap: var(--_space-2);
  }

  dialog[part='preview']:not(:modal) {
    position: static;
    width: auto;
    max-width: none;
    margin: 0;
  }

  dialog[part='preview']:focus-visible {
    outline: var(--_focus-ring);
  }

  dialog[part='preview']:modal {
    width: min(60rem, calc(100vw - 2 * var(--_space-4)));
    max-height: calc(100dvh - 2 * var(--_space-4));
    overflow: auto;
    padding: var(--_space-3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  dialog[part='preview']::backdrop {
    background: rgb(0 0 0 / 0.45);
  }

  [part='preview'] .close {
    align-self: end;
    font: inherit;
    cursor: pointer;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space-1) var(--_space-2);
  }

  [part='break-glass'] {
    display: flex;
    flex-direction: column;
    gap: var(--_space-2);
    margin-block-start: var(--_space-4);
    padding: var(--_space-4);
    border: 1px solid var(--_warning);
    border-radius: var(--_radius);
  }

  [part='break-glass'] .form-title {
    margin: 0;
    font-size: 1em;
  }

  [part='break-glass'] p {
    margin: 0;
  }

  [part='break-glass'] label {
    color: var(--_text);
    font-size: var(--_font-size);
  }

  textarea {
    padding: var(--_space-2);
  }

  textarea[aria-invalid='true'] {
    border-color: var(--_danger);
  }

  .problem {
    color: var(--_danger);
  }

  [part='break-glass'] button {
    align-self: start;
  }

  [part='emergency'] {
    margin: 0 0 var(--_space-3);
    padding: var(--_space-2) var(--_space-3);
    border-inline-start: 4px solid var(--_warning);
    background: var(--_warning-surface);
    color: var(--_text);
  }

  [part='summary'] {
    display: block;
    margin: 0 0 var(--_space-3);
  }

  .skeleton {
    display: flex;
    flex-direction: column;
    gap: var(--_space-2);
    padding: var(--_space-3) var(--_space-2);
    border-block-end: 1px solid var(--_border);
  }

  .skeleton span {
    display: block;
    height: 0.9em;
    width: 60%;
    border-radius: var(--_radius);
    background: var(--_surface-raised);
    animation: pulse 1.2s ease-in-out infinite;
  }

  .skeleton span + span {
    width: 35%;
  }

  @keyframes pulse {
    50% {
      opacity: 0.5;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .skeleton span {
      animation: none;
    }
  }

  [part='empty'] {
    margin: 0;
    padding-block: var(--_space-6);
    text-align: center;
    color: var(--_muted);
  }

  @media (forced-colors: active) {
    [part='base'] {
      border-color: CanvasText;
    }
    .title {
      color: LinkText;
    }
    [part~='row-patient'] {
      border-inline-start-color: Highlight;
    }
    [part~='row-current'] {
      outline: 2px solid Highlight;
      outline-offset: -2px;
    }
    .views button[aria-pressed='true'] {
      background: Highlight;
      color: HighlightText;
    }
  }
`;
