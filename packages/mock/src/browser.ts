// Starts the mock in a page through msw's service worker: the sandbox, Storybook and browser tests.
import { setupWorker } from 'msw/browser';
import type { ScenarioName } from './scenarios.js';
import { createDspServer, type DspServer, type DspServerOptions } from './server.js';

export interface SandboxOptions extends Partial<DspServerOptions> {
  /** URL of msw's `mockServiceWorker.js`; by default beside the page (`./mockServiceWorker.js`). */
  serviceWorkerUrl?: string;
  /** Log every intercepted request to the console (off by default). */
  verbose?: boolean;
}

export interface Sandbox {
  readonly server: DspServer;
  /** Makes the server behave as a named failure scenario until `clearScenario()`. */
  useScenario(name: ScenarioName): void;
  clearScenario(): void;
  stop(): void;
}

/**
 * Registers msw's service worker and serves the mock under `baseUrl` (default: `fhir` beside the
 * page). Requests outside the base URL go to the network untouched.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const server = createDspServer({
    ...options,
    baseUrl: options.baseUrl ?? new URL('fhir', document.baseURI).href,
  });
  const worker = setupWorker(...server.handlers);
  await worker.start({
    serviceWorker: {
      url: options.serviceWorkerUrl ?? new URL('mockServiceWorker.js', document.baseURI).href,
    },
    onUnhandledRequest: 'bypass',
    quiet: !options.verbose,
  });
  return {
    server,
    useScenario: (name) => worker.use(...server.scenario(name)),
    clearScenario: () => worker.resetHandlers(),
    stop: () => worker.stop(),
  };
}
