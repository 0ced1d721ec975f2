// The uploader's queue: each file with its metadata, checks, hash and sending state, kept (with
// its identifiers, and in IndexedDB when the user is known) until it is sent or removed, so a
// failed send or a reload loses nothing and a retry is the same submission.
import {
  DspHttpError,
  DspNetworkError,
  type ConfidentialityCode,
  type DocumentSubmission,
  type DspClient,
  type ProvideResult,
} from '@dsp-kit/fhir';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  bytesToBase64,
  fieldOfExpression,
  fileProblems,
  isDocumentId,
  MAGIC_LENGTH,
  sniffMagic,
  titleFromFileName,
  Utf8TextSniffer,
  type FileProblem,
  type UploadField,
} from './file-checks.js';
import { HASH_CHUNK_SIZE } from './hash-core.js';
import { hashFile } from './hash.js';
import { UploadStore, type StoredUpload } from './upload-store.js';

export type UploadStatus =
  | 'checking'
  | 'hashing'
  | 'ready'
  | 'invalid'
  /** Asked to be sent while the browser is offline: sent when the network is back. */
  | 'waiting'
  | 'sending'
  | 'sent'
  | 'failed'
  | 'cancelled';

/** The statuses from which a file can be sent (again). */
export const SENDABLE: readonly UploadStatus[] = ['ready', 'waiting', 'failed', 'cancelled'];

export type FormProblem = FileProblem | 'typeRequired' | 'titleRequired' | 'bothFlags' | 'replaces';

/** A problem at a field: one of ours (`code`), or the server's own words (`text`). */
export type Problem = { readonly code: FormProblem } | { readonly text: string };

export interface UploadMetadata {
  typeCode: string;
  title: string;
  /** `YYYY-MM-DD`, or empty. */
  date: string;
  confidentiality: ConfidentialityCode;
  language: string;
  masked: boolean;
  hidden: boolean;
  replaces: string;
}

export interface UploadItem {
  readonly file: File;
  /** The SubmissionSet's UUID: chosen when the file is added, kept across retries. */
  readonly submissionUuid: string;
  /** The document's UUID (its masterIdentifier): likewise kept; also the row's key. */
  readonly documentUuid: string;
  metadata: UploadMetadata;
  status: UploadStatus;
  /** The content type the bytes say. */
  contentType?: string;
  /** SHA-1 in base64. */
  hash?: string;
  /** Bytes hashed so far. */
  hashed: number;
  /** Bytes of the request sent so far, of `uploadTotal` (0 until known). */
  uploaded: number;
  uploadTotal: number;
  /** The user asked to send it and it is not sent yet: sending resumes when the network is back. */
  sendRequested: boolean;
  /** When it was added, to keep the stored queue in order. */
  readonly addedAt: number;
  /** Problems of the file itself, found once when it was added. */
  fileProblems: FileProblem[];
  /** The server's complaints, by field (`general` when it named none). */
  serverProblems: Partial<Record<UploadField | 'general', string>>;
  /** Why the last send failed. */
  error?: unknown;
  /** Set once: the date of the first attempt, resent as is. */
  submittedAt?: string;
  documentId?: string;
  abort?: AbortController;
}

/** Where the queue is kept: the (server, user)'s database, showing one patient's files. */
export interface QueueScope {
  readonly server: string;
  readonly user: string;
  readonly patient: string;
}

/** A send failed for want of a network (or its answer was lost): it will be resumed by itself. */
export function waitsForNetwork(item: UploadItem): boolean {
  return item.sendRequested && (item.status === 'waiting' || item.error instanceof DspNetworkError);
}

export interface UploadOptions {
  readonly maxSize: number;
  readonly acceptTypes: readonly string[];
  readonly patientMode: boolean;
  readonly language: string;
}

