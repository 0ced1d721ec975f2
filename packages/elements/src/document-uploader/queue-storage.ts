// Where the uploader's queue keeps its files between reloads: the (server, user)'s database when
// there is a user, opened and closed with the queue's scope; writes applied in order, and a
// database that fails losing nothing in memory.
import type { UploadItem } from './upload-item.js';
import { UploadStore, type StoredUpload } from './upload-store.js';

export class QueueStorage {
  #store: Promise<UploadStore | undefined> = Promise.resolve(undefined);
  /** Writes, one after the other, so a delete never overtakes the put before it. */
  #writes: Promise<void> = Promise.resolve();

  /** Opens the (server, user)'s database; one that cannot be opened leaves the queue in memory. */
  open(server: string, user: string): void {
    this.#store = UploadStore.open(server, user).catch(() => undefined);
  }

  /** Closes the current database once the writes before are done; later writes go nowhere. */
  close(): void {
    const store = this.#store;
    this.#store = Promise.resolve(undefined);
    this.#writes = this.#writes.then(async () => (await store)?.close()).catch(() => undefined);
  }

  /** The files kept for `patient`, as stored (none when nothing is open or it cannot be read). */
  async list(patient: string): Promise<StoredUpload[]> {
    const store = await this.#store;
    return (await store?.list(patient).catch(() => [])) ?? [];
  }

  /** Runs `op` on the current store after the writes before it. */
  #write(op: (store: UploadStore) => Promise<void>): void {
    const store = this.#store;
    this.#writes = this.#writes
      .then(async () => {
        const s = await store;
        if (s) await op(s);
      })
      .catch(() => undefined);
  }

  /** Keeps `item`, for `patient`, as it is now. */
  put(item: UploadItem, patient: string): void {
    const record: StoredUpload = {
      documentUuid: item.documentUuid,
      submissionUuid: item.submissionUuid,
      patient,
      file: item.file,
      metadata: { ...item.metadata },
      sendRequested: item.sendRequested,
      addedAt: item.addedAt,
      ...(item.submittedAt ? { submittedAt: item.submittedAt } : {}),
    };
    this.#write((s) => s.put(record));
  }

  delete(item: UploadItem): void {
    this.#write((s) => s.delete(item.documentUuid));
  }

  /** Resolves once every write so far is done. */
  async flushed(): Promise<void> {
    await this.#writes;
  }
}

/** A stored file as a row again, to be checked anew. */
export function itemFromStored(s: StoredUpload): UploadItem {
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
