// `GET [base]/metadata`: the server's CapabilityStatement, made from its own route table, so what
// it declares is what it answers. Public, as FHIR servers serve it (no token needed).
import type {
  CapabilityStatement,
  CapabilityStatementRestResource,
  CapabilityStatementRestResourceInteraction,
} from '@medplum/fhirtypes';

type TypeInteraction = CapabilityStatementRestResourceInteraction['code'];

/** The FHIR interaction a route (`METHOD Type/:id…`) serves, if it is one. */
function interactionOf(method: string, parts: readonly string[]): TypeInteraction | undefined {
  const [, id, history, version] = parts;
  if (parts.length === 1)
    return method === 'GET' ? 'search-type' : method === 'POST' ? 'create' : undefined;
  if (id !== ':id') return undefined;
  if (parts.length === 2) {
    const codes: Record<string, TypeInteraction> = {
      GET: 'read',
      PUT: 'update',
      PATCH: 'patch',
      DELETE: 'delete',
    };
    return codes[method];
  }
  if (history === '_history' && method === 'GET')
    return version === undefined ? 'history-instance' : 'vread';
  return undefined;
}

/** The CapabilityStatement of a server whose routes are `routeKeys` (`'GET DocumentReference/:id'`…). */
export function capabilityStatement(
  routeKeys: readonly string[],
  baseUrl: string,
  date: string,
): CapabilityStatement {
  const resources = new Map<string, CapabilityStatementRestResource>();
  let transaction = false;
  for (const key of routeKeys) {
    const [method = '', pattern = ''] = key.split(' ');
    const parts = pattern.split('/').filter(Boolean);
    if (parts.length === 0) {
      transaction ||= method === 'POST';
      continue;
    }
    // A route's first segment is a resource type: the route table names only FHIR types.
    const type = (parts[0] ?? '') as CapabilityStatementRestResource['type'];
    const resource: CapabilityStatementRestResource = resources.get(type) ?? {
      type,
      interaction: [],
    };
    resources.set(type, resource);
    const operation = parts.at(-1) ?? '';
    if (operation.startsWith('$')) {
      const name = operation.slice(1);
      resource.operation = [
        ...(resource.operation ?? []),
        { name, definition: `https://dsp-kit.org/fhir/OperationDefinition/${name}` },
      ];
      continue;
    }
    const code = interactionOf(method, parts);
    if (code && !resource.interaction?.some((i) => i.code === code))
      resource.interaction?.push({ code });
  }
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date,
    kind: 'instance',
    software: { name: 'DSP Kit mock DSP server' },
    implementation: { description: 'The mock DSP server', url: baseUrl },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json'],
    implementationGuide: ['https://profiles.ihe.net/ITI/MHD/ImplementationGuide/ihe.iti.mhd'],
    rest: [
      {
        mode: 'server',
        security: {
          service: [
            {
              coding: [
                {
                  system: 'http://terminology.hl7.org/CodeSystem/restful-security-service',
                  code: 'OAuth',
                },
              ],
            },
          ],
          description: 'A bearer token; the mock takes `Bearer mock:<user-id>`.',
        },
        resource: [...resources.values()].sort((a, b) => a.type.localeCompare(b.type)),
        ...(transaction ? { interaction: [{ code: 'transaction' }, { code: 'batch' }] } : {}),
      },
    ],
  };
}
