// The worklist's own styles, over the badge's: full-width rows in a plain list, names kept whole.
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
    /* In a narrow column the mark goes under the name, which then has the row's whole width. */
    flex-wrap: wrap;
    row-gap: var(--_space-1);
  }
  /* A name takes two lines at most, broken between words where it can; a longer one is cut. */
  .name {
    flex: 1 1 auto;
    min-width: 0;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    line-clamp: 2;
    overflow: hidden;
    overflow-wrap: anywhere;
  }
`;
