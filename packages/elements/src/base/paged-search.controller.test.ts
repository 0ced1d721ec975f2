// The paged search in Chromium, in a host element: the first page shows at once, further pages
// are added in order and shown together, loading ends only once the last page shows, a failed
// page keeps what came and resumes, a host out of the document asks for no page until it is
// back, and another search never shows the previous one's pages.
import { Page, type Resource } from '@dsp-kit/fhir';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { MAP_CHUNK, PagedSearch, type PagedResult } from './paged-search.controller.js';

interface Item {
  readonly id: string;
  readonly offset: number;
}

/** A page the test answers when it wants: `answer` gives it, `fail` refuses it. */
interface Asked {
  readonly url: string;
  answer: (page: Page<Resource>) => void;
  fail: (error: Error) => void;
}

/** A server whose pages of `Basic` resources are answered by the test, in its own time. */
class Server {
  readonly asked: Asked[] = [];

  /** A page of `ids`, with a `next` link to `next` when given. */
  page(ids: string[], next?: string): Page<Resource> {
    return new Page<Resource>(
      ids.map((id) => ({ resourceType: 'Basic', id, code: { text: 'a search result' } })),
      undefined,
      next,
      (url) =>
        new Promise<Page<Resource>>((answer, fail) => {
          this.asked.push({ url, answer, fail });
        }),
    );
  }

  /** The `n`th page asked for, once it is. */
  async nth(n: number): Promise<Asked> {
    await waitUntil(() => this.asked.length > n, `page ${n} never asked for`);
    return this.asked[n]!;
  }
}

class PagedHost extends LitElement {
  static override properties = { query: {} };
  query = 'first';
  /** The first page's length; it links to a next page while it is 2. */
  firstLength = 2;
  server = new Server();
  /** Each update's result, as the host rendered it. */
  readonly seen: PagedResult<Item>[] = [];
  readonly search = new PagedSearch<Resource, Item, readonly [string]>(this, {
    args: () => [this.query] as const,
    first: ([query]) => {
      const ids = Array.from({ length: this.firstLength }, (_, i) => `${query}-${i}`);
      return Promise.resolve(
        this.server.page(ids, this.firstLength === 2 ? `${query}/page/1` : undefined),
      );
    },
    map: (entries, offset) => entries.map((entry, i) => ({ id: entry.id!, offset: offset + i })),
  });

  override render() {
    this.seen.push(this.search.result);
    return html`${this.search.result.items.length}`;
  }
}
customElements.define('dsp-test-paged-host', PagedHost);

const ids = (result: PagedResult<Item>) => result.items.map((item) => item.id);

