// <dsp-document-uploader>: adds documents to a patient's DSP — files checked by their bytes,
// hashed off the main thread, described with the DSP's metadata, and sent idempotently, with
// progress and automatic retries, from a queue kept in IndexedDB that resumes when the network is
// back or after a reload.
import { DspValidationError } from '@dsp-kit/fhir';
import type { Coding } from '@medplum/fhirtypes';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { DspElement } from '../base/dsp-element.js';
import { errorDetail, MissingClientError } from '../base/error-message.js';
import { DspDocumentSelectEvent, DspErrorEvent } from '../events.js';
import { formatByteSize } from './byte-size.js';
import { languageName } from './language-names.js';
import {
  IN_FLIGHT,
  SENDABLE,
  UploadQueue,
  waitsForNetwork,
  type Problem,
  type UploadItem,
  type UploadListener,
  type UploadMetadata,
  type UploadResult,
  type UploadTarget,
} from './upload-queue.js';
import { uploaderMessages, type UploaderMessages } from './document-uploader.messages.js';
import { styles } from './document-uploader.styles.js';
import { findInDsp, rememberInDsp } from './dsp-content.js';
import { DEFAULT_MAX_SIZE, parseAcceptTypes } from './file-checks.js';
import { FileIntake } from './file-intake.js';
import { ReplaceController } from './replace-controller.js';
import { TypeCombobox } from './type-combobox.js';
import { renderRow, type RowContext } from './upload-row.js';
import { renderSummary } from './upload-summary.js';
import {
  DspDocumentUploadedEvent,
  DspUploadFailedEvent,
  DspUploadProgressEvent,
} from './document-uploader.events.js';

/**
 * @summary Adds documents to a patient's DSP: several files at once (picker, drag and drop,
 * paste, or `add()`), each checked by its bytes, hashed in a worker and described (DSP type from a
 * searchable list, class, title, date, confidentiality, language, facility, masks),
 * then sent with per-file status and progress, cancel, automatic retries with backoff and an
 * idempotent manual retry. With a `user`, the queue is kept in IndexedDB (per server and user):
 * it survives a reload, and files waiting for the network are sent when it is back.
 * @tag dsp-document-uploader
 *
 * @csspart base - The panel.
 * @csspart dropzone - Where files are dropped, with the file picker.
 * @csspart choose - The button that opens the file picker.
 * @csspart empty - The line shown while no file is chosen.
 * @csspart row - One file and its form.
 * @csspart type-list - The list of DSP types under a row's type field, while it is open.
 * @csspart status - A file's status (announced).
 * @csspart progress - A file's upload progress, while it is sent.
 * @csspart error - Why a file could not be sent.
 * @csspart summary - The documents sent from the panel, each a button to open it.
 * @csspart summary-status - How many documents were sent (announced).
 * @csspart replaces - Which document the files replace, with the button that cancels it; once
 *   cancelled, that the files are new documents (announced).
 *
 * @cssproperty --dsp-document-uploader-padding - Inner padding of the panel.
 * @cssproperty --dsp-document-uploader-list-height - Largest height of the list of DSP types.
 *
 * @fires dsp-upload-progress - A file is being hashed or sent (`detail.id`, `detail.phase`
 *   `hashing` or `sending`, `detail.loaded`, `detail.total` in bytes).
 * @fires dsp-document-uploaded - A document was stored (`detail.id`, `detail.documentId`,
 *   `detail.masterIdentifier`, `detail.patientId`).
 * @fires dsp-upload-failed - An attempt to send a file failed (`detail.id`, `detail.kind`,
 *   `detail.status`, and `detail.retrying` when the uploader will try again by itself).
 * @fires dsp-document-select - A document of the summary of those sent was chosen, to be opened
 *   (e.g. with the viewer's `open()`); `detail.documentId` is its id.
 * @fires dsp-replace-cancel - The user cancelled the replacement (`replaces`); `detail.documentId`
 *   is the document that was to be replaced. Files not sent yet are new documents from then on.
 * @fires dsp-error - A file could not be sent and waits for the user; `detail.kind` and
 *   `detail.status` say how.
 */
export class DspDocumentUploader extends DspElement {
  static override catalogs = [uploaderMessages];

  static override styles = [DspElement.styles, styles];

