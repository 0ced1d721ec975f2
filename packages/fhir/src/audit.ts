// The DSP's audit trail in IHE BALP terms: how an access is written as an AuditEvent, and how an
// AuditEvent reads back as a row the patient understands. The mock writes with `buildAuditEvent`,
// so both sides share one shape.
import type { AuditEvent, AuditEventAgent, AuditEventEntity, Reference } from '@medplum/fhirtypes';
import { readDocumentChange, type DocumentChangeRecord } from './document-change.js';
import {
  BREAK_THE_GLASS,
  PROFESSION_SYSTEM,
  PURPOSE_OF_USE_SYSTEM,
  documentTypeByCode,
} from './vocabulary.js';

/** What happened, in the kit's words. */
export type DspAuditAction =
  'read' | 'search' | 'create' | 'update' | 'mask' | 'consent' | 'break-the-glass';

export type DspAuditOutcome = 'success' | 'refused' | 'failure';

/** What one change of the patient's access rights did, as the audit records it. */
export type DspRightsChange =
  | 'blocked'
  | 'unblocked'
  | 'granted'
  | 'revoked'
  | 'masked'
  | 'unmasked'
  | 'break-the-glass-refused'
  | 'break-the-glass-allowed'
  | 'closed'
  | 'reopened';

/** One change of the access rights: what it did, and to whom or which document, if anyone. */
export interface AuditRightsChange {
  readonly change: DspRightsChange;
  /** The professional or document concerned, with its name or title. */
  readonly what?: { readonly reference: string; readonly display?: string };
}

export const AUDIT_ACTION_SYSTEM = 'https://dsp-kit.org/fhir/CodeSystem/dsp-audit-action';
export const AGENT_ORGANIZATION_EXTENSION =
  'https://dsp-kit.org/fhir/StructureDefinition/agent-organization';
const DOCUMENT_TYPE_DETAIL = 'dsp-document-type';
/** `entity.detail` type naming what a rights change did to the entity (IHE BALP allows details). */
const RIGHTS_CHANGE_DETAIL = 'dsp-rights-change';
/**
 * Why an access was refused, as a code: R4's `outcomeDesc` is only text, written for the one
 * refused, so the code (R5's `AuditEvent.outcome.detail`) lets a reader word it for the patient.
 */
export const AUDIT_OUTCOME_REASON_EXTENSION =
  'https://dsp-kit.org/fhir/StructureDefinition/audit-outcome-reason';
export const REFUSAL_REASON_SYSTEM = 'https://dsp-kit.org/fhir/CodeSystem/dsp-refusal-reason';
const RIGHTS_CHANGES = new Set<string>([
  'blocked',
  'unblocked',
  'granted',
  'revoked',
  'masked',
  'unmasked',
  'break-the-glass-refused',
  'break-the-glass-allowed',
  'closed',
  'reopened',
]);
const REST_INTERACTION = 'http://hl7.org/fhir/restful-interaction';
const OBJECT_ROLE = 'http://terminology.hl7.org/CodeSystem/object-role';

const INTERACTIONS: Record<DspAuditAction, { code: string; action: AuditEvent['action'] }> = {
  read: { code: 'read', action: 'R' },
  search: { code: 'search-type', action: 'E' },
  create: { code: 'create', action: 'C' },
  update: { code: 'update', action: 'U' },
  mask: { code: 'update', action: 'U' },
  consent: { code: 'update', action: 'U' },
  'break-the-glass': { code: 'operation', action: 'E' },
};

const OUTCOMES: Record<DspAuditOutcome, AuditEvent['outcome']> = {
  success: '0',
  refused: '4',
  failure: '8',
};