describe('PagedSearch', () => {
  it('shows the first page at once, then adds the further pages in order, loading until the last one shows', async () => {
    const el = await fixture<PagedHost>(html`<dsp-test-paged-host></dsp-test-paged-host>`);
    await waitUntil(() => el.search.result.items.length === 2, 'first page never shown');
    expect(el.search.result.loading).to.equal(true);
    (await el.server.nth(0)).answer(el.server.page(['first-2', 'first-3'], 'first/page/2'));
    (await el.server.nth(1)).answer(el.server.page(['first-4']));
    // Whatever reads the result meanwhile (any update of the host) never finds it done with
    // part of the list: the last page's handling runs in microtasks, and the showing after.
    for (let i = 0; i < 20; i++) {
      await Promise.resolve();
      const { loading, items } = el.search.result;
      expect(loading || items.length === 5, `done with ${items.length} shown`).to.equal(true);
    }
    await waitUntil(() => !el.search.result.loading, 'loading never ended');
    expect(el.server.asked.map((a) => a.url)).to.deep.equal(['first/page/1', 'first/page/2']);
    expect(ids(el.search.result)).to.deep.equal([
      'first-0',
      'first-1',
      'first-2',
      'first-3',
      'first-4',
    ]);
    expect(el.search.result.items.map((item) => item.offset)).to.deep.equal([0, 1, 2, 3, 4]);
    await el.updateComplete;
    // Every rendered state: loading until all five show, and never a partial list called done.
    for (const result of el.seen.filter((r) => r.items.length > 0))
      expect(result.loading, `${result.items.length} shown`).to.equal(result.items.length < 5);
    expect(el.seen.at(-1)!.items).to.have.length(5);
  });

  it('keeps what came when a further page fails, says why, and goes on from there when resumed', async () => {
    const el = await fixture<PagedHost>(html`<dsp-test-paged-host></dsp-test-paged-host>`);
    (await el.server.nth(0)).answer(el.server.page(['first-2'], 'first/page/2'));
    (await el.server.nth(1)).fail(new Error('the network went away'));
    await waitUntil(() => !el.search.result.loading, 'loading never ended');
    expect(ids(el.search.result)).to.deep.equal(['first-0', 'first-1', 'first-2']);
    expect((el.search.result.moreError as Error).message).to.equal('the network went away');
    el.search.resume();
    expect(el.search.result.loading).to.equal(true);
    expect(el.search.result.moreError).to.equal(undefined);
    const again = await el.server.nth(2);
    expect(again.url).to.equal('first/page/2');
    again.answer(el.server.page(['first-3']));
    await waitUntil(() => !el.search.result.loading, 'loading never ended after resuming');
    expect(ids(el.search.result)).to.deep.equal(['first-0', 'first-1', 'first-2', 'first-3']);
  });

  it('asks for no further page while out of the document, and goes on where it stopped once back', async () => {
    const el = await fixture<PagedHost>(html`<dsp-test-paged-host></dsp-test-paged-host>`);
    const parent = el.parentElement!;
    const first = await el.server.nth(0);
    el.remove();
    first.answer(el.server.page(['first-2'], 'first/page/2'));
    await waitUntil(
      () => el.search.result.items.length === 3 || el.server.asked.length > 1,
      'the page asked before never handled',
    );
    // Out of the document: the next page stays unasked however long, what came shows, and
    // loading is not over.
    for (let i = 0; i < 10; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(el.server.asked.map((a) => a.url)).to.deep.equal(['first/page/1']);
    expect(ids(el.search.result)).to.deep.equal(['first-0', 'first-1', 'first-2']);
    expect(el.search.result.loading).to.equal(true);
    parent.append(el);
    const next = await el.server.nth(1);
    expect(next.url).to.equal('first/page/2');
    next.answer(el.server.page(['first-3']));
    await waitUntil(() => !el.search.result.loading, 'loading never ended once back');
    expect(ids(el.search.result)).to.deep.equal(['first-0', 'first-1', 'first-2', 'first-3']);
  });

  it('drops the previous search at once, and never shows its pages answered late', async () => {
    const el = await fixture<PagedHost>(html`<dsp-test-paged-host></dsp-test-paged-host>`);
    const late = await el.server.nth(0);
    el.query = 'second';
    await waitUntil(
      () => el.search.result.items[0]?.id === 'second-0',
      'the second search never shown',
    );
    expect(
      el.seen.some(
        (r) => r.items.some((i) => i.id.startsWith('first')) && ids(r).includes('second-0'),
      ),
    ).to.equal(false);
    late.answer(el.server.page(['first-2', 'first-3']));
    (await el.server.nth(1)).answer(el.server.page(['second-2']));
    await waitUntil(() => !el.search.result.loading, 'loading never ended');
    await el.updateComplete;
    expect(ids(el.search.result)).to.deep.equal(['second-0', 'second-1', 'second-2']);
    expect(el.seen.at(-1)!.items.map((i) => i.offset)).to.deep.equal([0, 1, 2]);
  });

  it('shows the first chunk of a long first page at once, then the rest of it in order', async () => {
    const length = MAP_CHUNK * 2 + 5;
    const el = new PagedHost();
    el.firstLength = length;
    document.body.append(el);
    try {
      await waitUntil(
        () => el.search.result.items.length === length && !el.search.result.loading,
        'the whole page never shown',
      );
      await el.updateComplete;
      // The first render shows the first chunk, the whole page still loading.
      const first = el.seen.find((r) => r.items.length > 0)!;
      expect(first.items).to.have.length(MAP_CHUNK);
      expect(first.loading).to.equal(true);
      expect(first.total).to.equal(length);
      const { items } = el.search.result;
      expect(items).to.have.length(length);
      expect(items.every((item, i) => item.id === `first-${i}` && item.offset === i)).to.equal(
        true,
      );
    } finally {
      el.remove();
    }
  });

  it('stops mapping a long first page as soon as another search starts', async () => {
    const el = new PagedHost();
    el.firstLength = MAP_CHUNK * 3;
    document.body.append(el);
    try {
      await waitUntil(() => el.search.result.items.length > 0, 'nothing shown');
      el.firstLength = 2;
      el.query = 'second';
      await waitUntil(() => el.search.result.items[0]?.id === 'second-0', 'second never shown');
      (await el.server.nth(0)).answer(el.server.page(['second-2']));
      await waitUntil(() => !el.search.result.loading, 'loading never ended');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(ids(el.search.result)).to.deep.equal(['second-0', 'second-1', 'second-2']);
    } finally {
      el.remove();
    }
  });
});
