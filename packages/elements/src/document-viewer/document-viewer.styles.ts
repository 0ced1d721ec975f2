import { css } from 'lit';

export const styles = css`
  [part='base'] {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--dsp-document-viewer-padding, var(--_space-4));
  }

  [part='toolbar'] {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_space-2);
    margin-block-end: var(--_space-3);
    color: var(--_muted);
    font-size: var(--_font-size-small);
  }

  [part='list'] {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  [part='row'] {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: var(--_space-1) var(--_space-4);
    padding-block: var(--_space-3);
    border-block-start: 1px solid var(--_border);
  }

  [part='row']:first-child {
    border-block-start: none;
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

  .type {
    grid-column: 1;
    color: var(--_text);
  }

  .meta {
    grid-column: 1;
    color: var(--_muted);
    font-size: var(--_font-size-small);
  }

  time {
    grid-column: 2;
    grid-row: 1;
    white-space: nowrap;
    color: var(--_muted);
    font-size: var(--_font-size-small);
  }

  [part='empty'],
  [part='loading'] {
    margin: 0;
    padding-block: var(--_space-6);
    text-align: center;
    color: var(--_muted);
  }

  .more {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: var(--_space-2);
    margin-block-start: var(--_space-3);
  }

  @media (forced-colors: active) {
    [part='base'] {
      border-color: CanvasText;
    }
    .title {
      color: LinkText;
    }
  }
`;
