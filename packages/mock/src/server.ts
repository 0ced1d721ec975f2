// createDspServer: a DSP server as one fetch-style function, `handle(request) → Response`. msw
// (browser and Node) and the CLI's HTTP server are thin adapters around it.
import type { Resource } from '@medplum/fhirtypes';
import { AuditTrail } from './audit-trail.js';
import { EmergencyAccesses, type Context, type ServerState } from './context.js';
import { FhirFailure, fhirResponse, outcomeResponse } from './fhir-http.js';
import { fixtureResources } from './fixtures.js';
import { identifyMockToken, type Identify } from './identity.js';
import { Policy, type PolicyOptions } from './policy.js';
import {
  createAssistantRoute,
  deleteAssistantRoute,
  readAssistantRoute,
  searchAssistantsRoute,
  updateAssistantRoute,
} from './routes/assistants.js';
import { searchAuditRoute } from './routes/audit.js';
import { bundleRoute } from './routes/bundle.js';
import {
  consentHistoryRoute,
  createConsentRoute,
  readConsentRoute,
  searchConsentRoute,
  updateConsentRoute,
} from './routes/consent.js';
import {
  readDirectoryRoute,
  searchPractitionersRoute,
  searchRolesRoute,
} from './routes/directory.js';
import { readBinaryRoute, readDocumentRoute, searchDocumentsRoute } from './routes/documents.js';
import { updateDocumentRoute } from './routes/document-updates.js';
import { breakTheGlassRoute } from './routes/emergency.js';
import { capabilityStatement } from './routes/metadata.js';
import { readPatientRoute } from './routes/patients.js';
import { DEFAULT_MAX_BODY_SIZE, readCappedBody, transactionBodyLimit } from './request-body.js';
import { scenarios, type Handle, type ScenarioName } from './scenarios.js';
import { DspStore } from './store.js';
import { DEFAULT_MAX_SIZE } from './transaction.js';

export interface DspServerOptions {
  /** Absolute FHIR base URL the server answers under, e.g. `http://127.0.0.1:8787/fhir`. */
  baseUrl: string;
  /** The resources to serve; the named fixtures by default. */
  data?: readonly Resource[];
  /** The access rules' settings (profession matrix, explicit grants, référent and masks). */
  policy?: PolicyOptions;
  /** Who is calling; by default the mock token `Bearer mock:<user-id>`. */
  identify?: Identify;
  /** The server's clock (tests fix it). */
  clock?: () => Date;
  /** Largest document accepted, in bytes; 20 MiB by default. */
  maxUploadSize?: number;
  /**
   * Largest transaction body read, in bytes; by default room for a document of `maxUploadSize`
   * in base64 and 1 MiB of metadata. A larger body is refused with a 413 while it streams in.
   */
  maxTransactionBodySize?: number;
  /** Largest body of any other request (consent, assistant, operation), in bytes; 1 MiB. */
  maxBodySize?: number;
  /** How long an emergency access lasts; 24 hours by default. */
  emergencyAccessHours?: number;
}

export interface DspServer {
  readonly baseUrl: string;
  readonly store: DspStore;
  /** The emergency accesses in progress (the sandbox saves them with the store). */
  readonly emergencies: EmergencyAccesses;
  /** Answers one request as the DSP server would. */
  handle(request: Request): Promise<Response>;
  /** Makes the server behave as the named scenario (they stack) until `clearScenarios()`. */
  useScenario(name: ScenarioName): void;
  clearScenarios(): void;
  /** Back to the initial data, no scenario, no emergency access in progress. */
  reset(): void;
}

type Route = (context: Context, params: string[]) => Response | Promise<Response>;

/** The route key of ITI-65 transactions (and batches): the one body allowed a document's size. */
const TRANSACTION_ROUTE = 'POST ';

interface RouteMatch {
  readonly key: string;
  readonly route: Route;
  readonly params: string[];
}

/**
 * Method + path pattern (after the base URL) → route; `:id` segments become params. Finds the
 * route of a method and decoded path, else the methods that path takes (none: no such path).
 */
