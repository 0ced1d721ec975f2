// Loads a patient's access log: the first page at once, then the following pages in the
// background until the whole log is there, so filters and export see every entry.
import {
  auditRows,
  type AuditRow,
  type DspClient,
  type Page,
  type AuditEvent,
} from '@dsp-kit/fhir';
import { Task } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import { MissingClientError } from '../base/error-message.js';

/** Entries asked per page. */
export const PAGE_SIZE = 500;

export interface AuditLog {
  readonly rows: readonly AuditRow[];
  /** Entries in the whole log, when the server says. */
  readonly total: number;
  /** True while further pages load. */
  readonly loading: boolean;
  /** The error that stopped the loading of further pages (what is loaded stays shown). */
  readonly moreError: unknown;
}

export class AuditLogController {
  readonly task: Task<readonly [DspClient | undefined, string | undefined], AuditLog | undefined>;
  #rows: AuditRow[] = [];
  #total = 0;
  #loading = false;
  #moreError: unknown;
  #page: Page<AuditEvent> | undefined;
  #generation = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    args: () => readonly [DspClient | undefined, string | undefined],
  ) {
    this.task = new Task(host, {
      args,
      task: async ([client, patient], { signal }) => {
        const generation = ++this.#generation;
        if (!patient) return undefined;
        if (!client) throw new MissingClientError();
        const page = await client.searchAuditEvents({ patient, _count: PAGE_SIZE }, { signal });
        this.#page = page;
        this.#rows = auditRows(page.entries);
        this.#total = page.total ?? page.entries.length;
        this.#moreError = undefined;
        this.#loading = page.hasNext;
        if (page.hasNext) void this.#loadRest(generation, signal);
        return this.log;
      },
    });
  }

  /** Everything loaded so far. */
  get log(): AuditLog {
    return {
      rows: this.#rows,
      total: this.#total,
      loading: this.#loading,
      moreError: this.#moreError,
    };
  }

  /** Resumes loading after a failure of a further page. */
  resume(): void {
    if (!this.#page?.hasNext || this.#loading) return;
    this.#loading = true;
    this.#moreError = undefined;
    this.host.requestUpdate();
    void this.#loadRest(this.#generation, undefined);
  }

  async #loadRest(generation: number, signal: AbortSignal | undefined): Promise<void> {
    try {
      while (this.#page?.hasNext && generation === this.#generation && !signal?.aborted) {
        const next = await this.#page.next(signal ? { signal } : {});
        if (!next || generation !== this.#generation) return;
        this.#page = next;
        this.#rows = [...this.#rows, ...auditRows(next.entries)];
        this.host.requestUpdate();
      }
    } catch (error) {
      if (generation === this.#generation && !signal?.aborted) this.#moreError = error;
    } finally {
      if (generation === this.#generation) {
        this.#loading = false;
        this.host.requestUpdate();
      }
    }
  }
}
