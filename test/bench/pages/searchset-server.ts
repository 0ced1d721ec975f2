// What a bench page's client fetches from: a FHIR server answering a search in pages, each
// page's Bundle serialised beforehand into a Blob, whose bytes the browser keeps outside the
// page's heap, as a real server's answer reaches the page from the network process. Building
// the JSON, or a Response from a string, in the page's own thread would put the server's work
// inside the frames the bench measures, and keeping the answers on the page's heap would make
// its garbage collections the bench's too.
import type { Resource } from '@dsp-kit/fhir';

/**
 * A `fetch` answering `all` in pages of `size`, each `delay` ms after it is asked for (0: in the
 * next task). Each page's `next` link is `url` with `_page` added.
 */
export function searchsetServer(
  all: readonly Resource[],
  size: number,
  url: string,
  delay = 0,
): typeof fetch {
  const pages: Blob[] = [];
  for (let page = 0; page * size < all.length || page === 0; page++) {
    const next = (page + 1) * size < all.length;
    pages.push(
      new Blob([
        JSON.stringify({
          resourceType: 'Bundle',
          type: 'searchset',
          total: all.length,
          link: next ? [{ relation: 'next', url: `${url}&_page=${page + 1}` }] : [],
          entry: all.slice(page * size, (page + 1) * size).map((resource) => ({
            resource,
            search: { mode: 'match' },
          })),
        }),
      ]),
    );
  }
  return (input) => {
    const asked = new URL(input instanceof Request ? input.url : String(input));
    const body = pages[Number(asked.searchParams.get('_page') ?? '0')];
    return new Promise((resolve) => {
      setTimeout(() => {
        resolve(
          body
            ? new Response(body, { headers: { 'Content-Type': 'application/fhir+json' } })
            : new Response(null, { status: 404 }),
        );
      }, delay);
    });
  };
}
