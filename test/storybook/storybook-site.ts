// The static Storybook as a documentation site publishes it: `storybook-static/` served by a plain
// node:http server on 127.0.0.1 under a sub-path, and stories opened in Chromium that report how
// they finished (play function, accessibility checks) and every request that found nothing.
import { readFileSync } from 'node:fs';
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

interface StoryIndex {
  entries: Record<string, { id: string; type: string }>;
}

/** The ids of every story in the build at `dir` (its `index.json`). */
export function storyIds(dir: string): string[] {
  const index = JSON.parse(readFileSync(`${dir}index.json`, 'utf8')) as StoryIndex;
  return Object.values(index.entries)
    .filter((entry) => entry.type === 'story')
    .map((entry) => entry.id);
}

/** Text of the first `part` in the shadow root of `tag`. */
export async function partText(page: Page, tag: string, part: string): Promise<string> {
  const locator = page.locator(`${tag} [part~="${part}"]`).first();
  await locator.waitFor({ timeout: 15_000 });
  return (await locator.textContent()) ?? '';
}

/** The attributes with a control and the events with an action of a story, as Storybook has them. */
export function storyControls(
  page: Page,
  storyId: string,
): Promise<{ attributes: string[]; events: string[] }> {
  return page.evaluate(async (id) => {
    interface Preview {
      storyStoreValue: {
        loadStory(options: { storyId: string }): Promise<{
          argTypes: Record<string, { attribute?: string; action?: string }>;
        }>;
      };
    }
    const preview = (window as unknown as { __STORYBOOK_PREVIEW__: Preview }).__STORYBOOK_PREVIEW__;
    const story = await preview.storyStoreValue.loadStory({ storyId: id });
    const argTypes = Object.values(story.argTypes);
    return {
      attributes: argTypes.flatMap((a) => (a.attribute ? [a.attribute] : [])),
      events: argTypes.flatMap((a) => (typeof a.action === 'string' ? [a.action] : [])),
    };
  }, storyId);
}

/**
 * Opens each story of `ids` in turn; the accessibility violations of those that did not finish
 * well, by story id, and why each did not, for the assertion message.
 */
export async function replayStories(
  page: Page,
  url: string,
  ids: readonly string[],
): Promise<{ failures: Record<string, string[]>; reasons: string[] }> {
  const failures: Record<string, string[]> = {};
  const reasons: string[] = [];
  for (const id of ids) {
    const finished = await openStory(page, url, id);
    if (finished.status === 'success') continue;
    failures[id] = finished.reporters.flatMap((r) => (r.result?.violations ?? []).map((v) => v.id));
    reasons.push(describeFinish(finished));
  }
  return { failures, reasons };
}
