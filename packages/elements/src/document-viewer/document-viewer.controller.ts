// Loads a patient's documents for the viewer: the first page at once, the rest behind, each
// prepared once for filtering, sorting and grouping, and what the server says it withheld.
import type { DocumentReference, DspClient, WithheldDocuments } from '@dsp-kit/fhir';
import type { ReactiveControllerHost } from 'lit';
import { MissingClientError } from '../base/error-message.js';
import { PagedSearch } from '../base/paged-search.controller.js';
import { prepare, type PreparedDocument } from './document-list.js';

/** Page size asked of the server. */
export const PAGE_SIZE = 100;

type Args = readonly [DspClient | undefined, string | undefined];

/** The viewer's search, with what the server withheld from the caller (said on the first page). */
export class DocumentSearch extends PagedSearch<DocumentReference, PreparedDocument, Args> {
  withheld: readonly WithheldDocuments[] = [];
}

export function documentSearch(host: ReactiveControllerHost, args: () => Args): DocumentSearch {
  // The last search asked: a late answer to an earlier one (another patient) must not say
  // what was withheld from this one.
  let latest: object | undefined;
  const search: DocumentSearch = new DocumentSearch(host, {
    args,
    // With a cache, the last list shows at once (a warm start) while the server is asked again.
    revalidates: true,
    first: async ([client, patient], signal, revalidation) => {
      const asked = (latest = {});
      search.withheld = [];
      if (!patient) return undefined;
      if (!client) throw new MissingClientError();
      const page = await client.searchDocuments(
        { patient, _count: PAGE_SIZE },
        {
          signal,
          cache: 'stale-while-revalidate',
          onRevalidate: (fresh) => {
            if (asked === latest) search.withheld = fresh.withheld;
            revalidation.fresh(fresh);
          },
          onRevalidateError: revalidation.failed,
        },
      );
      if (asked === latest) search.withheld = page.withheld;
      return page;
    },
    map: (entries, offset) => entries.map((document, i) => prepare(document, offset + i)),
  });
  return search;
}
