// Keeps a panel's DSP statuses: loads them when the client, the patients or the user change,
// aborting the previous load, and says loading, done or failed.
import type { DspClient } from '@dsp-kit/fhir';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { MissingClientError } from '../base/error-message.js';
import { loadStatuses, type LoadedStatus } from './status-loader.js';

export type StatusState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'done'; readonly statuses: readonly LoadedStatus[] }
  | { readonly kind: 'error'; readonly error: unknown };

export interface StatusArgs {
  readonly client: DspClient | undefined;
  readonly patients: readonly string[];
  readonly user: string | undefined;
}

export class StatusController implements ReactiveController {
  state: StatusState = { kind: 'idle' };
  #client: DspClient | undefined;
  #key = '';
  #abort: AbortController | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly args: () => StatusArgs,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const { client, patients, user } = this.args();
    const key = `${patients.join(',')}|${user ?? ''}`;
    if (client === this.#client && key === this.#key) return;
    this.#client = client;
    this.#key = key;
    this.reload();
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    // Connected again, it loads again.
    this.#client = undefined;
    this.#key = '';
  }

  /** Loads again with the current arguments. */
  reload(): void {
    this.#abort?.abort();
    const { client, patients, user } = this.args();
    if (patients.length === 0) {
      this.#set({ kind: 'idle' });
      return;
    }
    if (!client) {
      this.#set({ kind: 'error', error: new MissingClientError() });
      return;
    }
    const abort = new AbortController();
    this.#abort = abort;
    this.#set({ kind: 'loading' });
    loadStatuses(client, patients, { user, signal: abort.signal }).then(
      (statuses) => {
        if (!abort.signal.aborted) this.#set({ kind: 'done', statuses });
      },
      (error: unknown) => {
        if (!abort.signal.aborted) this.#set({ kind: 'error', error });
      },
    );
  }

  #set(state: StatusState): void {
    this.state = state;
    this.host.requestUpdate();
  }
}
