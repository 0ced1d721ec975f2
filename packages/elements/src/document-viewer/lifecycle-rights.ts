// Which lifecycle actions (replace, withdraw, correct, confidentiality) the viewer offers on a
// document to the signed-in `user`: a courtesy that hides what the server would refuse; the
// server still decides.
import { documentTypeOf, type DocumentReference } from '@dsp-kit/fhir';
import type { Reference } from '@medplum/fhirtypes';
import { parseUser } from '../access-rights/signed-in-user.js';

/** The actions offered on one document. */
export interface LifecycleRights {
  /** "Replace with a new version": the author sends a new document that supersedes it. */
  readonly replace: boolean;
  /** "Withdraw": marked `entered-in-error`, gone from every list. */
  readonly withdraw: boolean;
  /** "Correct": title, type, date, confidentiality, hidden from the patient. */
  readonly correct: boolean;
  /** The confidentiality select (N, R, V), the patient's and their assistants' own setting. */
  readonly confidentiality: boolean;
}

export const NO_RIGHTS: LifecycleRights = {
  replace: false,
  withdraw: false,
  correct: false,
  confidentiality: false,
};

/** "Expression du titulaire": the patient's own words in their record. */
const PATIENT_DOCUMENT_TYPE = 'expression-titulaire';

/**
 * The references a document's authors stand for: a direct reference itself; a contained
 * PractitionerRole its practitioner; a contained Patient the records it links to (the shapes
 * MHD's Comprehensive metadata gives authors, as the kit's uploader writes them).
 */
export function authorReferences(document: DocumentReference): string[] {
  return (document.author ?? []).flatMap(({ reference }) => {
    if (!reference) return [];
    if (!reference.startsWith('#')) return [reference];
    const author = document.contained?.find((r) => `#${r.id ?? ''}` === reference);
    if (author?.resourceType === 'PractitionerRole') {
      return author.practitioner?.reference ? [author.practitioner.reference] : [];
    }
    if (author?.resourceType === 'Patient') {
      return (author.link ?? []).flatMap((l) => {
        const other = (l.other as Reference | undefined)?.reference;
        return other ? [other] : [];
      });
    }
    return [];
  });
}

/**
 * The organisations among a document's authors: an `Organization/<id>` author, and the
 * organisation of a contained PractitionerRole author when it is a directory reference (a
 * contained Organization, known only by its metadata, stands for no organisation of the
 * directory).
 */
export function authorOrganizations(document: DocumentReference): string[] {
  return (document.author ?? []).flatMap(({ reference }) => {
    if (reference?.startsWith('Organization/')) return [reference];
    if (!reference?.startsWith('#')) return [];
    const author = document.contained?.find((r) => `#${r.id ?? ''}` === reference);
    const organization =
      author?.resourceType === 'PractitionerRole' ? author.organization?.reference : undefined;
    return organization?.startsWith('Organization/') ? [organization] : [];
  });
}

/**
 * What `user` (a FHIR reference, as the access-rights panel takes it) may do on `document` of
 * the DSP of `patientId`. Nothing without a user, with one that is no user reference, or on a
 * document that is not current (superseded, withdrawn): those are read-only. A professional acts
 * on what they wrote and, given `organization` (theirs, an `Organization/<id>` reference, where
 * the server lets an organisation act for its members), on what their organisation is an author
 * of. A colleague's document that names only its author as a person is not offered: the viewer
 * has no directory to tell colleagues, and the server still decides.
 */
export function lifecycleRights(
  document: DocumentReference,
  user: string | undefined,
  patientId: string,
  organization?: string,
): LifecycleRights {
  if (!user || document.status !== 'current') return NO_RIGHTS;
  const parsed = parseUser(user);
  if (!parsed) return NO_RIGHTS;
  const self = `${parsed.type}/${parsed.id}`;
  const authored = authorReferences(document).includes(self);
  const patientNote = documentTypeOf(document.type)?.code === PATIENT_DOCUMENT_TYPE;
  switch (parsed.type) {
    case 'Patient':
      // Another patient's DSP: nothing to do there.
      if (parsed.id !== patientId) return NO_RIGHTS;
      // A professional's document may be masked (the access-rights panel), never withdrawn.
      return {
        replace: patientNote && authored,
        withdraw: patientNote,
        correct: false,
        confidentiality: true,
      };
    case 'RelatedPerson':
      return { replace: false, withdraw: patientNote, correct: false, confidentiality: true };
    case 'Practitioner':
    case 'PractitionerRole': {
      const speaks =
        authored ||
        (organization !== undefined &&
          organization.startsWith('Organization/') &&
          authorOrganizations(document).includes(organization));
      return { replace: speaks, withdraw: speaks, correct: speaks, confidentiality: false };
    }
  }
}

/** True when at least one action is offered. */
export function anyRight(rights: LifecycleRights): boolean {
  return rights.replace || rights.withdraw || rights.correct || rights.confidentiality;
}

/** The ids of the documents `document` replaced (its `relatesTo` `replaces` links). */
export function replacedIds(document: DocumentReference): string[] {
  return (document.relatesTo ?? [])
    .filter((link) => link.code === 'replaces')
    .map((link) => link.target.reference ?? '')
    .filter((reference) => reference.startsWith('DocumentReference/'))
    .map((reference) => reference.slice('DocumentReference/'.length));
}
