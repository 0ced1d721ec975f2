// The static Storybook as a documentation site publishes it: `storybook-static/` served by a plain
// node:http server on 127.0.0.1 under a sub-path, and stories opened in Chromium that report how
// they finished (play function, accessibility checks) and every request that found nothing; and
// the checks every Storybook test file makes (its stories listed, replayed, their controls, no 404).
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROME_ARGS, requireChrome } from '../../scripts/chrome.mjs';
import { createManifest } from '../../scripts/manifest.mjs';
import { sharedBuild } from '../support/shared-build.js';
import { serveStaticSite, type StaticSite } from '../support/static-site.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The static Storybook `npm run test:storybook` builds just before its tests. */
export const STORYBOOK_DIR = join(root, 'storybook-static/');

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
  /**
   * `error` when the play function threw or a report (the accessibility one) failed. Storybook's
   * own event says `success` when only the play function threw: {@link openStory} corrects it.
   */
  readonly status: 'success' | 'error';
  readonly reporters: readonly {
    readonly type: string;
    readonly status: string;
    readonly result?: { readonly violations?: readonly { id: string; help: string }[] };
  }[];
  /** What the play function or the story's rendering threw, as Storybook reported it. */
  readonly thrown: readonly string[];
}

/**
 * Records, in every page of `context`, the `storyFinished` event of Storybook's channel and what
 * its play function or rendering threw (the channel is caught as Storybook sets it on `window`),
 * and every 404 the site itself answered.
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
        const thrown = [];
        const record = (error) => {
          thrown.push(String(error?.message ?? error) + (error?.stack ? '\\n' + error.stack : ''));
        };
        value.on('playFunctionThrewException', record);
        value.on('storyThrewException', record);
        value.on('storyErrored', (payload) => record({ message: payload?.title + ': ' + payload?.description }));
        value.on('storyFinished', (payload) => { window.__storyFinished = { ...payload, thrown }; });
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
  const story = (await finished.jsonValue()) as StoryFinished;
  return story.thrown.length ? { ...story, status: 'error' } : story;
}

/** A line saying why a story did not finish well, for assertion messages. */
export function describeFinish(finished: StoryFinished): string {
  const lines = [
    ...finished.thrown.map((error) => `threw: ${error}`),
    ...finished.reporters.flatMap((report) =>
      (report.result?.violations ?? []).map((v) => `${report.type}: ${v.id} — ${v.help}`),
    ),
  ];
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
 * well (and `threw` when the play function or rendering did), by story id, and why each did not,
 * for the assertion message.
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
    failures[id] = [
      ...(finished.thrown.length ? ['threw'] : []),
      ...finished.reporters.flatMap((r) => (r.result?.violations ?? []).map((v) => v.id)),
    ];
    reasons.push(describeFinish(finished));
  }
  return { failures, reasons };
}

/** A stories file the tests replay: its story id prefix and the stories it must hold. */
export interface StoriesFile {
  readonly prefix: string;
  readonly required: readonly string[];
}

export interface StorybookSuite {
  /** The published Storybook (set once the suite's `before` ran). */
  readonly site: StorybookSite;
  /** The context every page of the suite opens in, watched by {@link watchStories}. */
  readonly context: BrowserContext;
  /** The page the stories are opened in, one after the other. */
  readonly page: Page;
  /** Every 404 the site answered so far. */
  readonly notFound: readonly string[];
  /** Opens the story `id` alone in {@link page}, as {@link openStory} does. */
  readonly open: (id: string) => Promise<StoryFinished>;
}

/**
 * Registers, in the calling `describe`, the hooks every Storybook suite needs: serve
 * `storybook-static/` and start one Chromium with one watched page before its tests, stop them
 * after.
 */
