// The document preview's look: a header of metadata and marks over the content area.
import { css } from 'lit';

export const styles = css`
  [part='base'] {
    display: flex;
    flex-direction: column;
    gap: var(--_space-3);
    padding: var(--dsp-document-preview-padding, var(--_space-4));
  }

  [part='header'] {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    justify-content: space-between;
    gap: var(--_space-2) var(--_space-4);
  }

  .heading {
    min-width: 0;
  }

  h2 {
    margin: 0 0 var(--_space-1);
    font-size: 1.15em;
    overflow-wrap: anywhere;
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1) var(--_space-3);
    margin: 0;
    color: var(--_muted);
    font-size: var(--_font-size-small);
  }

  [part='marks'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1);
    list-style: none;
    margin: var(--_space-2) 0 0;
    padding: 0;
  }

  .badge {
    padding: 0 var(--_space-2);
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    font-size: var(--_font-size-small);
    color: var(--_text);
  }

  .badge.strong {
    border-color: var(--_warning);
    background: var(--_warning-surface);
  }

  .actions {
    display: flex;
    gap: var(--_space-2);
    align-items: center;
  }

  [part='content'] {
    min-height: 4rem;
  }

  [part='frame'],
  [part='image'] {
    display: block;
    width: 100%;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  [part='frame'] {
    height: var(--dsp-document-preview-height, 32rem);
    background: var(--_surface-raised);
  }

  [part='pages'] {
    max-height: var(--dsp-document-preview-height, 32rem);
    overflow: auto;
    display: grid;
    gap: var(--_space-2);
    justify-items: center;
    padding: var(--_space-2);
    background: var(--_surface-raised);
    border: 1px solid var(--_border);
  }

  [part='page'] {
    width: 100%;
    height: auto;
    /* The paper of the page, whatever the theme: PDFs are drawn on white. */
    background: #fff;
  }

  [part='image'] {
    height: auto;
    max-height: var(--dsp-document-preview-height, 32rem);
    object-fit: contain;
  }

  [part='text'] {
    margin: 0;
    padding: var(--_space-3);
    max-height: var(--dsp-document-preview-height, 32rem);
    overflow: auto;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    background: var(--_surface-raised);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .hint,
  .state {
    margin: var(--_space-2) 0 0;
    color: var(--_muted);
    font-size: var(--_font-size-small);
  }

  .state {
    font-size: inherit;
    margin-block-end: var(--_space-3);
  }

  [part='progress'] {
    display: flex;
    flex-direction: column;
    gap: var(--_space-2);
    align-items: flex-start;
  }

  progress {
    width: 100%;
    accent-color: var(--_accent);
  }

  [part='warning'] {
    padding: var(--_space-4);
    border-radius: var(--_radius);
    border: 1px solid var(--_warning);
    border-inline-start-width: 4px;
    background: var(--_warning-surface);
  }

  [part='warning'] h3 {
    margin: 0 0 var(--_space-2);
    font-size: 1em;
  }

  [part='warning'] p {
    margin: 0 0 var(--_space-3);
  }

  button.secondary {
    font: inherit;
    cursor: pointer;
    padding: var(--_space-2) var(--_space-4);
    border-radius: var(--_radius);
    border: 1px solid var(--_accent);
    background: transparent;
    color: var(--_text);
  }

  @media (forced-colors: active) {
    [part='base'],
    [part='warning'],
    .badge {
      border-color: CanvasText;
    }
    button.secondary {
      border-color: ButtonText;
    }
  }
`;
