// examples/iframe in Chromium on three origins — the host, the panel and an intruder — against the
// mock on real HTTP: the panel shows the documents with the token the host hands over, follows a
// rotated token without reloading, and the token never crosses to or from a wrong origin.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { callerOf } from '@dsp-kit/mock';
import { startHttpServer, type RunningHttpServer } from '@dsp-kit/mock/http';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { buildBundle } from '../../scripts/build-bundle.mjs';
import { CHROME_ARGS, requireChrome } from '../../scripts/chrome.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const results = fileURLToPath(new URL('../../test-results/', import.meta.url));
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const BUNDLE_PATH = '/packages/elements/dist-bundle/dsp-kit.min.js';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
};

interface Site {
  origin: string;
  server: Server;
}

/** A static origin laid out like the repository (examples/iframe and the bundle), plus `pages`. */
async function startSite(bundle: string, pages: Record<string, string> = {}): Promise<Site> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let body: string | Buffer | undefined = path === BUNDLE_PATH ? bundle : pages[path];
    if (body === undefined && path.startsWith('/examples/iframe/')) {
      try {
        body = readFileSync(join(root, normalize(path.endsWith('/') ? `${path}index.html` : path)));
      } catch {
        body = undefined;
      }
    }
    if (body === undefined) {
      response.writeHead(404).end();
      return;
    }
    const type = TYPES[extname(path)] ?? TYPES['.html'] ?? '';
    response.writeHead(200, { 'Content-Type': type }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** Pages of the intruder's origin, loading the same bundle from their own origin. */
function intruderPages(hostOrigin: string, panelUrl: string): Record<string, string> {
  const page = (script: string, body = '') =>
    `<!doctype html><html lang="fr"><meta charset="utf-8"><title>intrus</title>` +
    `<script type="module">${script}</script><body>${body}</body></html>`;
  return {
    // Put inside the host page: asks the host for its token, as the panel would.
    '/asker.html': page(`
      import { postMessageTokenProvider } from '${BUNDLE_PATH}';
      window.outcome = postMessageTokenProvider({ parentOrigin: '${hostOrigin}', timeoutMs: 1500 })
        .getAccessToken()
        .then((token) => ({ token }), (error) => ({ error: error.message }));
    `),
    // Embeds the real panel and answers its token requests with a token of its own.
    '/framer.html': page(
      `
      import { answerTokenRequests, staticTokenProvider } from '${BUNDLE_PATH}';
      answerTokenRequests({
        childOrigins: ['${new URL(panelUrl).origin}'],
        tokens: staticTokenProvider('mock:anne-muller'),
      });
      document.querySelector('iframe').src = '${panelUrl}';
    `,
      '<iframe title="panneau"></iframe>',
    ),
  };
}

describe('examples/iframe: a panel in an iframe, its token by postMessage', () => {
  let mock: RunningHttpServer;
  let host: Site;
  let panel: Site;
  let intruder: Site;
  let browser: Browser;
  /** The Authorization header of every request the mock received. */
  const seen: string[] = [];
  /** Tokens the DSP server accepts, as a real one would: issued to a user, revocable. */
  const valid = new Map<string, string>();

  before(async () => {
    const bundle = await buildBundle({ source: true, write: false });
    mock = await startHttpServer({
      port: 0,
      identify: (request, store) => {
        const authorization = request.headers.get('authorization') ?? '';
        seen.push(authorization);
        const user = valid.get(authorization.replace(/^Bearer\s+/i, ''));
        return user === undefined ? undefined : callerOf(user, store);
      },
    });
    host = await startSite(bundle);
    panel = await startSite(bundle);
    const panelUrl = `${panel.origin}/examples/iframe/panel.html?parent=${encodeURIComponent(host.origin)}&fhir=${encodeURIComponent(mock.url)}`;
    intruder = await startSite(bundle, intruderPages(host.origin, panelUrl));
    browser = await chromium.launch({ executablePath: requireChrome(), args: CHROME_ARGS });
  });

  after(async () => {
    await browser.close();
    for (const site of [host, panel, intruder]) site.server.close();
    await mock.close();
  });

  async function open(url: string): Promise<{ page: Page; errors: string[] }> {
    // Tall enough for the fixture DSP: the virtualized list renders what is on screen.
    const page = await browser.newPage({ viewport: { width: 1280, height: 1800 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.route('**/*', (route) => {
      if (new URL(route.request().url()).hostname === '127.0.0.1') return route.continue();
      errors.push(`blocked request to ${route.request().url()}`);
      return route.abort();
    });
    await page.goto(url);
    return { page, errors };
  }

  const openHost = () =>
    open(
      `${host.origin}/examples/iframe/?panel=${encodeURIComponent(`${panel.origin}/examples/iframe/panel.html`)}&fhir=${encodeURIComponent(mock.url)}`,
    );

  async function panelFrame(page: Page): Promise<Frame> {
    await page.waitForFunction(
      (origin) => [...document.querySelectorAll('iframe')].some((f) => f.src.startsWith(origin)),
      panel.origin,
    );
    const frame = page.frames().find((f) => f.url().startsWith(panel.origin));
    assert.ok(frame, 'the panel frame');
    return frame;
  }

  const rowCount = (frame: Frame) =>
    frame.evaluate(
      () =>
        document.querySelector('dsp-document-viewer')?.shadowRoot?.querySelectorAll('[part~="row"]')
          .length ?? 0,
    );

  /** axe-core's violations in one document (frames are checked one by one). */
  async function violations(page: Page | Frame): Promise<string[]> {
    await page.addScriptTag({ content: AXE });
    return page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run(
              context: unknown,
              options: unknown,
            ): Promise<{ violations: { id: string; help: string }[] }>;
          };
        }
      ).axe;
      const result = await axe.run(document, { iframes: false });
      return result.violations.map((v) => `${v.id}: ${v.help}`);
    });
  }

  const logLines = async (page: Page) =>
    (await page.locator('#log li').allTextContents()).map((t) => t.trim());

  it("shows Marie's documents in the iframe, with the token the host handed over", async () => {
    valid.clear();
    valid.set('mock:paul-weber', 'paul-weber');
    seen.length = 0;
    const { page, errors } = await openHost();
    const frame = await panelFrame(page);
    await frame.waitForFunction(
      () =>
        document.querySelector('dsp-document-viewer')?.shadowRoot?.querySelectorAll('[part~="row"]')
          .length === 7,
      undefined,
      { timeout: 15_000 },
    );
    assert.equal(await rowCount(frame), 7);
    assert.ok(seen.length > 0);
    assert.deepEqual(new Set(seen), new Set(['Bearer mock:paul-weber']));
    const lines = await logLines(page);
    assert.ok(lines.length >= 1);
    mkdirSync(results, { recursive: true });
    await page.screenshot({ path: `${results}examples-iframe.png` });
    assert.ok(
      lines.every((line) => line === `Jeton remis au panneau (${panel.origin})`),
      lines.join('\n'),
    );
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('follows a rotated token without reloading the iframe, and refuses an empty one', async () => {
    valid.clear();
    valid.set('mock:paul-weber', 'paul-weber');
    const { page, errors } = await openHost();
    const frame = await panelFrame(page);
    await frame.waitForFunction(
      () =>
        (document
          .querySelector('dsp-document-viewer')
          ?.shadowRoot?.querySelectorAll('[part~="row"]').length ?? 0) > 0,
      undefined,
      { timeout: 15_000 },
    );
    await frame.evaluate(() => Object.assign(window, { loadedOnce: true }));

    // An empty token is refused where it was typed; nothing changes for the panel.
    await page.fill('#token', '  ');
    await page.click('#rotate button');
    assert.equal(await page.getAttribute('#token', 'aria-invalid'), 'true');
    assert.match((await page.locator('#token-error').textContent()) ?? '', /Saisissez un jeton/);
    assert.equal(await page.getAttribute('#token', 'aria-describedby'), 'token-error');
    assert.deepEqual(await violations(page), []);

    // The host's session renews its token; the server revokes the old one.
    valid.set('host-session-2', 'paul-weber');
    await page.fill('#token', 'host-session-2');
    await page.click('#rotate button');
    assert.equal(await page.getAttribute('#token', 'aria-invalid'), null);
    assert.equal(await page.locator('#token-error').textContent(), '');
    valid.delete('mock:paul-weber');
    seen.length = 0;
    const searched = page.waitForResponse(
      (response) => response.url().startsWith(`${mock.url}/DocumentReference`),
      { timeout: 15_000 },
    );
    await frame.click('#refresh');
    assert.equal((await searched).status(), 200);
    await frame.waitForFunction(
      () =>
        document.querySelector('dsp-document-viewer')?.shadowRoot?.querySelectorAll('[part~="row"]')
          .length === 7,
      undefined,
      { timeout: 15_000 },
    );
    assert.ok(seen.length > 0, 'the panel asked the server again');
    assert.deepEqual(new Set(seen), new Set(['Bearer host-session-2']));
    assert.equal(await frame.evaluate(() => 'loadedOnce' in window), true, 'not reloaded');
    assert.deepEqual(await violations(frame), []);
    assert.ok((await logLines(page)).includes('Jeton remplacé'));
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('gives no token to a window of another origin inside the host page', async () => {
    valid.clear();
    valid.set('mock:paul-weber', 'paul-weber');
    const { page } = await openHost();
    await panelFrame(page);
    // A frame of another origin in the host page (an ad, a widget) asks for the token.
    await page.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.title = 'intrus';
      frame.src = src;
      document.body.append(frame);
    }, `${intruder.origin}/asker.html`);
    await page.waitForFunction(() => [...document.querySelectorAll('iframe')].length === 2);
    const asker = await (async () => {
      for (;;) {
        const found = page.frames().find((f) => f.url().startsWith(intruder.origin));
        if (found) return found;
        await page.waitForEvent('framenavigated');
      }
    })();
    await asker.waitForFunction(() => 'outcome' in window);
    const outcome = await asker.evaluate(
      () => (window as unknown as { outcome: Promise<{ token?: string; error?: string }> }).outcome,
    );
    assert.equal(outcome.token, undefined, 'no token for another origin');
    assert.match(outcome.error ?? '', /did not answer the token request/);
    assert.ok(
      (await logLines(page)).includes(`Demande de jeton refusée : ${intruder.origin}`),
      (await logLines(page)).join('\n'),
    );
    await page.close();
  });

  it('takes no token from a page that embeds the panel but is not its parent origin', async () => {
    valid.clear();
    valid.set('mock:paul-weber', 'paul-weber');
    valid.set('mock:anne-muller', 'anne-muller');
    seen.length = 0;
    const { page } = await open(`${intruder.origin}/framer.html`);
    const frame = await panelFrame(page);
    // The panel's request times out unanswered: the viewer says it could not authenticate.
    await frame.waitForFunction(
      () =>
        document.querySelector('dsp-document-viewer')?.shadowRoot?.querySelector('[part~="error"]'),
      undefined,
      { timeout: 20_000 },
    );
    assert.equal(await rowCount(frame), 0);
    assert.ok(
      !seen.includes('Bearer mock:anne-muller'),
      "the intruder's token never reached the server",
    );
    await page.close();
  });
});
