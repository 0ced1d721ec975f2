// What an update of a DocumentReference changes, whether those values are valid, and whether the
// caller may make that change (DOMAIN.md, "Document lifecycle"): the author corrects and
// withdraws; the patient sets the confidentiality of any of their documents and corrects or
// deletes only their own "Expression du titulaire".
import {
  CONFIDENTIALITY_SYSTEM,
  DSP_SECURITY_SYSTEM,
  MASKED_BY_PATIENT_LABEL,
  MAX_WITHDRAWAL_REASON,
  WITHDRAWAL_REASON_EXTENSION,
  documentClassConcept,
  documentTypeOf,
  type ConfidentialityCode,
  type DocumentChangeRecord,
} from '@dsp-kit/fhir';
import type { CodeableConcept, DocumentReference } from '@medplum/fhirtypes';
import { FhirFailure, type Issue } from './fhir-http.js';
import type { Caller } from './identity.js';
import { PATIENT_DOCUMENT_TYPE, speaksForAuthor, writtenByPatientSide } from './replacements.js';
import type { DspStore } from './store.js';

/** What an update may touch, each named as the element it is. */
export type ChangedField =
  | 'description'
  | 'title'
  | 'type'
  | 'category'
  | 'date'
  | 'confidentiality'
  | 'hidden-from-patient'
  | 'status'
  | 'reason';

/** An update, judged: what it does, for the audit, and the document to store. */
export interface PlannedUpdate {
  readonly change: DocumentChangeRecord;
  readonly fields: readonly ChangedField[];
  readonly document: DocumentReference;
}

const FHIR_DATE_TIME =
  /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d{1,9})?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00)))?)?)?$/;
const MAX_TEXT = 1000;
const where = (path: string) => `DocumentReference.${path}`;

/** JSON with sorted keys: equal values compare equal whatever the order of their members. */
function key(value: unknown): string {
  const sorted = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sorted);
    if (typeof v !== 'object' || v === null) return v;
    return Object.fromEntries(
      Object.entries(v)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, inner]) => [k, sorted(inner)]),
    );
  };
  // JSON.stringify gives undefined for undefined, whatever its declared type says.
  return value === undefined ? 'undefined' : JSON.stringify(sorted(value));
}

const codings = (labels: readonly CodeableConcept[] | undefined) =>
  (labels ?? []).flatMap((l) => l.coding ?? []);

/** The confidentiality codes of a document's labels. */
function confidentialities(document: DocumentReference): string[] {
  return codings(document.securityLabel)
    .filter((c) => c.system === CONFIDENTIALITY_SYSTEM)
    .map((c) => c.code ?? '');
}

/** The confidentiality of a document (N when it says none, as the fixtures and rules read it). */
export function confidentialityOf(document: DocumentReference): ConfidentialityCode {
  const code = confidentialities(document)[0];
  return code === 'R' || code === 'V' ? code : 'N';
}

const hasSecurity = (document: DocumentReference, code: string) =>
  codings(document.securityLabel).some((c) => c.system === DSP_SECURITY_SYSTEM && c.code === code);

/** The labels other than confidentiality and hidden-from-patient, which no update changes. */
function otherLabels(document: DocumentReference): string {
  return key(
    codings(document.securityLabel).filter(
      (c) =>
        c.system !== CONFIDENTIALITY_SYSTEM &&
        !(c.system === DSP_SECURITY_SYSTEM && c.code === 'hidden-from-patient'),
    ),
  );
}

const reasonOf = (document: DocumentReference) =>
  document.extension?.find((e) => e.url === WITHDRAWAL_REASON_EXTENSION)?.valueString;
const otherExtensions = (document: DocumentReference) =>
  key((document.extension ?? []).filter((e) => e.url !== WITHDRAWAL_REASON_EXTENSION));
const titlesOf = (document: DocumentReference) =>
  (document.content as DocumentReference['content'] | undefined)?.map((c) => c.attachment.title);
const contentWithoutTitles = (document: DocumentReference) =>
  key(
    ((document.content as DocumentReference['content'] | undefined) ?? []).map((c) => ({
      ...c,
      attachment: { ...c.attachment, title: undefined },
    })),
  );

/** The document as the client may have read it, without the mark the server adds on the way out. */
export function withoutServerMarks(document: DocumentReference): DocumentReference {
  if (!document.securityLabel) return document;
  return {
    ...document,
    securityLabel: document.securityLabel.filter(
      (l) =>
        !(l.coding ?? []).some(
          (c) =>
            c.system === MASKED_BY_PATIENT_LABEL.system && c.code === MASKED_BY_PATIENT_LABEL.code,
        ),
    ),
  };
}

