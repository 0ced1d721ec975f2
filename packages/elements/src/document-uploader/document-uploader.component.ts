// <dsp-document-uploader>: adds documents to a patient's DSP — files checked by their bytes,
// hashed off the main thread, described with the DSP's metadata, and sent idempotently, with
// progress, from a queue kept in IndexedDB that resumes when the network is back.
import {
  confidentialityCodes,
  documentClassOf,
  documentTypeByCode,
  documentTypes,
  label,
} from '@dsp-kit/fhir';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DspElement } from '../base/dsp-element.js';
import { errorDetail } from '../base/error-message.js';
import { DspErrorEvent } from '../events.js';
import {
  PATIENT_DOCUMENT_TYPE,
  SENDABLE,
  UploadQueue,
  waitsForNetwork,
  type Problem,
  type UploadItem,
  type UploadMetadata,
} from './document-uploader.controller.js';
import { uploaderMessages, type UploaderMessages } from './document-uploader.messages.js';
import { styles } from './document-uploader.styles.js';
import { DEFAULT_MAX_SIZE, parseAcceptTypes, type UploadField } from './file-checks.js';
import { DspDocumentUploadedEvent } from './uploader.events.js';

const CONTENT_LANGUAGES = ['fr', 'de', 'en', 'lb', 'pt'] as const;

/**
 * @summary Adds documents to a patient's DSP: several files at once (picker, drag and drop,
 * paste), each checked by its bytes, hashed in a worker and described (type, title, date,
 * confidentiality, language, masks, replacement), then sent with per-file status and progress,
 * cancel and an idempotent retry. With a `user`, the queue is kept in IndexedDB (per server and
 * user): it survives a reload, and files waiting for the network are sent when it is back.
 * @tag dsp-document-uploader
 *
 * @csspart base - The panel.
 * @csspart dropzone - Where files are dropped, with the file picker.
 * @csspart row - One file and its form.
 * @csspart status - A file's status (announced).
 * @csspart progress - A file's upload progress, while it is sent.
 * @csspart error - Why a file could not be sent.
 *
 * @cssproperty --dsp-document-uploader-padding - Inner padding of the panel.
 *
 * @fires dsp-document-uploaded - A document was stored (`detail.documentId`,
 *   `detail.masterIdentifier`, `detail.patientId`).
 * @fires dsp-error - A document could not be sent; `detail.kind` and `detail.status` say how.
 */
export class DspDocumentUploader extends DspElement {
  static override styles = [DspElement.styles, styles];

  /** The patient's FHIR id (or a `Patient/<id>` reference). */
  @property({ reflect: true }) patient?: string;
  /** Who submits: a reference such as `Practitioner/paul-weber`; the patient in patient mode. */
  @property() author?: string;
  /** `professional` (default) or `patient`: a patient adds only "Expression du titulaire". */
  @property({ reflect: true }) mode: 'professional' | 'patient' = 'professional';
  /** Largest file accepted, in bytes (20 MiB by default). */
  @property({ attribute: 'max-size', type: Number }) maxSize = DEFAULT_MAX_SIZE;
  /** Accepted content types, comma-separated (PDF, JPEG, PNG, TIFF and plain text by default). */
  @property({ attribute: 'accept-types' }) acceptTypes?: string;
  /**
   * A stable id of the signed-in user (e.g. the token's `sub`). Given, the queue (files, metadata,
   * identifiers) is kept in an IndexedDB database of this server and user until sent, and shows
   * again after a reload; `DspCache.clearAll()` deletes it. Without it the queue is in memory only.
   */
  @property() user?: string;

  @state() private dragging = false;