/** The content type of a file by its bytes: a magic number, else UTF-8 text read in slices. */
async function sniffFile(file: Blob, signal: AbortSignal): Promise<string | undefined> {
  const head = new Uint8Array(await file.slice(0, MAGIC_LENGTH).arrayBuffer());
  const magic = sniffMagic(head);
  if (magic) return magic;
  const text = new Utf8TextSniffer();
  for (let offset = 0; offset < file.size; offset += HASH_CHUNK_SIZE) {
    signal.throwIfAborted();
    const chunk = new Uint8Array(await file.slice(offset, offset + HASH_CHUNK_SIZE).arrayBuffer());
    if (!text.push(chunk)) return undefined;
  }
  return text.end() ? 'text/plain' : undefined;
}

export const PATIENT_DOCUMENT_TYPE = 'expression-titulaire';

export class UploadQueue implements ReactiveController {
  items: UploadItem[] = [];
  /** The scope's key; null while unbound (never bound, or disconnected). */
  #scopeKey: string | undefined | null = null;
  #patient = '';
  #store: Promise<UploadStore | undefined> = Promise.resolve(undefined);
  /** Writes, one after the other, so a delete never overtakes the put before it. */
  #writes: Promise<void> = Promise.resolve();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: () => UploadOptions,
    /** A restored file the user had asked to send is ready again: the host may resume it. */
    private readonly onResumable: (item: UploadItem) => void = () => undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // The host binds the queue to its scope on update: reconnected, it must bind again.
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    for (const item of this.items) item.abort?.abort();
    this.#closeStore();
    this.#scopeKey = null;
  }

  /**
   * Keeps the queue in the (server, user)'s database and shows `patient`'s files from it, or in
   * memory only when `scope` is undefined. Files already listed before the first scope join it;
   * another user's or patient's files leave the list (they stay in their database).
   */
  bind(scope: QueueScope | undefined): void {
    const key = scope ? `${scope.server}\n${scope.user}\n${scope.patient}` : undefined;
    if (key === this.#scopeKey) return;
    const previous = this.#scopeKey;
    this.#scopeKey = key;
    this.#closeStore();
    if (previous !== null && previous !== undefined) {
      for (const item of this.items) item.abort?.abort();
      this.items = [];
      this.host.requestUpdate();
    }
    if (!scope) {
      this.#store = Promise.resolve(undefined);
      return;
    }
    this.#patient = scope.patient;
    // A database that cannot be opened (private mode, quota) leaves the queue in memory.
    this.#store = UploadStore.open(scope.server, scope.user).catch(() => undefined);
    for (const item of this.items) this.#persist(item);
    void this.#restore(key);
  }

  async #restore(key: string | undefined): Promise<void> {
    const store = await this.#store;
    const stored = (await store?.list(this.#patient).catch(() => [])) ?? [];
    if (key !== this.#scopeKey) return;
    const known = new Set(this.items.map((i) => i.documentUuid));
    const restored = stored
      .filter((s) => !known.has(s.documentUuid))
      .map((s) => this.#fromStored(s));
    if (restored.length === 0) return;
    this.items = [...restored, ...this.items];
    this.host.requestUpdate();
    for (const item of restored) void this.#prepare(item);
  }

  #fromStored(s: StoredUpload): UploadItem {
    return {
      file: s.file,
      submissionUuid: s.submissionUuid,
      documentUuid: s.documentUuid,
      metadata: { ...s.metadata },
      status: 'checking',
      hashed: 0,
      uploaded: 0,
      uploadTotal: 0,
      sendRequested: s.sendRequested,
      addedAt: s.addedAt,
      fileProblems: [],
      serverProblems: {},
      ...(s.submittedAt ? { submittedAt: s.submittedAt } : {}),
    };
  }

  /** Runs `op` on the current store after the writes before it; a failing store loses nothing in memory. */
  #write(op: (store: UploadStore) => Promise<void>): void {
    const store = this.#store;
    this.#writes = this.#writes
      .then(async () => {
        const s = await store;
        if (s) await op(s);
      })
      .catch(() => undefined);
  }

  #persist(item: UploadItem): void {
    const record: StoredUpload = {
      documentUuid: item.documentUuid,
      submissionUuid: item.submissionUuid,
      patient: this.#patient,
      file: item.file,
      metadata: { ...item.metadata },
      sendRequested: item.sendRequested,
      addedAt: item.addedAt,
      ...(item.submittedAt ? { submittedAt: item.submittedAt } : {}),
    };
    this.#write((s) => s.put(record));
  }

  #forget(item: UploadItem): void {
    this.#write((s) => s.delete(item.documentUuid));
  }

  #closeStore(): void {
    const store = this.#store;
    this.#store = Promise.resolve(undefined);
    this.#writes = this.#writes.then(async () => (await store)?.close()).catch(() => undefined);
  }

  /** Resolves once every change so far is written (for tests and hosts about to go away). */
  async flushed(): Promise<void> {
    await this.#writes;
  }

  /** Queues files, then checks and hashes each in turn. */
  add(files: Iterable<File>): void {
    const { patientMode, language } = this.options();
    const added: UploadItem[] = [];
    const now = Date.now();
    for (const file of files) {
      added.push({
        file,
        submissionUuid: crypto.randomUUID(),
        documentUuid: crypto.randomUUID(),
        metadata: {
          typeCode: patientMode ? PATIENT_DOCUMENT_TYPE : '',
          title: titleFromFileName(file.name),
          date: '',
          confidentiality: 'N',
          language,
          masked: false,
          hidden: false,
          replaces: '',
        },
        status: 'checking',
        hashed: 0,
        uploaded: 0,
        uploadTotal: 0,
        sendRequested: false,
        addedAt: now + added.length,
        fileProblems: [],
        serverProblems: {},
      });
    }
    this.items = [...this.items, ...added];
    this.host.requestUpdate();
    for (const item of added) {
      this.#persist(item);
      void this.#prepare(item);
    }
  }

  remove(item: UploadItem): void {
    item.abort?.abort();
    this.items = this.items.filter((i) => i !== item);
    this.#forget(item);
    this.host.requestUpdate();
  }

  update(item: UploadItem, change: Partial<UploadMetadata>): void {
    item.metadata = { ...item.metadata, ...change };
    // A field the user changed may answer the server's complaint: it is judged again on sending.
    item.serverProblems = {};
    if (item.status === 'invalid' || item.status === 'ready') item.status = this.#readiness(item);
    if (item.status !== 'sent') this.#persist(item);
    this.host.requestUpdate();
  }

  /** The problems shown at each field of a row. */
  problems(item: UploadItem): Partial<Record<UploadField | 'general', Problem>> {
    const out: Partial<Record<UploadField | 'general', Problem>> = {};
    const first = item.fileProblems[0];
    if (first) out.file = { code: first };
    const m = item.metadata;
    if (!m.typeCode) out.type = { code: 'typeRequired' };
    if (m.title.trim() === '') out.title = { code: 'titleRequired' };
    if (m.masked && m.hidden) out.flags = { code: 'bothFlags' };
    if (m.replaces.trim() !== '' && !isDocumentId(m.replaces.trim()))
      out.replaces = { code: 'replaces' };
    for (const [field, text] of Object.entries(item.serverProblems)) {
      out[field as UploadField | 'general'] ??= { text };
    }
    return out;
  }

  #readiness(item: UploadItem): UploadStatus {
    const problems = this.problems(item);
    delete problems.general;
    return Object.keys(problems).length > 0 ? 'invalid' : 'ready';
  }

  async #prepare(item: UploadItem): Promise<void> {
    const abort = new AbortController();
    item.abort = abort;
    try {
      item.contentType = await sniffFile(item.file, abort.signal);
      const { maxSize, acceptTypes } = this.options();
      item.fileProblems = fileProblems(item.file.size, item.contentType, { maxSize, acceptTypes });
      if (item.fileProblems.length === 0) {
        item.status = 'hashing';
        this.host.requestUpdate();
        item.hash = await hashFile(item.file, {
          signal: abort.signal,
          onProgress: (loaded) => {
            item.hashed = loaded;
            this.host.requestUpdate();
          },
        });
        const same = this.items.find((i) => i !== item && i.hash === item.hash);
        if (same) item.fileProblems = ['duplicate'];
      }
      item.status = this.#readiness(item);
      if (item.status === 'ready' && item.sendRequested) {
        item.status = 'waiting';
        this.onResumable(item);
      }
    } catch (error) {
      if (abort.signal.aborted) return;
      item.error = error;
      item.status = 'failed';
    } finally {
      if (item.abort === abort) item.abort = undefined;
      this.host.requestUpdate();
    }
  }

  /**
   * Sends one document as its own submission, with the UUIDs chosen when it was added: sending
   * it again after a lost answer creates nothing twice. Resolves to the result, or undefined when
   * it failed (the reason is on the item).
   */
  async send(
    item: UploadItem,
    client: DspClient,
    patient: string,
    author: string,
  ): Promise<ProvideResult | undefined> {
    if (!SENDABLE.includes(item.status) || !item.hash) return undefined;
    if (this.#readiness(item) === 'invalid') {
      item.status = 'invalid';
      this.host.requestUpdate();
      return undefined;
    }
    item.sendRequested = true;
    if (!navigator.onLine) {
      // No attempt: it would fail. The host sends it again on the `online` event.
      item.status = 'waiting';
      this.#persist(item);
      this.host.requestUpdate();
      return undefined;
    }
    const abort = new AbortController();
    item.abort = abort;
    item.status = 'sending';
    item.error = undefined;
    item.serverProblems = {};
    item.uploaded = 0;
    item.uploadTotal = 0;
    item.submittedAt ??= new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    this.#persist(item);
    this.host.requestUpdate();
    const m = item.metadata;
    try {
      const bytes = new Uint8Array(await item.file.arrayBuffer());
      const submission: DocumentSubmission = {
        uuid: item.submissionUuid,
        patient: patient.replace(/^Patient\//, ''),
        author: { reference: author },
        date: item.submittedAt,
        documents: [
          {
            uuid: item.documentUuid,
            typeCode: m.typeCode,
            title: m.title.trim(),
            contentType: item.contentType ?? 'application/octet-stream',
            data: bytesToBase64(bytes),
            size: bytes.byteLength,
            hash: item.hash,
            language: m.language,
            confidentiality: m.confidentiality,
            ...(m.date ? { serviceStart: m.date } : {}),
            ...(m.masked ? { maskedFromProfessionals: true } : {}),
            ...(m.hidden ? { hiddenFromPatient: true } : {}),
            ...(m.replaces.trim() ? { replaces: m.replaces.trim() } : {}),
          },
        ],
      };
      const result = await client.provideDocuments(submission, {
        signal: abort.signal,
        onUploadProgress: (loaded, total) => {
          item.uploaded = loaded;
          item.uploadTotal = total;
          this.host.requestUpdate();
        },
      });
      const location = result.entries[1]?.location;
      const documentId = location?.match(/DocumentReference\/([^/]+)/)?.[1];
      if (documentId) item.documentId = documentId;
      item.status = 'sent';
      item.sendRequested = false;
      this.#forget(item);
      return result;
    } catch (error) {
      if (abort.signal.aborted) {
        item.status = 'cancelled';
        item.sendRequested = false;
        this.#persist(item);
        return undefined;
      }
      item.error = error;
      item.status = 'failed';
      item.serverProblems = serverProblems(error);
      // Only the network's failures resume by themselves; the server's refusals need the user.
      item.sendRequested = error instanceof DspNetworkError;
      this.#persist(item);
      return undefined;
    } finally {
      if (item.abort === abort) item.abort = undefined;
      this.host.requestUpdate();
    }
  }

  cancel(item: UploadItem): void {
    item.abort?.abort();
  }
}

/** The server's complaints by field, from a 4xx OperationOutcome's issues and their expressions. */
function serverProblems(error: unknown): UploadItem['serverProblems'] {
  const problems: UploadItem['serverProblems'] = {};
  if (!(error instanceof DspHttpError)) return problems;
  for (const issue of error.outcome?.issue ?? []) {
    const text = issue.details?.text ?? issue.diagnostics;
    if (!text) continue;
    const field = (issue.expression ?? []).map(fieldOfExpression).find((f) => f !== undefined);
    if (field) problems[field] ??= text;
  }
  return problems;
}
