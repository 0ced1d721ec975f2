// The document uploader's look: a drop zone, then one card per file with its form.
import { css } from 'lit';

export const styles = css`
  [part~='base'] {
    display: grid;
    gap: var(--_space-4);
    padding: var(--dsp-document-uploader-padding, var(--_space-4));
  }
  [part~='dropzone'] {
    padding: var(--_space-6, 1.5rem);
    border: 2px dashed var(--_border, currentColor);
    border-radius: var(--_radius);
    text-align: center;
  }
  [part~='dropzone'].over {
    border-color: var(--_accent);
  }
  [part~='row'] {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
    gap: var(--_space-2) var(--_space-4);
    padding: var(--_space-4);
    border: 1px solid var(--_border, currentColor);
    border-radius: var(--_radius);
    margin: 0;
  }
  [part~='row'] legend {
    font-weight: 600;
  }
  .field {
    display: grid;
    gap: var(--_space-1, 0.25rem);
    align-content: start;
  }
  .problem {
    margin: 0;
    color: var(--_danger);
  }
  .note,
  [part~='status'] {
    grid-column: 1 / -1;
    margin: 0;
  }
  /* Which document the files replace, and the way out of it. */
  .replaces {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
    padding: var(--_space-2) var(--_space-4);
    border-inline-start: 4px solid var(--_accent);
  }
  .replaces p,
  p[part~='replaces'] {
    margin: 0;
  }
  [part~='row'] > .problem {
    grid-column: 1 / -1;
  }
  .actions {
    grid-column: 1 / -1;
    display: flex;
    gap: var(--_space-2);
  }
  button {
    font: inherit;
  }
  /* Nothing to send: the button must not look like the panel's main action (the base style only
     dims it, as for a panel busy sending). */
  button.action[disabled] {
    cursor: not-allowed;
    opacity: 1;
    border-color: var(--_border);
    background: var(--_surface-raised);
    color: var(--_muted);
  }
  [part~='choose'] {
    margin-inline-start: var(--_space-2);
    padding: var(--_space-1, 0.25rem) var(--_space-3, 0.75rem);
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_accent);
    cursor: pointer;
  }
  /* The authors a CDA names: the whole row's width, each author a group of its own. */
  .authors {
    grid-column: 1 / -1;
    display: grid;
    gap: var(--_space-2);
  }
  .author {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
    gap: var(--_space-2) var(--_space-4);
    margin: 0;
    padding: var(--_space-2) var(--_space-3, 0.75rem);
    border: 1px solid var(--_border, currentColor);
    border-radius: var(--_radius);
  }
  .identifier,
  .date-text {
    color: var(--_muted);
    font-size: var(--_font-size-small);
  }
  [part~='summary-status'] {
    margin: 0;
    font-weight: 600;
  }
  [part~='summary'] ul {
    margin: 0 0 var(--_space-2);
    padding-inline-start: var(--_space-6, 1.5rem);
  }
  button.link {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
    cursor: pointer;
    text-align: start;
  }
  label.check {
    flex-direction: row;
    align-items: center;
    gap: var(--_space-2);
    color: var(--_text);
  }
  .combobox {
    position: relative;
    display: flex;
  }
  .combobox input {
    flex: 1;
    min-width: 0;
  }
  .combobox .toggle {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
  }
  [role='listbox'] {
    position: absolute;
    z-index: 1;
    top: 100%;
    left: 0;
    right: 0;
    max-height: var(--dsp-document-uploader-list-height, 16rem);
    overflow-y: auto;
    margin: 0;
    padding: var(--_space-1, 0.25rem) 0;
    list-style: none;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 4px 12px rgb(0 0 0 / 0.15);
  }
  [role='option'] {
    display: flex;
    justify-content: space-between;
    gap: var(--_space-2);
    padding: var(--_space-1, 0.25rem) var(--_space-2);
    cursor: pointer;
  }
  [role='option'] .type-class {
    color: var(--_muted);
    font-size: var(--_font-size-small);
  }
  [role='option'].chosen {
    font-weight: 600;
  }
  [role='option'][aria-selected='true'] {
    background: var(--_accent);
    color: var(--_accent-text);
  }
  [role='option'][aria-selected='true'] .type-class {
    color: inherit;
  }
  @media (forced-colors: active) {
    [role='option'][aria-selected='true'] {
      outline: 2px solid Highlight;
    }
    button.action[disabled] {
      border-color: GrayText;
      color: GrayText;
    }
    button.link {
      color: LinkText;
    }
  }
`;
