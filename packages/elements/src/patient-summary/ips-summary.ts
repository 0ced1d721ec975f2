// Reads an HL7 IPS document Bundle (a `Composition` first, then the resources it references):
// each section by its LOINC code, its narrative (`text.div`) through the XHTML-to-CDA narrative,
// its entries as lines where the narrative is missing, and "none recorded" or "no information"
// from its `emptyReason` or its entries' absent-or-unknown codes.
import { narrativeFromXhtml } from './xhtml-narrative.js';
import { SummaryReadError, type ReadSummary, type SummarySection } from './summary-model.js';
import {
  absentKindOf,
  emptyKindOfEntries,
  emptyReasonKind,
  LOINC_URI,
  sectionKindOf,
  type EmptyKind,
} from './summary-sections.js';

/** The parts of FHIR JSON read here, loosely typed: a document is data from elsewhere. */
type Json = Record<string, unknown>;

interface Coding {
  readonly system?: string;
  readonly code?: string;
  readonly display?: string;
}

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const arrayOf = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);
const stringOf = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

function codingsOf(concept: unknown): Coding[] {
  if (!isObject(concept)) return [];
  return arrayOf(concept.coding).map((coding) => ({
    system: stringOf(coding.system),
    code: stringOf(coding.code),
    display: stringOf(coding.display),
  }));
}

/** A CodeableConcept in words: its text, else its first coding's display, else its code. */
function conceptText(concept: unknown): string | undefined {
  if (!isObject(concept)) return undefined;
  const first = codingsOf(concept).find((coding) => coding.display ?? coding.code);
  return stringOf(concept.text) ?? first?.display ?? first?.code;
}

/** What a coded resource says when it stands for "none" or "not known". */
function conceptEmptyKind(concept: unknown): EmptyKind | undefined {
  for (const coding of codingsOf(concept)) {
    const kind = absentKindOf(coding.system, coding.code);
    if (kind) return kind;
  }
  return undefined;
}

/** The resources of the Bundle by `fullUrl` and by `Type/id`. */
function resourcesOf(bundle: Json): Map<string, Json> {
  const found = new Map<string, Json>();
  for (const entry of arrayOf(bundle.entry)) {
    const resource = entry.resource;
    if (!isObject(resource)) continue;
    const fullUrl = stringOf(entry.fullUrl);
    if (fullUrl) found.set(fullUrl, resource);
    const type = stringOf(resource.resourceType);
    const id = stringOf(resource.id);
    if (type && id) found.set(`${type}/${id}`, resource);
  }
  return found;
}

type Resolve = (reference: unknown) => Json | undefined;

/** The coded meaning of an entry, per resource type, and the words it shows with. */
function meaningOf(resource: Json, resolve: Resolve): { concept: unknown; words?: string } {
  switch (resource.resourceType) {
    case 'MedicationStatement':
    case 'MedicationRequest': {
      const medication = resolve(resource.medicationReference);
      const concept = resource.medicationCodeableConcept ?? medication?.code;
      const dosage = arrayOf(resource.dosage ?? resource.dosageInstruction)[0];
      return { concept, words: stringOf(dosage?.text) };
    }
    case 'Immunization':
      return { concept: resource.vaccineCode, words: stringOf(resource.occurrenceDateTime) };
    case 'DeviceUseStatement': {
      const device = resolve(resource.device);
      const name = arrayOf(device?.deviceName)[0];
      return { concept: device?.type ?? { text: stringOf(name?.name) } };
    }
    case 'Procedure':
      return { concept: resource.code, words: stringOf(resource.performedDateTime) };
    case 'Condition':
      return {
        concept: resource.code,
        words: stringOf(resource.onsetDateTime) ?? conceptText(resource.clinicalStatus),
      };
    case 'AllergyIntolerance': {
      const reaction = arrayOf(resource.reaction)[0];
      const manifestation = arrayOf(reaction?.manifestation)
        .map(conceptText)
        .filter(Boolean)
        .join(', ');
      return { concept: resource.code, words: manifestation || stringOf(resource.criticality) };
    }
    default:
      return { concept: resource.code };
  }
}

