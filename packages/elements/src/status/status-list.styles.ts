// The worklist's own styles, over the badge's: full-width rows in a plain list.
import { css } from 'lit';

export const listStyles = css`
  :host {
    display: block;
  }
  [part='list'] {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    /* One column that may shrink below its content: a long name is cut, not pushed past the edge. */
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space-1);
  }
  button.row {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    width: 100%;
    justify-content: space-between;
    text-align: start;
  }
  .name {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
`;
