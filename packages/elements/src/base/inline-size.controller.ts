// The width of a panel's `[part="base"]`, in rem, as a size container query reads it, without
// making it a size container. Inside a size container the browser styles every element with the
// container in context, and a list's rows cost about three times as much each (style alone, 50
// audit rows: 11 ms in a container, 4 ms out of one; the viewer scrolling 100,000 documents kept
// frames of 50 ms in a container and none over 17 ms out of one; `npm run bench`). Virtualized
// rows are styled again with every scroll and every filter: the panels with such lists take their
// width from here instead, as classes their styles read.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The root font size in px, as `rem` in a container query means it. */
function remPx(): number {
  return Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
}

/**
 * Watches the content box of the host's `[part="base"]` (whichever element renders it now) and
 * asks the host to render again when its width crosses one of `breakpoints` (in rem): then
 * {@link atLeast} answers anew. Until the first measure (before the first layout), no width is
 * reached: the narrow layout first, replaced in the same frame when the panel is wider.
 */
export class InlineSizeController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement & { renderRoot: ParentNode };
  readonly #breakpoints: readonly number[];
  readonly #observer = new ResizeObserver(([entry]) => {
    const rem = (entry?.contentBoxSize[0]?.inlineSize ?? 0) / remPx();
    const crossed = this.#breakpoints.some((b) => rem >= b !== this.#rem >= b);
    this.#rem = rem;
    if (crossed) this.#host.requestUpdate();
  });
  #target: Element | null = null;
  #rem = 0;

  constructor(
    host: ReactiveControllerHost & HTMLElement & { renderRoot: ParentNode },
    breakpoints: readonly number[],
  ) {
    this.#host = host;
    this.#breakpoints = breakpoints;
    host.addController(this);
  }

  /** Whether the base is at least `rem` wide (one of the breakpoints given). */
  atLeast(rem: number): boolean {
    return this.#rem >= rem;
  }

  hostConnected(): void {
    this.hostUpdated();
  }

  hostDisconnected(): void {
    this.#observer.disconnect();
    this.#target = null;
  }

  hostUpdated(): void {
    const target = this.#host.renderRoot.querySelector('[part="base"]');
    if (target === this.#target) return;
    this.#observer.disconnect();
    this.#target = target;
    if (target) this.#observer.observe(target);
  }
}
