// Starts the mock in a Node process through msw's request interception: Node tests and scripts.
import { setupServer } from 'msw/node';
import type { ScenarioName } from './scenarios.js';
import { createDspServer, type DspServer, type DspServerOptions } from './server.js';

export interface NodeMock {
  readonly server: DspServer;
  useScenario(name: ScenarioName): void;
  clearScenario(): void;
  close(): void;
}

/**
 * Intercepts this process's `fetch` for `baseUrl` (default `http://127.0.0.1:8787/fhir`); other
 * requests are an error, so a test never reaches the network by mistake.
 */
export function startNodeMock(options: Partial<DspServerOptions> = {}): NodeMock {
  const server = createDspServer({
    ...options,
    baseUrl: options.baseUrl ?? 'http://127.0.0.1:8787/fhir',
  });
  const interceptor = setupServer(...server.handlers);
  interceptor.listen({ onUnhandledRequest: 'error' });
  return {
    server,
    useScenario: (name) => interceptor.use(...server.scenario(name)),
    clearScenario: () => interceptor.resetHandlers(),
    close: () => interceptor.close(),
  };
}
