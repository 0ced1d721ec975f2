// The access-rights panel's look: sections, rows of professionals, the notice and the dialog.
import { css } from 'lit';

export const styles = css`
  [part='base'] {
    padding: var(--dsp-access-rights-padding, var(--_space-4));
  }

  h2,
  h3 {
    margin: 0 0 var(--_space-2);
    line-height: 1.3;
  }

  h2 {
    font-size: 1.25em;
  }

  h3 {
    font-size: 1.05em;
  }

  h4 {
    margin: 0 0 var(--_space-1);
    font-size: 1em;
  }

  section {
    margin-block-start: var(--_space-4);
    padding-block-start: var(--_space-3);
    border-block-start: 1px solid var(--_border);
  }

  p {
    margin: 0 0 var(--_space-2);
  }

  .help {
    color: var(--_muted);
    font-size: var(--_font-size-small);
  }

  ul {
    list-style: none;
    margin: 0 0 var(--_space-3);
    padding: 0;
  }

  [part~='row'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-2);
    padding: var(--_space-2) 0;
    border-block-end: 1px solid var(--_border);
  }

  .who {
    display: flex;
    flex-direction: column;
  }

  /*
   * A professional's row: name, status, commands. Narrow, one under the other, each at the row's
   * start; wide enough, in columns of fixed shares of the list's width, so every status badge
   * starts at the same place in every row, whatever the name and the commands beside it.
   */
  ul.actors {
    container-type: inline-size;
  }

  .actor {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    justify-items: start;
  }

  .state {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
  }

  @container (min-width: 36rem) {
    .actor {
      grid-template-columns: minmax(0, 5fr) minmax(0, 3fr) minmax(0, 6fr);
    }

    .actor .commands {
      justify-self: end;
      justify-content: end;
    }
  }

  .role {
    color: var(--_muted);
    font-size: var(--_font-size-small);
  }

  .commands {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }

  [part~='status'] {
    font-size: var(--_font-size-small);
    font-weight: 600;
    padding: 0 var(--_space-2);
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
  }

  [part~='status'].blocked {
    color: var(--_danger);
    border-color: var(--_danger);
  }

  [part='referent'],
  [part='closed-banner'],
  [part='read-only'],
  [part='withdrawn'],
  [part='user-error'] {
    padding: var(--_space-3);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
    border: 1px solid var(--_border);
    margin-block-end: var(--_space-3);
  }

  [part='user-error'] {
    border-inline-start: 4px solid var(--_danger);
  }

  [part='closed-banner'] {
    border-inline-start: 4px solid var(--_warning);
    background: var(--_warning-surface);
    font-weight: 600;
  }

  /* Lit's markers keep the region from ever being :empty: the component says when it speaks. */
  [part='notice'][data-active] {
    padding: var(--_space-3);
    border-radius: var(--_radius);
    border: 1px solid var(--_accent);
    margin-block-end: var(--_space-3);
  }

  [part='notice'] p {
    margin: 0 0 var(--_space-1);
  }

  form,
  fieldset {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_space-3);
    border: none;
    margin: 0 0 var(--_space-3);
    padding: 0;
  }

  fieldset.choice {
    flex-direction: column;
    align-items: start;
    gap: var(--_space-1);
  }

  legend {
    padding: 0;
    font-weight: 600;
  }

  label.radio {
    flex-direction: row;
    align-items: center;
    color: var(--_text);
    font-size: inherit;
  }

  input:not([type='radio']),
  select,
  button.secondary {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space-1) var(--_space-2);
    max-width: 20rem;
  }

  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }

  button.secondary {
    cursor: pointer;
  }

  button.danger {
    font: inherit;
    cursor: pointer;
    padding: var(--_space-2) var(--_space-4);
    border-radius: var(--_radius);
    border: 1px solid var(--_danger);
    background: var(--_danger);
    /* The surface colour reads on the danger colour in light (white) and dark (near black). */
    color: var(--_surface);
  }

  .invalid {
    color: var(--_danger);
    font-size: var(--_font-size-small);
  }

  dialog {
    max-width: 32rem;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space-4);
  }

  dialog form {
    flex-direction: column;
    align-items: stretch;
  }

  /* A change not saved yet: kept in view, with its retry. */
  [part='pending'] {
    padding: var(--_space-3);
    border-radius: var(--_radius);
    border: 1px solid var(--_danger);
    margin-block-end: var(--_space-3);
  }

  .pending {
    font-size: var(--_font-size-small);
    font-style: italic;
    color: var(--_danger);
  }

  form[part='assistant-form'] {
    flex-direction: column;
    align-items: start;
    gap: var(--_space-2);
  }

  .fields {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3);
  }

  .field .invalid {
    margin: var(--_space-1) 0 0;
    max-width: 20rem;
  }

  [part~='rule'] {
    display: block;
  }

  @media (forced-colors: active) {
    [part~='status'].blocked,
    [part='pending'],
    [part='closed-banner'] {
      border-color: CanvasText;
    }
  }
`;
