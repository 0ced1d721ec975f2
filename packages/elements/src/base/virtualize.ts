// `@lit-labs/virtualizer`'s `virtualize` directive, rendering its window with a `repeat` that
// takes away the marker comments lit-html leaves behind each row it removes.
import {
  virtualize as labsVirtualize,
  type VirtualizeDirectiveConfig,
} from '@lit-labs/virtualizer/virtualize.js';
import type { ChildPart, TemplateResult } from 'lit';
import type { AsyncDirective } from 'lit/async-directive.js';
import { directive, type PartInfo } from 'lit/directive.js';
import { getCommittedValue, getDirectiveClass } from 'lit/directive-helpers.js';
import { repeat, type KeyFn, type RepeatDirective } from 'lit/directives/repeat.js';

type RepeatClass = typeof RepeatDirective;

/** What of the virtualizer's directive class this module uses (its declared public members). */
type VirtualizeClass = new (part: PartInfo) => AsyncDirective & {
  _first: number;
  _last: number;
  _items: unknown[];
  _keyFunction: KeyFn<unknown>;
  _renderItem: (item: unknown, index: number) => TemplateResult;
  render(config?: VirtualizeDirectiveConfig<unknown>): unknown;
};

/**
 * Removes the empty comments between `container`'s rows that belong to no row. lit-html 3.3's
 * `removePart` removes a row's content and its start marker, not its end marker (lit/lit#5298,
 * #5010): a virtualized list drops rows at one edge with every scroll, and the leftover comments
 * pile up beside the rows, so each row inserted, and each style recalculation of the list, walks
 * a longer and longer list of siblings (1,600 after scrolling 1,000 rows).
 */
export function removeLeftMarkers(container: ChildPart): void {
  const rows = getCommittedValue(container);
  if (!Array.isArray(rows)) return;
  const end = container.endNode;
  let node = container.startNode?.nextSibling ?? null;
  let next = 0;
  while (node && node !== end) {
    const row = rows[next] as ChildPart | undefined;
    if (node === row?.startNode) {
      // A row's own nodes, its markers included, stay as they are.
      node = row.endNode?.nextSibling ?? null;
      next++;
      continue;
    }
    const following: ChildNode | null = node.nextSibling;
    // Between rows: only the leftovers are empty comments (the virtualizer's sizer is an element).
    if (node.nodeType === Node.COMMENT_NODE && (node as Comment).data === '') node.remove();
    node = following;
  }
}

/** lit-html's `repeat`, tidying up after itself. */
class TidyRepeat extends (getDirectiveClass(repeat([], () => '')) as RepeatClass) {
  override update<T>(
    container: ChildPart,
    args: [Iterable<T>, KeyFn<T> | ((item: T, index: number) => unknown), unknown?],
  ) {
    const result = super.update(container, args as Parameters<RepeatDirective['update']>[1]);
    removeLeftMarkers(container);
    return result;
  }
}

const tidyRepeat = directive(TidyRepeat);

/** The virtualizer's directive, its window rendered by `TidyRepeat`. */
class TidyVirtualize extends (getDirectiveClass(labsVirtualize()) as unknown as VirtualizeClass) {
  override render(config?: VirtualizeDirectiveConfig<unknown>): unknown {
    // The directive renders without a config (its update and range listener set it first); with
    // one, the original keeps it, and its own window is dropped.
    if (config) super.render(config);
    const shown =
      this._first >= 0 && this._last >= this._first
        ? this._items.slice(this._first, this._last + 1)
        : [];
    return tidyRepeat(shown, this._keyFunction, this._renderItem);
  }
}

/** `virtualize` from `@lit-labs/virtualizer`, without the marker leak. */
export const virtualize = directive(TidyVirtualize) as unknown as typeof labsVirtualize;
