// The mock DSP servers stories run on (one per access policy, at `fhir` beside the preview page),
// the msw handlers that serve them, and clients signed in as any fixture user.
import { staticTokenProvider } from '@dsp-kit/auth';
import { DspClient, type ReadCache } from '@dsp-kit/fhir';
import {
  createDspServer,
  createHandlers,
  mockToken,
  type DspServer,
  type PolicyOptions,
  type ScenarioName,
} from '@dsp-kit/mock';
import type { HttpHandler } from 'msw';

const servers = new Map<string, DspServer>();

/** Relative to the page, so a Storybook published under a sub-path asks its own mock. */
function baseUrl(): string {
  return new URL('fhir', document.baseURI).href;
}

/** The mock server with these access rules (the default ones when none are given). */
export function mockServer(policy: PolicyOptions = {}): DspServer {
  const key = JSON.stringify(policy);
  let server = servers.get(key);
  if (!server) {
    server = createDspServer({ baseUrl: baseUrl(), policy });
    servers.set(key, server);
  }
  return server;
}

/**
 * msw handlers answering every request under the FHIR base with the mock server of these rules:
 * what a story puts in `parameters.msw.handlers.dsp`.
 */
export function mockHandlers(policy?: PolicyOptions): HttpHandler[] {
  return createHandlers(mockServer(policy));
}

/** Every mock server back to the fixtures, then behaving as `scenario` when one is named. */
export function resetServers(scenario?: ScenarioName): void {
  for (const server of servers.values()) {
    server.reset();
    if (scenario) server.useScenario(scenario);
  }
}

/** Every mock server behaves as `scenario` from now on (they stack), e.g. going offline. */
export function useScenario(scenario: ScenarioName): void {
  for (const server of servers.values()) server.useScenario(scenario);
}

/** A client signed in as a fixture user, without retries (stories show failures at once). */
export function clientFor(user: string, options: { cache?: ReadCache } = {}): DspClient {
  return new DspClient({
    baseUrl: baseUrl(),
    tokens: staticTokenProvider(mockToken(user)),
    retry: false,
    ...(options.cache ? { cache: options.cache } : {}),
  });
}
