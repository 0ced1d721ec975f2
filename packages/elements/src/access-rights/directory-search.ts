// The access-rights panel's directory search: a Task on (client, patient, query), so a new search,
// another patient or another client aborts the one in flight and its late answer is dropped.
import type { DirectoryEntry, DspClient } from '@dsp-kit/fhir';
import { Task, TaskStatus } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';

/** What the user asked the directory. */
export interface DirectoryQuery {
  readonly name: string;
  readonly profession: string;
}

export type Search =
  | { readonly status: 'idle' }
  | { readonly status: 'searching' }
  | { readonly status: 'done'; readonly entries: readonly DirectoryEntry[] }
  | { readonly status: 'error'; readonly error: unknown };

type SearchKey = readonly [DspClient | undefined, string | undefined, DirectoryQuery | undefined];

export class DirectorySearch {
  readonly #task: Task<SearchKey, readonly DirectoryEntry[] | undefined>;
  readonly #args: () => SearchKey;

  /**
   * `args` gives the client, the patient and the query asked last — a new object for each
   * search, so asking the same again searches again; undefined once the panel showed another record; `found` is told of every answer that still applies.
   */
  constructor(
    host: ReactiveControllerHost,
    args: () => SearchKey,
    found: (entries: readonly DirectoryEntry[]) => void,
  ) {
    this.#args = args;
    this.#task = new Task(host, {
      args,
      task: async ([client, , query], { signal }) => {
        if (!client || !query) return undefined;
        const { name, profession } = query;
        return client.searchPractitioners(name, { ...(profession ? { profession } : {}), signal });
      },
      onComplete: (entries) => {
        if (entries) found(entries);
      },
    });
  }

  get state(): Search {
    const task = this.#task;
    // No query (none asked, or the panel moved to another record): nothing to show, even while
    // the Task takes in the change.
    if (!this.#args()[2]) return { status: 'idle' };
    if (task.status === TaskStatus.PENDING) return { status: 'searching' };
    if (task.status === TaskStatus.ERROR) return { status: 'error', error: task.error };
    const entries = task.status === TaskStatus.COMPLETE ? task.value : undefined;
    return entries ? { status: 'done', entries } : { status: 'idle' };
  }
}
