// Starts the mock in a page through msw's service worker: the sandbox, Storybook and browser tests.
import { setupWorker } from 'msw/browser';
import { createHandlers } from './handlers.js';
import { StorePersistence } from './persistence.js';
import { createDspServer, type DspServer, type DspServerOptions } from './server.js';

export interface SandboxOptions extends Partial<DspServerOptions> {
  /** URL of msw's `mockServiceWorker.js`; by default beside the page (`./mockServiceWorker.js`). */
  serviceWorkerUrl?: string;
  /** Keep the data in IndexedDB across reloads (`true`, or the database name to use). */
  persist?: boolean | string;
  /** Log every intercepted request to the console (off by default). */
  verbose?: boolean;
}

export interface Sandbox {
  readonly server: DspServer;
  /** Makes the server behave as a named scenario until `clearScenario()`. */
  useScenario: DspServer['useScenario'];
  clearScenario(): void;
  /** Back to the fixtures, forgetting saved data. */
  reset(): Promise<void>;
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
  const persistence = options.persist
    ? await StorePersistence.attach(
        server.store,
        typeof options.persist === 'string' ? options.persist : 'dsp-kit-sandbox',
      )
    : undefined;
  const worker = setupWorker(...createHandlers(server));
  await worker.start({
    serviceWorker: {
      url: options.serviceWorkerUrl ?? new URL('mockServiceWorker.js', document.baseURI).href,
    },
    onUnhandledRequest: 'bypass',
    quiet: !options.verbose,
  });
  return {
    server,
    useScenario: (name) => {
      server.useScenario(name);
    },
    clearScenario: () => {
      server.clearScenarios();
    },
    reset: async () => {
      server.reset();
      await persistence?.clear();
    },
    stop: () => {
      persistence?.close();
      worker.stop();
    },
  };
}