  readonly #queue = new UploadQueue(
    this,
    () => ({
      maxSize: this.maxSize,
      acceptTypes: parseAcceptTypes(this.acceptTypes),
      patientMode: this.mode === 'patient',
      language: this.localize.language,
    }),
    (item) => {
      // A restored file the user had asked to send: send it, unless the network is still away.
      if (navigator.onLine) void this.#send(item);
    },
  );

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.#onOnline);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#onOnline);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const server = this.activeClient?.baseUrl.href;
    const patient = this.patient?.replace(/^Patient\//, '');
    this.#queue.bind(
      server && this.user && patient ? { server, user: this.user, patient } : undefined,
    );
  }

  /** Back online: the files the user asked to send and the network stopped are sent again. */
  readonly #onOnline = () => {
    for (const item of this.#queue.items) {
      if (waitsForNetwork(item) && item.status !== 'sending') void this.#send(item);
    }
  };

  /** Resolves once the queue's changes so far are stored (before a host removes the element). */
  async queueStored(): Promise<void> {
    await this.#queue.flushed();
  }

  get #m(): UploaderMessages {
    return this.localize.t(uploaderMessages);
  }

  /** The files in the list, with their state (read-only view for hosts and tests). */
  get items(): readonly UploadItem[] {
    return this.#queue.items;
  }

  /** Adds files, as if the user had chosen them. */
  addFiles(files: Iterable<File>): void {
    this.#queue.add(files);
  }

  /** Sends every file that is ready, or failed and can be tried again. */
  async send(): Promise<void> {
    await Promise.all(
      this.#queue.items.filter((i) => SENDABLE.includes(i.status)).map((i) => this.#send(i)),
    );
  }

  get #authorRef(): string | undefined {
    if (this.author) return this.author;
    return this.mode === 'patient' && this.patient
      ? `Patient/${this.patient.replace(/^Patient\//, '')}`
      : undefined;
  }

  async #send(item: UploadItem): Promise<void> {
    const client = this.activeClient;
    const patient = this.patient;
    const author = this.#authorRef;
    if (!client || !patient || !author) return;
    const result = await this.#queue.send(item, client, patient, author);
    if (result) {
      this.dispatchEvent(
        new DspDocumentUploadedEvent({
          documentId: item.documentId,
          masterIdentifier: `urn:uuid:${item.documentUuid}`,
          patientId: patient.replace(/^Patient\//, ''),
        }),
      );
    } else if (item.status === 'failed') {
      this.dispatchEvent(new DspErrorEvent(errorDetail(item.error)));
    }
  }

  override render(): TemplateResult {
    const m = this.#m;
    const items = this.#queue.items;
    const sendable = items.some((i) => SENDABLE.includes(i.status));
    return html`<section part="base" aria-label=${m.label} @paste=${this.#onPaste}>
      ${this.patient ? nothing : html`<p role="status">${m.noPatient}</p>`}
      ${this.#authorRef ? nothing : html`<p class="problem" role="alert">${m.noAuthor}</p>`}
      <div
        part="dropzone"
        class=${this.dragging ? 'over' : ''}
        @dragover=${this.#onDragOver}
        @dragleave=${this.#onDragLeave}
        @drop=${this.#onDrop}
      >
        <span>${m.drop}</span>
        <label>
          <span class="visually-hidden">${m.choose}</span>
          <input type="file" multiple name="files" @change=${this.#onPick} />
        </label>
      </div>
      ${items.length === 0 ? html`<p part="empty">${m.empty}</p>` : nothing}
      ${items.map((item) => this.#renderRow(item))}
      ${
        items.length > 0
          ? html`<div class="actions">
              <button
                class="action"
                type="button"
                name="send"
                ?disabled=${!sendable || !this.patient || !this.#authorRef}
                @click=${() => void this.send()}
              >
                ${m.send}
              </button>
            </div>`
          : nothing
      }
    </section>`;
  }

  #renderRow(item: UploadItem): TemplateResult {
    const m = this.#m;
    const lang = this.localize.language;
    const id = (field: string) => `${item.documentUuid}-${field}`;
    const problems = this.#queue.problems(item);
    // Form problems show once the file is known: a fresh row is not yet "wrong".
    const shown = (field: UploadField): Problem | undefined =>
      item.status === 'checking' || item.status === 'hashing' ? undefined : problems[field];
    const described = (field: UploadField) => (shown(field) ? id(`${field}-problem`) : nothing);
    const invalid = (field: UploadField) => (shown(field) ? 'true' : 'false');
    const problem = (field: UploadField) => {
      const p = shown(field);
      return p
        ? html`<p class="problem" id=${id(`${field}-problem`)}>${this.#problemText(p)}</p>`
        : nothing;
    };
    const meta = item.metadata;
    const type = documentTypeByCode(meta.typeCode);
    const locked = item.status === 'sending' || item.status === 'sent';
    const set = (change: Partial<UploadMetadata>) => {
      this.#queue.update(item, change);
    };
    const value = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value;
    const checked = (e: Event) => (e.target as HTMLInputElement).checked;
    const patientMode = this.mode === 'patient';
    // The file has no control of its own: its row carries the file's problem.
    return html`<fieldset
      part="row"
      data-key=${item.documentUuid}
      aria-invalid=${invalid('file')}
      aria-describedby=${described('file')}
    >
      <legend>${item.file.name}</legend>
      <div class="field">
        <span>${m.file}: ${item.file.name} (${this.localize.formatNumber(item.file.size)} B)</span>
        ${problem('file')}
      </div>
      <div class="field">
        <label for=${id('type')}>${m.type}</label>
        ${
          patientMode
            ? html`<output id=${id('type')} name="type">
                ${this.#typeLabel(PATIENT_DOCUMENT_TYPE)}
              </output>`
            : html`<select
                id=${id('type')}
                name="type"
                ?disabled=${locked}
                aria-invalid=${invalid('type')}
                aria-describedby=${described('type')}
                @change=${(e: Event) => {
                  set({ typeCode: value(e) });
                }}
              >
                <option value="" ?selected=${meta.typeCode === ''}>${m.chooseType}</option>
                ${documentTypes.map(
                  (t) =>
                    html`<option value=${t.code} ?selected=${t.code === meta.typeCode}>
                      ${label(t.labels, lang)}
                    </option>`,
                )}
              </select>`
        }
        ${problem('type')}
      </div>
      <div class="field">
        <span>${m.className}</span>
        <output name="class">${type ? label(documentClassOf(type).labels, lang) : '—'}</output>
      </div>
      <div class="field">
        <label for=${id('title')}>${m.title}</label>
        <input
          id=${id('title')}
          name="title"
          ?disabled=${locked}
          .value=${meta.title}
          aria-invalid=${invalid('title')}
          aria-describedby=${described('title')}
          @input=${(e: Event) => {
            set({ title: value(e) });
          }}
        />
        ${problem('title')}
      </div>
      <div class="field">
        <label for=${id('date')}>${m.date}</label>
        <input
          id=${id('date')}
          name="date"
          ?disabled=${locked}
          type="date"
          .value=${meta.date}
          aria-invalid=${invalid('date')}
          aria-describedby=${described('date')}
          @change=${(e: Event) => {
            set({ date: value(e) });
          }}
        />
        ${problem('date')}
      </div>
      <div class="field">
        <label for=${id('confidentiality')}>${m.confidentiality}</label>
        <select
          id=${id('confidentiality')}
          name="confidentiality"
          ?disabled=${locked}
          @change=${(e: Event) => {
            set({ confidentiality: value(e) as UploadMetadata['confidentiality'] });
          }}
        >
          ${confidentialityCodes.map(
            (c) =>
              html`<option value=${c.code} ?selected=${c.code === meta.confidentiality}>
                ${label(c.labels, lang)}
              </option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for=${id('language')}>${m.language}</label>
        <select
          id=${id('language')}
          name="language"
          ?disabled=${locked}
          @change=${(e: Event) => {
            set({ language: value(e) });
          }}
        >
          ${CONTENT_LANGUAGES.map(
            (l) =>
              html`<option value=${l} ?selected=${l === meta.language}>
                ${this.#languageName(l)}
              </option>`,
          )}
        </select>
      </div>
      ${
        patientMode
          ? nothing
          : html`<div class="field" role="group" aria-labelledby=${id('masked-label')}>
              <label id=${id('masked-label')}>
                <input
                  type="checkbox"
                  name="masked"
                  ?disabled=${locked}
                  .checked=${meta.masked}
                  aria-invalid=${invalid('flags')}
                  aria-describedby=${described('flags')}
                  @change=${(e: Event) => {
                    set({ masked: checked(e) });
                  }}
                />
                ${m.masked}
              </label>
              <label>
                <input
                  type="checkbox"
                  name="hidden"
                  ?disabled=${locked}
                  .checked=${meta.hidden}
                  aria-invalid=${invalid('flags')}
                  aria-describedby=${described('flags')}
                  @change=${(e: Event) => {
                    set({ hidden: checked(e) });
                  }}
                />
                ${m.hidden}
              </label>
              ${problem('flags')}
            </div>`
      }
      <div class="field">
        <label for=${id('replaces')}>${m.replaces}</label>
        <input
          id=${id('replaces')}
          name="replaces"
          ?disabled=${locked}
          .value=${meta.replaces}
          aria-invalid=${invalid('replaces')}
          aria-describedby=${described('replaces')}
          @input=${(e: Event) => {
            set({ replaces: value(e) });
          }}
        />
        ${problem('replaces')}
      </div>
      <p part="status" role="status" data-status=${item.status}>
        ${m.status[item.status]}${
          item.status === 'hashing' && item.file.size > 0
            ? ` ${Math.round((item.hashed / item.file.size) * 100)} %`
            : nothing
        }${
          // Tens only: a polite region read at every percent would say nothing else.
          item.status === 'sending' && item.uploadTotal > 0
            ? ` ${Math.floor((item.uploaded / item.uploadTotal) * 10) * 10} %`
            : nothing
        }${item.status === 'failed' && waitsForNetwork(item) ? html`<br />${m.waitingNote}` : nothing}
      </p>
      ${
        item.status === 'sending'
          ? html`<progress
              part="progress"
              aria-label=${m.uploadProgress}
              max=${item.uploadTotal || 1}
              .value=${item.uploaded}
            ></progress>`
          : nothing
      }
      ${
        item.status === 'failed' && item.error !== undefined
          ? this.renderError(item.error, m.failed)
          : nothing
      }
      <div class="actions">
        ${
          item.status === 'sending' || item.status === 'hashing' || item.status === 'checking'
            ? html`<button
                type="button"
                name="cancel"
                @click=${() => {
                  this.#queue.cancel(item);
                }}
              >
                ${m.cancel}
              </button>`
            : nothing
        }
        ${
          item.status === 'failed' || item.status === 'cancelled' || item.status === 'waiting'
            ? html`<button type="button" name="retry" @click=${() => void this.#send(item)}>
                ${m.retry}
              </button>`
            : nothing
        }
        ${
          item.status === 'sending'
            ? nothing
            : html`<button
                type="button"
                name="remove"
                @click=${() => {
                  this.#queue.remove(item);
                }}
              >
                ${m.remove}
              </button>`
        }
      </div>
    </fieldset>`;
  }

  #typeLabel(code: string): string {
    const type = documentTypeByCode(code);
    return type ? label(type.labels, this.localize.language) : code;
  }

  #problemText(problem: Problem): string {
    if ('text' in problem) return problem.text;
    const p = this.#m.problems;
    if (problem.code === 'tooLarge') {
      return p.tooLarge(`${this.localize.formatNumber(Math.floor(this.maxSize / 1024))} KiB`);
    }
    return p[problem.code];
  }

  #languageName(code: string): string {
    try {
      const names = new Intl.DisplayNames([this.localize.intlLocale], { type: 'language' });
      return names.of(code) ?? code;
    } catch {
      return code;
    }
  }

  readonly #onPick = (event: Event) => {
    const input = event.target as HTMLInputElement;
    if (input.files) this.#queue.add([...input.files]);
    // Clearing lets the same file be chosen again (it is then flagged as a duplicate).
    input.value = '';
  };

  readonly #onDragOver = (event: DragEvent) => {
    event.preventDefault();
    this.dragging = true;
  };

  readonly #onDragLeave = () => {
    this.dragging = false;
  };

  readonly #onDrop = (event: DragEvent) => {
    event.preventDefault();
    this.dragging = false;
    const files = event.dataTransfer?.files;
    if (files && files.length > 0) this.#queue.add([...files]);
  };

  readonly #onPaste = (event: ClipboardEvent) => {
    const files = event.clipboardData?.files;
    if (files && files.length > 0) {
      event.preventDefault();
      this.#queue.add([...files]);
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'dsp-document-uploader': DspDocumentUploader;
  }
}