export interface AuditInput {
  action: DspAuditAction;
  outcome: DspAuditOutcome;
  /** When it happened (FHIR instant). */
  recorded: string;
  /** Who acted: a Practitioner, Patient, RelatedPerson or Organization reference, or a display. */
  agent: Reference;
  /** The agent's profession code (see `professions`), if a professional. */
  profession?: string;
  organization?: Reference;
  /** Purposes of use (v3 ActReason codes); `BTG` for an emergency access. */
  purposeOfUse?: string[];
  /** The reason given, for an emergency access. */
  reason?: string;
  patient: string;
  document?: { id: string; title?: string; typeCode?: string };
  /** Explanation of a refusal or failure. */
  outcomeDescription?: string;
  /** The refusal's reason as a code (`REFUSAL_REASON_SYSTEM`), e.g. `blocked`. */
  outcomeReason?: string;
  /** What a change of the access rights changed. */
  changes?: readonly AuditRightsChange[];
}

/** An IHE BALP-shaped AuditEvent for one access. */
export function buildAuditEvent(input: AuditInput): AuditEvent {
  const interaction = INTERACTIONS[input.action];
  const agent: AuditEventAgent = {
    who: input.agent as AuditEventAgent['who'],
    requestor: true,
    ...(input.profession
      ? { role: [{ coding: [{ system: PROFESSION_SYSTEM, code: input.profession }] }] }
      : {}),
    ...(input.organization
      ? { extension: [{ url: AGENT_ORGANIZATION_EXTENSION, valueReference: input.organization }] }
      : {}),
    ...(input.purposeOfUse?.length
      ? {
          purposeOfUse: input.purposeOfUse.map((code) => ({
            coding: [{ system: PURPOSE_OF_USE_SYSTEM, code }],
            ...(code === BREAK_THE_GLASS && input.reason ? { text: input.reason } : {}),
          })),
        }
      : {}),
  };
  const entity: AuditEventEntity[] = [
    {
      what: { reference: `Patient/${input.patient}` },
      role: { system: OBJECT_ROLE, code: '1', display: 'Patient' },
    },
  ];
  if (input.document) {
    entity.push({
      what: {
        reference: `DocumentReference/${input.document.id}`,
        ...(input.document.title ? { display: input.document.title } : {}),
      },
      role: { system: OBJECT_ROLE, code: '3', display: 'Report' },
      ...(input.document.typeCode
        ? { detail: [{ type: DOCUMENT_TYPE_DETAIL, valueString: input.document.typeCode }] }
        : {}),
    });
  }
  for (const { change, what } of input.changes ?? []) {
    entity.push({
      ...(what ? { what: { ...what } } : {}),
      detail: [{ type: RIGHTS_CHANGE_DETAIL, valueString: change }],
    });
  }
  return {
    resourceType: 'AuditEvent',
    ...(input.outcomeReason
      ? {
          extension: [
            {
              url: AUDIT_OUTCOME_REASON_EXTENSION,
              valueCoding: { system: REFUSAL_REASON_SYSTEM, code: input.outcomeReason },
            },
          ],
        }
      : {}),
    type: { system: 'http://terminology.hl7.org/CodeSystem/audit-event-type', code: 'rest' },
    subtype: [
      { system: REST_INTERACTION, code: interaction.code },
      { system: AUDIT_ACTION_SYSTEM, code: input.action },
    ],
    action: interaction.action,
    recorded: input.recorded,
    outcome: OUTCOMES[input.outcome],
    ...(input.outcomeDescription ? { outcomeDesc: input.outcomeDescription } : {}),
    agent: [agent],
    source: { observer: { display: 'DSP' } },
    entity,
  };
}

export interface AuditRow {
  readonly id: string | undefined;
  readonly recorded: string;
  readonly who: { readonly reference?: string; readonly name: string | undefined };
  readonly profession: string | undefined;
  readonly organization: string | undefined;
  readonly action: DspAuditAction | 'other';
  readonly document:
    { readonly id: string; readonly title?: string; readonly typeCode?: string } | undefined;
  readonly outcome: DspAuditOutcome;
  readonly outcomeDescription: string | undefined;
  /** The refusal's reason as a code (`REFUSAL_REASON_SYSTEM`), when the server gave one. */
  readonly refusal: string | undefined;
  /** What a change of the access rights changed; empty for any other entry. */
  readonly changes: readonly {
    readonly change: DspRightsChange;
    readonly reference: string | undefined;
    readonly name: string | undefined;
  }[];
  /** What an update of the document did (corrected, withdrawn…), when the entry records it. */
  readonly documentChange?: DocumentChangeRecord;
  readonly purposeOfUse: readonly string[];
  readonly breakTheGlass: boolean;
  readonly reason: string | undefined;
}

