// The uploader's queue kept in IndexedDB, one database per (server, user), so files and their
// metadata and identifiers outlive a reload or a lost network until they are sent.
import { kitDatabaseName, registerKitDatabase } from '@dsp-kit/fhir/cache';
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { UploadMetadata } from './upload-item.js';

/** What is kept of a queued file: enough to show it again and send it as the same submission. */
export interface StoredUpload {
  readonly documentUuid: string;
  readonly submissionUuid: string;
  /** The patient it is for: the queue holds the user's files for every patient. */
  readonly patient: string;
  readonly file: File;
  readonly metadata: UploadMetadata;
  readonly submittedAt?: string;
  /** The user asked to send it: sending resumes by itself when the network is back. */
  readonly sendRequested: boolean;
  /** Keeps the order the files were added in. */
  readonly addedAt: number;
}

interface QueueSchema extends DBSchema {
  uploads: { key: string; value: StoredUpload; indexes: { patient: string } };
}

export class UploadStore {
  #closed = false;

  private constructor(private readonly db: IDBPDatabase<QueueSchema>) {}

  /** Opens (or creates) the queue of `user` on `server`. */
  static async open(server: string, user: string): Promise<UploadStore> {
    const name = await kitDatabaseName('upload-queue', server, user);
    await registerKitDatabase(name);
    // blocking() may run before open() returns the database it needs to close.
    const ref: { store?: UploadStore } = {};
    const db = await openDB<QueueSchema>(name, 1, {
      upgrade(database) {
        database
          .createObjectStore('uploads', { keyPath: 'documentUuid' })
          .createIndex('patient', 'patient');
      },
      blocking() {
        // Sign-out (DspCache.clearAll) wants the database deleted: let it go, keep nothing more.
        ref.store?.close();
      },
    });
    ref.store = new UploadStore(db);
    return ref.store;
  }

  /** The queued files for `patient`, oldest first. */
  async list(patient: string): Promise<StoredUpload[]> {
    if (this.#closed) return [];
    const all = await this.db.getAllFromIndex('uploads', 'patient', patient);
    return all.sort((a, b) => a.addedAt - b.addedAt);
  }

  async put(upload: StoredUpload): Promise<void> {
    if (!this.#closed) await this.db.put('uploads', upload);
  }

  async delete(documentUuid: string): Promise<void> {
    if (!this.#closed) await this.db.delete('uploads', documentUuid);
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.db.close();
  }
}
