// Keeps the sandbox's data across reloads: the store's resources in one IndexedDB record, saved
// shortly after each change and when the page goes away.
import type { Resource } from '@medplum/fhirtypes';
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { DspStore } from './store.js';

interface SnapshotSchema extends DBSchema {
  snapshot: { key: string; value: { resources: Resource[]; savedAt: number } };
}

const KEY = 'store';

export class StorePersistence {
  #timer: ReturnType<typeof setTimeout> | undefined;
  #closed = false;
  readonly #onPageHide = () => {
    if (this.#timer !== undefined) void this.flush();
  };

  private constructor(
    private readonly db: IDBPDatabase<SnapshotSchema>,
    private readonly store: DspStore,
  ) {}

  /** Opens `name`, loads a saved snapshot into the store if there is one, and saves changes. */
  static async attach(store: DspStore, name: string): Promise<StorePersistence> {
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
    if (saved) store.load(saved.resources);
    persistence = new StorePersistence(db, store);
    store.onChange = () => {
      persistence.schedule();
    };
    // A change made just before a reload is saved too, not lost with the pending timer.
    addEventListener('pagehide', persistence.#onPageHide);
    return persistence;
  }

  schedule(): void {
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
    if (this.#closed) return;
    await this.db.put('snapshot', { resources: this.store.all(), savedAt: Date.now() }, KEY);
  }

  /** Forgets the saved data (the store keeps what it holds). */
  async clear(): Promise<void> {
    clearTimeout(this.#timer);
    await this.db.delete('snapshot', KEY);
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    clearTimeout(this.#timer);
    removeEventListener('pagehide', this.#onPageHide);
    this.store.onChange = undefined;
    this.db.close();
  }
}
