// The CDA R2 skeleton every mock document shares: one header builder (patient, author, custodian,
// legal authenticator, the care reported on), the body as sections or a base64 file, and the
// escaping and HL7 time formats they need.
import { MATRICULE_SYSTEM } from '@dsp-kit/fhir';

/** Who the document is about, as the DSP knows them. */
export interface CdaPatient {
  readonly matricule: string;
  readonly given: string;
  readonly family: string;
  /** `YYYY-MM-DD`. */
  readonly birthDate: string;
  readonly gender: 'male' | 'female' | 'other' | 'unknown';
}

/** The professional who wrote and signed the document. */
export interface CdaAuthor {
  /** The professional's id in the DSP. */
  readonly id: string;
  readonly given: string;
  readonly family: string;
  readonly prefix?: string;
}

export interface CdaOrganization {
  readonly id: string;
  readonly name: string;
}

export interface CdaContext {
  /** The document's unique id, a UUID: also its `DocumentReference.masterIdentifier`. */
  readonly uuid: string;
  readonly patient: CdaPatient;
  /** The professional who wrote and signed it; none when the organisation issued it itself. */
  readonly author?: CdaAuthor;
  readonly organization: CdaOrganization;
  /** When the document was written, a FHIR instant with its offset. */
  readonly date: string;
}

/** What a kind of document says of itself in its header, whoever it is about. */
export interface DocumentHead {
  readonly templateIds: readonly string[];
  /** `ClinicalDocument/code`, a LOINC code. */
  readonly loinc: string;
  readonly displayName: string;
  readonly title: string;
  /** The document's language, written in the header for Luxembourg (`fr` → `fr-LU`). */
  readonly language: 'fr' | 'de';
}

/** The care one document reports on. */
export interface Care {
  /** `documentationOf/serviceEvent`: FHIR dates or instants. */
  readonly service: { readonly from: string; readonly to: string };
  /** An encounter the document belongs to (`componentOf`): its code in v3 ActCode. */
  readonly encounter?: { readonly code: string; readonly display: string };
}

export interface Section {
  readonly templateId?: string;
  readonly loinc: string;
  readonly title: string;
  /** The narrative block's content (already XML). */
  readonly text: string;
  readonly entries?: readonly string[];
  /** A section with no information at all (eHDSI's `NI`). */
  readonly nullFlavor?: 'NI';
}

// --- Identifiers ------------------------------------------------------------------------------

export const LOINC_OID = '2.16.840.1.113883.6.1';
/**
 * Identifiers of the mock's professionals and organisations: under 2.999, the arc ITU-T X.660
 * keeps for examples, since these are no real registries.
 */
const PROFESSIONAL_ROOT = '2.999.442.1';
const ORGANIZATION_ROOT = '2.999.442.2';
/** The agency keeping the shared record: the documents' custodian. */
const AGENCY = { id: 'agence-esante', name: 'Agence eSanté' };
/**
 * The matricule's root: the agency publishes no OID for it, so the kit's naming system, which is
 * also the root the kit's CDA renderer recognises as the matricule by default.
 */
const MATRICULE_ROOT = MATRICULE_SYSTEM;

// --- XML and HL7 times ------------------------------------------------------------------------

/** Text escaped for XML content and attribute values. */
export function x(text: string): string {
  return text.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c,
  );
}

/** `2026-10-02T09:15:00+02:00` → `20261002091500+0200` (HL7 TS). */
export function ts(instant: string): string {
  const match =
    /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:\d{2}))?$/.exec(
      instant,
    );
  if (!match) throw new RangeError(`Not a FHIR date or instant: ${JSON.stringify(instant)}`);
  const [, y, mo, d, h, mi, s, zone] = match;
  if (h === undefined) return `${y}${mo}${d}`;
  const offset = zone === 'Z' || zone === undefined ? '+0000' : zone.replace(':', '');
  return `${y}${mo}${d}${h}${mi}${s ?? '00'}${offset}`;
}

// --- Header -----------------------------------------------------------------------------------

const GENDER: Readonly<Record<CdaPatient['gender'], string>> = {
  female: 'F',
  male: 'M',
  other: 'UN',
  unknown: 'UN',
};

function personName(person: { given: string; family: string; prefix?: string }): string {
  const prefix = person.prefix ? `<prefix>${x(person.prefix)}</prefix>` : '';
  return `<name>${prefix}<given>${x(person.given)}</given><family>${x(person.family)}</family></name>`;
}

function organization(org: CdaOrganization, element = 'representedOrganization'): string {
  return `<${element}><id root="${ORGANIZATION_ROOT}" extension="${x(org.id)}"/><name>${x(org.name)}</name></${element}>`;
}

/**
 * The author or signer: the professional with their organisation, or, for a document the
 * organisation issues itself (a laboratory's results), the organisation alone.
 */
function assigned(context: CdaContext, element: 'assignedAuthor' | 'assignedEntity'): string {
  const { author } = context;
  const id = author
    ? `<id root="${PROFESSIONAL_ROOT}" extension="${x(author.id)}"/>`
    : `<id root="${ORGANIZATION_ROOT}" extension="${x(context.organization.id)}"/>`;
  const person = author ? `<assignedPerson>${personName(author)}</assignedPerson>` : '';
  return `<${element}>${id}${person}${organization(context.organization)}</${element}>`;
}

