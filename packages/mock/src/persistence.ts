// Keeps the sandbox's data across reloads: the store's resources in one IndexedDB record, saved
// shortly after each change.
import type { Resource } from '@medplum/fhirtypes';
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { DspStore } from './store.js';

interface SnapshotSchema extends DBSchema {
  snapshot: { key: string; value: { resources: Resource[]; savedAt: number } };
}

const KEY = 'store';

export class StorePersistence {
  #timer: ReturnType<typeof setTimeout> | undefined;
  #saving: Promise<void> = Promise.resolve();

  private constructor(
    private readonly db: IDBPDatabase<SnapshotSchema>,
    private readonly store: DspStore,
  ) {}

  /** Opens `name`, loads a saved snapshot into the store if there is one, and saves changes. */
  static async attach(store: DspStore, name: string): Promise<StorePersistence> {
    const db = await openDB<SnapshotSchema>(name, 1, {
      upgrade(database) {
        database.createObjectStore('snapshot');
      },
    });
    const saved = await db.get('snapshot', KEY);
    if (saved) store.load(saved.resources);
    const persistence = new StorePersistence(db, store);
    store.onChange = () => {
      persistence.schedule();
    };
    return persistence;
  }

  schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), 200);
  }

  /** Saves now (and waits for it). */
  async flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#saving = this.#saving.then(() =>
      this.db
        .put('snapshot', { resources: this.store.all(), savedAt: Date.now() }, KEY)
        .then(() => undefined),
    );
    await this.#saving;
  }

  /** Forgets the saved data (the store keeps what it holds). */
  async clear(): Promise<void> {
    clearTimeout(this.#timer);
    await this.db.delete('snapshot', KEY);
  }

  close(): void {
    clearTimeout(this.#timer);
    this.store.onChange = undefined;
    this.db.close();
  }
}