/**
 * The fields `after` changes from `before`, or a 422 naming each element that no update may
 * change (the subject, the authors, the content, the identifiers, …).
 */
export function changedFields(before: DocumentReference, after: DocumentReference): ChangedField[] {
  const fixed: Issue[] = [];
  const compared = new Set(['resourceType', 'id', 'meta', 'text']);
  const fields: ChangedField[] = [];
  const check = (field: ChangedField, a: unknown, b: unknown) => {
    if (key(a) !== key(b)) fields.push(field);
  };
  check('description', before.description, after.description);
  check('type', before.type, after.type);
  check('category', before.category, after.category);
  check('date', before.date, after.date);
  check('status', before.status, after.status);
  check('reason', reasonOf(before), reasonOf(after));
  check('title', titlesOf(before), titlesOf(after));
  check('confidentiality', confidentialities(before), confidentialities(after));
  check(
    'hidden-from-patient',
    hasSecurity(before, 'hidden-from-patient'),
    hasSecurity(after, 'hidden-from-patient'),
  );
  for (const name of ['description', 'type', 'category', 'date', 'status']) compared.add(name);
  const unchanged: [string, (d: DocumentReference) => unknown][] = [
    ['securityLabel', otherLabels],
    ['extension', otherExtensions],
    ['content', contentWithoutTitles],
  ];
  for (const [name, view] of unchanged) {
    compared.add(name);
    if (view(before) !== view(after)) {
      fixed.push({
        code: 'business-rule',
        text: `${name}: only the title, type, date, confidentiality and "hidden from the patient" are corrected; this change is not`,
        expression: where(name),
      });
    }
  }
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const name of names) {
    if (compared.has(name)) continue;
    const a = (before as unknown as Record<string, unknown>)[name];
    const b = (after as unknown as Record<string, unknown>)[name];
    if (key(a) !== key(b)) {
      fixed.push({
        code: 'business-rule',
        text: `${name} does not change after a document is sent; a new version replaces it (ITI-65)`,
        expression: where(name),
      });
    }
  }
  if (fixed.length > 0) throw new FhirFailure(422, fixed);
  return fields;
}

/** The values of the changed fields checked: a 422 naming each invalid one. */
function checkValues(after: DocumentReference, fields: readonly ChangedField[]): void {
  const issues: Issue[] = [];
  const text = (value: unknown, path: string, name: string) => {
    if (typeof value !== 'string' || value.trim() === '' || value.length > MAX_TEXT) {
      issues.push({
        code: 'value',
        text: `The ${name} is required, at most ${MAX_TEXT} characters`,
        expression: where(path),
      });
    }
  };
  if (fields.includes('description')) text(after.description, 'description', 'title');
  if (fields.includes('title')) {
    (after.content as DocumentReference['content'] | undefined)?.forEach((c, i) => {
      if (c.attachment.title !== undefined) {
        text(c.attachment.title, `content[${i}].attachment.title`, 'title');
      }
    });
  }
  const type = documentTypeOf(after.type);
  if (fields.includes('type') && !type) {
    issues.push({
      code: 'code-invalid',
      text: 'Unknown DSP document type',
      expression: where('type'),
    });
  }
  if ((fields.includes('type') || fields.includes('category')) && type) {
    const expected = documentClassConcept(type);
    if (key(after.category) !== key([expected])) {
      issues.push({
        code: 'business-rule',
        text: `The category follows the type: ${expected.coding?.[0]?.code ?? ''}`,
        expression: where('category'),
      });
    }
  }
  if (
    fields.includes('date') &&
    !(typeof after.date === 'string' && FHIR_DATE_TIME.test(after.date))
  ) {
    issues.push({
      code: 'value',
      text: 'The date is a FHIR instant, e.g. 2026-11-02T10:00:00+01:00',
      expression: where('date'),
    });
  }
  if (fields.includes('confidentiality')) {
    const codes = confidentialities(after);
    if (codes.length !== 1 || !['N', 'R', 'V'].includes(codes[0] ?? '')) {
      issues.push({
        code: 'code-invalid',
        text: 'A document has one confidentiality: N, R or V',
        expression: where('securityLabel'),
      });
    }
  }
  if (issues.length > 0) throw new FhirFailure(422, issues);
}

