// createDspServer: a store, its handlers and the named scenarios, bound to one base URL.
import type { Resource } from '@medplum/fhirtypes';
import type { HttpHandler } from 'msw';
import { fixtureResources } from './fixtures.js';
import { createHandlers } from './handlers.js';
import { scenarios, type ScenarioName } from './scenarios.js';
import { DspStore } from './store.js';

export interface DspServerOptions {
  /** Absolute FHIR base URL the handlers answer under, e.g. `http://127.0.0.1:8787/fhir`. */
  baseUrl: string;
  /** The resources to serve; the named fixtures by default. */
  data?: readonly Resource[];
}

export interface DspServer {
  readonly baseUrl: string;
  readonly store: DspStore;
  readonly handlers: HttpHandler[];
  /** Handlers that make the server behave as the named scenario, to put in front of `handlers`. */
  scenario(name: ScenarioName): HttpHandler[];
}

export function createDspServer(options: DspServerOptions): DspServer {
  let baseUrl: string;
  try {
    baseUrl = new URL(options.baseUrl).href.replace(/\/+$/, '');
  } catch {
    throw new TypeError(`createDspServer needs an absolute baseUrl, got "${options.baseUrl}"`);
  }
  const store = new DspStore(options.data ?? fixtureResources);
  return {
    baseUrl,
    store,
    handlers: createHandlers(store, baseUrl),
    scenario: (name) => scenarios[name](baseUrl),
  };
}
