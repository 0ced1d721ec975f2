// `npm run start:oidc`: the sandbox signing in through a local OpenID provider (oidc-provider on
// 127.0.0.1:8788, the mock's users as accounts, any password) instead of the mock user switcher.
// `-- --port 5173 --oidc-port 8788 --host localhost` choose where each listens.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
// The provider is TypeScript shared with the tests: the npm script runs this file under tsx.
const { startOidcProvider, accounts } = await import('../test/oidc/provider.ts');

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5173' },
    'oidc-port': { type: 'string', default: '8788' },
    host: { type: 'string', default: 'localhost' },
  },
});
const port = Number(values.port);
const oidcPort = Number(values['oidc-port']);
for (const [name, value] of [
  ['--port', port],
  ['--oidc-port', oidcPort],
]) {
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    console.error(`start:oidc: ${name} must be a port number (1–65535), got "${String(value)}"`);
    process.exit(2);
  }
}

// Both names of this machine, whichever the browser uses.
const sandboxes = [`http://localhost:${port}/`, `http://127.0.0.1:${port}/`];
const oidc = await startOidcProvider({
  port: oidcPort,
  clientId: 'dsp-kit-sandbox',
  redirectUris: sandboxes,
  postLogoutRedirectUris: sandboxes,
  accessTokenTtl: 300,
});
console.log(`OpenID provider: ${oidc.issuer} (client ${oidc.clientId}); sign in as any of:`);
for (const [id, claims] of Object.entries(accounts)) {
  console.log(
    `  ${id.padEnd(15)} ${claims.dsp_role}${claims.dsp_profession ? ` (${claims.dsp_profession})` : ''}`,
  );
}

const vite = spawn(
  process.execPath,
  [
    `${root}node_modules/vite/bin/vite.js`,
    '--port',
    String(port),
    '--strictPort',
    '--host',
    values.host,
  ],
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      VITE_DSP_OIDC_AUTHORITY: oidc.issuer,
      VITE_DSP_OIDC_CLIENT_ID: oidc.clientId,
    },
  },
);
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  vite.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
// Closes the provider once Vite is gone: a stop asked for is a clean exit; Vite failing is not.
vite.on('exit', (code) => {
  void oidc.close().then(() => process.exit(stopping ? 0 : (code ?? 1)));
});
