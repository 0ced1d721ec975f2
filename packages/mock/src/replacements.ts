// ITI-65 replacement (MHD's UpdateDocumentRefs slice): each PATCH that sets a replaced document
// `superseded`, paired with the document of the bundle that `replaces` it, and who may do it.
import { documentTypeOf } from '@dsp-kit/fhir';
import type {
  DocumentReference,
  Parameters,
  ParametersParameter,
  Reference,
} from '@medplum/fhirtypes';
import { authorReferences } from './authors.js';
import type { Issue } from './fhir-http.js';
import type { Caller } from './identity.js';
import type { DspStore, Stored } from './store.js';

/** A PATCH entry of the bundle, its resource a Parameters. */
export interface PlannedPatch {
  readonly index: number;
  readonly fullUrl: string;
  readonly resource: Parameters;
  readonly url: string;
}

/** A document of the bundle that replaces an existing one, and the PATCH that supersedes it. */
export interface Replacement {
  readonly patch: PlannedPatch;
  /** The bundle entry of the replacing DocumentReference, and its `relatesTo` index. */
  readonly document: { readonly index: number; readonly resource: DocumentReference };
  readonly relation: number;
  /** The id of the replaced DocumentReference. */
  readonly targetId: string;
}

const at = (i: number, path = '') => `Bundle.entry[${i}]${path}`;
const DOCUMENT_URL = /^DocumentReference\/([A-Za-z0-9\-.]{1,64})$/;
/** The type of the documents the patient writes: "Expression du titulaire". */
export const PATIENT_DOCUMENT_TYPE = 'expression-titulaire';

/** The value of a FHIRPath Patch part, whatever its `value[x]`; undefined when it has none. */
function partValue(part: ParametersParameter): unknown {
  const key = Object.keys(part).find((k) => k.startsWith('value'));
  return key === undefined ? undefined : (part as unknown as Record<string, unknown>)[key];
}

/**
 * Whether `patch` is exactly the FHIRPath Patch (FHIR R4 fhirpatch.html) of MHD's
 * `IHE.MHD.Patch.Parameters`: one `operation` whose parts are `type` = `replace`, `path` =
 * `DocumentReference.status` and `value` = `superseded`, nothing more. Any other operation would
 * let a replacement change what its author wrote, which only a new version may do.
 */
function isSupersede(patch: Parameters): boolean {
  const operations = Array.isArray(patch.parameter) ? patch.parameter : [];
  if (operations.length !== 1) return false;
  const [operation] = operations;
  if (operation?.name !== 'operation' || partValue(operation) !== undefined) return false;
  if (operation.resource !== undefined) return false;
  const parts = Array.isArray(operation.part) ? operation.part : [];
  const values = new Map(parts.map((p) => [p.name, p]));
  if (parts.length !== 3 || values.size !== 3) return false;
  const is = (name: string, field: 'valueCode' | 'valueString', value: string) => {
    const part = values.get(name);
    return part?.[field] === value && Object.keys(part).length === 2 && !part.part;
  };
  return (
    is('type', 'valueCode', 'replace') &&
    is('path', 'valueString', 'DocumentReference.status') &&
    is('value', 'valueCode', 'superseded')
  );
}

/**
 * Pairs each PATCH with the one `relatesTo` `replaces` of the bundle that names its target, and
 * checks the pairs: each PATCH is the supersede operation on `DocumentReference/<id>`, each
 * replaced document has one PATCH and one replacement, and each replacement its PATCH.
 */
export function pairReplacements(
  patches: readonly PlannedPatch[],
  documents: readonly { readonly index: number; readonly resource: DocumentReference }[],
  issues: Issue[],
): Replacement[] {
  const byTarget = new Map<string, PlannedPatch>();
  for (const patch of patches) {
    const id = DOCUMENT_URL.exec(patch.url)?.[1];
    if (id === undefined) {
      issues.push({
        code: 'not-supported',
        text: `A PATCH here supersedes an existing document, "DocumentReference/<id>"; not "${patch.url}"`,
        expression: at(patch.index, '.request.url'),
      });
    } else if (byTarget.has(id)) {
      issues.push({
        code: 'invalid',
        text: `DocumentReference/${id} is patched twice; one PATCH supersedes it`,
        expression: at(patch.index, '.request.url'),
      });
    } else {
      byTarget.set(id, patch);
    }
    if (!isSupersede(patch.resource)) {
      issues.push({
        code: 'not-supported',
        text: 'A PATCH here is one FHIRPath Patch operation: replace DocumentReference.status with superseded',
        expression: at(patch.index, '.resource.parameter'),
      });
    }
  }
  const replacements: Replacement[] = [];
  const replaced = new Set<string>();
  for (const document of documents) {
    const relations = Array.isArray(document.resource.relatesTo) ? document.resource.relatesTo : [];
    relations.forEach((relation, r) => {
      // Read defensively: a bundle is whatever the client sent.
      if ((relation as { code?: string } | null)?.code !== 'replaces') return;
      const where = at(document.index, `.resource.relatesTo[${r}].target`);
      const reference = (relation.target as Reference | undefined)?.reference ?? '';
      const id = DOCUMENT_URL.exec(reference)?.[1];
      if (id === undefined) {
        issues.push({
          code: 'invalid',
          text: `A replaced document is named "DocumentReference/<id>"; not "${reference}"`,
          expression: where,
        });
        return;
      }
      if (replaced.has(id)) {
        issues.push({
          code: 'invalid',
          text: `DocumentReference/${id} is replaced twice in this submission`,
          expression: where,
        });
        return;
      }
      replaced.add(id);
      const patch = byTarget.get(id);
      if (!patch) {
        issues.push({
          code: 'required',
          text: `Replacing DocumentReference/${id} needs the PATCH entry that sets it superseded (MHD UpdateDocumentRefs)`,
          expression: where,
        });
        return;
      }
      replacements.push({ patch, document, relation: r, targetId: id });
    });
  }
  for (const [id, patch] of byTarget) {
    if (!replaced.has(id)) {
      issues.push({
        code: 'invalid',
        text: `No document of this submission replaces DocumentReference/${id} (relatesTo replaces): it cannot be superseded`,
        expression: at(patch.index, '.request.url'),
      });
    }
  }
  return replacements;
}

