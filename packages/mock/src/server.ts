// createDspServer: a DSP server as one fetch-style function, `handle(request) → Response`. msw
// (browser and Node) and the CLI's HTTP server are thin adapters around it.
import type { Resource } from '@medplum/fhirtypes';
import { AuditTrail } from './audit-trail.js';
import { EmergencyAccesses, type Context, type ServerState } from './context.js';
import { FhirFailure, outcomeResponse } from './fhir-http.js';
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
import { breakTheGlassRoute } from './routes/emergency.js';
import { readPatientRoute } from './routes/patients.js';
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
  /** How long an emergency access lasts; 24 hours by default. */
  emergencyAccessHours?: number;
}

export interface DspServer {
  readonly baseUrl: string;
  readonly store: DspStore;
  /** Answers one request as the DSP server would. */
  handle(request: Request): Promise<Response>;
  /** Makes the server behave as the named scenario (they stack) until `clearScenarios()`. */
  useScenario(name: ScenarioName): void;
  clearScenarios(): void;
  /** Back to the initial data, no scenario, no emergency access in progress. */
  reset(): void;
}

type Route = (context: Context, params: string[]) => Response | Promise<Response>;

/** Method + path pattern (after the base URL) → route; `:id` segments become params. */
function router(
  routes: Record<string, Route>,
): (method: string, path: string) => { route: Route; params: string[] } | undefined {
  const compiled = Object.entries(routes).map(([key, route]) => {
    const [method, pattern = ''] = key.split(' ');
    const parts = pattern.split('/').filter(Boolean);
    return { method, parts, route };
  });
  return (method, path) => {
    const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
    for (const candidate of compiled) {
      if (candidate.method !== method || candidate.parts.length !== segments.length) continue;
      const params: string[] = [];
      const matches = candidate.parts.every((part, i) => {
        const segment = segments[i] ?? '';
        if (part.startsWith(':')) {
          params.push(segment);
          return true;
        }
        return part === segment;
      });
      if (matches) return { route: candidate.route, params };
    }
    return undefined;
  };
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
    maxUploadSize: options.maxUploadSize ?? DEFAULT_MAX_SIZE,
    emergencyAccessHours: options.emergencyAccessHours ?? 24,
  };

  const route = router({
    'POST ': (c) => bundleRoute(c, handle),
    'GET DocumentReference': (c) => searchDocumentsRoute(c),
    'GET DocumentReference/:id': (c, [id = '']) => readDocumentRoute(c, id),
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
  });

  /** The server itself, without scenarios. */
  async function serve(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (!url.pathname.startsWith(basePath) && `${url.pathname}/` !== basePath) {
      return outcomeResponse(404, 'not-found', `Not under ${baseUrl}`);
    }
    const path = url.pathname.slice(basePath.length);
    const match = route(request.method, path);
    if (!match)
      return outcomeResponse(
        404,
        'not-supported',
        `${request.method} ${path} is not supported here`,
      );
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
    try {
      return await match.route({ ...state, request, url, caller }, match.params);
    } catch (error) {
      if (error instanceof FhirFailure) return error.response();
      const text = error instanceof Error ? error.message : String(error);
      return outcomeResponse(500, 'exception', `Erreur interne du serveur fictif : ${text}`);
    }
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
