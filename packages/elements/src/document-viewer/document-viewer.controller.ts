// Loads a patient's documents for the viewer: the first page at once, the rest behind, each
// prepared once for filtering, sorting and grouping.
import type { DocumentReference, DspClient } from '@dsp-kit/fhir';
import type { ReactiveControllerHost } from 'lit';
import { MissingClientError } from '../base/error-message.js';
import { PagedSearch } from '../base/paged-search.controller.js';
import { prepare, type PreparedDocument } from './document-list.js';

/** Page size asked of the server. */
export const PAGE_SIZE = 100;

type Args = readonly [DspClient | undefined, string | undefined];

export function documentSearch(host: ReactiveControllerHost, args: () => Args) {
  return new PagedSearch<DocumentReference, PreparedDocument, Args>(host, {
    args,
    // With a cache, the last list shows at once (a warm start) while the server is asked again.
    revalidates: true,
    first: async ([client, patient], signal, revalidation) => {
      if (!patient) return undefined;
      if (!client) throw new MissingClientError();
      return client.searchDocuments(
        { patient, _count: PAGE_SIZE },
        {
          signal,
          cache: 'stale-while-revalidate',
          onRevalidate: revalidation.fresh,
          onRevalidateError: revalidation.failed,
        },
      );
    },
    map: (entries, offset) => entries.map((document, i) => prepare(document, offset + i)),
  });
}