function router(
  routes: Record<string, Route>,
): (method: string, segments: string[]) => { match?: RouteMatch; allowed: string[] } {
  const compiled = Object.entries(routes).map(([key, route]) => {
    const [method = '', pattern = ''] = key.split(' ');
    const parts = pattern.split('/').filter(Boolean);
    return { key, method, parts, route };
  });
  /** The params when `segments` fit `parts`, else undefined. */
  const fit = (parts: string[], segments: string[]): string[] | undefined => {
    if (parts.length !== segments.length) return undefined;
    const params: string[] = [];
    const fits = parts.every((part, i) => {
      const segment = segments[i] ?? '';
      if (part.startsWith(':')) {
        params.push(segment);
        return true;
      }
      return part === segment;
    });
    return fits ? params : undefined;
  };
  return (method, segments) => {
    const allowed: string[] = [];
    for (const candidate of compiled) {
      const params = fit(candidate.parts, segments);
      if (!params) continue;
      if (candidate.method === method) {
        return { match: { key: candidate.key, route: candidate.route, params }, allowed };
      }
      allowed.push(candidate.method);
    }
    return { allowed };
  };
}

/** The path's segments, percent-decoded; a 400 naming the first one that does not decode. */
function pathSegments(path: string): string[] {
  return path
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        throw FhirFailure.of(
          400,
          'invalid',
          `The path segment "${segment}" is not valid percent-encoded UTF-8`,
        );
      }
    });
}

/**
 * A 400 naming the first query parameter whose name or value does not decode: `URLSearchParams`
 * would otherwise read it on with its bytes silently replaced.
 */
function checkQuery(search: string): void {
  for (const pair of search.replace(/^\?/, '').split('&')) {
    const [name = '', ...rest] = pair.split('=');
    for (const part of [name, rest.join('=')]) {
      try {
        decodeURIComponent(part.replace(/\+/g, ' '));
      } catch {
        throw FhirFailure.of(
          400,
          'invalid',
          `The query parameter "${name}" is not valid percent-encoded UTF-8`,
        );
      }
    }
  }
}

/** A byte count option: a non-negative integer, else a TypeError naming it. */
function byteCount(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new TypeError(`createDspServer: ${name} must be a non-negative integer, got ${value}`);
  }
  return value;
}

