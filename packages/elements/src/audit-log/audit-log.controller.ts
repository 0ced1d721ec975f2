// Loads a patient's access log as prepared entries: the first page at once, the rest behind, so
// filters and export see every entry; each page is prepared in its own task, as it arrives.
import { auditRows } from '@dsp-kit/fhir/audit';
import type { AuditEvent, DspClient } from '@dsp-kit/fhir';
import type { ReactiveControllerHost } from 'lit';
import { MissingClientError } from '../base/error-message.js';
import { PagedSearch } from '../base/paged-search.controller.js';
import { prepareEntries, type AuditEntry } from './audit-index.js';

/** Entries asked per page. */
export const PAGE_SIZE = 500;

export function auditLogSearch(
  host: ReactiveControllerHost,
  args: () => readonly [DspClient | undefined, string | undefined],
) {
  return new PagedSearch<
    AuditEvent,
    AuditEntry,
    readonly [DspClient | undefined, string | undefined]
  >(host, {
    args,
    first: async ([client, patient], signal) => {
      if (!patient) return undefined;
      if (!client) throw new MissingClientError();
      return client.searchAuditEvents({ patient, _count: PAGE_SIZE }, { signal });
    },
    map: (entries) => prepareEntries(auditRows(entries)),
  });
}
