// Writes an AuditEvent for every access, successful or refused, in the shape `auditRows` reads.
import {
  type AuditRightsChange,
  BREAK_THE_GLASS,
  buildAuditEvent,
  documentChangeDetails,
  documentTypeOf,
  type DocumentChangeRecord,
  type DspAuditAction,
  type DspAuditOutcome,
} from '@dsp-kit/fhir';
import type { DocumentReference } from '@medplum/fhirtypes';
import type { Caller } from './identity.js';
import { refusalText, type Refusal } from './policy.js';
import type { DspStore } from './store.js';

export interface AccessRecord {
  caller: Caller;
  action: DspAuditAction;
  outcome: DspAuditOutcome;
  patient: string;
  document?: DocumentReference;
  /** The access rests on an emergency access: purpose of use BTG, with its reason. */
  breakTheGlass?: { reason: string | undefined };
  outcomeDescription?: string;
  /** What a change of the access rights changed. */
  changes?: readonly AuditRightsChange[];
  /** What an update of the document did (corrected, withdrawn and why, its confidentiality). */
  documentChange?: DocumentChangeRecord;
}

/**
 * The refusal a sentence of `refusalText` states. A refused access is recorded with the sentence
 * the professional was given; its code goes beside it so the patient's log can word it for her.
 */
const refusalOfText = new Map(
  Object.entries(refusalText).map(([refusal, text]) => [text, refusal as Refusal]),
);

export class AuditTrail {
  constructor(
    private readonly store: DspStore,
    private readonly clock: () => Date,
  ) {}

  record(access: AccessRecord): void {
    const { caller, document } = access;
    const title = document?.content[0]?.attachment.title ?? document?.description;
    const typeCode = documentTypeOf(document?.type)?.code;
    const refusal =
      access.outcome === 'refused' && access.outcomeDescription
        ? refusalOfText.get(access.outcomeDescription)
        : undefined;
    const event = buildAuditEvent({
      action: access.action,
      outcome: access.outcome,
      recorded: this.clock().toISOString(),
      agent: caller.reference,
      ...(caller.kind === 'professional' && caller.profession
        ? { profession: caller.profession }
        : {}),
      ...(caller.kind === 'professional' && caller.organization
        ? { organization: caller.organization }
        : {}),
      ...(access.breakTheGlass
        ? {
            purposeOfUse: [BREAK_THE_GLASS],
            ...(access.breakTheGlass.reason ? { reason: access.breakTheGlass.reason } : {}),
          }
        : {}),
      patient: access.patient,
      ...(document?.id
        ? {
            document: {
              id: document.id,
              ...(title ? { title } : {}),
              ...(typeCode ? { typeCode } : {}),
            },
          }
        : {}),
      ...(access.outcomeDescription ? { outcomeDescription: access.outcomeDescription } : {}),
      ...(refusal ? { outcomeReason: refusal } : {}),
      ...(access.changes?.length ? { changes: access.changes } : {}),
    });
    // The document's entity says what its update did (`documentChangeDetails`).
    const changed = access.documentChange;
    const entity = event.entity?.find(
      (e) => e.what?.reference === `DocumentReference/${document?.id ?? ''}`,
    );
    if (changed && entity)
      entity.detail = [...(entity.detail ?? []), ...documentChangeDetails(changed)];
    this.store.put(event);
  }
}
