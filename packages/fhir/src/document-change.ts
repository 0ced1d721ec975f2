// How the audit trail says what a change of a document did (corrected, withdrawn with its
// reason, restored, its confidentiality set): details of the AuditEvent's document entity.
import type { AuditEvent, AuditEventEntityDetail } from '@medplum/fhirtypes';
import type { ConfidentialityCode } from './vocabulary.js';

/** What an update of a document did, in the kit's words. */
export type DspDocumentChange = 'corrected' | 'withdrawn' | 'restored' | 'confidentiality';

/** A document change as the audit records it: what, why (a withdrawal), to which level. */
export interface DocumentChangeRecord {
  readonly change: DspDocumentChange;
  /** The reason given for a withdrawal. */
  readonly reason?: string | undefined;
  /** The confidentiality the document has after the change, when the change set it. */
  readonly confidentiality?: ConfidentialityCode | undefined;
}

/** `entity.detail` types (IHE BALP allows details of an entity). */
const CHANGE_DETAIL = 'dsp-document-change';
const REASON_DETAIL = 'dsp-change-reason';
const CONFIDENTIALITY_DETAIL = 'dsp-confidentiality';
const CHANGES = new Set<string>(['corrected', 'withdrawn', 'restored', 'confidentiality']);

/** The details of the document entity that record `change`. */
export function documentChangeDetails(change: DocumentChangeRecord): AuditEventEntityDetail[] {
  return [
    { type: CHANGE_DETAIL, valueString: change.change },
    ...(change.reason ? [{ type: REASON_DETAIL, valueString: change.reason }] : []),
    ...(change.confidentiality
      ? [{ type: CONFIDENTIALITY_DETAIL, valueString: change.confidentiality }]
      : []),
  ];
}

/** The document change an AuditEvent records, if it records one. */
export function readDocumentChange(event: AuditEvent): DocumentChangeRecord | undefined {
  for (const entity of event.entity ?? []) {
    const value = (type: string) => entity.detail?.find((d) => d.type === type)?.valueString;
    const change = value(CHANGE_DETAIL);
    if (change === undefined || !CHANGES.has(change)) continue;
    const level = value(CONFIDENTIALITY_DETAIL);
    return {
      change: change as DspDocumentChange,
      reason: value(REASON_DETAIL),
      confidentiality: level === 'N' || level === 'R' || level === 'V' ? level : undefined,
    };
  }
  return undefined;
}
