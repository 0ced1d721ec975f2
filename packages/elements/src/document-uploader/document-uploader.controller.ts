// The uploader's queue: each file with its metadata, checks, hash and sending state, kept (with
// its identifiers, and in IndexedDB when the user is known) until it is sent or removed, so a
// failed send or a reload loses nothing and every attempt is the same submission.
import { DspNetworkError, type DspClient } from '@dsp-kit/fhir';
import type { Identifier } from '@medplum/fhirtypes';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { cdaKit } from '../document-preview/cda/cda-kit.js';
import {
  CDA_CONTENT_TYPE,
  CDA_HEAD_LENGTH,
  fileProblems,
  MAGIC_LENGTH,
  sniffCda,
  sniffMagic,
  startsWithMarkup,
  Utf8TextSniffer,
  type UploadField,
} from './file-checks.js';
import { forEachSlice } from './blob-slices.js';
import { HASH_CHUNK_SIZE } from './hash-core.js';
import { hashFile } from './hash.js';
import {
  CONTENT_LANGUAGES,
  createItem,
  definedOnly,
  IN_FLIGHT,
  SENDABLE,
  type ItemDefaults,
  type RowProblems,
  type UploadItem,
  type UploadMetadata,
  type UploadStatus,
} from './upload-item.js';
import { isSendable, localDate, rowProblems } from './upload-problems.js';
import { nextAttemptAfter } from './retry-note.js';
import {
  instantNow,
  isPassing,
  retryWaitMs,
  serverProblems,
  submissionOf,
  wait,
} from './upload-send.js';
import { UploadStore, type StoredUpload } from './upload-store.js';

export {
  IN_FLIGHT,
  PATIENT_DOCUMENT_TYPE,
  SENDABLE,
  type FormProblem,
  type NextAttempt,
  type Problem,
  type RowProblems,
  type UploadItem,
  type UploadMetadata,
  type UploadStatus,
} from './upload-item.js';

/**
 * Whose files the queue shows: one patient's, on one server. With a `user`, they are kept in that
 * (server, user)'s database; without, in memory only.
 */
export interface QueueScope {
  readonly server: string;
  readonly user: string | undefined;
  readonly patient: string;
}

export interface UploadOptions extends ItemDefaults {
  readonly maxSize: number;
  readonly acceptTypes: readonly string[];
  /** Automatic attempts after a passing failure (network, busy server); 0 for none. */
  readonly retries: number;
  /**
   * The wait before the first automatic attempt, doubled for each next one; longer when a busy
   * server's `Retry-After` asks for more (up to five minutes).
   */
  readonly retryDelay: number;
  /** The patient's DSP document holding this content (SHA-1 in base64), if any. */
  readonly findInDsp: (hash: string) => Promise<{ readonly masterIdentifier?: string } | undefined>;
  /**
   * The identifiers of the patient's record (`Patient.identifier`), to compare with a CDA's
   * `recordTarget`; undefined when the record cannot be read now.
   */
  readonly patientIdentifiers: () => Promise<readonly Identifier[] | undefined>;
}

/** Who sends, about whom, with which client. */
export interface UploadTarget {
  readonly client: DspClient;
  readonly patient: string;
  readonly author: string;
  /** The author's name, sent as the reference's display. */
  readonly authorName?: string;
}

/** What the queue tells its host, for events. */
export interface UploadListener {
  progress(item: UploadItem, phase: 'hashing' | 'sending', loaded: number, total: number): void;
  sent(item: UploadItem): void;
  /** An attempt failed; `retrying` when the queue will try again by itself. */
  failed(item: UploadItem, error: unknown, retrying: boolean): void;
  /** A restored or interrupted file the user had asked to send is ready: the host may send it. */
  resumable(item: UploadItem): void;
}

/** How one file ended, for `submit()`. */
export interface UploadResult {
  /** The row's id (the document's UUID). */
  readonly id: string;
  /**
   * `sent`; `invalid` (a problem is shown at a field); `failed` (see `error`); `cancelled`
   * (by the user, or removed); `waiting` (offline: it will be sent when the network is back).
   */
  readonly status: 'sent' | 'invalid' | 'failed' | 'cancelled' | 'waiting';
  /** The DocumentReference's id on the server, once sent. */
  readonly documentId?: string;
  /** Why it failed: a `DspError` of `@dsp-kit/fhir`. */
  readonly error?: unknown;
}

/** A send failed for want of a network (or its answer was lost): it will be resumed by itself. */
export function waitsForNetwork(item: UploadItem): boolean {
  return item.sendRequested && (item.status === 'waiting' || item.error instanceof DspNetworkError);
}

