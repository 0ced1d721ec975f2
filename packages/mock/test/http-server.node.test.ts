// The mock on real HTTP: the library entry and the `dsp-mock-server` CLI answer real requests on
// 127.0.0.1, with CORS.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DspClient, DspNetworkError } from '@dsp-kit/fhir';
import { staticTokenProvider } from '@dsp-kit/auth';
import { documents, patients, users } from '../src/fixtures.js';
import { startHttpServer, type RunningHttpServer } from '../src/http-server.js';

describe('startHttpServer', () => {
  let running: RunningHttpServer;
  before(async () => {
    running = await startHttpServer({ port: 0 });
  });
  after(() => running.close());

  it('answers FHIR over HTTP on 127.0.0.1 with CORS', async () => {
    assert.match(running.url, /^http:\/\/127\.0\.0\.1:\d+\/fhir$/);
    const response = await fetch(`${running.url}/Patient/${patients.marie.id}`, {
      headers: { Authorization: `Bearer mock:${users.weber}`, Origin: 'http://localhost:5173' },
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), 'http://localhost:5173');
    assert.equal(((await response.json()) as { id: string }).id, patients.marie.id);
    const preflight = await fetch(`${running.url}/Consent/x`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'PUT' },
    });
    assert.equal(preflight.status, 204);
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /If-Match/);
    // Every method a route answers, DELETE RelatedPerson (withdrawing an assistant) included.
    assert.deepEqual(
      (preflight.headers.get('access-control-allow-methods') ?? '').split(/,\s*/).sort(),
      ['DELETE', 'GET', 'OPTIONS', 'PATCH', 'POST', 'PUT'],
    );
  });

  it('serves the real DspClient, and drops the connection in the offline scenario', async () => {
    const client = new DspClient({
      baseUrl: running.url,
      tokens: staticTokenProvider(`mock:${users.marie}`),
      retry: false,
    });
    const page = await client.searchDocuments({ patient: patients.marie.id });
    assert.equal(page.total, 6);
    running.server.useScenario('offline');
    try {
      await assert.rejects(client.searchDocuments({ patient: patients.marie.id }), DspNetworkError);
    } finally {
      running.server.clearScenarios();
    }
  });
});

describe('dsp-mock-server', () => {
  it('starts from the command line and answers a real HTTP request', async () => {
    const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
    const child = spawn(
      process.execPath,
      [
        '--conditions=source',
        '--import',
        'tsx',
        cli,
        '--port',
        '0',
        '--seed',
        '7',
        '--patients',
        '5',
        '--documents',
        '50',
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      let output = '';
      child.stdout.setEncoding('utf8');
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: string) => {
          output += chunk;
          const match = /DSP mock server at (\S+)/.exec(output);
          if (match?.[1]) resolve(match[1]);
        });
        child.once('exit', (code) => reject(new Error(`exited with ${String(code)}: ${output}`)));
      });
      const response = await fetch(`${url}/DocumentReference?_summary=count`, {
        headers: { Authorization: `Bearer mock:${users.agency}` },
      });
      assert.equal(response.status, 200);
      // The named fixtures and the 50 generated documents the command line asked for.
      assert.equal(
        ((await response.json()) as { total: number }).total,
        Object.keys(documents).length + 50,
      );
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });

  it('refuses a bad option with a clear message', async () => {
    const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
    const child = spawn(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', cli, '--port', 'x'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    const [code] = (await once(child, 'exit')) as [number];
    assert.equal(code, 2);
    assert.match(stderr, /--port must be a non-negative integer, got "x"/);
  });
});
