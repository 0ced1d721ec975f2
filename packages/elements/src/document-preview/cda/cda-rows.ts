// A long narrative table body shown a slice at a time: its first rows with the document, the
// others in tasks that give the page back between slices (a quick first screen, no long task),
// with a status of how many show and "Show all rows"; a link to a later row shows the rows up to it.
import { render } from './cda-runtime.js';

/** Bodies with more rows than this are shown progressively; shorter ones render at once. */
export const LONG_TABLE = 200;
/** Rows shown with the document: more than a first screen holds. */
const FIRST_ROWS = 100;
/** Rows rendered between two looks at the clock. */
const BATCH = 50;
/** Milliseconds of rendering per task, leaving room for the layout that follows under 50 ms. */
const SLICE = 15;

/** What the status says, in the panel's language. */
export interface RowsWords {
  readonly shown: (shown: number, total: number) => string;
  readonly showAll: string;
}

/** One long `tbody`: its rows as page elements (`body`), and the status that goes under the table. */
export class LongRows {
  readonly body: HTMLTableSectionElement;
  readonly status: HTMLParagraphElement;
  readonly #source: Element;
  readonly #rows: readonly Element[];
  readonly #render: (row: Element) => unknown;
  readonly #words: RowsWords;
  readonly #count = document.createTextNode('');
  #next = 0;
  #scheduled = false;

  constructor(
    source: Element,
    rows: readonly Element[],
    render_: (row: Element) => unknown,
    words: RowsWords,
  ) {
    this.#source = source;
    this.#rows = rows;
    this.#render = render_;
    this.#words = words;
    this.body = document.createElement('tbody');
    this.status = document.createElement('p');
    this.status.className = 'cda-rows';
    // Not a live region: the count changes every slice and would talk over the reading.
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'secondary';
    button.textContent = words.showAll;
    button.addEventListener('click', () => {
      this.showAll();
      // The button goes with the status: the focus stays in the table it was about.
      this.body.closest<HTMLElement>('.cda-table')?.focus();
    });
    this.status.append(this.#count, ' ', button);
    this.#append(FIRST_ROWS);
  }

  /** The document's `tbody`. */
  get source(): Element {
    return this.#source;
  }

  get complete(): boolean {
    return this.#next >= this.#rows.length;
  }

  /** Goes on showing rows in later tasks (again, after the table was out of the page a while). */
  resume(): void {
    if (this.complete || this.#scheduled) return;
    this.#scheduled = true;
    setTimeout(() => this.#slice(), 0);
  }

  /** Shows every row now (for find-in-page, or a reader going to the end). */
  showAll(): void {
    this.#append(this.#rows.length - this.#next);
  }

  /** Shows the rows up to the one holding `target`; whether this body holds it. */
  reveal(target: Element): boolean {
    if (!this.#source.contains(target)) return false;
    let row: Element | null = target;
    while (row && row.parentElement !== this.#source) row = row.parentElement;
    const index = row ? this.#rows.indexOf(row) : -1;
    if (index >= this.#next) this.#append(index + 1 - this.#next);
    return true;
  }

  #slice(): void {
    this.#scheduled = false;
    // Out of the page: the document was closed, or is shown in another language; a later render
    // of this table resumes.
    if (!this.body.isConnected) return;
    const deadline = performance.now() + SLICE;
    do this.#append(BATCH);
    while (!this.complete && performance.now() < deadline);
    this.resume();
  }

  #append(count: number): void {
    const end = Math.min(this.#rows.length, this.#next + count);
    if (end <= this.#next) return;
    const fragment = document.createDocumentFragment();
    render(this.#rows.slice(this.#next, end).map(this.#render), fragment);
    this.body.append(fragment);
    this.#next = end;
    if (this.complete) this.status.remove();
    else this.#count.data = this.#words.shown(this.#next, this.#rows.length);
  }
}
