// Bench page: the CDA renderer on a 1 MB level-3 document whose table has 20,000 rows (made here
// from a template): from the content's arrival to the first screen painted and to every row
// shown, with the main thread's longest task and frame meanwhile, against a naive render of
// every row at once (`progressive: false`), and one DOMParser call on the same text.
import { LitElement, html, nothing, type TemplateResult } from 'lit';
// Bundled in one file (no splitting), esbuild wraps the vocabulary for the lazily loaded
// catalogs and, the package being free of side effects, drops its start through the package's
// entry: imported from its module, it starts.
import { documentTypes } from '../../../packages/fhir/src/vocabulary.js';
import { cdaKit } from '../../../packages/elements/src/document-preview/cda/cda-kit.js';
import {
  cdaStyles,
  install,
  openCda,
  renderCda,
  type OpenedCda,
} from '../../../packages/elements/src/document-preview/cda/cda-view.js';
import { CDA_LIMITS } from '../../../packages/elements/src/document-preview/cda/cda-parse.js';
import { LocalizeController } from '../../../packages/elements/src/i18n/localize.controller.js';
import { largeCda } from '../../../packages/elements/test/cda/large-cda.js';

const ROWS = 20_000;
if (documentTypes.length === 0) throw new Error('the vocabulary did not start');

/** When the next animation frame's callbacks run (see hashing.page.ts on why not its timestamp). */
const frame = () =>
  new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));

/** After the frame now being drawn: a message sent from its animation callback runs once it is painted. */
async function painted(): Promise<number> {
  await frame();
  return new Promise<number>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.now());
    channel.port2.postMessage(undefined);
  });
}

/** A host for the renderer as the preview is one: a Lit element with a shadow root. */
class CdaBenchHost extends LitElement {
  static override properties = { cda: { attribute: false } };
  cda: OpenedCda | undefined;
  progressive = true;
  readonly localize = new LocalizeController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    const sheet = cdaStyles().styleSheet;
    if (sheet && this.shadowRoot) this.shadowRoot.adoptedStyleSheets = [sheet];
  }

  protected override render(): TemplateResult | typeof nothing {
    if (!this.cda) return nothing;
    return html`${renderCda(
      this.cda,
      {
        localize: this.localize,
        root: this.renderRoot,
        save: () => undefined,
        renderPdf: () => html``,
      },
      { progressive: this.progressive },
    )}`;
  }
}
install(cdaKit);
customElements.define('cda-bench-host', CdaBenchHost);

/** Watches the main thread's long tasks and frame gaps until `stop()`. */
function watchMainThread() {
  const tasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  let running = true;
  let longestFrame = 0;
  const frames = (async () => {
    let last = await frame();
    while (running) {
      const now = await frame();
      longestFrame = Math.max(longestFrame, now - last);
      last = now;
    }
  })();
  return {
    async stop() {
      running = false;
      await frames;
      // Long-task entries come after their task: one more frame lets the last one in.
      await frame();
      for (const entry of observer.takeRecords()) tasks.push(entry.duration);
      observer.disconnect();
      return { longestTask: Math.max(0, ...tasks), longTasks: tasks.length, longestFrame };
    },
  };
}

let text = '';

const bench = {
  /** Makes the document; its size in bytes. */
  prepare(): number {
    text = largeCda(ROWS);
    return new Blob([text]).size;
  },
  /** One DOMParser call on the document: the browser's share, which no renderer can split. */
  parse(): number {
    const t0 = performance.now();
    new DOMParser().parseFromString(text, 'application/xml');
    return performance.now() - t0;
  },
  /**
   * From the content's arrival (its bytes in a Blob) to the first screen painted, and to every
   * row shown; the main thread's longest task and frame over the whole of it.
   */
  async show(progressive: boolean): Promise<Record<string, number>> {
    const blob = new Blob([text], { type: 'application/hl7-v3+xml' });
    const host = new CdaBenchHost();
    host.progressive = progressive;
    document.body.append(host);
    await host.updateComplete;
    await painted();
    const watch = watchMainThread();
    const t0 = performance.now();
    // The 2 s refusal is the panel's rule, not what is measured: a loaded machine may pass it.
    const cda = await openCda(blob, { ...CDA_LIMITS, timeBudget: Number.POSITIVE_INFINITY });
    const opened = performance.now() - t0;
    host.cda = cda;
    await host.updateComplete;
    const rows = () => host.shadowRoot!.querySelectorAll('tbody tr').length;
    if (rows() === 0) throw new Error('no rows rendered');
    const firstScreen = (await painted()) - t0;
    const shownFirst = rows();
    while (rows() < ROWS) await frame();
    const allRows = (await painted()) - t0;
    const watched = await watch.stop();
    host.remove();
    cda.dispose();
    return { opened, firstScreen, shownFirst, allRows, ...watched };
  },
};

(window as unknown as { bench: typeof bench }).bench = bench;
