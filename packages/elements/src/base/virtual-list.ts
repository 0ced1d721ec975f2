// The kit's virtualized list: `@lit-labs/virtualizer`'s directive as every panel uses it, the
// styles its rows share, and how a list grown by further pages is told from another list.
import { flow } from '@lit-labs/virtualizer/layouts/flow.js';
import { css, type TemplateResult } from 'lit';
import type { DirectiveResult } from 'lit/directive.js';
import { virtualize } from './virtualize.js';

/**
 * The rows of `items` in the element it is rendered into (the scroller), only those in view in
 * the DOM. The layout is given, not imported on first use: one frame less before the first rows.
 */
export function virtualList<T>(
  items: readonly T[],
  key: (item: T) => unknown,
  renderItem: (item: T, index: number) => TemplateResult,
): DirectiveResult {
  // The directive only reads the items; its type asks for a mutable array.
  return virtualize({
    items: items as T[],
    keyFunction: key,
    renderItem,
    scroller: true,
    layout: flow(),
  });
}

/**
 * Each row's layout and paint stay its own: a row entering the list as it scrolls does not make
 * the browser lay out or repaint the others.
 */
export const virtualListStyles = css`
  [part='list'] > [part~='row'] {
    contain: layout paint style;
  }
`;

/**
 * The number of items `current` keeps from `previous` when it is `previous` grown by further
 * pages (what a `PagedSearch` publishes: the same items, then more), so only the rest needs
 * preparing; undefined when `current` is another list (a new search, a reload).
 */
export function grownFrom<T>(
  previous: readonly T[] | undefined,
  current: readonly T[],
): number | undefined {
  if (!previous || previous.length === 0 || current.length < previous.length) return undefined;
  return current[previous.length - 1] === previous.at(-1) && current[0] === previous[0]
    ? previous.length
    : undefined;
}
