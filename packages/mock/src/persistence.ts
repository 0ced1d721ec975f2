// Keeps the sandbox's data across reloads: the store's resources and the emergency accesses in
// progress in one IndexedDB record, saved before the answer to the request that changed them.
import type { Resource } from '@medplum/fhirtypes';
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { EmergencyAccess, EmergencyAccesses } from './context.js';
import type { DspStore } from './store.js';

interface Snapshot {
  resources: Resource[];
  /** Absent from snapshots saved before emergency accesses were kept. */
  emergencies?: [string, EmergencyAccess][];
  savedAt: number;
}

interface SnapshotSchema extends DBSchema {
  snapshot: { key: string; value: Snapshot };
}

const KEY = 'store';

export class StorePersistence {
  #timer: ReturnType<typeof setTimeout> | undefined;
  #closed = false;
  /** A change not yet in a save that has started. */
  #dirty = false;
  /** The last save started: it holds every change made before it. */
  #saving: Promise<void> = Promise.resolve();
  readonly #onPageHide = () => {
    if (this.#dirty) void this.flush();
  };

  private constructor(
    private readonly db: IDBPDatabase<SnapshotSchema>,
    private readonly store: DspStore,
    private readonly emergencies: EmergencyAccesses | undefined,
  ) {}

  /**
   * Opens `name`, loads a saved snapshot into the store (and the emergency accesses) if there is
   * one, and saves their changes.
   */
  static async attach(
    store: DspStore,
    name: string,
    emergencies?: EmergencyAccesses,
  ): Promise<StorePersistence> {
    // eslint-disable-next-line prefer-const -- assigned once the database is open; used on `blocking`
    let persistence: StorePersistence;
    const db = await openDB<SnapshotSchema>(name, 1, {
      upgrade(database) {
        database.createObjectStore('snapshot');
      },
      // Another page deletes or upgrades the database: let it, rather than block it.
      blocking() {
        persistence.close();
      },
    });
    const saved = await db.get('snapshot', KEY);
    if (saved) {
      store.load(saved.resources);
      emergencies?.load(saved.emergencies ?? []);
    }
    persistence = new StorePersistence(db, store, emergencies);
    const changed = () => {
      persistence.schedule();
    };
    store.onChange = changed;
    if (emergencies) emergencies.onChange = changed;
    // A change made outside a request, just before a reload, is saved too.
    addEventListener('pagehide', persistence.#onPageHide);
    return persistence;
  }

  /**
   * Notes a change and saves it shortly, for changes no request awaits; a request's changes are
   * saved by `settle()` before its answer.
   */
  schedule(): void {
    this.#dirty = true;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), 200);
  }

  /**
   * Saves now (and waits for it). The write starts at once: IndexedDB runs the writes to one
   * store in the order they are made, and one made before the connection closes still completes.
   */
  async flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#dirty = false;
    if (this.#closed) return;
    const snapshot: Snapshot = {
      resources: this.store.all(),
      emergencies: this.emergencies?.entries() ?? [],
      savedAt: Date.now(),
    };
    const saving = this.db.put('snapshot', snapshot, KEY).then(() => undefined);
    // A failed save is reported to this caller; later ones wait for the next save, not this one.
    this.#saving = saving.catch(() => undefined);
    await saving;
  }

  /**
   * Resolves once every change made so far is saved: what an answer waits for, so a reload the
   * moment it arrives finds the change.
   */
  settle(): Promise<void> {
    return this.#dirty ? this.flush() : this.#saving;
  }

  /** Forgets the saved data (the store keeps what it holds). */
  async clear(): Promise<void> {
    clearTimeout(this.#timer);
    this.#dirty = false;
    await this.db.delete('snapshot', KEY);
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    clearTimeout(this.#timer);
    removeEventListener('pagehide', this.#onPageHide);
    this.store.onChange = undefined;
    if (this.emergencies) this.emergencies.onChange = undefined;
    this.db.close();
  }
}