function actionOf(event: AuditEvent): DspAuditAction | 'other' {
  const own = event.subtype?.find((s) => s.system === AUDIT_ACTION_SYSTEM)?.code;
  if (own && own in INTERACTIONS) return own as DspAuditAction;
  const rest = event.subtype?.find((s) => s.system === REST_INTERACTION)?.code;
  if (rest === 'read' || rest === 'vread') return 'read';
  if (rest === 'search-type' || rest === 'search-system') return 'search';
  if (rest === 'create') return 'create';
  if (rest === 'update' || rest === 'patch') return 'update';
  if (event.action === 'R') return 'read';
  if (event.action === 'C') return 'create';
  if (event.action === 'U') return 'update';
  return 'other';
}

function outcomeOf(event: AuditEvent): DspAuditOutcome {
  if (event.outcome === undefined || event.outcome === '0') return 'success';
  return event.outcome === '4' ? 'refused' : 'failure';
}

/** AuditEvents as display rows, in the order given. Events from any BALP server are understood. */
export function auditRows(events: readonly AuditEvent[]): AuditRow[] {
  return events.map((event) => {
    const agent = event.agent.find((a) => a.requestor) ?? event.agent[0];
    const purposes = (agent?.purposeOfUse ?? []).flatMap((p) => p.coding ?? []);
    const btg = (agent?.purposeOfUse ?? []).find((p) =>
      (p.coding ?? []).some(
        (c) => c.system === PURPOSE_OF_USE_SYSTEM && c.code === BREAK_THE_GLASS,
      ),
    );
    const changeOf = (entity: AuditEventEntity) =>
      entity.detail?.find((d) => d.type === RIGHTS_CHANGE_DETAIL)?.valueString;
    const documentEntity = (event.entity ?? []).find(
      (e) => e.what?.reference?.startsWith('DocumentReference/') && changeOf(e) === undefined,
    );
    const changes = (event.entity ?? []).flatMap((entity) => {
      const change = changeOf(entity);
      return change && RIGHTS_CHANGES.has(change)
        ? [
            {
              change: change as DspRightsChange,
              reference: entity.what?.reference,
              name: entity.what?.display,
            },
          ]
        : [];
    });
    const refusal = event.extension?.find((e) => e.url === AUDIT_OUTCOME_REASON_EXTENSION)
      ?.valueCoding?.code;
    const typeCode = documentEntity?.detail?.find(
      (d) => d.type === DOCUMENT_TYPE_DETAIL,
    )?.valueString;
    const documentChange = readDocumentChange(event);
    const organization = agent?.extension?.find(
      (e) => e.url === AGENT_ORGANIZATION_EXTENSION,
    )?.valueReference;
    return {
      id: event.id,
      recorded: event.recorded,
      who: {
        ...(agent?.who?.reference ? { reference: agent.who.reference } : {}),
        name: agent?.who?.display ?? agent?.name,
      },
      profession: agent?.role
        ?.flatMap((r) => r.coding ?? [])
        .find((c) => c.system === PROFESSION_SYSTEM)?.code,
      organization: organization?.display,
      action: actionOf(event),
      document: documentEntity?.what?.reference
        ? {
            id: documentEntity.what.reference.slice('DocumentReference/'.length),
            ...(documentEntity.what.display ? { title: documentEntity.what.display } : {}),
            ...(typeCode && documentTypeByCode(typeCode) ? { typeCode } : {}),
          }
        : undefined,
      outcome: outcomeOf(event),
      outcomeDescription: event.outcomeDesc,
      refusal,
      changes,
      ...(documentChange ? { documentChange } : {}),
      purposeOfUse: purposes.flatMap((c) => (c.code ? [c.code] : [])),
      breakTheGlass: btg !== undefined,
      reason: btg?.text,
    };
  });
}