/** The abort reason when the element leaves the page: an interruption, not the user's cancel. */
class Detached extends Error {
  constructor() {
    super('The uploader left the page');
    this.name = 'Detached';
  }
}

const isDetached = (signal: AbortSignal) => signal.reason instanceof Detached;

/** The content type of a file by its bytes: a magic number, else UTF-8 text read in slices. */
async function sniffFile(file: Blob, signal: AbortSignal): Promise<string | undefined> {
  const head = new Uint8Array(await file.slice(0, MAGIC_LENGTH).arrayBuffer());
  // Markup may be a CDA: its root can come after more than the magic's bytes of prolog.
  if (startsWithMarkup(head)) {
    const markup = new Uint8Array(await file.slice(0, CDA_HEAD_LENGTH).arrayBuffer());
    if (sniffCda(markup)) return CDA_CONTENT_TYPE;
  }
  const magic = sniffMagic(head);
  if (magic) return magic;
  const text = new Utf8TextSniffer();
  // Read to the end only while it is text; stopped by throwing, the first byte that is not.
  const notText = new Error('not text');
  try {
    await forEachSlice(file, HASH_CHUNK_SIZE, (chunk) => {
      signal.throwIfAborted();
      if (!text.push(chunk)) throw notText;
    });
  } catch (error) {
    if (error === notText) return undefined;
    throw error;
  }
  return text.end() ? 'text/plain' : undefined;
}

/** The fields a metadata change touches: the server's complaint there is answered. */
const FIELD_OF: Record<keyof UploadMetadata, UploadField> = {
  typeCode: 'type',
  title: 'title',
  date: 'date',
  confidentiality: 'confidentiality',
  language: 'language',
  masked: 'flags',
  hidden: 'flags',
  replaces: 'replaces',
  facilityType: 'facility',
  practiceSetting: 'facility',
};

function resultOf(item: UploadItem): UploadResult {
  const id = item.documentUuid;
  switch (item.status) {
    case 'sent':
      return item.documentId
        ? { id, status: 'sent', documentId: item.documentId }
        : { id, status: 'sent' };
    case 'waiting':
      return { id, status: 'waiting' };
    case 'failed':
      return { id, status: 'failed', error: item.error };
    case 'invalid':
    case 'ready':
      return { id, status: 'invalid' };
    default:
      return { id, status: 'cancelled' };
  }
}

