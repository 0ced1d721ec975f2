// `npm run start:oidc`: the sandbox signing in through a local OpenID provider (oidc-provider on
// 127.0.0.1:8788, the mock's users as accounts, any password) instead of the mock user switcher.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// The provider is TypeScript shared with the tests: the npm script runs this file under tsx.
const { startOidcProvider, accounts } = await import('../test/oidc/provider.ts');

const sandbox = 'http://localhost:5173/';
const oidc = await startOidcProvider({
  port: 8788,
  clientId: 'dsp-kit-sandbox',
  redirectUris: [sandbox, 'http://127.0.0.1:5173/'],
  postLogoutRedirectUris: [sandbox, 'http://127.0.0.1:5173/'],
  accessTokenTtl: 300,
});
console.log(`OpenID provider: ${oidc.issuer} (client ${oidc.clientId}); sign in as any of:`);
for (const [id, claims] of Object.entries(accounts)) {
  console.log(
    `  ${id.padEnd(15)} ${claims.dsp_role}${claims.dsp_profession ? ` (${claims.dsp_profession})` : ''}`,
  );
}

const vite = spawn(process.execPath, [`${root}node_modules/vite/bin/vite.js`], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    VITE_DSP_OIDC_AUTHORITY: oidc.issuer,
    VITE_DSP_OIDC_CLIENT_ID: oidc.clientId,
  },
});
const stop = () => {
  vite.kill('SIGTERM');
  void oidc.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
vite.on('exit', (code) => void oidc.close().then(() => process.exit(code ?? 0)));
