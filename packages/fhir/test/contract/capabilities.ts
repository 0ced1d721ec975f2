// The server's CapabilityStatement (`GET [base]/metadata`), read first, and what it says a check
// may not expect: a resource type, an interaction or a search parameter it does not list.
import type { CapabilityStatement, CapabilityStatementRest } from '@medplum/fhirtypes';
import { unsupportedReason } from './verdict.js';

/** What `GET metadata` gave: the statement, or why there is none. */
export type Metadata =
  | { readonly statement: CapabilityStatement }
  | { readonly unsupported: string }
  | { readonly problem: string };

/** An interaction a check relies on, as a CapabilityStatement names it. */
export type Use =
  | { readonly system: 'transaction' | 'batch' }
  | {
      readonly type: string;
      readonly interaction: 'read' | 'search-type' | 'create' | 'update';
      /** Search parameters, by the name before any chain (`author` for `author.family`). */
      readonly params?: readonly string[];
    };

/** Reads the CapabilityStatement with `get` (a FHIR GET relative to the base). */
export async function readMetadata(get: (path: string) => Promise<unknown>): Promise<Metadata> {
  let body: unknown;
  try {
    body = await get('metadata');
  } catch (error) {
    const reason = unsupportedReason(error);
    if (reason) return { unsupported: reason };
    throw error;
  }
  const resourceType = (body as { resourceType?: unknown } | null)?.resourceType;
  if (resourceType !== 'CapabilityStatement') {
    return {
      problem: `GET metadata answered ${typeof resourceType === 'string' ? `a ${resourceType}` : 'no FHIR resource'}, not a CapabilityStatement`,
    };
  }
  return { statement: body as CapabilityStatement };
}

function serverRest(statement: CapabilityStatement): CapabilityStatementRest | undefined {
  return statement.rest?.find((rest) => rest.mode === 'server') ?? statement.rest?.[0];
}

/**
 * Why the statement says the server does not do `use`, or undefined when it does or says nothing.
 * Only what a statement lists counts against it: a statement without any `interaction` (or
 * `searchParam`) list for a resource declares nothing, and every interaction is then tried.
 */
export function declined(metadata: Metadata, use: Use): string | undefined {
  if (!('statement' in metadata)) return undefined;
  const rest = serverRest(metadata.statement);
  if (!rest) return undefined;
  if ('system' in use) {
    const listed = rest.interaction;
    return listed && !listed.some((i) => i.code === use.system)
      ? `the CapabilityStatement lists no ${use.system} interaction`
      : undefined;
  }
  const resource = rest.resource?.find((r) => r.type === use.type);
  if (!resource) return `the CapabilityStatement lists no ${use.type}`;
  const interactions = resource.interaction;
  if (interactions && !interactions.some((i) => i.code === use.interaction)) {
    return `the CapabilityStatement lists no ${use.interaction} of ${use.type}`;
  }
  const params = resource.searchParam;
  const missing = params?.length
    ? use.params?.find((name) => !params.some((p) => p.name === name))
    : undefined;
  return missing
    ? `the CapabilityStatement lists no "${missing}" search of ${use.type}`
    : undefined;
}