/** Runs `task` on every item, at most `limit` at a time, results in the items' order. */
async function inTurn<T, R>(
  items: T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      const item = items[index] as T;
      results[index] = await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export class UploadQueue implements ReactiveController {
  items: UploadItem[] = [];
  /** The scope's key; null while unbound (never bound, or disconnected). */
  #scopeKey: string | undefined | null = null;
  /** Whether the current scope keeps its files in a database (it has a user). */
  #persistent = false;
  /** Files kept in memory only, set aside with their scope while another patient shows. */
  readonly #setAside = new Map<string, UploadItem[]>();
  #patient = '';
  #store: Promise<UploadStore | undefined> = Promise.resolve(undefined);
  /** Writes, one after the other, so a delete never overtakes the put before it. */
  #writes: Promise<void> = Promise.resolve();
  /** Each file's checks and hash, while they run or once done. */
  readonly #prepared = new WeakMap<UploadItem, Promise<void>>();
  /** Each file's sending, with its automatic attempts, while it runs. */
  readonly #deliveries = new WeakMap<UploadItem, Promise<UploadResult>>();
  /**
   * The metadata fields the host gave each file added in this page (`add()`): a CDA's header
   * fills the others. A file restored from the stored queue has none: its form is kept as it was.
   */
  readonly #given = new WeakMap<UploadItem, ReadonlySet<string>>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: () => UploadOptions,
    private readonly listener: UploadListener,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // The host binds the queue to its scope on update: reconnected, it must bind again.
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#detachAll();
    this.#closeStore();
    this.#scopeKey = null;
  }

  #detachAll(): void {
    for (const item of this.items) item.abort?.abort(new Detached());
  }

  /**
   * Shows `scope`'s files: one patient's, never another's. With a user they are kept in the
   * (server, user)'s database; without, in memory, where another patient's files are set aside
   * until that patient shows again. Files listed before the first scope join it.
   */
  bind(scope: QueueScope | undefined): void {
    const key = scope ? `${scope.server}\n${scope.user ?? ''}\n${scope.patient}` : undefined;
    if (key === this.#scopeKey) return;
    const previous = this.#scopeKey;
    this.#scopeKey = key;
    this.#closeStore();
    if (previous !== null && previous !== undefined) {
      this.#detachAll();
      if (!this.#persistent && this.items.length > 0) this.#setAside.set(previous, this.items);
      this.items = [];
      this.host.requestUpdate();
    }
    this.#persistent = Boolean(scope?.user);
    if (scope && key !== undefined) {
      this.#patient = scope.patient;
      if (scope.user) {
        // A database that cannot be opened (private mode, quota) leaves the queue in memory.
        this.#store = UploadStore.open(scope.server, scope.user).catch(() => undefined);
        for (const item of this.items) this.#persist(item);
        void this.#restore(key);
      } else {
        this.#store = Promise.resolve(undefined);
        const aside = this.#setAside.get(key) ?? [];
        this.#setAside.delete(key);
        this.items = [...aside, ...this.items];
      }
    } else {
      this.#store = Promise.resolve(undefined);
    }
    // Back on the page: what the element's removal interrupted starts again.
    for (const item of this.items) this.#resume(item);
  }

  /** Starts again a file interrupted while checked, hashed or sent. */
  #resume(item: UploadItem): void {
    if (item.status === 'checking' || item.status === 'hashing') {
      void this.#prepare(item);
    } else if (IN_FLIGHT.includes(item.status)) {
      // Once the interrupted attempt has let go (its promise settles after the abort).
      void (this.#deliveries.get(item) ?? Promise.resolve()).then(() => {
        if (!this.items.includes(item) || !IN_FLIGHT.includes(item.status)) return;
        item.status = 'waiting';
        item.nextAttempt = undefined;
        this.host.requestUpdate();
        this.listener.resumable(item);
      });
    }
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

  /** Queues files with the same metadata, then checks and hashes each in turn. */
  add(files: Iterable<File>, metadata: Partial<UploadMetadata> = {}): UploadItem[] {
    const now = Date.now();
    const added: UploadItem[] = [];
    const given = new Set(Object.keys(definedOnly(metadata)));
    for (const file of files) {
      const item = createItem(file, this.options(), metadata, now + added.length);
      this.#given.set(item, given);
      added.push(item);
    }
    this.items = [...this.items, ...added];
    this.host.requestUpdate();
    for (const item of added) {
      this.#persist(item);
      void this.#prepare(item);
    }
    return added;
  }

  /** Resolves once `item`'s checks and hash are done (at once when they are). */
  async prepared(item: UploadItem): Promise<void> {
    await this.#prepared.get(item);
  }

  remove(item: UploadItem): void {
    item.abort?.abort();
    this.items = this.items.filter((i) => i !== item);
    this.#forget(item);
    this.host.requestUpdate();
  }

  /** Removes every file not being sent, from the list and the stored queue. */
  async clear(): Promise<void> {
    for (const item of this.items) if (!IN_FLIGHT.includes(item.status)) this.remove(item);
    await this.flushed();
  }

  update(item: UploadItem, change: Partial<UploadMetadata>): void {
    if (IN_FLIGHT.includes(item.status) || item.status === 'sent') return;
    item.metadata = { ...item.metadata, ...change };
    // A field the user changed may answer the server's complaint there: judged again on sending.
    const answered = new Set(Object.keys(change).map((k) => FIELD_OF[k as keyof UploadMetadata]));
    item.edited = [...new Set([...(item.edited ?? []), ...answered])];
    item.serverProblems = Object.fromEntries(
      Object.entries(item.serverProblems).filter(([field]) => !answered.has(field as UploadField)),
    );
    if (item.status === 'invalid' || item.status === 'ready') item.status = this.#readiness(item);
    this.#persist(item);
    this.host.requestUpdate();
  }

  /** The problems shown at each field of a row. */
  problems(item: UploadItem): RowProblems {
    return rowProblems(item, {
      patientMode: this.options().patientMode,
      today: localDate(new Date()),
    });
  }

  #readiness(item: UploadItem): UploadStatus {
    return isSendable(this.problems(item)) ? 'ready' : 'invalid';
  }

  #prepare(item: UploadItem): Promise<void> {
    const run = this.#check(item);
    this.#prepared.set(item, run);
    return run;
  }

  async #check(item: UploadItem): Promise<void> {
    const abort = new AbortController();
    item.abort = abort;
    item.status = 'checking';
    item.error = undefined;
    item.hashed = 0;
    this.host.requestUpdate();
    try {
      item.contentType = await sniffFile(item.file, abort.signal);
      const { maxSize, acceptTypes } = this.options();
      item.fileProblems = fileProblems(item.file.size, item.contentType, { maxSize, acceptTypes });
      if (item.fileProblems.length === 0 && item.contentType === CDA_CONTENT_TYPE) {
        await this.#readCda(item);
        abort.signal.throwIfAborted();
      }
      if (item.fileProblems.length === 0) {
        item.status = 'hashing';
        this.host.requestUpdate();
        const total = item.file.size;
        item.hash = await hashFile(item.file, {
          signal: abort.signal,
          onProgress: (loaded) => {
            item.hashed = loaded;
            this.listener.progress(item, 'hashing', loaded, total);
            this.host.requestUpdate();
          },
        });
        // A file sent from this list is in the DSP now: found there, not "in the list".
        const same = this.items.find(
          (i) => i !== item && i.hash === item.hash && i.status !== 'sent',
        );
        if (same) item.fileProblems = ['duplicate'];
        else {
          // Found with this file's own identifier: its earlier send arrived (a lost answer, a
          // reload mid-send), and sending again is safe, so it is no duplicate.
          const found = await this.options().findInDsp(item.hash);
          if (found && found.masterIdentifier !== `urn:uuid:${item.documentUuid}`) {
            item.fileProblems = ['inDsp'];
          }
        }
        abort.signal.throwIfAborted();
      }
      item.status = this.#readiness(item);
      if (item.status === 'ready' && item.sendRequested) {
        item.status = 'waiting';
        this.listener.resumable(item);
      }
    } catch (error) {
      if (abort.signal.aborted) {
        // The user's cancel keeps the row, to be checked again; a removal from the page, as is.
        if (!isDetached(abort.signal)) item.status = 'cancelled';
        return;
      }
      // The file could not be read (moved or deleted since it was chosen).
      item.error = error;
      item.status = 'failed';
    } finally {
      if (item.abort === abort) item.abort = undefined;
      this.host.requestUpdate();
    }
  }

  /**
   * Reads a CDA's header with the preview's reader, loaded now: a document it will not read, or
   * one about another patient, is refused; else its format code is kept for sending and its
   * header fills the fields neither the host nor the user has given.
   */
  async #readCda(item: UploadItem): Promise<void> {
    const cda = await import('./cda-intake.js');
    cda.install(cdaKit);
    const intake = await cda.readCda(item.file, CONTENT_LANGUAGES);
    if ('problem' in intake) {
      item.fileProblems = [intake.problem];
      return;
    }
    const record = await this.options().patientIdentifiers();
    const match = record ? cda.patientMatch(intake.patientIds, record) : 'unknown';
    if (match === 'other') {
      item.fileProblems = ['otherPatient'];
      return;
    }
    item.patientUnconfirmed = match === 'unknown';
    item.format = intake.format;
    const given = this.#given.get(item);
    if (!given) return;
    const edited = item.edited ?? [];
    const { patientMode } = this.options();
    const prefill = Object.fromEntries(
      Object.entries(intake.metadata).filter(
        ([key]) =>
          !given.has(key) &&
          !edited.includes(FIELD_OF[key as keyof UploadMetadata]) &&
          // A patient's document has one type, fixed.
          !(patientMode && key === 'typeCode'),
      ),
    ) as Partial<UploadMetadata>;
    item.metadata = { ...item.metadata, ...prefill };
    item.prefilled = Object.keys(prefill) as (keyof UploadMetadata)[];
    this.#persist(item);
  }

  /**
   * Sends one file, once its checks are done, as its own submission with the UUIDs chosen when it
   * was added, trying again by itself after passing failures: an attempt after a lost answer
   * creates nothing twice. A file already being sent gives the same promise.
   */
  deliver(item: UploadItem, target: UploadTarget): Promise<UploadResult> {
    const running = this.#deliveries.get(item);
    if (running) return running;
    const run = this.#deliver(item, target).finally(() => {
      this.#deliveries.delete(item);
    });
    this.#deliveries.set(item, run);
    return run;
  }

  /** Sends every file not sent yet (two at a time), once checked; each file's outcome. */
  async deliverAll(target: UploadTarget): Promise<UploadResult[]> {
    const rows = this.items.filter((i) => i.status !== 'sent');
    return inTurn(rows, 2, (item) => this.deliver(item, target));
  }

  /** The row's retry button: checks again a file whose checks stopped, else sends it again. */
  retry(item: UploadItem, target: UploadTarget | undefined): void {
    if (!item.hash && item.fileProblems.length === 0) void this.#prepare(item);
    else if (target) void this.deliver(item, target);
  }

  async #deliver(item: UploadItem, target: UploadTarget): Promise<UploadResult> {
    await this.#prepared.get(item);
    if (!this.items.includes(item)) return { id: item.documentUuid, status: 'cancelled' };
    if (item.status !== 'sent' && !item.askedToSend) {
      // Asked to be sent: its empty fields now say what they lack.
      item.askedToSend = true;
      this.host.requestUpdate();
    }
    if (!SENDABLE.includes(item.status) || !item.hash) return resultOf(item);
    if (this.#readiness(item) === 'invalid') {
      item.status = 'invalid';
      this.host.requestUpdate();
      return resultOf(item);
    }
    item.sendRequested = true;
    const { retries, retryDelay } = this.options();
    for (let attempt = 1; ; attempt++) {
      if (!navigator.onLine) {
        // No attempt: it would fail. The host sends it again on the `online` event.
        item.status = 'waiting';
        this.#persist(item);
        this.host.requestUpdate();
        this.listener.failed(item, new DspNetworkError('The browser is offline'), true);
        return resultOf(item);
      }
      const outcome = await this.#attempt(item, target);
      if (outcome === 'sent') {
        this.listener.sent(item);
        return resultOf(item);
      }
      if (outcome === 'stopped') return resultOf(item);
      const error = item.error;
      if (!isPassing(error) || attempt > retries) {
        item.status = 'failed';
        // Only the network's failures resume by themselves; the server's refusals need the user.
        item.sendRequested = error instanceof DspNetworkError;
        this.#persist(item);
        this.host.requestUpdate();
        this.listener.failed(item, error, false);
        return resultOf(item);
      }
      const waitMs = retryWaitMs(error, attempt, retryDelay);
      item.status = 'retrying';
      // Said once in the row's status, which is announced: a time, not a countdown.
      item.nextAttempt = nextAttemptAfter(error, waitMs);
      this.host.requestUpdate();
      this.listener.failed(item, error, true);
      const abort = new AbortController();
      item.abort = abort;
      try {
        await wait(waitMs, abort.signal);
      } catch {
        if (!isDetached(abort.signal)) this.#cancelled(item);
        return resultOf(item);
      } finally {
        if (item.abort === abort) item.abort = undefined;
      }
    }
  }

  /** One attempt: sent, failed (the reason on the item), or stopped (cancelled or detached). */
  async #attempt(item: UploadItem, target: UploadTarget): Promise<'sent' | 'failed' | 'stopped'> {
    const abort = new AbortController();
    item.abort = abort;
    item.status = 'sending';
    item.error = undefined;
    item.nextAttempt = undefined;
    item.serverProblems = {};
    item.uploaded = 0;
    item.uploadTotal = 0;
    item.submittedAt ??= instantNow();
    this.#persist(item);
    this.host.requestUpdate();
    try {
      const bytes = new Uint8Array(await item.file.arrayBuffer());
      const submission = submissionOf(
        item,
        bytes,
        target.patient,
        target.author,
        item.submittedAt,
        target.authorName,
      );
      const result = await target.client.provideDocuments(submission, {
        signal: abort.signal,
        onUploadProgress: (loaded, total) => {
          item.uploaded = loaded;
          item.uploadTotal = total;
          this.listener.progress(item, 'sending', loaded, total);
          this.host.requestUpdate();
        },
      });
      const location = result.entries[1]?.location;
      const documentId = location?.match(/DocumentReference\/([^/]+)/)?.[1];
      if (documentId) item.documentId = documentId;
      item.status = 'sent';
      item.sendRequested = false;
      this.#forget(item);
      return 'sent';
    } catch (error) {
      if (abort.signal.aborted) {
        if (!isDetached(abort.signal)) this.#cancelled(item);
        return 'stopped';
      }
      item.error = error;
      item.serverProblems = serverProblems(error);
      return 'failed';
    } finally {
      if (item.abort === abort) item.abort = undefined;
      this.host.requestUpdate();
    }
  }

  #cancelled(item: UploadItem): void {
    item.status = 'cancelled';
    item.nextAttempt = undefined;
    item.sendRequested = false;
    this.#persist(item);
    this.host.requestUpdate();
  }

  /** Stops a file's checks, its sending, its wait for the next attempt or for the network. */
  cancel(item: UploadItem): void {
    if (item.status === 'waiting') this.#cancelled(item);
    else item.abort?.abort();
  }
}
