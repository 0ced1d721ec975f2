// The built sandbox as a deployment serves it: `vite build` into a temporary folder, then a plain
// node:http server on 127.0.0.1 that serves it under a sub-path with a strict Content-Security-Policy
// header, and pages opened in Chromium that record every CSP violation and page error.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page, ViewportSize } from 'playwright-core';
import { build } from 'vite';
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

/** Builds the sandbox (`npm run build:demo`'s config) into a new temporary folder. */
export async function buildSandbox(): Promise<{ dir: string; remove: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'dsp-kit-sandbox-'));
  await build({
    root: join(root, 'demo'),
    configFile: join(root, 'vite.config.ts'),
    build: { outDir: dir, emptyOutDir: true },
    logLevel: 'warn',
  });
  return {
    dir,
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
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
