// The built sandbox as a deployment serves it: `vite build` once per test run, then a plain
// node:http server on 127.0.0.1 that serves it under a sub-path with a strict Content-Security-Policy
// header, and pages opened in Chromium that record every CSP violation and page error; what the
// sandbox test files share (a suite's site and browser, a page opened as a role, the viewer, the
// focused element through shadow roots, a request to the mock as a fixture user).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import type { AxeResults } from 'axe-core';
import {
  chromium,
  type Browser,
  type Locator,
  type Page,
  type ViewportSize,
} from 'playwright-core';
import { build } from 'vite';
import { CHROME_ARGS, requireChrome } from '../../scripts/chrome.mjs';
import { sharedBuild, type SharedBuild } from '../support/shared-build.js';
import { serveStaticSite } from '../support/static-site.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Where the sandbox is published in these tests: a sub-path, as on the agency's site. */
export const SUB_PATH = '/dsp/sandbox/';

/**
 * The policy the sandbox must run under: nothing inline, no eval. `blob:` for the previews (an
 * image, a PDF in a sandboxed frame where PDF.js cannot run) and for workers; `report-uri` (added, not loosening anything)
 * so violations the page cannot hear — in the service worker or a preview frame — still reach us.
 */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  'frame-src blob:',
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');

const REPORT_PATH = '/__csp-report';

/** What the sandbox's build reads: the demo, each package's sources and manifest, the config. */
function sandboxInputs(): string[] {
  const packages = readdirSync(join(root, 'packages')).flatMap((name) => [
    `packages/${name}/src`,
    `packages/${name}/package.json`,
  ]);
  return [
    'demo',
    ...packages,
    'vite.config.ts',
    'scripts/msw-worker.mjs',
    'tsconfig.base.json',
    'package.json',
    'package-lock.json',
  ];
}

/**
 * Builds the sandbox (`npm run build:demo`'s config), once per test run: the files of a run share
 * one build of the same sources; a file run on its own builds into a temporary folder of its own.
 */
export function buildSandbox(): Promise<SharedBuild> {
  return sharedBuild({
    name: 'sandbox',
    root,
    inputs: sandboxInputs(),
    make: async (dir) => {
      await build({
        root: join(root, 'demo'),
        configFile: join(root, 'vite.config.ts'),
        build: { outDir: dir, emptyOutDir: true },
        logLevel: 'warn',
      });
    },
  });
}

export interface SandboxSite {
  /** The sandbox's address, ending in the sub-path. */
  readonly url: string;
  /** Reports the browser sent to the CSP `report-uri`, as text. */
  readonly reports: string[];
  readonly close: () => Promise<void>;
}

async function body(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Serves `dir` under {@link SUB_PATH} only (everything else is 404, so a root-relative URL in the
 * build fails loudly), with the strict policy on every response.
 */
export async function serveSandbox(dir: string): Promise<SandboxSite> {
  const reports: string[] = [];
  const site = await serveStaticSite({
    dir,
    subPath: SUB_PATH,
    headers: { 'Content-Security-Policy': `${STRICT_CSP}; report-uri ${REPORT_PATH}` },
    handle: async (path, request, response) => {
      if (path === REPORT_PATH && request.method === 'POST') {
        reports.push(await body(request));
        response.writeHead(204).end();
        return true;
      }
      if (path === SUB_PATH.slice(0, -1)) {
        response.writeHead(301, { Location: SUB_PATH }).end();
        return true;
      }
      return false;
    },
  });
  return { ...site, reports };
}

export interface SandboxPage {
  readonly page: Page;
  /** Page errors, console errors and CSP violations, as readable lines. */
  readonly problems: string[];
  /** Closes the page's context (its storage and service worker go with it). */
  readonly close: () => Promise<void>;
}

/**
 * Opens the sandbox in a fresh context (its own storage and service worker) and records every
 * `securitypolicyviolation` event (through an init script: CDP-injected, so the policy does not
 * apply to it), every page error and every console error.
 */
export async function openSandbox(
  browser: Browser,
  url: string,
  viewport: ViewportSize = { width: 1280, height: 1800 },
): Promise<SandboxPage> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const problems: string[] = [];
  await page.exposeFunction('__dspReportViolation', (line: string) => problems.push(line));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const host = window as unknown as { __dspReportViolation: (line: string) => void };
      host.__dspReportViolation(
        `CSP violation: ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} ` +
          `(${event.sourceFile}:${event.lineNumber}) ${event.sample}`,
      );
    });
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  await page.goto(url);
  return { page, problems, close: () => context.close() };
}

