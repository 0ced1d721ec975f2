// The access-rights panel's DSP assistants: the patient's current ones, loaded beside the Consent
// with a Task per (client, patient), and each naming or withdrawal reflected in the list while the
// panel still shows the record it was made on (the changes' controller says when one is saving).
import type { AssistantInput, DspAssistant, DspClient } from '@dsp-kit/fhir';
import { Task, TaskStatus } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import { sameKey, type RecordKey } from './access-rights.controller.js';

export type AssistantsState =
  | { readonly status: 'idle' }
  | { readonly status: 'pending' }
  | { readonly status: 'ready' }
  | { readonly status: 'error'; readonly error: unknown };

/** What naming an assistant did. */
export interface AddResult {
  readonly assistant: DspAssistant;
  /** False when they were already an assistant (the server answered with the existing one). */
  readonly added: boolean;
}

export class AssistantsController {
  readonly task: Task<RecordKey, readonly DspAssistant[] | undefined>;
  /** The list as changed since the load, for the record it was changed on. */
  #edited: { readonly key: RecordKey; readonly list: readonly DspAssistant[] } | undefined;
  /** The record of the last load started. */
  #key: RecordKey = [undefined, undefined];

  constructor(host: ReactiveControllerHost, args: () => RecordKey) {
    this.task = new Task(host, {
      args,
      task: async (key, { signal }) => {
        this.#key = key;
        this.#edited = undefined;
        const [client, patientId] = key;
        if (!client || !patientId) return undefined;
        return client.searchAssistants(patientId, { signal });
      },
    });
  }

  get state(): AssistantsState {
    const { status } = this.task;
    if (status === TaskStatus.PENDING) return { status: 'pending' };
    if (status === TaskStatus.ERROR) return { status: 'error', error: this.task.error };
    return status === TaskStatus.COMPLETE && this.task.value
      ? { status: 'ready' }
      : { status: 'idle' };
  }

  get assistants(): readonly DspAssistant[] {
    if (this.#edited && sameKey(this.#edited.key, this.#key)) return this.#edited.list;
    return (this.task.status === TaskStatus.COMPLETE ? this.task.value : undefined) ?? [];
  }

  /** Loads again, with the same client and patient. */
  refresh(): void {
    void this.task.run();
  }

  /** Names an assistant (idempotent: naming one already named changes nothing). */
  async add(key: Saving, input: AssistantInput): Promise<AddResult> {
    const assistant = await key.client.addAssistant(key.patientId, input, { signal: key.signal });
    const added = !this.assistants.some((a) => a.id === assistant.id);
    this.#show(key, [...this.assistants.filter((a) => a.id !== assistant.id), assistant]);
    return { assistant, added };
  }

  /** Withdraws an assistant; one already withdrawn elsewhere is simply gone from the list. */
  async remove(key: Saving, assistantId: string): Promise<DspAssistant> {
    const { client, patientId, signal } = key;
    const withdrawn = await client.removeAssistant(patientId, assistantId, { signal });
    this.#show(
      key,
      this.assistants.filter((a) => a.id !== assistantId),
    );
    return withdrawn;
  }

  /** Names a withdrawn assistant again (the same record), back in the list. */
  async restore(key: Saving, assistantId: string): Promise<DspAssistant> {
    const { client, patientId, signal } = key;
    const restored = await client.restoreAssistant(patientId, assistantId, { signal });
    this.#show(key, [...this.assistants.filter((a) => a.id !== assistantId), restored]);
    return restored;
  }

  /** A list changed by a save on `key`'s record: shown only while that record is. */
  #show(key: Saving, list: readonly DspAssistant[]): void {
    const record: RecordKey = [key.client, key.patientId];
    if (!sameKey(record, this.#key)) return;
    this.#edited = { key: record, list };
  }
}

/** The record a save is made on, and the signal that drops it. */
export interface Saving {
  readonly client: DspClient;
  readonly patientId: string;
  readonly signal: AbortSignal;
}
