// ITI-67 DocumentReference search over the store: parameters, sorting and paging as a FHIR server
// answers them, including its errors.
import type { Bundle, DocumentReference } from '@medplum/fhirtypes';
import type { DspStore } from './store.js';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;

/** A search's answer: a searchset Bundle, or a client error with its message. */
export type SearchResult =
  | { ok: true; bundle: Bundle<DocumentReference> }
  | { ok: false; status: 400; code: 'required' | 'value' | 'not-supported'; text: string };

const SUPPORTED = new Set(['patient', 'status', '_sort', '_count', '_offset']);
const STATUSES = new Set(['current', 'superseded', 'entered-in-error']);

function invalid(code: 'required' | 'value' | 'not-supported', text: string): SearchResult {
  return { ok: false, status: 400, code, text };
}

/** The patient id in a `patient` parameter: `123`, `Patient/123` or an absolute reference. */
function patientId(value: string): string {
  const match = /(?:^|\/)Patient\/([^/?#]+)$/.exec(value);
  return match?.[1] ?? value;
}

function nonNegativeInteger(value: string | null): number | undefined {
  if (value === null) return undefined;
  return /^\d+$/.test(value) ? Number(value) : Number.NaN;
}

/** Runs the search that `url` asks for. */
export function searchDocuments(store: DspStore, url: URL): SearchResult {
  const params = url.searchParams;
  for (const name of params.keys()) {
    if (!SUPPORTED.has(name))
      return invalid('not-supported', `Unsupported search parameter "${name}"`);
  }
  const patient = params.get('patient')?.trim();
  if (!patient)
    return invalid('required', 'The "patient" search parameter is required (IHE ITI-67)');
  const statuses = (params.get('status') ?? 'current').split(',');
  const unknownStatus = statuses.find((s) => !STATUSES.has(s));
  if (unknownStatus !== undefined) return invalid('value', `Unknown status "${unknownStatus}"`);
  const sort = params.get('_sort') ?? '-date';
  if (sort !== 'date' && sort !== '-date') {
    return invalid('not-supported', `Unsupported _sort "${sort}"; use "date" or "-date"`);
  }
  const count = nonNegativeInteger(params.get('_count')) ?? DEFAULT_PAGE_SIZE;
  if (Number.isNaN(count) || count < 1 || count > MAX_PAGE_SIZE) {
    return invalid('value', `_count must be an integer from 1 to ${MAX_PAGE_SIZE}`);
  }
  const offset = nonNegativeInteger(params.get('_offset')) ?? 0;
  if (Number.isNaN(offset)) return invalid('value', '_offset must be a non-negative integer');

  const direction = sort === 'date' ? 1 : -1;
  const matches = store
    .documentsOf(patientId(patient))
    .filter((d) => statuses.includes(d.status))
    .sort((a, b) => direction * (a.date ?? '').localeCompare(b.date ?? ''));
  const pageEntries = matches.slice(offset, offset + count);

  const link: Bundle['link'] = [{ relation: 'self', url: url.href }];
  if (offset + count < matches.length) {
    const next = new URL(url);
    next.searchParams.set('_offset', String(offset + count));
    next.searchParams.set('_count', String(count));
    link.push({ relation: 'next', url: next.href });
  }
  return {
    ok: true,
    bundle: {
      resourceType: 'Bundle',
      type: 'searchset',
      total: matches.length,
      link,
      entry: pageEntries.map((resource) => ({
        fullUrl: new URL(`DocumentReference/${resource.id ?? ''}`, baseOf(url)).href,
        resource,
        search: { mode: 'match' },
      })),
    },
  };
}

/** The FHIR base of a search URL (everything before the resource type). */
function baseOf(url: URL): string {
  return url.href.slice(0, url.href.indexOf('DocumentReference'));
}
