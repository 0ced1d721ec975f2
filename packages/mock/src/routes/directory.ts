// The professional directory: PractitionerRole by practitioner name (the chain typed or not) and
// profession (with the practitioner and organisation included), Practitioner by name, and reads.
import type { Organization, Practitioner, PractitionerRole, Resource } from '@medplum/fhirtypes';
import type { Context } from '../context.js';
import { FhirFailure, fhirResponse } from '../fhir-http.js';
import { paging, searchset } from '../search.js';

/** A directory search's page when it names no `_count`: enough for a type-ahead list. */
const DIRECTORY_PAGE_SIZE = 20;

/** Lower case without accents, so "muller" finds "Müller" and "ines" finds "Inès". */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

function nameMatches(practitioner: Practitioner | undefined, query: string): boolean {
  const words = (practitioner?.name ?? [])
    .flatMap((n) => [...(n.given ?? []), n.family ?? '', ...(n.prefix ?? [])])
    .map(fold);
  return fold(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((part) => words.some((word) => word.startsWith(part)));
}

export function searchRolesRoute(context: Context): Response {
  const { url, store } = context;
  // `practitioner` references Practitioners only, so both spellings of the chain mean the same.
  const name = (
    url.searchParams.get('practitioner:Practitioner.name') ??
    url.searchParams.get('practitioner.name') ??
    ''
  ).trim();
  const role = url.searchParams.get('role');
  const [system, code] = role?.includes('|') ? role.split('|') : [undefined, role ?? undefined];
  const includes = url.searchParams.getAll('_include');
  const matches = store.list<PractitionerRole>('PractitionerRole').filter((r) => {
    const practitioner = store.get<Practitioner>(
      'Practitioner',
      r.practitioner?.reference?.replace(/^Practitioner\//, '') ?? '',
    );
    const hasRole =
      code === undefined ||
      (r.code ?? []).some((c) =>
        (c.coding ?? []).some(
          (x) => x.code === code && (system === undefined || x.system === system),
        ),
      );
    return hasRole && (name === '' || nameMatches(practitioner, name)) && r.active !== false;
  });
  const page = paging(url.searchParams, DIRECTORY_PAGE_SIZE);
  const included = new Map<string, Resource>();
  for (const r of matches.slice(page.offset, page.offset + page.count)) {
    if (includes.includes('PractitionerRole:practitioner') && r.practitioner?.reference) {
      const p = store.get<Practitioner>(
        'Practitioner',
        r.practitioner.reference.replace(/^Practitioner\//, ''),
      );
      if (p) included.set(r.practitioner.reference, p);
    }
    if (includes.includes('PractitionerRole:organization') && r.organization?.reference) {
      const o = store.get<Organization>(
        'Organization',
        r.organization.reference.replace(/^Organization\//, ''),
      );
      if (o) included.set(r.organization.reference, o);
    }
  }
  return fhirResponse(searchset(url, matches, { page, included: [...included.values()] }));
}

export function searchPractitionersRoute(context: Context): Response {
  const name = context.url.searchParams.get('name')?.trim() ?? '';
  const matches = context.store
    .list<Practitioner>('Practitioner')
    .filter((p) => name === '' || nameMatches(p, name));
  const page = paging(context.url.searchParams, DIRECTORY_PAGE_SIZE);
  return fhirResponse(searchset(context.url, matches, { page }));
}

/** Directory resources anyone signed in may read. */
export function readDirectoryRoute(
  context: Context,
  type: 'Practitioner' | 'PractitionerRole' | 'Organization',
  id: string,
): Response {
  const resource = context.store.get(type, id);
  if (!resource) throw FhirFailure.of(404, 'not-found', `${type}/${id} not found`);
  return fhirResponse(resource);
}
