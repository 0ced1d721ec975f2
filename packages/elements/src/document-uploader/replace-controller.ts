// The uploader's replacement of a document (`replaces`): what its files start with, the panel's
// name and note while it replaces, and the cancel that makes its files new documents.
import { nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import { DspReplaceCancelEvent } from './document-uploader.events.js';
import type { UploaderMessages } from './document-uploader.messages.js';
import { renderReplaceNote } from './replace-note.js';
import {
  releasedByCancel,
  replacedId,
  replacedName,
  replacingMetadata,
  takenFiles,
} from './replace-rules.js';
import type { UploadMetadata, UploadQueue } from './upload-queue.js';

/** The element whose `replaces` and `replaces-title` properties the controller reads. */
export interface ReplaceHost extends ReactiveElement {
  replaces?: string;
  replacesTitle?: string;
}

export class ReplaceController implements ReactiveController {
  /** The replacement was just cancelled: the note says so, until another one starts. */
  #cancelled = false;
  /** `replaces` at the last update, to see a new replacement start. */
  #seen: string | undefined;

  constructor(
    private readonly host: ReplaceHost,
    private readonly queue: UploadQueue,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const replaces = this.host.replaces;
    if (replaces !== this.#seen && replaces) this.#cancelled = false;
    this.#seen = replaces;
  }

  /** The id of the document the panel replaces, if any. */
  get id(): string | undefined {
    return replacedId(this.host.replaces);
  }

  /** What a file added now starts with for the replacement, if any. */
  get metadata(): Partial<UploadMetadata> {
    return replacingMetadata(this.id);
  }

  /** A replaced document as the user knows it: its title when the host gave it, else its id. */
  name(id: string): string {
    return replacedName(id, this.id, this.host.replacesTitle);
  }

  /** The files of one pick, drop or paste that are added: only the first while replacing. */
  take(files: readonly File[]): File[] {
    return takenFiles(files, this.id);
  }

  /**
   * The panel's name: while replacing, the document it replaces, since a page may hold another
   * uploader (axe's landmark-unique) and the name says what this one sends.
   */
  label(m: UploaderMessages): string {
    const id = this.id;
    return id ? m.replacesNote(this.host.replacesTitle ?? id) : m.label;
  }

  renderNote(m: UploaderMessages): TemplateResult | typeof nothing {
    const id = this.id;
    return renderReplaceNote({
      m,
      replaces: id,
      name: this.name(id ?? ''),
      cancelled: this.#cancelled,
      onCancel: this.#cancel,
    });
  }

  /** Files not on their way yet become new documents; the host hears it was cancelled. */
  readonly #cancel = () => {
    const host = this.host;
    const documentId = this.id ?? '';
    for (const item of releasedByCancel(this.queue.items, documentId))
      this.queue.update(item, { replaces: '' });
    host.replaces = undefined;
    this.#cancelled = true;
    host.requestUpdate();
    host.dispatchEvent(new DspReplaceCancelEvent({ documentId }));
    void host.updateComplete.then(() =>
      host.renderRoot.querySelector<HTMLElement>('button[name="choose"]')?.focus(),
    );
  };
}
