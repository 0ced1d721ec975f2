// Loads the CDA renderer with `import()` the first time a CDA is shown (so no panel's first load
// carries it), opens the document's blob with it and lets the document's blob URLs go when the
// preview shows something else.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { cdaKit } from './cda-kit.js';

export type CdaModule = typeof import('./cda-view.js');
type OpenedCda = Awaited<ReturnType<CdaModule['openCda']>>;

export type CdaPreviewState =
  | { readonly status: 'idle' | 'opening' }
  | { readonly status: 'open'; readonly module: CdaModule; readonly cda: OpenedCda }
  /** Not a CDA the renderer shows (a `CdaParseError`), or the renderer could not load. */
  | { readonly status: 'failed'; readonly module: CdaModule | undefined; readonly error: unknown };

export class CdaPreviewController implements ReactiveController {
  state: CdaPreviewState = { status: 'idle' };
  #blob: Blob | undefined;
  #generation = 0;
  #styled = false;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.show(undefined);
  }

  /** Shows `blob` (a CDA), or closes the one shown when `undefined`. Same blob: nothing to do. */
  show(blob: Blob | undefined): void {
    if (blob === this.#blob) return;
    this.#blob = blob;
    const generation = ++this.#generation;
    if (this.state.status === 'open') this.state.cda.dispose();
    this.#set({ status: blob ? 'opening' : 'idle' });
    if (!blob) return;
    let module: CdaModule | undefined;
    import('./cda-view.js')
      .then(async (loaded) => {
        module = loaded;
        loaded.install(cdaKit);
        this.#adoptStyles(loaded);
        const cda = await loaded.openCda(blob);
        if (generation !== this.#generation) cda.dispose();
        else this.#set({ status: 'open', module: loaded, cda });
      })
      .catch((error: unknown) => {
        if (generation === this.#generation) this.#set({ status: 'failed', module, error });
      });
  }

  /** The renderer's styles join the panel's once, when the renderer first loads. */
  #adoptStyles(module: CdaModule): void {
    const root = this.host.shadowRoot;
    const sheet = module.cdaStyles().styleSheet;
    if (this.#styled || !root || !sheet) return;
    this.#styled = true;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  #set(state: CdaPreviewState): void {
    this.state = state;
    this.host.requestUpdate();
  }
}
