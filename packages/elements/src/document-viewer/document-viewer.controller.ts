// Loads a patient's documents for the viewer: the first page when the client or patient changes,
// further pages on request, each request cancelled when it is no longer wanted.
import type { DocumentReference, Page } from '@dsp-kit/fhir';
import type { DspClient } from '@dsp-kit/fhir';
import { Task } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import { MissingClientError } from '../base/error-message.js';

export interface DocumentList {
  readonly documents: readonly DocumentReference[];
  /** Documents in the whole search, when the server says. */
  readonly total: number | undefined;
  readonly hasMore: boolean;
}

/** Page size asked of the server. */
export const PAGE_SIZE = 100;

export class DocumentListController {
  readonly task: Task<
    readonly [DspClient | undefined, string | undefined],
    DocumentList | undefined
  >;
  #page: Page<DocumentReference> | undefined;
  #documents: DocumentReference[] = [];
  #more: AbortController | undefined;
  /** True while a further page loads. */
  loadingMore = false;
  /** The error of the last further-page load, cleared by the next attempt. */
  moreError: unknown;

  constructor(
    private readonly host: ReactiveControllerHost,
    args: () => readonly [DspClient | undefined, string | undefined],
  ) {
    this.task = new Task(host, {
      args,
      task: async ([client, patient], { signal }) => {
        this.#cancelMore();
        if (!patient) return undefined;
        if (!client) throw new MissingClientError();
        const page = await client.searchDocuments({ patient, _count: PAGE_SIZE }, { signal });
        this.#page = page;
        this.#documents = [...page.entries];
        return this.#list();
      },
    });
  }

  /** Appends the next page. Its failure is kept in `moreError`; the documents already shown stay. */
  async loadMore(): Promise<void> {
    const page = this.#page;
    if (!page?.hasNext || this.loadingMore) return;
    const controller = new AbortController();
    this.#more = controller;
    this.loadingMore = true;
    this.moreError = undefined;
    this.host.requestUpdate();
    try {
      const next = await page.next({ signal: controller.signal });
      if (controller.signal.aborted || !next) return;
      this.#page = next;
      this.#documents = [...this.#documents, ...next.entries];
    } catch (error) {
      if (!controller.signal.aborted) this.moreError = error;
    } finally {
      if (this.#more === controller) {
        this.loadingMore = false;
        this.#more = undefined;
      }
      this.host.requestUpdate();
    }
  }

  /** The documents loaded so far. */
  get list(): DocumentList | undefined {
    return this.task.value === undefined ? undefined : this.#list();
  }

  #list(): DocumentList {
    return {
      documents: this.#documents,
      total: this.#page?.total,
      hasMore: this.#page?.hasNext ?? false,
    };
  }

  #cancelMore(): void {
    this.#more?.abort();
    this.#more = undefined;
    this.loadingMore = false;
    this.moreError = undefined;
  }
}
