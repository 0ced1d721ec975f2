// A write a panel starts (a grant, a request) whose answer applies only while the arguments it
// started with — client, patient — are still the panel's: else it is aborted and its answer dropped.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { sameArguments } from './same-arguments.js';

/** What a write is told: the arguments it started with, and a signal that aborts when they go. */
export interface WriteContext<A extends readonly unknown[]> {
  readonly args: A;
  readonly signal: AbortSignal;
}

/**
 * Runs writes keyed on `args()`, the way `@lit/task` runs loads: when the host's arguments change
 * (checked before each update), the writes started with the old ones are aborted, and whatever
 * they answer — value or error — is dropped rather than shown beside another patient.
 */
export class CurrentWrite<A extends readonly unknown[]> implements ReactiveController {
  readonly #running = new Set<{ args: A; controller: AbortController }>();

  constructor(
    host: ReactiveControllerHost,
    private readonly args: () => A,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const now = this.args();
    for (const write of this.#running) {
      if (!sameArguments(write.args, now)) this.#drop(write);
    }
  }

  /** Aborts the writes under way (the user cancelled them): their answers are dropped. */
  abort(): void {
    for (const write of this.#running) this.#drop(write);
  }

  /**
   * Starts `write` with the current arguments; `apply` gets its outcome only if they are still
   * current when it ends. Resolves once the outcome is applied or dropped; never rejects.
   */
  async run<T>(
    write: (context: WriteContext<A>) => Promise<T>,
    apply: { complete: (value: T, args: A) => void; error: (error: unknown, args: A) => void },
  ): Promise<void> {
    const entry = { args: this.args(), controller: new AbortController() };
    this.#running.add(entry);
    const current = () =>
      this.#running.has(entry) &&
      !entry.controller.signal.aborted &&
      sameArguments(entry.args, this.args());
    try {
      const value = await write({ args: entry.args, signal: entry.controller.signal });
      if (current()) apply.complete(value, entry.args);
    } catch (error) {
      if (current()) apply.error(error, entry.args);
    } finally {
      this.#running.delete(entry);
    }
  }

  #drop(write: { args: A; controller: AbortController }): void {
    this.#running.delete(write);
    write.controller.abort(new DOMException('The arguments of this write changed', 'AbortError'));
  }
}