  /** The patient's FHIR id (or a `Patient/<id>` reference). */
  @property({ reflect: true }) patient?: string;
  /** Who submits: a reference such as `Practitioner/paul-weber`; the patient in patient mode. */
  @property() author?: string;
  /** The author's name as readers see it (`author.display`), e.g. the signed-in user's. */
  @property({ attribute: 'author-name' }) authorName?: string;
  /** `professional` (default) or `patient`: a patient adds only "Expression du titulaire". */
  @property({ reflect: true }) mode: 'professional' | 'patient' = 'professional';
  /** Largest file accepted, in bytes (20 MiB by default). */
  @property({ attribute: 'max-size', type: Number }) maxSize = DEFAULT_MAX_SIZE;
  /** Accepted content types, comma-separated (PDF, JPEG, PNG, TIFF and plain text by default). */
  @property({ attribute: 'accept-types' }) acceptTypes?: string;
  /**
   * Automatic attempts after a failure that may pass (no network, lost answer, busy server), with
   * a backoff doubling from `retry-delay`; 0 for none. Refusals are never tried again by themselves.
   * A busy server's `Retry-After` (on a 429 or 503) is honoured when longer than the backoff, up to
   * five minutes.
   */
  @property({ type: Number }) retries = 3;
  /**
   * Milliseconds before the first automatic attempt (1 s by default), doubled for each next one;
   * the server's `Retry-After`, when longer, wins.
   */
  @property({ attribute: 'retry-delay', type: Number }) retryDelay = 1000;
  /**
   * A stable id of the signed-in user (e.g. the token's `sub`). Given, the queue (files, metadata,
   * identifiers) is kept in an IndexedDB database of this server and user until sent, and shows
   * again after a reload; `DspCache.clearAll()` deletes it. Without it the queue is in memory only.
   */
  @property() user?: string;
  /** The facility type new documents get (`DocumentReference.context.facilityType`). Property only. */
  @property({ attribute: false }) facilityType?: Coding;
  /** The practice setting new documents get (`context.practiceSetting`). Property only. */
  @property({ attribute: false }) practiceSetting?: Coding;
  /**
   * Metadata every file chosen in the panel (picker, drop, paste) starts with, e.g. the type, title
   * and confidentiality of the document it replaces. Property only.
   */
  @property({ attribute: false }) defaults?: Partial<UploadMetadata>;
  /**
   * The id of a document (DocumentReference) the panel replaces: the file added (one) is sent as
   * its new version through `DspClient.replaceDocument`, which supersedes it in the same
   * transaction; the server refuses a document the user may not replace, of another patient, or
   * unknown. The panel shows it read-only, with a button that cancels the replacement. There is
   * no field to type an id: a replacement starts from the document (the viewer's "Replace with a
   * new version"), or from a host that sets this.
   */
  @property() replaces?: string;
  /** The replaced document's title, to name it to the user (its id otherwise). */
  @property({ attribute: 'replaces-title' }) replacesTitle?: string;

  readonly #comboboxes = new Map<string, TypeCombobox>();

  /**
   * Files sent through `submit()`: their rows stay, with their status, for the host that sent them;
   * files sent from the panel's own buttons leave the list for its summary.
   */
  readonly #hostSent = new WeakSet<UploadItem>();

