// ITI-67 DocumentReference search: the parameters the client sends, FHIR prefixes, sorting, paging
// and `_summary=count`, answered as a FHIR server does, including its errors, and how many matches
// the rules withheld. A token matches any coding of its element, so a type is found by its LOINC
// coding as well as by the kit's.
import type {
  Bundle,
  DocumentReference,
  OperationOutcome,
  Practitioner,
  Reference,
  Resource,
} from '@medplum/fhirtypes';
import { FhirFailure } from './fhir-http.js';
import {
  checkParameters,
  countOnly,
  dateMatcher,
  dateSortDirection,
  paging,
  patientId,
  searchset,
  tokenMatcher,
} from './search.js';
import type { DspStore } from './store.js';
import { withheldOutcome, type WithheldReason } from './withheld-outcome.js';

export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, patientId } from './search.js';

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
  '_lastUpdated',
]);
const STATUSES = new Set(['current', 'superseded', 'entered-in-error']);

function invalid(code: 'required' | 'value' | 'not-supported', text: string): never {
  throw FhirFailure.of(400, code, text);
}

/** Whether a word of `name` starts with `prefix` (lower case), as a FHIR string search does. */
function namedBy(name: string | undefined, prefix: string): boolean {
  return (name ?? '')
    .toLowerCase()
    .split(/\s+/)
    .some((word) => word.startsWith(prefix));
}

/** Whether a Practitioner's family name starts with `family` (lower case), as FHIR's `family`. */
function hasFamily(practitioner: Resource | undefined, family: string): boolean {
  return (
    practitioner?.resourceType === 'Practitioner' &&
    (practitioner.name ?? []).some((n) => (n.family ?? '').toLowerCase().startsWith(family))
  );
}

/** Looks a `Practitioner/<id>` reference up in the directory; undefined when it has none. */
export type PractitionerLookup = (reference: string) => Practitioner | undefined;

/** The practitioners of `store`'s directory, by reference. */
export function directoryOf(store: DspStore): PractitionerLookup {
  return (reference) =>
    reference.startsWith('Practitioner/')
      ? store.get<Practitioner>('Practitioner', reference.slice('Practitioner/'.length))
      : undefined;
}

/**
 * Whether a reference to a practitioner names one of that family: a `Practitioner/<id>` by its
 * display (which the mock keeps as the practitioner's name) or its directory entry; `#id` by the
 * contained Practitioner it points at.
 */
function isPractitionerReference(
  document: DocumentReference,
  person: Reference | undefined,
  family: string,
  directory: PractitionerLookup | undefined,
): boolean {
  const reference = person?.reference ?? '';
  if (reference.startsWith('Practitioner/')) {
    return namedBy(person?.display, family) || hasFamily(directory?.(reference), family);
  }
  if (!reference.startsWith('#')) return false;
  return hasFamily(
    document.contained?.find((r) => r.id === reference.slice(1)),
    family,
  );
}

/**
 * Whether an author is a Practitioner of that family name: referenced or, since FHIR evaluates
 * chains inside contained resources, contained. A contained PractitionerRole stands for its
 * practitioner, itself referenced or contained: MHD's Comprehensive author, the XDS author person
 * ITI-67 matches ($XDSDocumentEntryAuthorPerson), as IHE's examples and the kit's uploader write
 * it for a CDA's other authors.
 */
function isPractitioner(
  document: DocumentReference,
  author: Reference,
  family: string,
  directory: PractitionerLookup | undefined,
): boolean {
  const reference = author.reference ?? '';
  if (!reference.startsWith('#')) {
    return isPractitionerReference(document, author, family, directory);
  }
  const contained = document.contained?.find((r) => r.id === reference.slice(1));
  if (contained?.resourceType === 'PractitionerRole') {
    const person = contained.practitioner;
    // The role's own display, when the practitioner reference has none, names the person.
    const named = person && !person.display ? { ...person, display: author.display } : person;
    return isPractitionerReference(document, named, family, directory);
  }
  return hasFamily(contained, family);
}

export interface SearchRequest {
  url: URL;
  /** The documents to search: a patient's, or every one (for counts across the DSP). */
  documents: (patient: string | undefined) => readonly DocumentReference[];
  /** Whether the caller may see a document; the invisible ones are not counted either. */
  visible: (document: DocumentReference) => boolean;
  /**
   * For a match the caller may not see: the reason to announce it by (counted in an outcome
   * entry), or undefined to keep it unseen. None is announced by default.
   */
  withheld?: (document: DocumentReference) => WithheldReason | undefined;
  /** A match as this caller receives it (with the marks they may see); as stored by default. */
  present?: (document: DocumentReference) => DocumentReference;
  /** A search without patient is allowed only for counts (statistics). */
  allowWithoutPatient: boolean;
  /** The directory, for chains through a referenced practitioner; displays only without it. */
  practitioner?: PractitionerLookup;
}

/** Runs a search; throws a `FhirFailure` (400) for a query the server cannot run. */
export function searchDocuments(
  request: SearchRequest,
): Bundle<DocumentReference | OperationOutcome> {
  const { url } = request;
  const params = url.searchParams;
  checkParameters(params, SUPPORTED);
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
  const direction = dateSortDirection(params);
  const page = paging(params);

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
  // When the server last stored it: what is new since a user's last visit.
  for (const value of params.getAll('_lastUpdated')) {
    const matches = dateMatcher(value);
    filters.push((d) => matches(d.meta?.lastUpdated));
  }
  const family = params.get('author.family')?.toLowerCase();
  if (family) {
    // ITI-67's untyped chain: any author, by the name its reference displays, or a practitioner
    // as the typed chain finds them.
    filters.push((d) =>
      (d.author ?? []).some(
        (a) => namedBy(a.display, family) || isPractitioner(d, a, family, request.practitioner),
      ),
    );
  }
  const practitioner = params.get('author:Practitioner.family')?.toLowerCase();
  if (practitioner) {
    filters.push((d) =>
      (d.author ?? []).some((a) => isPractitioner(d, a, practitioner, request.practitioner)),
    );
  }
  const matches: DocumentReference[] = [];
  const withheld = new Map<WithheldReason, number>();
  for (const d of request.documents(patient ? patientId(patient) : undefined)) {
    if (!filters.every((f) => f(d))) continue;
    if (request.visible(d)) {
      matches.push(d);
      continue;
    }
    const reason = request.withheld?.(d);
    if (reason !== undefined) withheld.set(reason, (withheld.get(reason) ?? 0) + 1);
  }

  const outcome = withheldOutcome(withheld);
  if (summary === 'count') return countOnly(url, matches.length);
  // By instant, not by text: offsets differ (+01:00 in winter, +02:00 in summer).
  const time = (d: DocumentReference) => (d.date ? Date.parse(d.date) : 0);
  matches.sort((a, b) => direction * (time(a) - time(b)));
  const base = url.href.slice(0, url.href.indexOf('DocumentReference'));
  return searchset(url, matches, {
    page,
    fullUrl: (d) => `${base}DocumentReference/${d.id ?? ''}`,
    ...(request.present ? { present: request.present } : {}),
    // On every page: it is about the whole search, and each page may be the only one read.
    ...(outcome ? { outcome } : {}),
  });
}
