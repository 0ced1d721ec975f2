// The access-rights panel's DSP assistants: the patient's current ones, loaded beside the Consent,
// and each naming or withdrawal saved at once and reflected in the list.
import type { AssistantInput, DspAssistant, DspClient } from '@dsp-kit/fhir';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

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

export class AssistantsController implements ReactiveController {
  state: AssistantsState = { status: 'idle' };
  assistants: readonly DspAssistant[] = [];
  /** True while a naming or withdrawal is being saved. */
  saving = false;

  #generation = 0;
  #load: AbortController | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    // Loading is started by the panel, with the Consent.
  }

  hostDisconnected(): void {
    this.#load?.abort();
  }

  async load(client: DspClient | undefined, patientId: string | undefined): Promise<void> {
    this.#load?.abort();
    const generation = ++this.#generation;
    this.assistants = [];
    if (!client || !patientId) {
      this.#set({ status: 'idle' });
      return;
    }
    const abort = (this.#load = new AbortController());
    this.#set({ status: 'pending' });
    try {
      const found = await client.searchAssistants(patientId, { signal: abort.signal });
      if (generation !== this.#generation) return;
      this.assistants = found;
      this.#set({ status: 'ready' });
    } catch (error) {
      if (generation === this.#generation) this.#set({ status: 'error', error });
    }
  }

  /** Names an assistant (idempotent: naming one already named changes nothing). */
  async add(client: DspClient, patientId: string, input: AssistantInput): Promise<AddResult> {
    return this.#saving(async () => {
      const assistant = await client.addAssistant(patientId, input);
      const added = !this.assistants.some((a) => a.id === assistant.id);
      this.assistants = [...this.assistants.filter((a) => a.id !== assistant.id), assistant];
      return { assistant, added };
    });
  }

  /** Withdraws an assistant; one already withdrawn elsewhere is simply gone from the list. */
  async remove(client: DspClient, patientId: string, assistantId: string): Promise<DspAssistant> {
    return this.#saving(async () => {
      const withdrawn = await client.removeAssistant(patientId, assistantId);
      this.assistants = this.assistants.filter((a) => a.id !== assistantId);
      return withdrawn;
    });
  }

  /** Names a withdrawn assistant again (the same record), back in the list. */
  async restore(client: DspClient, patientId: string, assistantId: string): Promise<DspAssistant> {
    return this.#saving(async () => {
      const restored = await client.restoreAssistant(patientId, assistantId);
      this.assistants = [...this.assistants.filter((a) => a.id !== assistantId), restored];
      return restored;
    });
  }

  async #saving<T>(work: () => Promise<T>): Promise<T> {
    this.saving = true;
    this.host.requestUpdate();
    try {
      return await work();
    } finally {
      this.saving = false;
      this.host.requestUpdate();
    }
  }

  #set(state: AssistantsState): void {
    this.state = state;
    this.host.requestUpdate();
  }
}
