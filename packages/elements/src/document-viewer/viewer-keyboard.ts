// The viewer list's keyboard: one row in the tab order (roving focus), arrows, Home and End, and
// typing a title's first letters to reach it.
import { virtualizerRef, type VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import type { ReactiveControllerHost } from 'lit';
import { titleOf, type ListItem } from './document-list.js';

export interface ListKeyboardOptions {
  /** The rows shown (groups and documents). */
  items: () => readonly ListItem[];
  /** Index of the row holding the roving focus, -1 when focus is not in the list. */
  active: () => number;
  setActive: (index: number) => void;
  /** The id of the document open in the preview. */
  opened: () => string | undefined;
  list: () => (HTMLElement & VirtualizerHostElement) | undefined;
  renderRoot: () => HTMLElement | DocumentFragment;
}

export class ListKeyboard {
  #typeahead = { text: '', at: 0 };
  #tabStopFrom:
    { items: readonly ListItem[]; opened?: string; active: number; stop: number } | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ListKeyboardOptions,
  ) {}

  /** Roving focus: only one row is in the tab order. */
  tabIndex(index: number): string {
    return index === this.tabStop() ? '0' : '-1';
  }

  /**
   * The row in the tab order: the focused one while focus is in the list, else the document open
   * in the preview (so Shift+Tab from it comes back there), else the newest document — a month
   * heading is reached with the arrows, not with Tab. Worked out once per list, opening and focus.
   */
  tabStop(): number {
    const from = this.#tabStopFrom;
    const items = this.options.items();
    const opened = this.options.opened();
    const active = this.options.active();
    if (from?.items === items && from.opened === opened && from.active === active) {
      return from.stop;
    }
    const open = opened === undefined ? -1 : this.indexOf(opened);
    const first = items.findIndex((item) => item.kind === 'document');
    const stop = active >= 0 ? active : open >= 0 ? open : Math.max(0, first);
    this.#tabStopFrom = { items, opened, active, stop };
    return stop;
  }

  /** The index in `items` of the document `id`, -1 when it is not listed (filtered, collapsed). */
  indexOf(id: string): number {
    return this.options
      .items()
      .findIndex((item) => item.kind === 'document' && item.prepared.id === id);
  }

  // Focus left the list: the tab stop goes back to the open document, else the newest.
  readonly onFocusout = (event: FocusEvent) => {
    const list = event.currentTarget as HTMLElement;
    if (!list.contains(event.relatedTarget as Node | null)) this.options.setActive(-1);
  };

  readonly onKeydown = (event: KeyboardEvent) => {
    const last = this.options.items().length - 1;
    const active = this.options.active();
    const current = active >= 0 ? active : 0;
    let target: number | undefined;
    if (event.key === 'ArrowDown') target = Math.min(last, current + 1);
    else if (event.key === 'ArrowUp') target = Math.max(0, current - 1);
    else if (event.key === 'Home') target = 0;
    else if (event.key === 'End') target = last;
    else if (
      event.key.length === 1 &&
      /\S/.test(event.key) &&
      !event.ctrlKey &&
      !event.metaKey &&
      !event.altKey
    ) {
      target = this.#typeaheadTarget(event.key, current);
    }
    if (target === undefined) return;
    event.preventDefault();
    void this.focusItem(target);
  };

  /** The next document whose title starts with what was typed (within a second). */
  #typeaheadTarget(key: string, from: number): number | undefined {
    const now = Date.now();
    this.#typeahead = {
      text:
        now - this.#typeahead.at < 1000
          ? this.#typeahead.text + key.toLowerCase()
          : key.toLowerCase(),
      at: now,
    };
    const text = this.#typeahead.text;
    const items = this.options.items();
    const start = text.length > 1 ? from : from + 1;
    for (let offset = 0; offset < items.length; offset++) {
      const index = (start + offset) % items.length;
      const item = items[index];
      if (
        item?.kind === 'document' &&
        (titleOf(item.prepared.document) ?? '').toLowerCase().startsWith(text)
      )
        return index;
    }
    return undefined;
  }

  /** Scrolls row `index` into view and focuses it, once the virtualizer has drawn it. */
  async focusItem(index: number): Promise<void> {
    this.options.setActive(index);
    const virtualizer = this.options.list()?.[virtualizerRef];
    virtualizer?.element(index)?.scrollIntoView({ block: 'nearest' });
    await this.host.updateComplete;
    for (let frame = 0; frame < 5; frame++) {
      const button = this.options
        .renderRoot()
        .querySelector<HTMLElement>(`[data-index="${index}"]`);
      if (button) {
        button.focus();
        return;
      }
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  }
}
