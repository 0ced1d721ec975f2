// Serializes token refreshes across the tabs of one origin and shares each refresh's result, so a
// rotating refresh token is used exactly once.
/*
 * Why and how. With refresh-token rotation the provider accepts each refresh token once; a second
 * use is treated as theft and ends the whole session. Tabs that hold the same refresh token (a
 * duplicated tab copies sessionStorage) must therefore never refresh at the same time, and after
 * one tab refreshes the others must take its new tokens instead of refreshing again.
 *
 * 1. Every refresh runs inside the Web Lock `dsp-kit:refresh:<namespace>`: one tab at a time.
 * 2. The tab that refreshed publishes the new tokens on the BroadcastChannel
 *    `dsp-kit:tokens:<namespace>` before it releases the lock; the other tabs store them.
 * 3. A tab that had to wait for the lock re-reads its tokens once it holds it: if they changed
 *    it uses them and does not call the provider. Because a broadcast and a lock grant are
 *    separate tasks with no guaranteed order, a tab that found the lock taken also waits (briefly,
 *    bounded) for the holder's broadcast before it decides to refresh by itself.
 *
 * Memory and sessionStorage are per tab, so the tokens only ever cross tabs through this channel,
 * of the same origin. Without Web Locks (old browsers) refreshes are serialized within the page.
 */

/** What tabs tell each other; `user` is oidc-client-ts's `User.toStorageString()`. */
export type TokenMessage =
  { type: 'refreshed'; sub: string; user: string } | { type: 'signed-out'; sub: string };

/** How long a tab that waited for the lock waits for the holder's broadcast. */
const SHARE_WAIT_MS = 2000;

export class RefreshCoordinator {
  readonly #lockName: string;
  #generation = 0;
  #waiters = new Set<() => void>();
  #channel: BroadcastChannel | undefined;
  #local: Promise<unknown> = Promise.resolve();

  constructor(namespace: string, onMessage: (message: TokenMessage) => Promise<void>) {
    this.#lockName = `dsp-kit:refresh:${namespace}`;
    if (typeof BroadcastChannel === 'function') {
      this.#channel = new BroadcastChannel(`dsp-kit:tokens:${namespace}`);
      this.#channel.onmessage = (event: MessageEvent<TokenMessage>) => {
        void onMessage(event.data).then(() => {
          // Counted only once the shared tokens are stored, so a waiting tab re-reads them.
          this.#generation++;
          for (const wake of this.#waiters) wake();
          this.#waiters.clear();
        });
      };
    }
  }

  /** Tells the other tabs; never delivered to this one. */
  publish(message: TokenMessage): void {
    this.#channel?.postMessage(message);
  }

  /**
   * Runs `refresh` holding the lock. `refresh` must re-read the stored tokens first and return
   * them when they are fresh already (another tab shared its refresh).
   */
  async run<T>(refresh: () => Promise<T>): Promise<T> {
    const locks = typeof navigator === 'object' ? navigator.locks : undefined;
    if (typeof locks?.request !== 'function') {
      const next = this.#local.then(refresh, refresh);
      this.#local = next.catch(() => undefined);
      return next;
    }
    const generation = this.#generation;
    const uncontended = await locks.request(this.#lockName, { ifAvailable: true }, async (lock) =>
      lock ? { value: await refresh() } : undefined,
    );
    if (uncontended) return uncontended.value;
    // Another tab (or call) is refreshing: wait for it, and for its broadcast, then look again.
    return locks.request(this.#lockName, async () => {
      if (this.#generation === generation) await this.#nextShare();
      return refresh();
    });
  }

  #nextShare(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#waiters.delete(wake);
        resolve();
      }, SHARE_WAIT_MS);
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      this.#waiters.add(wake);
    });
  }

  close(): void {
    this.#channel?.close();
    this.#channel = undefined;
  }
}
