// How files come into the uploader: the drop zone, with the button that opens the file picker,
// drag and drop, and paste anywhere in the panel.
import { html, type ReactiveElement, type TemplateResult } from 'lit';
import type { UploaderMessages } from './document-uploader.messages.js';

export class FileIntake {
  /** Files are dragged over the drop zone (it shows it). */
  #dragging = false;

  /** `take` receives the files of one pick, drop or paste. */
  constructor(
    private readonly host: ReactiveElement,
    private readonly take: (files: File[]) => void,
  ) {}

  /** The drop zone; `multiple` lets the picker choose several files. */
  render(m: UploaderMessages, multiple: boolean): TemplateResult {
    return html`<div
      part="dropzone"
      class=${this.#dragging ? 'over' : ''}
      @dragover=${this.#onDragOver}
      @dragleave=${this.#onDragLeave}
      @drop=${this.#onDrop}
    >
      <span>${m.drop}</span>
      <button
        part="choose"
        type="button"
        name="choose"
        @click=${() =>
          this.host.renderRoot.querySelector<HTMLInputElement>('input[type=file]')?.click()}
      >
        ${m.choose}
      </button>
      <!-- The native picker's own button speaks the browser's language ("Choose Files"): the
        panel's button above opens it. -->
      <input type="file" ?multiple=${multiple} name="files" hidden @change=${this.#onPick} />
    </div>`;
  }

  /** For the panel's `@paste`: files pasted anywhere in it are taken. */
  readonly onPaste = (event: ClipboardEvent) => {
    const files = event.clipboardData?.files;
    if (files && files.length > 0) {
      event.preventDefault();
      this.take([...files]);
    }
  };

  #setDragging(dragging: boolean): void {
    // Every dragover repeats it: the panel renders again only when it changes.
    if (this.#dragging === dragging) return;
    this.#dragging = dragging;
    this.host.requestUpdate();
  }

  readonly #onPick = (event: Event) => {
    const input = event.target as HTMLInputElement;
    if (input.files) this.take([...input.files]);
    // Clearing lets the same file be chosen again (it is then flagged as a duplicate).
    input.value = '';
  };

  readonly #onDragOver = (event: DragEvent) => {
    event.preventDefault();
    this.#setDragging(true);
  };

  readonly #onDragLeave = () => {
    this.#setDragging(false);
  };

  readonly #onDrop = (event: DragEvent) => {
    event.preventDefault();
    this.#setDragging(false);
    const files = event.dataTransfer?.files;
    if (files && files.length > 0) this.take([...files]);
  };
}
