// Writes an AuditEvent for every access, successful or refused, in the shape `auditRows` reads.
import {
  BREAK_THE_GLASS,
  buildAuditEvent,
  documentTypeOf,
  type DspAuditAction,
  type DspAuditOutcome,
} from '@dsp-kit/fhir';
import type { DocumentReference } from '@medplum/fhirtypes';
import type { Caller } from './identity.js';
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
}

export class AuditTrail {
  constructor(
    private readonly store: DspStore,
    private readonly clock: () => Date,
  ) {}

  record(access: AccessRecord): void {
    const { caller, document } = access;
    const title = document?.content[0]?.attachment.title ?? document?.description;
    const typeCode = documentTypeOf(document?.type)?.code;
    this.store.put(
      buildAuditEvent({
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
      }),
    );
  }
}
