// What a bench page's client fetches from: a FHIR server answering a search in pages, over HTTP
// from the bench's own process on 127.0.0.1 (`test/bench/searchset-routes.ts`). The page builds
// each page's Bundle once, before anything is measured, and hands them to that server; the
// client then fetches them as it would a real server's, through the network stack.
//
// Why not answer in the page: a Response built from a string in the page put the server's work
// in the measured frames (60 ms), and a Response read from a Blob left Chromium finalizing the
// blob machinery of every page at once: one task of 60-76 ms after 1,000 pages, in a page that
// did nothing but fetch and parse them (traced as `CppGC.SweepFinalizeSweptPages`). Fetched over
// HTTP, the same 1,000 pages leave no such task.
import type { Resource } from '@dsp-kit/fhir';

/**
 * Serves `all` as a searchset named `name`, in pages of `size`, each answered `delay` ms after it
 * is asked for; resolves to the server's FHIR base. A search of `type` under it gets the first
 * page whatever its parameters; each page's `next` link asks for the following one (`_page`).
 */
export async function serveSearchset(
  name: string,
  type: string,
  all: readonly Resource[],
  size: number,
  delay = 0,
): Promise<string> {
  const base = `${location.origin}/searchset/${name}`;
  const pages: string[] = [];
  for (let page = 0; page * size < all.length || page === 0; page++) {
    const next = (page + 1) * size < all.length;
    pages.push(
      JSON.stringify({
        resourceType: 'Bundle',
        type: 'searchset',
        total: all.length,
        link: next ? [{ relation: 'next', url: `${base}/${type}?_page=${page + 1}` }] : [],
        entry: all.slice(page * size, (page + 1) * size).map((resource) => ({
          resource,
          search: { mode: 'match' },
        })),
      }),
    );
  }
  // One page a line (JSON.stringify writes no line break of its own), in a Blob: its bytes leave
  // the page's heap at once.
  const body = new Blob(pages.map((page) => `${page}\n`));
  const response = await fetch(`${base}?delay=${delay}`, { method: 'PUT', body });
  if (!response.ok) throw new Error(`The bench server did not take the searchset ${name}`);
  return base;
}
