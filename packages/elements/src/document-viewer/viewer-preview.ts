// Where the viewer shows the chosen document: a <dialog> beside the list when there is room, else
// modal over the page; loading <dsp-document-preview> on first use, and focus into it and back.
import type { DocumentReference, DspClient } from '@dsp-kit/fhir';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { titleOf } from './document-list.js';
import type { ViewerMessages } from './document-viewer.messages.js';
import { previewLoader } from './preview-loader.js';

export interface InlinePreviewOptions {
  dialog: () => HTMLDialogElement | undefined;
  messages: () => ViewerMessages;
  renderError: (error: unknown, title: string, retry: () => void) => TemplateResult;
  /** What the user may do with the open document, above it. */
  actions: (document: DocumentReference | undefined) => TemplateResult | typeof nothing;
  /** The preview closed on `document`: focus goes back to the list. */
  closed: (document: DocumentReference) => void;
}

export class InlinePreview {
  /** The document open in the preview. */
  #opened?: DocumentReference;
  /** Why `<dsp-document-preview>` could not be loaded, until a retry loads it. */
  #failure?: unknown;
  /** The preview's dialog stays once shown, so its drawn PDF pages are kept for a reopening. */
  #shown = false;
  /** A document was chosen: the next update shows the preview and moves focus into it. */
  #focus = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: InlinePreviewOptions,
  ) {}

  get opened(): DocumentReference | undefined {
    return this.#opened;
  }

  /** Another patient or client: the preview goes, and the pages it kept of the previous one's PDFs. */
  reset(): void {
    this.#opened = undefined;
    this.#shown = false;
  }

  /** Opens `document`, and moves focus into it at the next update. */
  open(document: DocumentReference): void {
    this.#opened = document;
    this.#shown = true;
    // Even for the document already open: Enter on its row goes back into its preview.
    this.#focus = true;
    this.host.requestUpdate();
    this.#load();
  }

  /** Shows `document` in place of the open one (a new version of it), focus left where it is. */
  replace(document: DocumentReference): void {
    this.#opened = document;
    this.host.requestUpdate();
  }

  /** After an update: shows the dialog for a chosen document, closes it when none is open. */
  updated(): void {
    const dialog = this.options.dialog();
    if (dialog && this.#opened && this.#focus) {
      this.#focus = false;
      show(dialog);
    } else if (dialog?.open && !this.#opened) {
      dialog.close();
    }
  }

  #load(): void {
    this.#failure = undefined;
    previewLoader.load().catch((error: unknown) => {
      this.#failure = error;
      this.host.requestUpdate();
    });
  }

  // Escape closes the preview beside the list too, as the browser does for a modal one; not when
  // it was pressed in a dialog opened from the preview (withdraw, correct, replace): that one
  // closes alone, back to the preview.
  readonly #onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    const preview = event.currentTarget as HTMLDialogElement;
    const path = event.composedPath();
    const within = path.slice(0, path.indexOf(preview));
    if (within.some((target) => target instanceof HTMLDialogElement)) return;
    event.preventDefault();
    preview.close();
  };

  // Closed (its button, Escape): focus goes back to the document's row, else to the list.
  readonly #onClosed = (event: Event) => {
    if (event.target !== event.currentTarget) return;
    const closed = this.#opened;
    this.#opened = undefined;
    this.host.requestUpdate();
    if (closed?.id) this.options.closed(closed);
  };

  render(client: DspClient | undefined, theme: string) {
    const document = this.#opened;
    if (!this.#shown) return nothing;
    const m = this.options.messages();
    // Closed, it stays with no document: the preview ends its work but keeps the PDF pages drawn.
    // Only professionals ever receive documents hidden from the patient: confirm before opening.
    return html`<dialog
      part="preview"
      tabindex="-1"
      aria-label=${document ? (titleOf(document) ?? m.untitled) : nothing}
      @keydown=${this.#onKeydown}
      @close=${this.#onClosed}
    >
      <button
        class="close"
        type="button"
        @click=${() => {
          this.options.dialog()?.close();
        }}
      >
        ${m.closePreview}
      </button>
      ${
        this.#failure === undefined
          ? nothing
          : this.options.renderError(this.#failure, m.previewUnavailable, () => {
              this.#load();
              this.host.requestUpdate();
            })
      }
      ${this.options.actions(document)}
      <dsp-document-preview
        .client=${client}
        .document=${document}
        confirm-hidden
        theme=${theme}
      ></dsp-document-preview>
    </dialog>`;
  }
}

/**
 * Shows the preview where the user looks and moves focus into it: beside the list when the
 * panel's styles lay them out side by side (the panel is 60rem wide or more), else as a
 * modal dialog over the page (focus kept in it, Escape and the top layer from the browser).
 */
function show(dialog: HTMLDialogElement): void {
  const beside = getComputedStyle(dialog.parentElement ?? dialog).display === 'grid';
  if (!dialog.open) {
    if (beside) dialog.show();
    else dialog.showModal();
  }
  dialog.focus({ preventScroll: true });
  dialog.scrollIntoView({ block: 'nearest' });
}
