// The sections a patient summary card shows first, by their LOINC section codes (the same in the
// eHDSI/epSOS CDA and in the HL7 IPS), and how an entry saying "nothing" is told apart from one
// saying "not known": the IPS and eHDSI absent-or-unknown codes, the IPS section `emptyReason`
// and a CDA section's `nullFlavor`.

/** The sections shown open, in the card's order. */
export type SectionKind =
  'allergies' | 'problems' | 'medication' | 'immunizations' | 'devices' | 'procedures';

/**
 * The LOINC code of each section, as the IPS Composition slices them (`sectionAllergies`,
 * `sectionProblems`, `sectionMedications`, `sectionImmunizations`, `sectionMedicalDevices`,
 * `sectionProceduresHx`) and the eHDSI patient summary's CDA sections code them.
 */
export const SECTION_CODES: Readonly<Record<SectionKind, string>> = {
  allergies: '48765-2',
  problems: '11450-4',
  medication: '10160-0',
  immunizations: '11369-6',
  devices: '46264-8',
  procedures: '47519-4',
};

/** The card's order: what an emergency doctor needs first. */
export const SECTION_ORDER: readonly SectionKind[] = [
  'allergies',
  'problems',
  'medication',
  'immunizations',
  'devices',
  'procedures',
];

/** The kind of a section from its LOINC code; undefined for the other sections. */
export function sectionKindOf(loinc: string | undefined): SectionKind | undefined {
  return SECTION_ORDER.find((kind) => SECTION_CODES[kind] === loinc);
}

/**
 * What a section without clinical entries says: `none-recorded` (known to be none: "no known
 * allergies") or `no-information` (nothing is known either way).
 */
export type EmptyKind = 'none-recorded' | 'no-information';

/** LOINC's OID, as CDA writes code systems. */
export const LOINC_OID = '2.16.840.1.113883.6.1';
export const LOINC_URI = 'http://loinc.org';

/**
 * The code systems of the absent-or-unknown codes: the IPS's (its published URI, and the draft's
 * older one), and the OID the eHDSI value sets (eHDSIAbsentOrUnknownAllergy…) and the IPS CDA
 * give the same codes.
 */
export const ABSENT_UNKNOWN_SYSTEMS: ReadonlySet<string> = new Set([
  'http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips',
  'http://hl7.org/fhir/ips/CodeSystem/absent-unknown-uv-ips',
  '2.16.840.1.113883.5.1150.1',
  'urn:oid:2.16.840.1.113883.5.1150.1',
]);

/**
 * The absent-or-unknown codes that say "known to be none" (IPS 1.x `no-known-*`, and the draft's
 * `no-current-*`, `no-previous-immunizations`, `no-history-procedures`); the others
 * (`no-*-info`, `allergic-disposition-not-known`) say "no information".
 */
function absentCodeKind(code: string): EmptyKind | undefined {
  if (code.endsWith('-info') || code === 'allergic-disposition-not-known') return 'no-information';
  if (
    code.startsWith('no-known-') ||
    code.startsWith('no-current-') ||
    code === 'no-previous-immunizations' ||
    code === 'no-history-procedures'
  ) {
    return 'none-recorded';
  }
  return undefined;
}

export const SNOMED_URI = 'http://snomed.info/sct';
export const SNOMED_OID = '2.16.840.1.113883.6.96';

/**
 * The SNOMED CT situations of the IPS value set "Absent or Unknown SNOMED" (IPS 2.0): each says
 * the patient is known to have none.
 */
const NONE_KNOWN_SNOMED: ReadonlySet<string> = new Set([
  '716186003', // No known allergy
  '409137002', // No known drug allergy
  '428607008', // No known environmental allergy
  '429625007', // No known food allergy
  '787483001', // No known device use
  '787482006', // No known immunizations
  '787481004', // No known medications
  '160245001', // No current problems or disability
  '787480003', // No known procedures
]);

/** What a coded entry says when it stands for "none" or "not known"; undefined for a real one. */
export function absentKindOf(
  system: string | undefined,
  code: string | undefined,
): EmptyKind | undefined {
  if (!system || !code) return undefined;
  if (ABSENT_UNKNOWN_SYSTEMS.has(system)) return absentCodeKind(code);
  if ((system === SNOMED_URI || system === SNOMED_OID) && NONE_KNOWN_SNOMED.has(code)) {
    return 'none-recorded';
  }
  return undefined;
}

/**
 * A FHIR `Composition.section.emptyReason` (list-empty-reason): `nilknown` says there is none;
 * `notasked`, `withheld`, `unavailable`, `notstarted` and `closed` say nothing is known.
 */
export function emptyReasonKind(code: string | undefined): EmptyKind | undefined {
  if (!code) return undefined;
  return code === 'nilknown' ? 'none-recorded' : 'no-information';
}

/**
 * What a section says as a whole from its entries' absent-or-unknown kinds: undefined when one
 * entry is a real one; `none-recorded` when one says so; `no-information` otherwise.
 */
export function emptyKindOfEntries(
  kinds: readonly (EmptyKind | undefined)[],
): EmptyKind | undefined {
  if (kinds.length === 0 || kinds.some((kind) => kind === undefined)) return undefined;
  return kinds.includes('none-recorded') ? 'none-recorded' : 'no-information';
}
