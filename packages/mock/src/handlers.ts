// The msw request handlers: the FHIR endpoints of a DSP server under a base URL.
import type { HttpHandler } from 'msw';
import { http } from 'msw';
import { searchDocuments } from './document-search.js';
import { fhirResponse, outcomeResponse } from './operation-outcome.js';
import type { DspStore } from './store.js';

/** Handlers for `store` under `baseUrl` (absolute, e.g. `http://127.0.0.1:8787/fhir`). */
export function createHandlers(store: DspStore, baseUrl: string): HttpHandler[] {
  const base = baseUrl.replace(/\/+$/, '');
  return [
    http.get(`${base}/DocumentReference`, ({ request }) => {
      const result = searchDocuments(store, new URL(request.url));
      return result.ok
        ? fhirResponse(result.bundle)
        : outcomeResponse(result.status, result.code, result.text);
    }),
    http.get(`${base}/DocumentReference/:id`, ({ params }) => {
      const id = String(params.id);
      const document = store.get('DocumentReference', id);
      return document
        ? fhirResponse(document)
        : outcomeResponse(404, 'not-found', `DocumentReference/${id} not found`);
    }),
    http.get(`${base}/Patient/:id`, ({ params }) => {
      const id = String(params.id);
      const patient = store.get('Patient', id);
      return patient
        ? fhirResponse(patient)
        : outcomeResponse(404, 'not-found', `Patient/${id} not found`);
    }),
  ];
}
