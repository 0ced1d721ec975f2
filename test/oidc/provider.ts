// A real OpenID provider (oidc-provider) on 127.0.0.1 for tests and the sandbox: one public PKCE
// client, rotating refresh tokens, short-lived access tokens, and the mock's users as accounts.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface AccountClaims {
  name: string;
  dsp_role: 'patient' | 'professional' | 'assistant' | 'agency';
  dsp_profession?: string;
}

/** The mock's users (ids as in `@dsp-kit/mock`'s fixtures), with role and profession as claims. */
export const accounts: Record<string, AccountClaims> = {
  'marie-schmit': { name: 'Marie Schmit', dsp_role: 'patient' },
  'lucien-wagner': { name: 'Lucien Wagner', dsp_role: 'patient' },
  'claire-wagner': { name: 'Claire Wagner', dsp_role: 'assistant' },
  'paul-weber': {
    name: 'Dr Paul Weber',
    dsp_role: 'professional',
    dsp_profession: 'medecin-generaliste',
  },
  'anne-muller': {
    name: 'Dr Anne Muller',
    dsp_role: 'professional',
    dsp_profession: 'medecin-specialiste',
  },
  'lisa-schmitt': { name: 'Lisa Schmitt', dsp_role: 'professional', dsp_profession: 'infirmier' },
  'marc-thill': {
    name: 'Marc Thill',
    dsp_role: 'professional',
    dsp_profession: 'kinesitherapeute',
  },
  'ines-faber': { name: 'Dr Inès Faber', dsp_role: 'professional', dsp_profession: 'biologiste' },
  'luc-kremer': {
    name: 'Dr Luc Kremer',
    dsp_role: 'professional',
    dsp_profession: 'medecin-generaliste',
  },
  'sarah-hansen': {
    name: 'Dr Sarah Hansen',
    dsp_role: 'professional',
    dsp_profession: 'medecin-specialiste',
  },
  'julie-meyer': { name: 'Julie Meyer', dsp_role: 'professional', dsp_profession: 'pharmacien' },
  'agence-esante': { name: 'Agence eSanté', dsp_role: 'agency' },
};

export interface OidcProviderOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  clientId?: string;
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
  /** Seconds. Default 60: short, and tests force refreshes rather than wait. */
  accessTokenTtl?: number;
}

export interface RunningOidcProvider {
  issuer: string;
  clientId: string;
  provider: Provider;
  /** What the provider did, counted at the provider. */
  counts: { refreshes: number; codeExchanges: number; revocations: number; endSessions: number };
  close(): Promise<void>;
}

export async function startOidcProvider(
  options: OidcProviderOptions,
): Promise<RunningOidcProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = options.clientId ?? 'dsp-kit-sandbox';
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: options.redirectUris,
        post_logout_redirect_uris: options.postLogoutRedirectUris ?? [],
      },
    ],
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: true },
      revocation: { enabled: true },
      rpInitiatedLogout: { enabled: true },
    },
    claims: { openid: ['sub'], profile: ['name', 'dsp_role', 'dsp_profession'] },
    scopes: ['openid', 'offline_access', 'profile'],
    rotateRefreshToken: true,
    // The public client gets a refresh token without the offline_access + prompt=consent dance.
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    ttl: {
      AccessToken: options.accessTokenTtl ?? 60,
      AuthorizationCode: 60,
      IdToken: 3600,
      RefreshToken: 3600,
      Grant: 3600,
      Session: 3600,
      Interaction: 600,
    },
    clientBasedCORS: () => true,
    cookies: { keys: ['dsp-kit-test-cookie-key'] },
    findAccount: (_ctx, id) => {
      const claims = accounts[id];
      if (!claims) return undefined;
      return { accountId: id, claims: () => ({ sub: id, ...claims }) };
    },
  });
  const counts = { refreshes: 0, codeExchanges: 0, revocations: 0, endSessions: 0 };
  provider.on('grant.success', (ctx) => {
    const grantType = (ctx.oidc.params as { grant_type?: string } | undefined)?.grant_type;
    if (grantType === 'refresh_token') counts.refreshes++;
    if (grantType === 'authorization_code') counts.codeExchanges++;
  });
  provider.on('end_session.success', () => counts.endSessions++);
  const handle = provider.callback();
  server.on('request', (request, response) => {
    // oidc-provider emits no event for a successful revocation: count the requests instead.
    if (request.method === 'POST' && request.url?.startsWith('/token/revocation'))
      counts.revocations++;
    void handle(request, response);
  });
  return {
    issuer,
    clientId,
    provider,
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
