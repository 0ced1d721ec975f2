// Reads FHIR search-set Bundles: their matching resources, total and paging link, checking that
// the server sent what the search asked for.
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { DspProtocolError } from './errors.js';

/** What one search-set Bundle holds, once checked. */
export interface SearchSet<T extends Resource> {
  readonly entries: T[];
  /** Resources the server added with `search.mode` `include` (e.g. for `_include`). */
  readonly included: Resource[];
  readonly total: number | undefined;
  /** Absolute URL of the next page, when the server gave one. */
  readonly nextUrl: string | undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a JSON value is, for error messages: its resourceType, or its JSON type. */
function describe(value: unknown): string {
  if (!isObject(value))
    return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
  const { resourceType } = value;
  return typeof resourceType === 'string' ? resourceType : 'an object without resourceType';
}

/**
 * Checks that `body` is a search-set Bundle of `resourceType` and returns its matches. Entries with
 * `search.mode` `include` are returned apart as `included`; `outcome` ones are left out. A `next` link is
 * resolved against `url` and must stay on `origin`, so a token is never sent elsewhere.
 */
export function readSearchSet<T extends Resource>(
  body: unknown,
  resourceType: T['resourceType'],
  url: string,
  origin: string,
): SearchSet<T> {
  if (!isObject(body) || body.resourceType !== 'Bundle') {
    throw new DspProtocolError(`Expected a FHIR Bundle, got ${describe(body)}`, url);
  }
  if (body.type !== 'searchset') {
    throw new DspProtocolError(
      `Expected a searchset Bundle, got type ${typeof body.type === 'string' ? `"${body.type}"` : describe(body.type)}`,
      url,
    );
  }
  const bundle = body as unknown as Bundle;
  const entries: T[] = [];
  const included: Resource[] = [];
  for (const entry of bundle.entry ?? []) {
    const mode = entry.search?.mode ?? 'match';
    const resource: unknown = entry.resource;
    if (mode === 'include') {
      if (isObject(resource) && typeof resource.resourceType === 'string') {
        included.push(resource as unknown as Resource);
      }
      continue;
    }
    if (mode !== 'match') continue;
    if (!isObject(resource) || resource.resourceType !== resourceType) {
      throw new DspProtocolError(
        `Expected ${resourceType} entries, got ${describe(resource)}`,
        url,
      );
    }
    entries.push(resource as unknown as T);
  }
  const next = bundle.link?.find((link) => link.relation === 'next')?.url;
  let nextUrl: string | undefined;
  if (next !== undefined) {
    const resolved = new URL(next, url);
    if (resolved.origin !== origin) {
      throw new DspProtocolError(
        `Refusing a next-page link to another origin (${resolved.origin}); expected ${origin}`,
        url,
      );
    }
    nextUrl = resolved.href;
  }
  const total = typeof bundle.total === 'number' ? bundle.total : undefined;
  return { entries, included, total, nextUrl };
}