/** Waits until the sandbox says it is ready (the mock started, the panels shown). */
export async function sandboxReady(page: Page): Promise<void> {
  await page.locator('html[data-sandbox="ready"]').waitFor({ state: 'attached', timeout: 20_000 });
}

/** What each panel shows once it has loaded (or failed): a designed state, not the skeleton. */
const SETTLED: Record<string, string> = {
  'dsp-document-viewer': '[part="count"], [part~="empty"], [part~="error"]',
  'dsp-audit-log': '[part="count"], [part~="empty"], [part~="error"]',
  'dsp-access-rights': '[part="professionals"], [part="read-only"], [part~="error"]',
  'dsp-document-stats': '[part="table"], [part="chart"], [part~="empty"], [part~="error"]',
  'dsp-document-uploader': '[part="dropzone"]',
};

/** Waits until every panel on show has left its loading state. */
export async function panelsSettled(page: Page): Promise<void> {
  await page.waitForFunction(
    (settled) =>
      [...document.querySelectorAll('dsp-provider > section:not([hidden])')].every((section) =>
        Object.entries(settled).every(([tag, selector]) => {
          const panel = section.querySelector(tag);
          if (!panel) return true;
          const root = panel.shadowRoot;
          return (
            root !== null &&
            root.querySelector('[part~="loading"]') === null &&
            root.querySelector(selector) !== null
          );
        }),
      ),
    SETTLED,
    { timeout: 20_000 },
  );
}

/** Fails with every problem listed, one a line. */
export function assertNoProblems(problems: readonly string[], ignore?: RegExp): void {
  const left = ignore ? problems.filter((line) => !ignore.test(line)) : problems;
  assert.deepEqual(left, [], `problems in the page:\n${left.join('\n')}`);
}

/** Chromium logs every refused request; a refusal is what some steps are about. */
export const REFUSALS = /status of 40[13]/;

/** What the sandbox's address chooses (its switches); the defaults when left out. */
export interface SandboxChoice {
  readonly user?: string;
  readonly patient?: string;
  readonly lang?: string;
  readonly theme?: string;
}