export function storybookSuite(): StorybookSuite {
  let site: StorybookSite | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let notFound: string[] = [];
  before(async () => {
    assert.ok(
      existsSync(`${STORYBOOK_DIR}index.json`),
      'storybook-static/ is missing: run `npm run test:storybook`',
    );
    site = await serveStorybook(STORYBOOK_DIR);
    browser = await chromium.launch({ executablePath: requireChrome(), args: CHROME_ARGS });
    context = await browser.newContext({ viewport: { width: 1280, height: 1800 } });
    ({ notFound } = await watchStories(context));
    page = await context.newPage();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });
  return {
    get site() {
      assert.ok(site, 'the site is served once the suite has started');
      return site;
    },
    get context() {
      assert.ok(context, 'the browser context exists once the suite has started');
      return context;
    },
    get page() {
      assert.ok(page, 'the page is open once the suite has started');
      return page;
    },
    get notFound() {
      return notFound;
    },
    open(id) {
      return openStory(this.page, this.site.url, id);
    },
  };
}

/** Fails naming every required story of `files` that the build's index does not list. */
export function assertStoriesListed(files: readonly StoriesFile[]): void {
  const ids = new Set(storyIds(STORYBOOK_DIR));
  const missing = files.flatMap(({ prefix, required }) =>
    required.map((name) => `${prefix}${name}`).filter((id) => !ids.has(id)),
  );
  assert.deepEqual(missing, [], `stories missing from the index: ${missing.join(', ')}`);
}

/**
 * Replays every story whose id starts with one of `prefixes`; fails unless exactly the `known`
 * accessibility failures (by story id) remain, saying why each story did not finish well.
 */
export async function assertStoriesFinish(
  suite: StorybookSuite,
  prefixes: readonly string[],
  known: Record<string, string[]>,
): Promise<void> {
  const ids = storyIds(STORYBOOK_DIR).filter((id) => prefixes.some((p) => id.startsWith(p)));
  const { failures, reasons } = await replayStories(suite.page, suite.site.url, ids);
  assert.deepEqual(failures, known, reasons.join('\n'));
}

interface ManifestDeclaration {
  tagName?: string;
  attributes?: { name: string }[];
  events?: { name: string }[];
}

/**
 * The elements' declarations in their Custom Elements Manifest, made once per test run (the
 * analyzer takes seconds) and again only when the elements' sources change.
 */
async function manifestDeclarations(): Promise<ManifestDeclaration[]> {
  const built = await sharedBuild({
    name: 'manifest',
    root,
    inputs: ['packages/elements/src', 'scripts/manifest.mjs', 'package-lock.json'],
    make: (dir) => {
      writeFileSync(join(dir, 'custom-elements.json'), JSON.stringify(createManifest()));
      return Promise.resolve();
    },
  });
  const manifest = JSON.parse(readFileSync(join(built.dir, 'custom-elements.json'), 'utf8')) as {
    modules: { declarations?: ManifestDeclaration[] }[];
  };
  built.release();
  return manifest.modules.flatMap((m) => m.declarations ?? []);
}

/**
 * Fails unless each element of `controlled` (its tag, and the story whose controls to read) has a
 * control for every attribute and an action for every event its manifest declares, and no other.
 */
export async function assertControlsCoverManifest(
  suite: StorybookSuite,
  controlled: readonly (readonly [tag: string, storyId: string])[],
): Promise<void> {
  const declarations = await manifestDeclarations();
  const first = controlled[0];
  assert.ok(first, 'an element to check');
  await suite.open(first[1]);
  for (const [tag, storyId] of controlled) {
    const declaration = declarations.find((d) => d.tagName === tag);
    assert.ok(declaration, `${tag} is not in the manifest`);
    const controls = await storyControls(suite.page, storyId);
    assert.deepEqual(
      controls.attributes.sort(),
      (declaration.attributes ?? []).map((a) => a.name).sort(),
      `${tag}: attributes without a control, or controls of no attribute`,
    );
    assert.deepEqual(
      controls.events.sort(),
      (declaration.events ?? []).map((e) => e.name).sort(),
      `${tag}: events without an action`,
    );
  }
}

/** Fails naming every request the site itself answered with a 404 (the mock's own are fine). */
export function assertNothingMissing(suite: StorybookSuite): void {
  assert.deepEqual(suite.notFound, []);
}
