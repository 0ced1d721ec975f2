// The FHIR search plumbing every route of the mock shares: the parameter check, the `patient`
// reference, token and date matchers (every prefix, every precision), `_sort`, `_count`/`_offset`
// paging and the searchset Bundle with its next link. Routes keep only their resource's filters.
import type { Bundle, BundleEntry, OperationOutcome, Resource } from '@medplum/fhirtypes';
import { FhirFailure } from './fhir-http.js';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;

function invalid(code: 'required' | 'value' | 'not-supported', text: string): never {
  throw FhirFailure.of(400, code, text);
}

/** Refuses, as a FHIR server does (400 `not-supported`), a parameter the route does not know. */
export function checkParameters(params: URLSearchParams, supported: ReadonlySet<string>): void {
  for (const name of params.keys()) {
    if (!supported.has(name)) invalid('not-supported', `Unsupported search parameter "${name}"`);
  }
}

/** The patient id in a `patient` parameter: `123`, `Patient/123` or an absolute reference. */
export function patientId(value: string): string {
  const match = /(?:^|\/)Patient\/([^/?#]+)$/.exec(value);
  return match?.[1] ?? value;
}

/** The id of the required `patient` parameter; 400 `required` without it. */
export function requiredPatient(params: URLSearchParams, why = ''): string {
  const value = params.get('patient')?.trim();
  if (!value) invalid('required', `The "patient" search parameter is required${why}`);
  return patientId(value);
}

/** A coding as token parameters see it: `Coding`, or an `Identifier` as system and value. */
export interface Token {
  system?: string;
  code?: string;
}

/** Matches a token parameter value (`system|code`, `|code`, `code`, comma-separated) on codings. */
export function tokenMatcher(param: string): (codings: readonly Token[]) => boolean {
  const alternatives = param.split(',').map((token) => {
    const bar = token.indexOf('|');
    return bar < 0 ? { code: token } : { system: token.slice(0, bar), code: token.slice(bar + 1) };
  });
  return (codings) =>
    alternatives.some((alt) =>
      codings.some(
        (c) => c.code === alt.code && (alt.system === undefined || (c.system ?? '') === alt.system),
      ),
    );
}

const DATE_PREFIX =
  /^(eq|ne|gt|lt|ge|le|sa|eb)?(\d{4}(-\d{2}(-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?)?)?)$/;

/**
 * The instant range [start, end) a FHIR date value covers at its precision: a year, a month, a
 * day (in UTC, as the mock stores instants) or one instant.
 */
function dateRange(value: string): [number, number] {
  const year = Number(value.slice(0, 4));
  if (value.length === 4) return [Date.UTC(year, 0, 1), Date.UTC(year + 1, 0, 1)];
  const month = Number(value.slice(5, 7)) - 1;
  if (month < 0 || month > 11) return [Number.NaN, Number.NaN];
  if (value.length === 7) return [Date.UTC(year, month, 1), Date.UTC(year, month + 1, 1)];
  const day = Number(value.slice(8, 10));
  // Date.UTC would roll 2026-02-30 over to March: a day the month lacks is no date.
  if (day < 1 || new Date(Date.UTC(year, month, day)).getUTCMonth() !== month)
    return [Number.NaN, Number.NaN];
  if (value.length === 10) return [Date.UTC(year, month, day), Date.UTC(year, month, day + 1)];
  const instant = Date.parse(value);
  return [instant, instant + 1];
}

/**
 * Matches a date parameter (FHIR R4 search, "date" type) on an instant: `le2026-03` takes the
 * whole of March, `eq2026-03-05` the whole day, `gt` starts after the value's range ends.
 */
export function dateMatcher(param: string): (date: string | undefined) => boolean {
  const match = DATE_PREFIX.exec(param);
  if (!match?.[2]) invalid('value', `Invalid date parameter "${param}"`);
  const prefix = match[1] ?? 'eq';
  const [start, end] = dateRange(match[2]);
  if (Number.isNaN(start)) invalid('value', `Invalid date parameter "${param}"`);
  return (date) => {
    if (date === undefined) return false;
    const t = Date.parse(date);
    switch (prefix) {
      case 'gt':
      case 'sa':
        return t >= end;
      case 'lt':
      case 'eb':
        return t < start;
      case 'ge':
        return t >= start;
      case 'le':
        return t < end;
      case 'ne':
        return t < start || t >= end;
      default:
        return t >= start && t < end;
    }
  };
}

/** `_sort` on the one date a route sorts by: 1 for `date`, -1 for `-date` (the default). */
export function dateSortDirection(params: URLSearchParams): 1 | -1 {
  const sort = params.get('_sort') ?? '-date';
  if (sort !== 'date' && sort !== '-date')
    invalid('not-supported', `Unsupported _sort "${sort}"; use "date" or "-date"`);
  return sort === 'date' ? 1 : -1;
}

/** A page of results: `_count` from 1 to `MAX_PAGE_SIZE`, `_offset` from 0. */
export interface Paging {
  readonly count: number;
  readonly offset: number;
}

function nonNegativeInteger(value: string | null, name: string): number | undefined {
  if (value === null) return undefined;
  if (!/^\d+$/.test(value)) invalid('value', `${name} must be a non-negative integer`);
  return Number(value);
}

/** The page a search asks for; 400 `value` for a count or offset out of range. */
export function paging(params: URLSearchParams, defaultCount = DEFAULT_PAGE_SIZE): Paging {
  const count = nonNegativeInteger(params.get('_count'), '_count') ?? defaultCount;
  if (count < 1 || count > MAX_PAGE_SIZE)
    invalid('value', `_count must be an integer from 1 to ${MAX_PAGE_SIZE}`);
  const offset = nonNegativeInteger(params.get('_offset'), '_offset') ?? 0;
  return { count, offset };
}

export interface SearchsetOptions<T extends Resource> {
  /** The page to answer; every match when absent (searches the mock does not page). */
  readonly page?: Paging;
  /** An entry's `fullUrl`, when the route gives one. */
  readonly fullUrl?: (resource: T) => string;
  /** A match as the caller receives it (with the marks only they may see); as found by default. */
  readonly present?: (resource: T) => T;
  /** Resources `_include`d with the page. */
  readonly included?: readonly Resource[];
  /** What the server says about the search as a whole (`search.mode = outcome`), on every page. */
  readonly outcome?: OperationOutcome;
}

/**
 * The searchset Bundle of `matches`: `total` counts them all, `entry` holds the page (then the
 * included resources), and a `next` link (same query, the next `_offset`) when more remain.
 */
export function searchset<T extends Resource>(
  url: URL,
  matches: readonly T[],
  options: SearchsetOptions<T> = {},
): Bundle<T> {
  const { page, fullUrl, present = (resource: T) => resource, included = [], outcome } = options;
  const shown = page ? matches.slice(page.offset, page.offset + page.count) : matches;
  const link: Bundle['link'] = [{ relation: 'self', url: url.href }];
  if (page && page.offset + page.count < matches.length) {
    const next = new URL(url);
    next.searchParams.set('_offset', String(page.offset + page.count));
    next.searchParams.set('_count', String(page.count));
    link.push({ relation: 'next', url: next.href });
  }
  const entry: BundleEntry<T>[] = shown.map((resource) => ({
    ...(fullUrl ? { fullUrl: fullUrl(resource) } : {}),
    resource: present(resource),
    search: { mode: 'match' },
  }));
  // Typed as the matches' resource for the caller's convenience: included resources and the
  // outcome are told apart by their `search.mode`, as FHIR clients do.
  for (const resource of included)
    entry.push({ resource: resource as T, search: { mode: 'include' } });
  if (outcome) entry.push({ resource: outcome as unknown as T, search: { mode: 'outcome' } });
  return { resourceType: 'Bundle', type: 'searchset', total: matches.length, link, entry };
}

/** The `_summary=count` answer: the total, no entries. */
export function countOnly<T extends Resource>(url: URL, total: number): Bundle<T> {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total,
    link: [{ relation: 'self', url: url.href }],
  };
}