/** The same answer without its body: what HEAD gets (RFC 9110 §9.3.2). */
function withoutBody(response: Response): Response {
  response.body?.cancel().catch(() => undefined);
  return new Response(null, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

export function createDspServer(options: DspServerOptions): DspServer {
  let base: URL;
  try {
    base = new URL(options.baseUrl);
  } catch {
    throw new TypeError(`createDspServer needs an absolute baseUrl, got "${options.baseUrl}"`);
  }
  const baseUrl = base.href.replace(/\/+$/, '');
  const basePath = new URL(`${baseUrl}/`).pathname;
  const clock = options.clock ?? (() => new Date());
  const store = new DspStore(options.data ?? fixtureResources, clock);
  const identify = options.identify ?? identifyMockToken;
  const state: ServerState = {
    baseUrl,
    store,
    policy: new Policy(options.policy),
    audit: new AuditTrail(store, clock),
    emergencies: new EmergencyAccesses(clock),
    clock,
    maxUploadSize: byteCount('maxUploadSize', options.maxUploadSize, DEFAULT_MAX_SIZE),
    emergencyAccessHours: options.emergencyAccessHours ?? 24,
  };
  const maxTransactionBodySize = byteCount(
    'maxTransactionBodySize',
    options.maxTransactionBodySize,
    transactionBodyLimit(state.maxUploadSize),
  );
  const maxBodySize = byteCount('maxBodySize', options.maxBodySize, DEFAULT_MAX_BODY_SIZE);

  const routes: Record<string, Route> = {
    [TRANSACTION_ROUTE]: (c) => bundleRoute(c, handle),
    'GET DocumentReference': (c) => searchDocumentsRoute(c),
    'GET DocumentReference/:id': (c, [id = '']) => readDocumentRoute(c, id),
    'PUT DocumentReference/:id': (c, [id = '']) => updateDocumentRoute(c, id, false),
    'PATCH DocumentReference/:id': (c, [id = '']) => updateDocumentRoute(c, id, true),
    'GET Binary/:id': (c, [id = '']) => readBinaryRoute(c, id),
    'GET Patient/:id': (c, [id = '']) => readPatientRoute(c, id),
    'POST Patient/:id/$break-the-glass': (c, [id = '']) => breakTheGlassRoute(c, id),
    'GET Consent': (c) => searchConsentRoute(c),
    'POST Consent': (c) => createConsentRoute(c),
    'GET Consent/:id': (c, [id = '']) => readConsentRoute(c, id),
    'PUT Consent/:id': (c, [id = '']) => updateConsentRoute(c, id),
    'GET Consent/:id/_history': (c, [id = '']) => consentHistoryRoute(c, id),
    'GET Consent/:id/_history/:version': (c, [id = '', version = '']) =>
      readConsentRoute(c, id, version),
    'GET RelatedPerson': (c) => searchAssistantsRoute(c),
    'POST RelatedPerson': (c) => createAssistantRoute(c),
    'GET RelatedPerson/:id': (c, [id = '']) => readAssistantRoute(c, id),
    'PUT RelatedPerson/:id': (c, [id = '']) => updateAssistantRoute(c, id),
    'DELETE RelatedPerson/:id': (c, [id = '']) => deleteAssistantRoute(c, id),
    'GET AuditEvent': (c) => searchAuditRoute(c),
    'GET PractitionerRole': (c) => searchRolesRoute(c),
    'GET Practitioner': (c) => searchPractitionersRoute(c),
    'GET Practitioner/:id': (c, [id = '']) => readDirectoryRoute(c, 'Practitioner', id),
    'GET PractitionerRole/:id': (c, [id = '']) => readDirectoryRoute(c, 'PractitionerRole', id),
    'GET Organization/:id': (c, [id = '']) => readDirectoryRoute(c, 'Organization', id),
  };
  const route = router(routes);

  /** Every method some route takes, and HEAD, which is GET without the body. */
  const implemented = new Set([...Object.keys(routes).map((key) => key.split(' ')[0]), 'HEAD']);

  /** The answer to a request, or the failure thrown on the way to it. */
  async function answer(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (!url.pathname.startsWith(basePath) && `${url.pathname}/` !== basePath) {
      return outcomeResponse(404, 'not-found', `Not under ${baseUrl}`);
    }
    const path = url.pathname.slice(basePath.length);
    const segments = pathSegments(path);
    checkQuery(url.search);
    // HEAD is answered as GET, its body left out (RFC 9110 §9.3.2).
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    if (!implemented.has(method)) {
      return outcomeResponse(
        501,
        'not-supported',
        `The method ${request.method} is not supported by this server`,
      );
    }
    // The CapabilityStatement is public, as on FHIR servers: clients read it before signing in.
    if (method === 'GET' && segments.length === 1 && segments[0] === 'metadata')
      return fhirResponse(capabilityStatement(Object.keys(routes), baseUrl, clock().toISOString()));
    const { match, allowed } = route(method, segments);
    if (!match && allowed.length === 0)
      return outcomeResponse(
        404,
        'not-supported',
        `${request.method} ${path} is not supported here`,
      );
    if (!match) {
      const methods = allowed.includes('GET') ? [...allowed, 'HEAD'] : allowed;
      const response = outcomeResponse(
        405,
        'not-supported',
        `${request.method} ${path} is not allowed here: ${methods.join(', ')} only`,
      );
      response.headers.set('Allow', methods.join(', '));
      return response;
    }
    const caller = identify(request, store);
    if (!caller) {
      const response = outcomeResponse(
        401,
        'login',
        'Authentification requise : jeton d’accès absent ou inconnu.',
      );
      response.headers.set('WWW-Authenticate', 'Bearer realm="DSP"');
      return response;
    }
    // Bodies are read here, capped, so no route ever holds more than its cap; the route reads the
    // bytes from a request made of them as it would the original.
    const read =
      method === 'POST' || method === 'PUT' || method === 'PATCH'
        ? new Request(request.url, {
            method: request.method,
            headers: request.headers,
            body: await readCappedBody(
              request,
              match.key === TRANSACTION_ROUTE ? maxTransactionBodySize : maxBodySize,
            ),
          })
        : request;
    return match.route({ ...state, request: read, url, caller }, match.params);
  }

  /** The server itself, without scenarios: every failure is an OperationOutcome. */
  async function serve(request: Request): Promise<Response> {
    let response: Response;
    try {
      response = await answer(request);
    } catch (error) {
      if (error instanceof FhirFailure) response = error.response();
      else {
        const text = error instanceof Error ? error.message : String(error);
        response = outcomeResponse(500, 'exception', `Erreur interne du serveur fictif : ${text}`);
      }
    }
    return request.method === 'HEAD' ? withoutBody(response) : response;
  }

  let active: ScenarioName[] = [];
  let handler: Handle = serve;
  const rebuild = () => {
    handler = active.reduce<Handle>((next, name) => scenarios[name](next), serve);
  };
  function handle(request: Request): Promise<Response> {
    return handler(request);
  }

  return {
    baseUrl,
    store,
    emergencies: state.emergencies,
    handle,
    useScenario(name) {
      active = [...active, name];
      rebuild();
    },
    clearScenarios() {
      active = [];
      rebuild();
    },
    reset() {
      store.reset();
      state.emergencies.clear();
      active = [];
      rebuild();
    },
  };
}
