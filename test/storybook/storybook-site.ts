// The static Storybook as a documentation site publishes it: `storybook-static/` served by a plain
// node:http server on 127.0.0.1 under a sub-path, and stories opened in Chromium that report how
// they finished (play function, accessibility checks) and every request that found nothing.
import { readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

/** Where Storybook is published in these tests: a sub-path, as on the agency's site. */
export const SUB_PATH = '/docs/storybook/';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export interface StorybookSite {
  /** The site's address, ending in the sub-path. */
  readonly url: string;
  readonly close: () => Promise<void>;
}

/**
 * Serves `dir` under {@link SUB_PATH} only: everything else is 404, so a root-relative URL in the
 * build (a worker registered at `/mockServiceWorker.js`, an asset at `/assets/…`) fails loudly.
 */
export async function serveStorybook(dir: string): Promise<StorybookSite> {
  const root = normalize(dir).replace(/[/\\]$/, '');
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = path.startsWith(SUB_PATH)
      ? join(root, normalize(path.slice(SUB_PATH.length) || 'index.html'))
      : undefined;
    let content: Buffer | undefined;
    try {
      if (file?.startsWith(root + sep) && statSync(file).isFile()) content = readFileSync(file);
    } catch {
      content = undefined;
    }
    if (!file || !content) {
      response.writeHead(404).end('Not found');
      return;
    }
    response.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
    });
    response.end(content);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${SUB_PATH}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
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