/** Whether a document was written on the patient's side: by the patient or one of their assistants. */
export function writtenByPatientSide(
  doc: DocumentReference,
  patientId: string,
  store: DspStore,
): boolean {
  return (doc.author ?? []).some(({ reference }) => {
    if (reference === `Patient/${patientId}`) return true;
    const author = reference?.startsWith('#')
      ? doc.contained?.find((r) => `#${r.id ?? ''}` === reference)
      : reference?.startsWith('RelatedPerson/')
        ? store.get('RelatedPerson', reference.slice('RelatedPerson/'.length))
        : undefined;
    if (author?.resourceType === 'Patient') {
      return (author.link ?? []).some(
        (l) => (l.other as Reference | undefined)?.reference === `Patient/${patientId}`,
      );
    }
    return (
      author?.resourceType === 'RelatedPerson' &&
      (author.patient as Reference | undefined)?.reference === `Patient/${patientId}`
    );
  });
}

/** The organisations a practitioner, role or organisation reference acts for. */
function organisationsOf(reference: string, store: DspStore): string[] {
  if (reference.startsWith('Organization/')) return [reference];
  if (reference.startsWith('PractitionerRole/')) {
    const role = store.get('PractitionerRole', reference.slice('PractitionerRole/'.length));
    return role?.resourceType === 'PractitionerRole' && role.organization?.reference
      ? [role.organization.reference]
      : [];
  }
  return store.rolesOf(reference).flatMap((r) => r.organization?.reference ?? []);
}

/**
 * Whether a professional speaks for a document's author: they are among its authors (as
 * themselves or one of their roles) or, when the policy lets an organisation act for its members,
 * they work for an organisation of an author. The rule of replacing, withdrawing and correcting.
 */
export function speaksForAuthor(
  target: DocumentReference,
  caller: Caller & { kind: 'professional' },
  store: DspStore,
  organisationActs: boolean,
): boolean {
  const self = caller.reference.reference ?? '';
  const roles = store.rolesOf(self).map((r) => `PractitionerRole/${r.id}`);
  const authors = authorReferences(target);
  if (authors.some((a) => a === self || roles.includes(a))) return true;
  if (!organisationActs) return false;
  const mine = organisationsOf(self, store);
  const theirs = authors.flatMap((a) => organisationsOf(a, store));
  return theirs.some((o) => mine.includes(o));
}

/**
 * Why the caller may not replace `target` (a document they may see), or undefined when they may.
 * DOMAIN.md: only the author, or their organisation per policy, replaces a professional's
 * document; the patient (and their assistant, who has the patient's rights) replaces only their
 * own "Expression du titulaire".
 */
export function replaceRefusal(
  target: Stored<DocumentReference>,
  caller: Caller,
  store: DspStore,
  organisationReplaces: boolean,
): string | undefined {
  switch (caller.kind) {
    case 'agency':
      return 'L’Agence eSanté ne remplace aucun document.';
    case 'patient':
    case 'assistant': {
      const own =
        documentTypeOf(target.type)?.code === PATIENT_DOCUMENT_TYPE &&
        writtenByPatientSide(target, caller.patientId, store);
      return own
        ? undefined
        : 'Le patient ne remplace que ses propres documents « Expression du titulaire ».';
    }
    case 'professional': {
      if (speaksForAuthor(target, caller, store, organisationReplaces)) return undefined;
      return organisationReplaces
        ? 'Seul l’auteur du document, ou son organisation, peut le remplacer.'
        : 'Seul l’auteur du document peut le remplacer.';
    }
  }
}