  readonly #listener: UploadListener = {
    progress: (item, phase, loaded, total) => {
      this.dispatchEvent(
        new DspUploadProgressEvent({ id: item.documentUuid, phase, loaded, total }),
      );
    },
    sent: (item) => {
      const client = this.activeClient;
      if (client && this.#patientId && item.hash) {
        rememberInDsp(client, this.#patientId, item.hash, {
          id: item.documentId,
          title: item.metadata.title,
          masterIdentifier: `urn:uuid:${item.documentUuid}`,
        });
      }
      this.dispatchEvent(
        new DspDocumentUploadedEvent({
          id: item.documentUuid,
          documentId: item.documentId,
          masterIdentifier: `urn:uuid:${item.documentUuid}`,
          patientId: this.#patientId ?? '',
        }),
      );
    },
    failed: (item, error, retrying) => {
      const { kind, status } = errorDetail(error);
      const detail = {
        id: item.documentUuid,
        kind: kind === 'configuration' ? 'unknown' : kind,
        retrying,
      } as const;
      this.dispatchEvent(
        new DspUploadFailedEvent(status === undefined ? detail : { ...detail, status }),
      );
      if (!retrying) this.dispatchEvent(new DspErrorEvent(errorDetail(error)));
    },
    resumable: (item) => {
      // A file the user had asked to send: sent again, unless the network is still away.
      const target = this.#target();
      if (navigator.onLine && target) void this.#queue.deliver(item, target);
    },
  };

  readonly #queue = new UploadQueue(
    this,
    () => ({
      maxSize: this.maxSize,
      acceptTypes: parseAcceptTypes(this.acceptTypes),
      patientMode: this.mode === 'patient',
      language: this.localize.language,
      facilityType: this.facilityType,
      practiceSetting: this.practiceSetting,
      retries: Math.max(0, Math.floor(this.retries)) || 0,
      retryDelay: Math.max(0, this.retryDelay) || 0,
      findInDsp: (hash) => {
        const client = this.activeClient;
        const patient = this.#patientId;
        return client && patient ? findInDsp(client, patient, hash) : Promise.resolve(undefined);
      },
      patientIdentifiers: async () => {
        const client = this.activeClient;
        const patient = this.#patientId;
        if (!client || !patient) return undefined;
        // Unreadable now (offline, refused): nothing to compare, which the row says.
        return client.readPatient(patient).then(
          (record) => record.identifier ?? [],
          () => undefined,
        );
      },
    }),
    this.#listener,
  );

  readonly #replace = new ReplaceController(this, this.#queue);

  /** Files chosen in the panel start with the host's defaults (and the replacement, if any). */
  readonly #intake = new FileIntake(this, (files) => {
    this.#queue.add(this.#replace.take(files), { ...this.defaults, ...this.#replace.metadata });
  });

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
    const user = this.user === '' ? undefined : this.user;
    this.#queue.bind(server && patient ? { server, user, patient } : undefined);
  }

  /** Back online: the files the user asked to send and the network stopped are sent again. */
  readonly #onOnline = () => {
    const target = this.#target();
    if (!target) return;
    for (const item of this.#queue.items) {
      if (waitsForNetwork(item) && !IN_FLIGHT.includes(item.status))
        void this.#queue.deliver(item, target);
    }
  };

  /** The files in the list, with their state (read-only view for hosts and tests). */
  get items(): readonly UploadItem[] {
    return this.#queue.items;
  }

  /**
   * Adds a file, as if the user had chosen it, with metadata the host already knows (its type,
   * title, date…; the row's form shows them, editable). The file gets the same checks as one
   * chosen by hand, and any problem shows at its field. Resolves with the row's id (the document's
   * UUID, used in events) once the file is checked and hashed.
   * @throws {TypeError} when `file` is not a `File`.
   */
  async add(file: File, metadata?: Partial<UploadMetadata>): Promise<string> {
    if (!(file instanceof File)) throw new TypeError('add() takes a File');
    const start = { ...this.#replace.metadata, ...metadata };
    const [item] = this.#queue.add([file], start) as [UploadItem];
    await this.#queue.prepared(item);
    return item.documentUuid;
  }

  /**
   * Sends every file not sent yet, once checked, each as its own idempotent submission, trying
   * again by itself after failures that may pass. Resolves with each file's outcome, in the list's
   * order; files with a problem are not sent (`invalid`) and show it at their field. The rows it
   * sends stay in the list as sent (until `clear()`), where the panel's own Send button moves
   * them to its summary.
   * @throws {MissingClientError} without a client; {DspValidationError} without a patient or an
   *   author (its `field` says which).
   */
  async submit(): Promise<UploadResult[]> {
    const target = this.#target();
    if (!this.activeClient) throw new MissingClientError();
    if (!target) {
      const field = this.patient ? 'author' : 'patient';
      throw new DspValidationError(`The uploader has no ${field} to send documents for`, field);
    }
    for (const item of this.#queue.items) if (item.status !== 'sent') this.#hostSent.add(item);
    return this.#queue.deliverAll(target);
  }

  /**
   * Removes every file not being sent from the list and from the stored queue, and the summary of
   * those sent; resolves once the stored queue is updated.
   */
  async clear(): Promise<void> {
    await this.#queue.clear();
  }

  /** Resolves once the queue's changes so far are stored (before a host removes the element). */
  async queueStored(): Promise<void> {
    await this.#queue.flushed();
  }

  get #authorRef(): string | undefined {
    if (this.author) return this.author;
    return this.mode === 'patient' && this.patient
      ? `Patient/${this.patient.replace(/^Patient\//, '')}`
      : undefined;
  }

  /** The patient's FHIR id (`patient` may be a `Patient/<id>` reference). */
  get #patientId(): string | undefined {
    const id = this.patient?.replace(/^Patient\//, '');
    return id === '' ? undefined : id;
  }

  #target(): UploadTarget | undefined {
    const client = this.activeClient;
    const patient = this.patient;
    const author = this.#authorRef;
    return client && patient && author
      ? { client, patient, author, ...(this.authorName ? { authorName: this.authorName } : {}) }
      : undefined;
  }

  get #m(): UploaderMessages {
    return this.localize.t(uploaderMessages);
  }

  #combobox(item: UploadItem): TypeCombobox {
    let found = this.#comboboxes.get(item.documentUuid);
    if (!found) {
      found = new TypeCombobox(this);
      this.#comboboxes.set(item.documentUuid, found);
    }
    return found;
  }

  get #rowContext(): RowContext {
    return {
      m: this.#m,
      language: this.localize.language,
      patientMode: this.mode === 'patient',
      waitsForNetwork,
      problems: (item) => this.#queue.problems(item),
      problemText: (problem) => this.#problemText(problem),
      formatSize: (bytes) => formatByteSize(bytes, this.localize.intlLocale),
      formatDay: (date) => {
        // Noon, local: the calendar day the field holds, whatever the time zone.
        const [year, month, day] = date.split('-').map(Number) as [number, number, number];
        return this.localize.formatDate(new Date(year, month - 1, day, 12));
      },
      formatTime: (at) => this.localize.formatDate(at, { timeStyle: 'short' }),
      languageName: (code) => this.#languageName(code),
      combobox: (item) => this.#combobox(item),
      replacedName: (id) => this.#replace.name(id),
      renderError: (error, title) => this.renderError(error, title),
      update: (item, change) => {
        this.#queue.update(item, change);
      },
      cancel: (item) => {
        this.#queue.cancel(item);
      },
      retry: (item) => {
        this.#queue.retry(item, this.#target());
      },
      remove: (item) => {
        this.#queue.remove(item);
      },
    };
  }

  override render(): TemplateResult {
    const m = this.#m;
    const items = this.#queue.items;
    // Rows gone, their comboboxes with them.
    for (const key of this.#comboboxes.keys())
      if (!items.some((i) => i.documentUuid === key)) this.#comboboxes.delete(key);
    const summarized = (i: UploadItem) => i.status === 'sent' && !this.#hostSent.has(i);
    const rows = items.filter((i) => !summarized(i));
    const sent = items.filter(summarized);
    // A row still to fill in may be sent: the button then says at each field what is missing.
    const sendable = rows.some(
      (i) => SENDABLE.includes(i.status) || (i.status === 'invalid' && i.fileProblems.length === 0),
    );
    const clearable = rows.some((i) => !IN_FLIGHT.includes(i.status));
    const target = this.#target();
    const row = this.#rowContext;
    return html`<section
      part="base"
      aria-label=${this.#replace.label(m)}
      @paste=${this.#intake.onPaste}
    >
      ${this.patient ? nothing : html`<p role="status">${m.noPatient}</p>`}
      ${this.#authorRef ? nothing : html`<p class="problem" role="alert">${m.noAuthor}</p>`}
      ${this.#replace.renderNote(m)} ${this.#intake.render(m, this.#replace.id === undefined)}
      ${rows.length === 0 && sent.length === 0 ? html`<p part="empty">${m.empty}</p>` : nothing}
      ${rows.map((item) => renderRow(row, item))}
      ${
        rows.length > 0
          ? html`<div class="actions">
              <button
                class="action"
                type="button"
                name="send"
                ?disabled=${!sendable || !target}
                @click=${() => {
                  if (target) void this.#queue.deliverAll(target).then(() => this.#keepFocus());
                }}
              >
                ${m.send}
              </button>
              <button
                type="button"
                name="clear"
                ?disabled=${!clearable}
                @click=${() => void this.clear()}
              >
                ${m.clear}
              </button>
            </div>`
          : nothing
      }
      ${renderSummary(sent, m, {
        open: (documentId) => {
          this.dispatchEvent(new DspDocumentSelectEvent({ documentId }));
        },
        close: () => {
          for (const item of sent) this.#queue.remove(item);
          void this.updateComplete.then(() => this.#keepFocus());
        },
      })}
    </section>`;
  }

  /** Focus the removed rows or button held goes to the summary, else to the file picker. */
  async #keepFocus(): Promise<void> {
    await this.updateComplete;
    const active = this.renderRoot instanceof ShadowRoot ? this.renderRoot.activeElement : null;
    // Focus elsewhere on the page is the user's: left where it is.
    const lost = active === null && (document.activeElement ?? document.body) === document.body;
    if (!lost && !active?.matches(':disabled')) return;
    const next =
      this.renderRoot.querySelector<HTMLElement>('[part~="summary"]') ??
      this.renderRoot.querySelector<HTMLElement>('button[name="choose"]');
    next?.focus();
  }

  #problemText(problem: Problem): string {
    if ('text' in problem) return problem.text;
    const p = this.#m.problems;
    if (problem.code === 'tooLarge') {
      return p.tooLarge(formatByteSize(this.maxSize, this.localize.intlLocale));
    }
    return p[problem.code];
  }

  #languageName(code: string): string {
    return languageName(code, this.localize.language, this.localize.intlLocale);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dsp-document-uploader': DspDocumentUploader;
  }
}
