// The `dsp-mock-server` CLI as a child process on a free port of 127.0.0.1, for tests that must go
// through real HTTP exactly as an editor's backend or curl would, and a call as a fixture user.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

export interface CliServer {
  /** The FHIR base, e.g. `http://127.0.0.1:40123/fhir`. */
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts the CLI (with `args`, e.g. `['--seed', '7']`) and resolves once it listens. */
export async function startCliServer(args: readonly string[] = []): Promise<CliServer> {
  const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
  const child: ChildProcess = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', cli, '--port', '0', ...args],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.setEncoding('utf8');
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: string) => {
      output += chunk;
      const match = /DSP mock server at (\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`exited with ${String(code)}: ${output}`)));
  });
  return {
    url,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

export interface HttpAnswer {
  status: number;
  headers: Headers;
  /** JSON when the body is JSON, else its text. */
  body: unknown;
}

/** One request over HTTP as a fixture user (`Bearer mock:<user>`), or anonymous. */
export async function callHttp(
  base: string,
  user: string | undefined,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<HttpAnswer> {
  const response = await fetch(`${base}/${path}`, {
    method,
    headers: {
      Accept: 'application/fhir+json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/fhir+json' }),
      ...(user ? { Authorization: `Bearer mock:${user}` } : {}),
      ...headers,
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: the raw text
  }
  return { status: response.status, headers: response.headers, body: parsed };
}
