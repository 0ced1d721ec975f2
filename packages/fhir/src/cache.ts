// DspCache: the IndexedDB cache of read responses, one database per (server, user), so one user's
// health data is never served to another; `DspCache.clearAll()` deletes every database the kit made.
import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { CachedRead, ReadCache } from './read-cache.js';

/** Every database the kit makes is named with this prefix, so sign-out can find them all. */
const KIT_PREFIX = 'dsp-kit-';
const REGISTRY = 'dsp-kit-registry';

interface CacheSchema extends DBSchema {
  reads: {
    key: string;
    value: { key: string; value: unknown; storedAt: number };
    indexes: { storedAt: number };
  };
}

interface RegistrySchema extends DBSchema {
  databases: { key: string; value: { name: string } };
}

export interface DspCacheOptions {
  /** The DSP server's base URL. */
  server: string;
  /** A stable id of the signed-in user (e.g. the token's `sub`). */
  user: string;
  /** Entries kept at most; the oldest go first. Default 1,000. */
  maxEntries?: number;
}

const open = new Set<IDBPDatabase<CacheSchema>>();

async function hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

function openRegistry(): Promise<IDBPDatabase<RegistrySchema>> {
  return openDB<RegistrySchema>(REGISTRY, 1, {
    upgrade(db) {
      db.createObjectStore('databases', { keyPath: 'name' });
    },
  });
}

/**
 * The name of a kit database of `kind` (e.g. `upload-queue`) for a (server, user) pair: a hash, so
 * neither the user id nor the server appears in the browser's storage listing.
 */
export async function kitDatabaseName(kind: string, server: string, user: string): Promise<string> {
  return `${KIT_PREFIX}${kind}-${(await hex(`${server}\n${user}`)).slice(0, 32)}`;
}

/** Records a kit database, so `DspCache.clearAll()` deletes it even where browsers list none. */
export async function registerKitDatabase(name: string): Promise<void> {
  if (!name.startsWith(KIT_PREFIX)) throw new TypeError(`"${name}" is not a kit database name`);
  const registry = await openRegistry();
  try {
    await registry.put('databases', { name });
  } finally {
    registry.close();
  }
}

export class DspCache implements ReadCache {
  private constructor(
    private readonly db: IDBPDatabase<CacheSchema>,
    readonly name: string,
    private readonly maxEntries: number,
  ) {}

  /**
   * The database's name for a (server, user) pair: a hash, so neither the user id nor the server
   * appears in the browser's storage listing.
   */
  static async databaseName(server: string, user: string): Promise<string> {
    return kitDatabaseName('cache', server, user);
  }

  /** Opens (or creates) the cache of `user` on `server`. */
  static async open(options: DspCacheOptions): Promise<DspCache> {
    if (!options.server || !options.user) throw new TypeError('DspCache needs a server and a user');
    const name = await DspCache.databaseName(options.server, options.user);
    await registerKitDatabase(name);
    const db = await openDB<CacheSchema>(name, 1, {
      upgrade(database) {
        database.createObjectStore('reads', { keyPath: 'key' }).createIndex('storedAt', 'storedAt');
      },
      blocking() {
        // Another tab wants this database deleted (sign-out there): let it go.
        db.close();
        open.delete(db);
      },
    });
    open.add(db);
    return new DspCache(db, name, options.maxEntries ?? 1000);
  }

  async get(key: string): Promise<CachedRead | undefined> {
    const entry = await this.db.get('reads', key);
    return entry ? { value: entry.value, storedAt: new Date(entry.storedAt) } : undefined;
  }

  async put(key: string, value: unknown): Promise<void> {
    const tx = this.db.transaction('reads', 'readwrite');
    await tx.store.put({ key, value, storedAt: Date.now() });
    let excess = (await tx.store.count()) - this.maxEntries;
    if (excess > 0) {
      let cursor = await tx.store.index('storedAt').openCursor();
      while (cursor && excess > 0) {
        await cursor.delete();
        excess--;
        cursor = await cursor.continue();
      }
    }
    await tx.done;
  }

  /** Empties this user's cache. */
  async clear(): Promise<void> {
    await this.db.clear('reads');
  }

  close(): void {
    this.db.close();
    open.delete(this.db);
  }

  /**
   * Deletes every database the kit created in this browser profile, for every user and server:
   * caches and upload queues alike. Other holders of a connection are asked to close it.
   */
  static async clearAll(): Promise<void> {
    for (const db of open) db.close();
    open.clear();
    const names = new Set<string>();
    const registry = await openRegistry();
    try {
      for (const name of await registry.getAllKeys('databases')) names.add(name);
    } finally {
      registry.close();
    }
    // Also databases a registry lost (storage partly cleared), where the browser can list them.
    const listed = typeof indexedDB.databases === 'function' ? await indexedDB.databases() : [];
    for (const { name } of listed) {
      if (name?.startsWith(KIT_PREFIX) && name !== REGISTRY) names.add(name);
    }
    await Promise.all([...names].map((name) => deleteDB(name)));
    await deleteDB(REGISTRY);
  }
}
