// The "Correct" form's values: read from a DocumentReference, compared, and written back onto
// it (title, DSP type and class, date of the act, confidentiality, hidden from the patient).
import {
  CONFIDENTIALITY_SYSTEM,
  documentClassConcept,
  documentTypeByCode,
  documentTypeConcept,
  documentTypeOf,
  DSP_SECURITY_SYSTEM,
  DspValidationError,
  type ConfidentialityCode,
  type DocumentReference,
} from '@dsp-kit/fhir';
import type { Coding } from '@medplum/fhirtypes';
import { clinicalDate } from '../base/document-dates.js';

/** What the author may correct. */
export interface Correction {
  readonly title: string;
  /** A DSP document type code. */
  readonly typeCode: string;
  /** The act's day, `YYYY-MM-DD`, or empty when unknown. */
  readonly date: string;
  readonly confidentiality: ConfidentialityCode;
  readonly hiddenFromPatient: boolean;
}

export type CorrectionField = keyof Correction;

export const CORRECTION_FIELDS: readonly CorrectionField[] = [
  'title',
  'typeCode',
  'date',
  'confidentiality',
  'hiddenFromPatient',
];

const HIDDEN = 'hidden-from-patient';

const isCoded = (system: string, code?: string) => (c: Coding) =>
  c.system === system && (code === undefined || c.code === code);

/** The form's values for `document`, as it says them now. */
export function correctionOf(document: DocumentReference): Correction {
  const labels = document.securityLabel ?? [];
  const confidentiality = labels
    .flatMap((l) => l.coding ?? [])
    .find(isCoded(CONFIDENTIALITY_SYSTEM))?.code;
  return {
    title: document.content[0]?.attachment.title ?? document.description ?? '',
    typeCode: documentTypeOf(document.type)?.code ?? '',
    date: clinicalDate(document)?.slice(0, 10) ?? '',
    confidentiality: confidentiality === 'R' || confidentiality === 'V' ? confidentiality : 'N',
    hiddenFromPatient: labels.some((l) =>
      (l.coding ?? []).some(isCoded(DSP_SECURITY_SYSTEM, HIDDEN)),
    ),
  };
}

/** The fields whose values differ between `a` and `b` (titles compared trimmed). */
export function changedFields(a: Correction, b: Correction): CorrectionField[] {
  return CORRECTION_FIELDS.filter((field) =>
    field === 'title' ? a.title.trim() !== b.title.trim() : a[field] !== b[field],
  );
}

/**
 * A correction's problem, as a `DspValidationError` whose `field` names the form field: an empty
 * title, a type the DSP does not know, a date that is no calendar day or in the future.
 */
export function checkCorrection(correction: Correction, today = new Date()): void {
  if (correction.title.trim() === '') throw new DspValidationError('A title is required', 'title');
  if (!documentTypeByCode(correction.typeCode)) {
    throw new DspValidationError(`Unknown DSP type "${correction.typeCode}"`, 'typeCode');
  }
  if (correction.date !== '') {
    const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(correction.date);
    const [, year, month, date] = day ?? [];
    const parsed = new Date(Number(year), Number(month) - 1, Number(date));
    if (!day || parsed.getDate() !== Number(date)) {
      throw new DspValidationError(`"${correction.date}" is no calendar day`, 'date');
    }
    if (parsed.getTime() > today.getTime()) {
      throw new DspValidationError('The date of the act is in the future', 'date');
    }
  }
}

/**
 * `document` with the fields of `correction` that differ from what it says now written on it;
 * everything else (identifiers, content, other labels, context) kept as it is.
 */
export function applyCorrection(
  document: DocumentReference,
  correction: Correction,
): DocumentReference {
  const now = correctionOf(document);
  const changed = new Set(changedFields(now, correction));
  let next: DocumentReference = { ...document };
  if (changed.has('title')) {
    const [first, ...rest] = next.content;
    next = first
      ? {
          ...next,
          content: [
            { ...first, attachment: { ...first.attachment, title: correction.title.trim() } },
            ...rest,
          ],
        }
      : { ...next, description: correction.title.trim() };
  }
  if (changed.has('typeCode')) {
    const type = documentTypeByCode(correction.typeCode);
    if (type)
      next = { ...next, type: documentTypeConcept(type), category: [documentClassConcept(type)] };
  }
  if (changed.has('date') && correction.date !== '') {
    // The act's date is the service period's start and the content's creation, as the uploader
    // writes them; an end before the new start no longer says anything true.
    const period = next.context?.period;
    const end = period?.end && period.end >= correction.date ? { end: period.end } : {};
    const [first, ...rest] = next.content;
    next = {
      ...next,
      context: { ...next.context, period: { start: correction.date, ...end } },
      content: first
        ? [{ ...first, attachment: { ...first.attachment, creation: correction.date } }, ...rest]
        : next.content,
    };
  }
  if (changed.has('confidentiality') || changed.has('hiddenFromPatient')) {
    const others = (next.securityLabel ?? []).filter(
      (l) =>
        !(l.coding ?? []).some(
          (c) => isCoded(CONFIDENTIALITY_SYSTEM)(c) || isCoded(DSP_SECURITY_SYSTEM, HIDDEN)(c),
        ),
    );
    next = {
      ...next,
      securityLabel: [
        { coding: [{ system: CONFIDENTIALITY_SYSTEM, code: correction.confidentiality }] },
        ...others,
        ...(correction.hiddenFromPatient
          ? [{ coding: [{ system: DSP_SECURITY_SYSTEM, code: HIDDEN }] }]
          : []),
      ],
    };
  }
  return next;
}
