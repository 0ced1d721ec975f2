// Fits a virtualized list to its rows when they are few: as tall as its rows, up to the height its
// styles give it, rather than a fixed box with blank space below a short list.
import { virtualizerRef, type VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The element the virtualizer adds to size its scroller: not a row. */
const SIZER = 'virtualizer-sizer';

/**
 * The height of a list whose every row is rendered (so measured), from its top to the bottom of
 * its lowest row; undefined when some rows are not rendered, i.e. the list is longer than its box.
 */
export function rowsHeight(list: HTMLElement, itemCount: number): number | undefined {
  const rows = [...list.children].filter((child) => !child.hasAttribute(SIZER));
  if (itemCount === 0 || rows.length !== itemCount) return undefined;
  const top = list.getBoundingClientRect().top - list.scrollTop;
  return Math.ceil(Math.max(...rows.map((row) => row.getBoundingClientRect().bottom)) - top);
}

/**
 * After each update of its panel, when the virtualizer renders other rows, and when the panel's
 * width changes (rows wrap), sets the list's
 * `--_rows-height` to the height of its rows when all of them are rendered, and removes it when
 * they are not. The list's styles cap it: `height: min(var(--_rows-height, <height>), <height>)`.
 * The virtualizer's own `min-height: 150px` is lifted, so two rows make a list of two rows.
 */
export class ListHeightController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #list: () => (HTMLElement & VirtualizerHostElement) | null | undefined;
  readonly #count: () => number;
  #observer: ResizeObserver | undefined;
  #width = 0;
  /** The list whose `rangeChanged` events this listens to. */
  #listening: HTMLElement | undefined;
  readonly #onRangeChanged = () => {
    void this.#fit();
  };

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    list: () => (HTMLElement & VirtualizerHostElement) | null | undefined,
    count: () => number,
  ) {
    this.#host = host;
    this.#list = list;
    this.#count = count;
    host.addController(this);
  }

  hostConnected(): void {
    this.#observer = new ResizeObserver(([entry]) => {
      const width = entry?.contentRect.width ?? 0;
      if (width === this.#width) return;
      this.#width = width;
      void this.#fit();
    });
    this.#observer.observe(this.#host);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
  }

  hostUpdated(): void {
    const list = this.#list();
    if (list && list !== this.#listening) {
      // Rows rendered later (the list scrolled into view, say) fit it too.
      this.#listening?.removeEventListener('rangeChanged', this.#onRangeChanged);
      list.addEventListener('rangeChanged', this.#onRangeChanged);
      this.#listening = list;
    }
    void this.#fit();
  }

  async #fit(): Promise<void> {
    const list = this.#list();
    const virtualizer = list?.[virtualizerRef];
    if (!list || !virtualizer) return;
    try {
      await virtualizer.layoutComplete;
    } catch {
      return; // disconnected meanwhile
    }
    // The list may have been rendered anew while the layout settled.
    if (list !== this.#list()) return;
    list.style.minHeight = '0';
    const height = rowsHeight(list, this.#count());
    if (height === undefined) list.style.removeProperty('--_rows-height');
    else list.style.setProperty('--_rows-height', `${height}px`);
  }
}
