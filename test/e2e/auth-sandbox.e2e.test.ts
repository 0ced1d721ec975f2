// `npm run start:oidc` (scripts/oidc-sandbox.mjs) as a user meets it: started on free ports, the
// sandbox signs in through the provider with a fixture account in Chromium, its panels load as that
// user, and the script stops cleanly — Vite and the provider gone, exit code 0.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { CHROME_ARGS, requireChrome } from '../../scripts/chrome.mjs';
import { login } from '../oidc/harness.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** A port nothing listens on right now (the OS's choice). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  assert.ok(address && typeof address === 'object');
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return address.port;
}

/** Whether anything accepts connections on 127.0.0.1:`port`. */
async function listening(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(5000) });
    return true;
  } catch {
    return false;
  }
}

describe('npm run start:oidc', () => {
  let script: ChildProcess;
  let output = '';
  let exited: Promise<number | null>;
  let port: number;
  let oidcPort: number;
  let browser: Browser;

  before(async () => {
    [port, oidcPort] = [await freePort(), await freePort()];
    script = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/oidc-sandbox.mjs',
        '--port',
        String(port),
        '--oidc-port',
        String(oidcPort),
        '--host',
        '127.0.0.1',
      ],
      // Its own process group, so that `after` can end Vite too if the script failed to.
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
    );
    exited = new Promise((resolve) => script.once('exit', (code) => resolve(code)));
    const ready = new Promise<void>((resolve, reject) => {
      const read = (chunk: Buffer) => {
        // Vite colours its banner where CI is set (picocolors), splitting `:port/` with escapes.
        output += stripVTControlCharacters(chunk.toString());
        if (
          output.includes(`OpenID provider: http://127.0.0.1:${oidcPort}`) &&
          output.includes(`:${port}/`)
        ) {
          resolve();
        }
      };
      script.stdout?.on('data', read);
      script.stderr?.on('data', read);
      void exited.then((code) => reject(new Error(`start:oidc exited (${code}):\n${output}`)));
    });
    await ready;
    browser = await chromium.launch({ executablePath: requireChrome(), args: CHROME_ARGS });
  });

  after(async () => {
    await browser.close();
    if (script.exitCode === null && script.pid !== undefined) process.kill(-script.pid, 'SIGKILL');
  });

  it('signs in through the provider, and the panels load as the signed-in user', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1800 } });
    await context.route(
      (url) => url.hostname !== '127.0.0.1',
      (route) => route.abort(),
    );
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    /** The Authorization header of every FHIR request the panels sent. */
    const tokens = new Set<string>();
    page.on('request', (request) => {
      // The sandbox's FHIR base is `fhir/` beside the page (answered by its service worker).
      if (new URL(request.url()).pathname.startsWith('/fhir/')) {
        tokens.add(request.headers().authorization ?? `none: ${request.url()}`);
      }
    });
    // The first visit compiles the sandbox: give Vite time.
    await page.goto(`http://127.0.0.1:${port}/`, { timeout: 120_000 });
    const signIn = page.locator('#oidc-sign-in');
    await signIn.waitFor({ state: 'visible', timeout: 60_000 });
    assert.equal(await page.locator('#oidc').isVisible(), true);
    // Signed out, the sandbox asks the server nothing.
    assert.deepEqual([...tokens], [], 'no request before signing in');
    await signIn.click();
    await login(page, `http://127.0.0.1:${oidcPort}`, 'marie-schmit');
    await page.waitForURL(`http://127.0.0.1:${port}/**`);
    await page
      .locator('#oidc-user')
      .filter({ hasText: 'Marie Schmit' })
      .waitFor({ timeout: 60_000 });
    assert.equal(await page.locator('#oidc-sign-out').isVisible(), true);
    assert.equal(await page.locator('#oidc-sign-in').isVisible(), false);
    await page.locator('dsp-document-viewer [part~="row"]').first().waitFor({ timeout: 60_000 });
    assert.ok((await page.locator('dsp-document-viewer [part~="row"]').count()) > 0);
    assert.deepEqual([...tokens], ['Bearer mock:marie-schmit'], 'every request as Marie');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('stops cleanly: exit code 0, nothing left listening', async () => {
    assert.equal(script.exitCode, null, 'still running before the stop');
    script.kill('SIGTERM');
    assert.equal(await exited, 0, output);
    assert.equal(await listening(port), false, 'Vite is gone');
    assert.equal(await listening(oidcPort), false, 'the provider is gone');
  });
});
