// Named failure scenarios: handlers that make the server misbehave in one precise way, so tests,
// stories and the sandbox can show each error state without magic input values.
import type { HttpHandler } from 'msw';
import { HttpResponse, http } from 'msw';
import { outcomeResponse } from './operation-outcome.js';

export type Scenario = (baseUrl: string) => HttpHandler[];

const documentSearch = (baseUrl: string) => `${baseUrl.replace(/\/+$/, '')}/DocumentReference`;

export const scenarios = {
  /** Document search answers 503 with an OperationOutcome (server down for maintenance). */
  searchUnavailable: (baseUrl) => [
    http.get(documentSearch(baseUrl), () =>
      outcomeResponse(503, 'transient', 'Service temporairement indisponible (maintenance).'),
    ),
  ],
  /** Document search answers 200 with an HTML page, as a misconfigured proxy or portal does. */
  searchNotFhir: (baseUrl) => [
    http.get(documentSearch(baseUrl), () =>
      HttpResponse.html('<!doctype html><title>Login</title><p>Please sign in</p>'),
    ),
  ],
  /** The network drops: document search never reaches the server. */
  searchNetworkError: (baseUrl) => [http.get(documentSearch(baseUrl), () => HttpResponse.error())],
} satisfies Record<string, Scenario>;

export type ScenarioName = keyof typeof scenarios;