/** The query string of `choice`, in the order the sandbox writes it, or '' for the defaults. */
export function sandboxQuery(choice: SandboxChoice): string {
  const query = new URLSearchParams();
  for (const key of ['user', 'patient', 'lang', 'theme'] as const) {
    const value = choice[key];
    if (value) query.set(key, value);
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}

export interface SandboxSuite {
  /** The built sandbox's server (set once the suite's `before` ran). */
  readonly site: SandboxSite;
  readonly browser: Browser;
  /** Opens the sandbox as `choice` says, in a fresh context, and waits until it is ready. */
  readonly open: (choice?: SandboxChoice, viewport?: ViewportSize) => Promise<SandboxPage>;
}

/**
 * Registers, in the calling `describe`, the hooks every sandbox suite needs: build (or reuse the
 * run's build of) and serve the sandbox and start Chromium before its tests, stop them after.
 * `name`, when given, logs how long the suite took, build included.
 */
export function sandboxSuite(name?: string): SandboxSuite {
  let site: SandboxSite | undefined;
  let browser: Browser | undefined;
  let releaseBuild: (() => void) | undefined;
  const started = Date.now();
  before(async () => {
    const built = await buildSandbox();
    releaseBuild = built.release;
    site = await serveSandbox(built.dir);
    browser = await chromium.launch({ executablePath: requireChrome(), args: CHROME_ARGS });
  });
  after(async () => {
    await browser?.close();
    await site?.close();
    releaseBuild?.();
    if (name)
      console.log(`${name}: ${((Date.now() - started) / 1000).toFixed(1)} s, build included`);
  });
  const suite: SandboxSuite = {
    get site() {
      assert.ok(site, 'the sandbox is served once the suite has started');
      return site;
    },
    get browser() {
      assert.ok(browser, 'Chromium runs once the suite has started');
      return browser;
    },
    open: async (choice = {}, viewport) => {
      const opened = await openSandbox(
        suite.browser,
        suite.site.url + sandboxQuery(choice),
        viewport,
      );
      await sandboxReady(opened.page);
      return opened;
    },
  };
  return suite;
}

/** The sandbox's document viewer (locators pierce its shadow root). */
export function viewerOf(page: Page): Locator {
  return page.locator('dsp-document-viewer');
}

/** The viewer's row whose title has `title`. */
export function documentRow(page: Page, title: string): Locator {
  return viewerOf(page).locator('[part~="row"]', {
    has: page.locator('.title', { hasText: title }),
  });
}

/** The titles of the viewer's rows, in order. */
export async function rowTitles(page: Page): Promise<string[]> {
  const titles = await viewerOf(page).locator('[part~="row"] .title').allTextContents();
  return titles.map((title) => title.trim());
}

/** The element that has focus, found through every open shadow root it is in. */
export interface Focused {
  readonly tag: string;
  readonly id: string;
  readonly name: string | null;
  /** Its text, spaces collapsed. */
  readonly text: string;
  /** The tag names of the shadow hosts it is in, outermost first. */
  readonly hosts: readonly string[];
}

/** What has focus, deep: through shadow roots down to the focused element itself. */
export function deepActiveElement(page: Page): Promise<Focused | undefined> {
  return page.evaluate(() => {
    let active = document.activeElement;
    const hosts: string[] = [];
    while (active?.shadowRoot?.activeElement) {
      hosts.push(active.localName);
      active = active.shadowRoot.activeElement;
    }
    if (!active || active === document.body) return undefined;
    return {
      tag: active.localName,
      id: active.id,
      name: active.getAttribute('name'),
      text: (active.textContent ?? '').replace(/\s+/g, ' ').trim(),
      hosts,
    };
  });
}

/** An answer of the mock, read as JSON. */
export interface MockAnswer {
  readonly status: number;
  readonly etag: string | null;
  readonly body: unknown;
}

/** A request to the mock beyond a read: a write, with its body and its `If-Match`. */
export interface MockRequest {
  readonly method?: string;
  readonly body?: unknown;
  readonly contentType?: string;
  readonly ifMatch?: string;
}

/**
 * Asks the sandbox's mock (served by the page's service worker under `fhir/`) for `path` as the
 * fixture `user`, from the page: what another client of the same DSP would be told.
 */
export function fhirAs(
  page: Page,
  user: string,
  path: string,
  request: MockRequest = {},
): Promise<MockAnswer> {
  return page.evaluate(
    async ({ user, path, request }) => {
      const headers: Record<string, string> = {
        Authorization: `Bearer mock:${user}`,
        Accept: 'application/fhir+json',
      };
      if (request.body !== undefined) {
        headers['Content-Type'] = request.contentType ?? 'application/fhir+json';
      }
      if (request.ifMatch) headers['If-Match'] = request.ifMatch;
      const response = await fetch(new URL(`fhir/${path}`, document.baseURI), {
        method: request.method ?? 'GET',
        headers,
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      });
      const text = await response.text();
      return {
        status: response.status,
        etag: response.headers.get('ETag'),
        body: text ? (JSON.parse(text) as unknown) : undefined,
      };
    },
    { user, path, request },
  );
}

const axeSource = readFileSync(
  join(dirname(createRequire(import.meta.url).resolve('axe-core')), 'axe.min.js'),
  'utf8',
);

/**
 * Runs axe on the whole page (open shadow roots included), or only on the element `within` names
 * (a selector per shadow root on the way, outermost first, as axe takes them); one readable line
 * per problem.
 */
export async function axeViolations(page: Page, within?: readonly string[]): Promise<string[]> {
  // Evaluated through the DevTools protocol: the page's CSP does not apply to it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const found = await page.evaluate(async (within) => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } })
      .axe;
    return (await axe.run(within ? { include: [within] } : document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
      resultTypes: ['violations'],
    })) as AxeResults;
  }, within);
  return found.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help}\n` +
        `    at ${JSON.stringify(node.target)}\n    ${node.failureSummary?.replace(/\n/g, '\n    ') ?? ''}`,
    ),
  );
}

/** Fails with axe's findings, saying where the page was. */
export function assertAccessible(violations: readonly string[], where: string): void {
  if (violations.length > 0) assert.fail(`axe, ${where}:\n${violations.join('\n')}`);
}
