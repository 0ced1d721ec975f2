// The static Storybook as a documentation site publishes it: `storybook-static/` served by a plain
// node:http server on 127.0.0.1 under a sub-path, and stories opened in Chromium that report how
// they finished (play function, accessibility checks) and every request that found nothing.
import type { BrowserContext, Page } from 'playwright-core';
import { serveStaticSite, type StaticSite } from '../support/static-site.js';

/** Where Storybook is published in these tests: a sub-path, as on the agency's site. */
export const SUB_PATH = '/docs/storybook/';

export type StorybookSite = StaticSite;

/**
 * Serves `dir` under {@link SUB_PATH} only: everything else is 404, so a root-relative URL in the
 * build (a worker registered at `/mockServiceWorker.js`, an asset at `/assets/…`) fails loudly.
 */
export function serveStorybook(dir: string): Promise<StorybookSite> {
  return serveStaticSite({ dir, subPath: SUB_PATH });
}

/** How Storybook says a story finished (its `storyFinished` event). */
export interface StoryFinished {
  readonly storyId: string;
  /** `error` when the play function threw or a report (the accessibility one) failed. */
  readonly status: 'success' | 'error';
  readonly reporters: readonly {
    readonly type: string;
    readonly status: string;
    readonly result?: { readonly violations?: readonly { id: string; help: string }[] };
  }[];
}

/**
 * Records, in every page of `context`, the `storyFinished` event of Storybook's channel (the
 * channel is caught as Storybook sets it on `window`), and every 404 the site itself answered.
 */
export async function watchStories(context: BrowserContext): Promise<{ notFound: string[] }> {
  const notFound: string[] = [];
  context.on('response', (response) => {
    // The mock's own 404s (a document the rules make invisible) come from msw's worker, by design.
    if (response.status() === 404 && !response.fromServiceWorker()) notFound.push(response.url());
  });
  // A string, not a function: the TypeScript loader would add helpers the page does not have.
  await context.addInitScript(`{
    let channel;
    Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
      configurable: true,
      get: () => channel,
      set: (value) => {
        channel = value;
        value.on('storyFinished', (payload) => { window.__storyFinished = payload; });
      },
    });
  }`);
  return { notFound };
}

/** Opens a story alone (`iframe.html`) and waits until Storybook says it finished. */
export async function openStory(page: Page, url: string, id: string): Promise<StoryFinished> {
  await page.goto(`${url}iframe.html?id=${id}&viewMode=story`);
  const finished = await page.waitForFunction(
    () => (window as unknown as { __storyFinished?: unknown }).__storyFinished,
    undefined,
    { timeout: 20_000 },
  );
  return (await finished.jsonValue()) as StoryFinished;
}

/** A line saying why a story did not finish well, for assertion messages. */
export function describeFinish(finished: StoryFinished): string {
  const lines = finished.reporters.flatMap((report) =>
    (report.result?.violations ?? []).map((v) => `${report.type}: ${v.id} — ${v.help}`),
  );
  return `${finished.storyId} finished with ${finished.status}${lines.length ? `:\n${lines.join('\n')}` : ''}`;
}
