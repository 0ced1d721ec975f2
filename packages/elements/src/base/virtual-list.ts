// The kit's virtualized list: `@lit-labs/virtualizer`'s directive as every panel uses it, the
// styles its rows share, and how a list grown by further pages is told from another list.
import { FlowLayout } from '@lit-labs/virtualizer/layouts/flow.js';
import { css, type TemplateResult } from 'lit';
import type { DirectiveResult } from 'lit/directive.js';
import { virtualize } from './virtualize.js';

/**
 * How far beyond the visible rows, above and below, rows are rendered: about one view. The
 * virtualizer's own 1,000 px means 30 rows of 56 px rendered in a view of 600 px, every one of
 * them created again when a filter changes the list; 500 px, 20. Rows entering as the list
 * scrolls are as many either way; the margin only keeps rows ready for a fling the page cannot
 * follow at once.
 */
export const ROW_MARGIN_PX = 500;

/** The virtualizer's flow layout with the kit's margin of rendered rows. */
class KitFlowLayout extends FlowLayout {
  constructor(...args: ConstructorParameters<typeof FlowLayout>) {
    super(...args);
    this._overhang = ROW_MARGIN_PX;
  }
}

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
    layout: { type: KitFlowLayout },
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