/**
 * What the update does: a correction, a withdrawal (`entered-in-error` with its reason), the
 * undo of one, or a confidentiality alone. A 409 for a document that is not current (a
 * superseded version stays as it was), a 422 for invalid values or transitions.
 */
function classify(
  before: DocumentReference,
  after: DocumentReference,
  fields: readonly ChangedField[],
): DocumentChangeRecord {
  const others = fields.filter((f) => f !== 'status' && f !== 'reason');
  const statusChange = fields.includes('status');
  if (before.status === 'superseded') {
    throw FhirFailure.of(
      409,
      'conflict',
      'This version was replaced: only the current version of a document changes',
      where('status'),
    );
  }
  if (statusChange && after.status === 'entered-in-error') {
    const reason = reasonOf(after)?.trim() ?? '';
    if (reason === '' || reason.length > MAX_WITHDRAWAL_REASON) {
      throw FhirFailure.of(
        422,
        'required',
        `A withdrawal needs a reason (at most ${MAX_WITHDRAWAL_REASON} characters)`,
        where('extension'),
      );
    }
    if (others.length > 0) {
      throw FhirFailure.of(
        422,
        'business-rule',
        `A withdrawal changes nothing else (${others.join(', ')})`,
        where('status'),
      );
    }
    return { change: 'withdrawn', reason };
  }
  if (statusChange && before.status === 'entered-in-error' && after.status === 'current') {
    if (others.length > 0 || reasonOf(after) !== undefined) {
      throw FhirFailure.of(
        422,
        'business-rule',
        'Restoring a withdrawn document removes its reason and changes nothing else',
        where('status'),
      );
    }
    return { change: 'restored' };
  }
  if (statusChange) {
    throw FhirFailure.of(
      422,
      'business-rule',
      after.status === 'superseded'
        ? 'A document is superseded by its replacement (ITI-65 with relatesTo replaces), not by an update'
        : `The status goes from current to entered-in-error (a withdrawal), and back; not to "${after.status}"`,
      where('status'),
    );
  }
  if (before.status === 'entered-in-error') {
    throw FhirFailure.of(409, 'conflict', 'A withdrawn document does not change', where('status'));
  }
  if (fields.includes('reason')) {
    throw FhirFailure.of(
      422,
      'business-rule',
      'Only a withdrawn document carries a withdrawal reason',
      where('extension'),
    );
  }
  const level = fields.includes('confidentiality') ? confidentialityOf(after) : undefined;
  if (others.length === 1 && level !== undefined) {
    return { change: 'confidentiality', confidentiality: level };
  }
  return { change: 'corrected', ...(level ? { confidentiality: level } : {}) };
}

/** Why the caller may not make this change, or undefined when they may. */
export function changeRefusal(
  caller: Caller,
  document: DocumentReference,
  update: { readonly change: DocumentChangeRecord; readonly fields: readonly ChangedField[] },
  store: DspStore,
  organisationActs: boolean,
): string | undefined {
  const { change } = update.change;
  switch (caller.kind) {
    case 'agency':
      return 'L’Agence eSanté ne modifie aucun document.';
    case 'professional':
      if (speaksForAuthor(document, caller, store, organisationActs)) return undefined;
      return organisationActs
        ? 'Seul l’auteur du document, ou son organisation, peut le corriger ou le retirer.'
        : 'Seul l’auteur du document peut le corriger ou le retirer.';
    case 'patient':
    case 'assistant': {
      const own =
        documentTypeOf(document.type)?.code === PATIENT_DOCUMENT_TYPE &&
        writtenByPatientSide(document, caller.patientId, store);
      if (own || change === 'confidentiality') return undefined;
      if (update.fields.includes('hidden-from-patient')) {
        return 'Seul l’auteur du document décide quand il vous devient accessible.';
      }
      return change === 'withdrawn'
        ? 'Le document d’un professionnel ne se retire pas : vous pouvez le masquer aux professionnels dans vos droits d’accès.'
        : 'Vous ne corrigez que vos propres documents « Expression du titulaire » ; vous réglez la confidentialité de tous vos documents.';
    }
  }
}

/** The update judged: what it changes, valid, and what it does; the caller's right apart. */
export function planUpdate(before: DocumentReference, proposed: DocumentReference): PlannedUpdate {
  const after = withoutServerMarks(proposed);
  const fields = changedFields(before, after);
  checkValues(after, fields);
  const change = classify(before, after, fields);
  return { change, fields, document: after };
}
