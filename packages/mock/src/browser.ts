// Starts the mock in a page through msw's service worker: the sandbox, Storybook and browser tests.
import { setupWorker } from 'msw/browser';
import { createHandlers } from './handlers.js';
import { StorePersistence } from './persistence.js';
import { createDspServer, type DspServer, type DspServerOptions } from './server.js';
import { guardWorkerUpdates } from './worker-updates.js';

export interface SandboxOptions extends Partial<DspServerOptions> {
  /**
   * URL of msw's `mockServiceWorker.js`, relative to the page (`document.baseURI`) or absolute; by
   * default beside the page (`./mockServiceWorker.js`), so a site published under a sub-path works.
   */
  serviceWorkerUrl?: string;
  /** The worker's scope, relative to the page or absolute; by default the worker's folder. */
  serviceWorkerScope?: string;
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
 * Where the sandbox keeps its data by default. Not a `dsp-kit-` name: it is the server's data, not
 * a client's cache, so a sign-out (`DspCache.clearAll()`) leaves it alone, as a real server's.
 */
export const SANDBOX_DATABASE = 'dsp-mock-sandbox';

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
        typeof options.persist === 'string' ? options.persist : SANDBOX_DATABASE,
        server.emergencies,
      )
    : undefined;
  // A change is saved before its answer leaves: a reload the moment it arrives keeps it.
  const handle = async (request: Request): Promise<Response> => {
    const response = await server.handle(request);
    try {
      await persistence?.settle();
    } catch (error) {
      console.warn('The sandbox could not save its data', error);
    }
    return response;
  };
  const worker = setupWorker(...createHandlers({ ...server, handle }));
  // msw updates an existing registration without waiting for it (its worker unregisters itself
  // when its last page goes, so a quick navigation can leave nothing to update): a failure must
  // not surface. Guarded again once started, for the registration msw has just made.
  await guardWorkerUpdates();
  // Absolute URLs for msw, which compares the registered worker's URL with this one.
  const workerUrl = new URL(options.serviceWorkerUrl ?? 'mockServiceWorker.js', document.baseURI);
  const scope = options.serviceWorkerScope
    ? new URL(options.serviceWorkerScope, document.baseURI)
    : new URL('./', workerUrl);
  await worker.start({
    serviceWorker: { url: workerUrl.href, options: { scope: scope.href } },
    onUnhandledRequest: 'bypass',
    quiet: !options.verbose,
  });
  await guardWorkerUpdates();
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
