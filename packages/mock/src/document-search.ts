// ITI-67 DocumentReference search: the parameters the client sends, FHIR prefixes, sorting, paging
// and `_summary=count`, answered as a FHIR server does, including its errors. A token matches any
// coding of its element, so a type is found by its LOINC coding as well as by the kit's.
import type { Bundle, DocumentReference, Reference } from '@medplum/fhirtypes';
import { FhirFailure } from './fhir-http.js';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;

const SUPPORTED = new Set([
  'patient',
  'status',
  'type',
  'category',
  'date',
  'author.family',
  'author:Practitioner.family',
  'security-label',
  'identifier',
  '_sort',
  '_count',
  '_offset',
  '_summary',
]);
const STATUSES = new Set(['current', 'superseded', 'entered-in-error']);

function invalid(code: 'required' | 'value' | 'not-supported', text: string): never {
  throw FhirFailure.of(400, code, text);
}

/** The patient id in a `patient` parameter: `123`, `Patient/123` or an absolute reference. */
export function patientId(value: string): string {
  const match = /(?:^|\/)Patient\/([^/?#]+)$/.exec(value);
  return match?.[1] ?? value;
}

function nonNegativeInteger(value: string | null, name: string): number | undefined {
  if (value === null) return undefined;
  if (!/^\d+$/.test(value)) invalid('value', `${name} must be a non-negative integer`);
  return Number(value);
}

/** Matches a token parameter value (`system|code`, `|code`, `code`) against codings. */
function tokenMatcher(param: string): (codings: { system?: string; code?: string }[]) => boolean {
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

/** Whether a word of `name` starts with `prefix` (lower case), as a FHIR string search does. */
function namedBy(name: string | undefined, prefix: string): boolean {
  return (name ?? '')
    .toLowerCase()
    .split(/\s+/)
    .some((word) => word.startsWith(prefix));
}

/**
 * Whether an author is a Practitioner of that family name: a `Practitioner/<id>` reference (named
 * by its display, which the mock keeps as the practitioner's name) or, since FHIR evaluates chains
 * inside contained resources, a contained Practitioner.
 */
function isPractitioner(document: DocumentReference, author: Reference, family: string): boolean {
  const reference = author.reference ?? '';
  if (reference.startsWith('Practitioner/')) return namedBy(author.display, family);
  if (!reference.startsWith('#')) return false;
  const contained = document.contained?.find((r) => r.id === reference.slice(1));
  // A contained PractitionerRole (the kit's Comprehensive author) stands for its practitioner:
  // the author person ITI-67 matches ($XDSDocumentEntryAuthorPerson).
  if (contained?.resourceType === 'PractitionerRole') {
    const person = contained.practitioner;
    return (
      (person?.reference ?? '').startsWith('Practitioner/') &&
      namedBy(person?.display ?? author.display, family)
    );
  }
  return (
    contained?.resourceType === 'Practitioner' &&
    (contained.name ?? []).some((n) => (n.family ?? '').toLowerCase().startsWith(family))
  );
}

const DATE_PREFIX =
  /^(eq|ne|gt|lt|ge|le|sa|eb)?(\d{4}(-\d{2}(-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?)?)?)$/;

/** The instant range [start, end) a FHIR date value of any precision covers. */
function dateRange(value: string): [number, number] {
  const year = Number(value.slice(0, 4));
  if (value.length === 4) return [Date.UTC(year, 0, 1), Date.UTC(year + 1, 0, 1)];
  const month = Number(value.slice(5, 7)) - 1;
  if (value.length === 7) return [Date.UTC(year, month, 1), Date.UTC(year, month + 1, 1)];
  const day = Number(value.slice(8, 10));
  if (value.length === 10) return [Date.UTC(year, month, day), Date.UTC(year, month, day + 1)];
  const instant = Date.parse(value);
  return [instant, instant + 1];
}

function dateMatcher(param: string): (date: string | undefined) => boolean {
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

export interface SearchRequest {
  url: URL;
  /** The documents to search: a patient's, or every one (for counts across the DSP). */
  documents: (patient: string | undefined) => readonly DocumentReference[];
  /** Whether the caller may see a document; the invisible ones are not counted either. */
  visible: (document: DocumentReference) => boolean;
  /** A search without patient is allowed only for counts (statistics). */
  allowWithoutPatient: boolean;
}

/** Runs a search; throws a `FhirFailure` (400) for a query the server cannot run. */
export function searchDocuments(request: SearchRequest): Bundle<DocumentReference> {
  const { url } = request;
  const params = url.searchParams;
  for (const name of params.keys()) {
    if (!SUPPORTED.has(name)) invalid('not-supported', `Unsupported search parameter "${name}"`);
  }
  const summary = params.get('_summary');
  if (summary !== null && summary !== 'count')
    invalid('not-supported', `Unsupported _summary "${summary}"`);
  const patient = params.get('patient')?.trim();
  if (!patient && !(request.allowWithoutPatient && summary === 'count')) {
    invalid('required', 'The "patient" search parameter is required (IHE ITI-67)');
  }
  const statuses = (params.get('status') ?? 'current').split(',');
  const unknownStatus = statuses.find((s) => !STATUSES.has(s));
  if (unknownStatus !== undefined) invalid('value', `Unknown status "${unknownStatus}"`);
  const sort = params.get('_sort') ?? '-date';
  if (sort !== 'date' && sort !== '-date')
    invalid('not-supported', `Unsupported _sort "${sort}"; use "date" or "-date"`);
  const count = nonNegativeInteger(params.get('_count'), '_count') ?? DEFAULT_PAGE_SIZE;
  if (count < 1 || count > MAX_PAGE_SIZE)
    invalid('value', `_count must be an integer from 1 to ${MAX_PAGE_SIZE}`);
  const offset = nonNegativeInteger(params.get('_offset'), '_offset') ?? 0;

  const filters: ((d: DocumentReference) => boolean)[] = [(d) => statuses.includes(d.status)];
  const type = params.get('type');
  if (type) {
    const matches = tokenMatcher(type);
    filters.push((d) => matches(d.type?.coding ?? []));
  }
  const category = params.get('category');
  if (category) {
    const matches = tokenMatcher(category);
    filters.push((d) => matches((d.category ?? []).flatMap((c) => c.coding ?? [])));
  }
  const label = params.get('security-label');
  if (label) {
    const matches = tokenMatcher(label);
    filters.push((d) => matches((d.securityLabel ?? []).flatMap((c) => c.coding ?? [])));
  }
  const identifier = params.get('identifier');
  if (identifier) {
    const matches = tokenMatcher(identifier);
    filters.push((d) =>
      matches([
        ...(d.masterIdentifier
          ? [{ system: d.masterIdentifier.system, code: d.masterIdentifier.value }]
          : []),
      ]),
    );
  }
  for (const value of params.getAll('date')) {
    const matches = dateMatcher(value);
    filters.push((d) => matches(d.date));
  }
  const family = params.get('author.family')?.toLowerCase();
  if (family) {
    // ITI-67's untyped chain: any author, by the name its reference displays.
    filters.push((d) => (d.author ?? []).some((a) => namedBy(a.display, family)));
  }
  const practitioner = params.get('author:Practitioner.family')?.toLowerCase();
  if (practitioner) {
    filters.push((d) => (d.author ?? []).some((a) => isPractitioner(d, a, practitioner)));
  }
  const matches = request
    .documents(patient ? patientId(patient) : undefined)
    .filter((d) => filters.every((f) => f(d)) && request.visible(d));

  if (summary === 'count') {
    return {
      resourceType: 'Bundle',
      type: 'searchset',
      total: matches.length,
      link: [{ relation: 'self', url: url.href }],
    };
  }
  const direction = sort === 'date' ? 1 : -1;
  // By instant, not by text: offsets differ (+01:00 in winter, +02:00 in summer).
  const time = (d: DocumentReference) => (d.date ? Date.parse(d.date) : 0);
  matches.sort((a, b) => direction * (time(a) - time(b)));
  const link: Bundle['link'] = [{ relation: 'self', url: url.href }];
  if (offset + count < matches.length) {
    const next = new URL(url);
    next.searchParams.set('_offset', String(offset + count));
    next.searchParams.set('_count', String(count));
    link.push({ relation: 'next', url: next.href });
  }
  const base = url.href.slice(0, url.href.indexOf('DocumentReference'));
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: matches.length,
    link,
    entry: matches.slice(offset, offset + count).map((resource) => ({
      fullUrl: `${base}DocumentReference/${resource.id ?? ''}`,
      resource,
      search: { mode: 'match' },
    })),
  };
}