/** An interval of FHIR dates or instants as HL7 `low` and `high`. */
function interval({ from, to }: Care['service']): string {
  return `<low value="${ts(from)}"/><high value="${ts(to)}"/>`;
}

function header(context: CdaContext, head: DocumentHead, care: Care): string {
  const { patient } = context;
  const time = ts(context.date);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    '<realmCode code="LU"/>',
    '<typeId root="2.16.840.1.113883.1.3" extension="POCD_HD000040"/>',
    ...head.templateIds.map((root) => `<templateId root="${root}"/>`),
    `<id root="${context.uuid.toUpperCase()}"/>`,
    `<code code="${head.loinc}" codeSystem="${LOINC_OID}" codeSystemName="LOINC" displayName="${x(head.displayName)}"/>`,
    `<title>${x(head.title)}</title>`,
    `<effectiveTime value="${time}"/>`,
    '<confidentialityCode code="N" codeSystem="2.16.840.1.113883.5.25"/>',
    `<languageCode code="${head.language}-LU"/>`,
    `<setId root="${context.uuid.toUpperCase()}"/>`,
    '<versionNumber value="1"/>',
    '<recordTarget><patientRole>',
    `<id root="${MATRICULE_ROOT}" extension="${x(patient.matricule)}"/>`,
    `<patient>${personName(patient)}`,
    `<administrativeGenderCode code="${GENDER[patient.gender]}" codeSystem="2.16.840.1.113883.5.1"/>`,
    `<birthTime value="${ts(patient.birthDate)}"/></patient>`,
    '</patientRole></recordTarget>',
    `<author><time value="${time}"/>${assigned(context, 'assignedAuthor')}</author>`,
    `<custodian><assignedCustodian>${organization(AGENCY, 'representedCustodianOrganization')}</assignedCustodian></custodian>`,
    `<legalAuthenticator><time value="${time}"/><signatureCode code="S"/>${assigned(context, 'assignedEntity')}</legalAuthenticator>`,
    '<documentationOf><serviceEvent classCode="ACT"><effectiveTime>',
    interval(care.service),
    '</effectiveTime></serviceEvent></documentationOf>',
    care.encounter
      ? '<componentOf><encompassingEncounter>' +
        `<id root="${ORGANIZATION_ROOT}.${x(context.organization.id)}" extension="${context.uuid.slice(0, 8)}"/>` +
        `<code code="${care.encounter.code}" codeSystem="2.16.840.1.113883.5.4" displayName="${x(care.encounter.display)}"/>` +
        `<effectiveTime>${interval(care.service)}</effectiveTime>` +
        `<location><healthCareFacility>${organization(context.organization, 'serviceProviderOrganization')}</healthCareFacility></location>` +
        '</encompassingEncounter></componentOf>'
      : '',
  ].join('\n');
}

// --- Body -------------------------------------------------------------------------------------

function section(s: Section): string {
  return (
    `<component><section${s.nullFlavor ? ` nullFlavor="${s.nullFlavor}"` : ''}>` +
    (s.templateId ? `<templateId root="${s.templateId}"/>` : '') +
    `<code code="${s.loinc}" codeSystem="${LOINC_OID}" codeSystemName="LOINC"/>` +
    `<title>${x(s.title)}</title><text>${s.text}</text>` +
    (s.entries ?? []).map((entry) => `<entry>${entry}</entry>`).join('') +
    '</section></component>'
  );
}

/** A level-2/3 body: the sections, one a line. */
export function structuredBody(sections: readonly Section[]): string {
  return `<component><structuredBody>\n${sections.map(section).join('\n')}\n</structuredBody></component>`;
}

/** A level-1 body: a file in base64 (IHE XDS-SD). */
export function nonXmlBody(mediaType: string, base64: string): string {
  return `<component><nonXMLBody><text mediaType="${mediaType}" representation="B64">${base64}</text></nonXMLBody></component>`;
}

/** A whole CDA document: the header of this kind of document for this context, then its body. */
export function clinicalDocument(
  context: CdaContext,
  head: DocumentHead,
  care: Care,
  body: string,
): string {
  return `${header(context, head, care)}\n${body}\n</ClinicalDocument>\n`;
}

/** A narrative table: a header row, then rows of already-escaped cells. */
export function table(headings: readonly string[], rows: readonly (readonly string[])[]): string {
  const cells = (row: readonly string[], tag: string) =>
    row.map((cell) => `<${tag}>${cell}</${tag}>`).join('');
  return (
    `<table border="1" width="100%"><thead><tr>${cells(headings.map(x), 'th')}</tr></thead>` +
    `<tbody>${rows.map((row) => `<tr>${cells(row, 'td')}</tr>`).join('')}</tbody></table>`
  );
}

export function list(items: readonly string[]): string {
  return `<list>${items.map((item) => `<item>${x(item)}</item>`).join('')}</list>`;
}
