// Who wrote a DocumentReference: its authors as the resources they stand for, whether referenced
// directly or contained (as MHD's Comprehensive metadata has them), and whether a caller is one.
import type { DocumentReference, PractitionerRole, Reference, Resource } from '@medplum/fhirtypes';
import type { Caller } from './identity.js';
import type { DspStore } from './store.js';

function containedResource(doc: DocumentReference, reference: string): Resource | undefined {
  return doc.contained?.find((r) => `#${r.id ?? ''}` === reference);
}

/**
 * The references of the resources a document's authors stand for. A direct reference stands for
 * itself; a contained PractitionerRole for its practitioner and organisation; a contained Patient
 * for the records it links to. A contained copy that points nowhere stands for no one.
 */
export function authorReferences(doc: DocumentReference): string[] {
  return (doc.author ?? []).flatMap(({ reference }) => {
    if (!reference) return [];
    if (!reference.startsWith('#')) return [reference];
    const author = containedResource(doc, reference);
    switch (author?.resourceType) {
      case 'PractitionerRole':
        return [author.practitioner?.reference, author.organization?.reference].filter(
          (r): r is string => r !== undefined,
        );
      case 'Patient':
        return (author.link ?? []).flatMap((l) => {
          const other = (l.other as Reference | undefined)?.reference;
          return other ? [other] : [];
        });
      default:
        return [];
    }
  });
}

/** The organisations the caller acts for: those of their roles in the directory. */
function organisationsOf(caller: Caller & { kind: 'professional' }, store: DspStore): string[] {
  return store
    .rolesOf(caller.reference.reference ?? '')
    .flatMap((role: PractitionerRole) =>
      role.organization?.reference ? [role.organization.reference] : [],
    );
}

/**
 * True when the caller is among the document's authors: a professional as themselves, one of
 * their PractitionerRoles, or their organisation (a document an organisation signs); a patient as
 * themselves; a DSP assistant as themselves, or as the contained RelatedPerson of their patient
 * (a contained RelatedPerson cannot name the assistant, only whose assistant they are).
 */
export function isAuthoredBy(doc: DocumentReference, caller: Caller, store: DspStore): boolean {
  const authors = authorReferences(doc);
  const self = caller.reference.reference;
  switch (caller.kind) {
    case 'agency':
      return false;
    case 'patient':
      return self !== undefined && authors.includes(self);
    case 'assistant':
      return (
        (self !== undefined && authors.includes(self)) ||
        (doc.author ?? []).some((a) => {
          const author = a.reference?.startsWith('#')
            ? containedResource(doc, a.reference)
            : undefined;
          return (
            author?.resourceType === 'RelatedPerson' &&
            (author.patient as Reference | undefined)?.reference === `Patient/${caller.patientId}`
          );
        })
      );
    case 'professional': {
      const roles = store.rolesOf(self ?? '').map((r) => `PractitionerRole/${r.id}`);
      const organisations = organisationsOf(caller, store);
      return authors.some((a) => a === self || roles.includes(a) || organisations.includes(a));
    }
  }
}
