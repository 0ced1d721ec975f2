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
  [part~='status'] {
    grid-column: 1 / -1;
    margin: 0;
  }
  .actions {
    grid-column: 1 / -1;
    display: flex;
    gap: var(--_space-2);
  }
  button {
    font: inherit;
  }
`;
