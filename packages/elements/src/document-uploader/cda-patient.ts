// Whether a CDA document is about the uploader's patient: the identifiers its `recordTarget`
// names, compared system by system with the identifiers of the patient's record.
import type { Identifier } from '@medplum/fhirtypes';

/** An instance identifier of a CDA (`II`): an OID or URI `root` and the value in `extension`. */
export interface CdaPatientId {
  readonly root?: string | undefined;
  readonly extension?: string | undefined;
}

/**
 * `same`: an identifier of a system both name is equal, and none differs; `other`: one differs —
 * the document names another patient; `unknown`: the document and the record share no identifier
 * system, so nothing can be compared.
 */
export type PatientMatch = 'same' | 'other' | 'unknown';

/** The root a CDA writes an identifier system with: an OID without `urn:oid:`, a URI as is. */
const rootOf = (system: string) => system.replace(/^urn:oid:/i, '');

/** Identifier values compared without spaces (a matricule is written in groups as well). */
const bare = (value: string) => value.replace(/\s+/g, '');

/**
 * Compares a CDA's patient identifiers with the patient record's (`Patient.identifier`).
 *
 * The rule, a misfiled document in a national record being a safety problem: refuse only what is
 * certain, warn about what cannot be checked. A system is comparable when the record has it (the
 * matricule's, and any other the server keeps); an identifier of that system with another value is
 * a definite mismatch, and one is enough — a document naming this patient by one identifier and
 * another by the matricule contradicts itself. Roots the record does not have (France's INS, a
 * hospital's own numbers) say nothing either way: the uploader then warns and lets the user decide.
 */
export function patientMatch(
  cdaIds: readonly CdaPatientId[],
  record: readonly Identifier[],
): PatientMatch {
  let same = false;
  for (const { root, extension } of cdaIds) {
    if (!root || !extension) continue;
    const values = record
      .filter((i) => i.system !== undefined && i.value && rootOf(i.system) === root)
      .map((i) => bare(i.value ?? ''));
    if (values.length === 0) continue;
    if (!values.includes(bare(extension))) return 'other';
    same = true;
  }
  return same ? 'same' : 'unknown';
}
