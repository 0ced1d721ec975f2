// Starts the mock in a Node process through msw's request interception: Node tests and scripts.
import { setupServer } from 'msw/node';
import { createHandlers } from './handlers.js';
import { createDspServer, type DspServer, type DspServerOptions } from './server.js';

export interface NodeMock {
  readonly server: DspServer;
  useScenario: DspServer['useScenario'];
  clearScenario(): void;
  close(): void;
}

/**
 * Intercepts this process's `fetch` for `baseUrl` (default `http://127.0.0.1:8787/fhir`); other
 * requests are an error, so a test never reaches the network by mistake.
 */
export function setupDspServer(options: Partial<DspServerOptions> = {}): NodeMock {
  const server = createDspServer({
    ...options,
    baseUrl: options.baseUrl ?? 'http://127.0.0.1:8787/fhir',
  });
  const interceptor = setupServer(...createHandlers(server));
  interceptor.listen({ onUnhandledRequest: 'error' });
  return {
    server,
    useScenario: (name) => {
      server.useScenario(name);
    },
    clearScenario: () => {
      server.clearScenarios();
    },
    close: () => {
      interceptor.close();
    },
  };
}