/** A human-readable name of an author reference: its display, else the resource's name. */
function authorName(reference: unknown, resolve: Resolve): string | undefined {
  const display = isObject(reference) ? stringOf(reference.display) : undefined;
  if (display) return display;
  const resource = resolve(reference);
  if (!resource) return undefined;
  const name = arrayOf(resource.name)[0];
  if (typeof resource.name === 'string') return stringOf(resource.name);
  if (!name) return undefined;
  const given = Array.isArray(name.given)
    ? name.given.filter((part) => typeof part === 'string')
    : [];
  return (
    stringOf(name.text) ??
    ([...given, stringOf(name.family)].filter(Boolean).join(' ') || undefined)
  );
}

function readSection(section: Json, resolve: Resolve): SummarySection {
  const loinc = codingsOf(section.code).find((coding) => coding.system === LOINC_URI)?.code;
  const text = isObject(section.text) ? section.text : undefined;
  const div = text && text.status !== 'empty' ? stringOf(text.div) : undefined;
  const entries = arrayOf(section.entry).map(resolve);
  const meanings = entries.map((resource) => (resource ? meaningOf(resource, resolve) : undefined));
  const reason = codingsOf(section.emptyReason)[0]?.code;
  const empty =
    emptyReasonKind(reason) ??
    emptyKindOfEntries(meanings.map((meaning) => conceptEmptyKind(meaning?.concept)));
  return {
    kind: sectionKindOf(loinc),
    code: loinc,
    title: stringOf(section.title) ?? conceptText(section.code),
    narrative: div ? narrativeFromXhtml(div) : undefined,
    entries: meanings
      .map((meaning) => {
        const name = conceptText(meaning?.concept);
        return name && meaning?.words ? `${name} — ${meaning.words}` : name;
      })
      .filter((line): line is string => line !== undefined),
    empty,
    author: arrayOf(section.author)
      .map((author) => authorName(author, resolve))
      .find(Boolean),
  };
}

/** Reads an IPS document Bundle from its JSON text, or throws a `SummaryReadError`. */
export function readIpsSummary(text: string, maxLength = 20_000_000): ReadSummary {
  if (text.length > maxLength) {
    throw new SummaryReadError('too-large', `The summary has ${text.length} characters.`);
  }
  let bundle: unknown;
  try {
    bundle = JSON.parse(text);
  } catch {
    throw new SummaryReadError('malformed', 'The summary is not valid JSON.');
  }
  if (!isObject(bundle) || bundle.resourceType !== 'Bundle' || bundle.type !== 'document') {
    throw new SummaryReadError('not-summary', 'The summary is not a FHIR document Bundle.');
  }
  const composition = arrayOf(bundle.entry)[0]?.resource;
  if (!isObject(composition) || composition.resourceType !== 'Composition') {
    throw new SummaryReadError(
      'not-summary',
      'The document Bundle does not begin with a Composition.',
    );
  }
  const resources = resourcesOf(bundle);
  const resolve: Resolve = (reference) => {
    const target = isObject(reference) ? stringOf(reference.reference) : undefined;
    return target ? resources.get(target) : undefined;
  };
  const sections: SummarySection[] = [];
  const walk = (list: unknown) => {
    for (const section of arrayOf(list)) {
      sections.push(readSection(section, resolve));
      walk(section.section);
    }
  };
  walk(composition.section);
  const ids = new Set<string>();
  for (const section of sections) {
    for (const node of section.narrative?.querySelectorAll('[ID]') ?? []) {
      ids.add(node.getAttribute('ID') ?? '');
    }
  }
  return {
    format: 'fhir',
    title: stringOf(composition.title),
    date: stringOf(composition.date),
    authors: arrayOf(composition.author)
      .map((author) => authorName(author, resolve))
      .filter((name): name is string => name !== undefined),
    sections,
    ids,
  };
}
