// The uploader's queue: each file with its metadata, checks, hash and sending state, kept (with
// its identifiers, and in IndexedDB when the user is known) until it is sent or removed, so a
// failed send or a reload loses nothing and every attempt is the same submission.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { UploadField } from './file-checks.js';
import {
  Detached,
  type QueueContext,
  type QueueScope,
  type UploadListener,
  type UploadOptions,
  type UploadTarget,
} from './queue-context.js';
import { itemFromStored, QueueStorage } from './queue-storage.js';
import { checkItem } from './upload-check.js';
import { deliverItem, inTurn, markCancelled, type UploadResult } from './upload-delivery.js';
import {
  createItem,
  definedOnly,
  IN_FLIGHT,
  METADATA_FIELD,
  type RowProblems,
  type UploadItem,
  type UploadMetadata,
  type UploadStatus,
} from './upload-item.js';
import { isSendable, localDate, rowProblems } from './upload-problems.js';

export type { QueueScope, UploadListener, UploadOptions, UploadTarget } from './queue-context.js';
export { waitsForNetwork, type UploadResult } from './upload-delivery.js';
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

export class UploadQueue implements ReactiveController {
  items: UploadItem[] = [];
  /** The scope's key; null while unbound (never bound, or disconnected). */
  #scopeKey: string | undefined | null = null;
  /** Whether the current scope keeps its files in a database (it has a user). */
  #persistent = false;
  /** Files kept in memory only, set aside with their scope while another patient shows. */
  readonly #setAside = new Map<string, UploadItem[]>();
  #patient = '';
  readonly #storage = new QueueStorage();
  /** Each file's checks and hash, while they run or once done. */
  readonly #prepared = new WeakMap<UploadItem, Promise<void>>();
  /** Each file's sending, with its automatic attempts, while it runs. */
  readonly #deliveries = new WeakMap<UploadItem, Promise<UploadResult>>();
  /**
   * The metadata fields the host gave each file added in this page (`add()`): a CDA's header
   * fills the others. A file restored from the stored queue has none: its form is kept as it was.
   */
  readonly #given = new WeakMap<UploadItem, ReadonlySet<string>>();
  /** What checking and sending a file call back. */
  readonly #context: QueueContext;

  constructor(
    private readonly host: ReactiveControllerHost,
    options: () => UploadOptions,
    private readonly listener: UploadListener,
  ) {
    this.#context = {
      host,
      options,
      listener,
      items: () => this.items,
      persist: (item) => {
        this.#persist(item);
      },
      forget: (item) => {
        this.#storage.delete(item);
      },
      readiness: (item) => this.#readiness(item),
    };
    host.addController(this);
  }

  hostConnected(): void {
    // The host binds the queue to its scope on update: reconnected, it must bind again.
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#detachAll();
    this.#storage.close();
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
    this.#storage.close();
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
        this.#storage.open(scope.server, scope.user);
        for (const item of this.items) this.#persist(item);
        void this.#restore(key);
      } else {
        const aside = this.#setAside.get(key) ?? [];
        this.#setAside.delete(key);
        this.items = [...aside, ...this.items];
      }
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
    const stored = await this.#storage.list(this.#patient);
    if (key !== this.#scopeKey) return;
    const known = new Set(this.items.map((i) => i.documentUuid));
    const restored = stored.filter((s) => !known.has(s.documentUuid)).map(itemFromStored);
    if (restored.length === 0) return;
    this.items = [...restored, ...this.items];
    this.host.requestUpdate();
    for (const item of restored) void this.#prepare(item);
  }

  #persist(item: UploadItem): void {
    this.#storage.put(item, this.#patient);
  }

  /** Resolves once every change so far is written (for tests and hosts about to go away). */
  async flushed(): Promise<void> {
    await this.#storage.flushed();
  }

  /** Queues files with the same metadata, then checks and hashes each in turn. */
  add(files: Iterable<File>, metadata: Partial<UploadMetadata> = {}): UploadItem[] {
    const now = Date.now();
    const added: UploadItem[] = [];
    const given = new Set(Object.keys(definedOnly(metadata)));
    for (const file of files) {
      const item = createItem(file, this.#context.options(), metadata, now + added.length);
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
    this.#storage.delete(item);
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
    const answered = new Set(
      Object.keys(change).map((k) => METADATA_FIELD[k as keyof UploadMetadata]),
    );
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
      patientMode: this.#context.options().patientMode,
      today: localDate(new Date()),
    });
  }

  #readiness(item: UploadItem): UploadStatus {
    return isSendable(this.problems(item)) ? 'ready' : 'invalid';
  }

  #prepare(item: UploadItem): Promise<void> {
    const run = checkItem(item, this.#context, this.#given.get(item));
    this.#prepared.set(item, run);
    return run;
  }

  /**
   * Sends one file, once its checks are done, as its own submission with the UUIDs chosen when it
   * was added, trying again by itself after passing failures: an attempt after a lost answer
   * creates nothing twice. A file already being sent gives the same promise.
   */
  deliver(item: UploadItem, target: UploadTarget): Promise<UploadResult> {
    const running = this.#deliveries.get(item);
    if (running) return running;
    // Once its checks are done (they never reject: a failure is the row's status).
    const run = Promise.resolve(this.#prepared.get(item)).then(() =>
      deliverItem(item, target, this.#context),
    );
    const tracked = run.finally(() => {
      this.#deliveries.delete(item);
    });
    this.#deliveries.set(item, tracked);
    return tracked;
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

  /** Stops a file's checks, its sending, its wait for the next attempt or for the network. */
  cancel(item: UploadItem): void {
    if (item.status === 'waiting') markCancelled(item, this.#context);
    else item.abort?.abort();
  }
}
