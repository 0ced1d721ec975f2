// A DSP's status for the caller, for many patients in one FHIR batch: each patient's record read
// (open or closed, the caller's access, emergency access) and the count of documents changed since
// the caller's last visit, read back from the batch-response.
import type {
  AuditEvent,
  Bundle,
  BundleEntry,
  Extension,
  OperationOutcome,
  Patient,
} from '@medplum/fhirtypes';
import { DspValidationError } from './errors.js';
import { REFUSAL_REASON_SYSTEM } from './audit.js';
import { referenceValue } from './search-params.js';

/**
 * On a Patient read: the caller's access to the DSP, as sub-extensions `access` (code: `own`,
 * `full`, `normal`, `emergency`), `emergency-until` (instant), `break-the-glass` (code: `allowed`
 * or `refused`, said to the patient and their assistants) and `closed-since` (dateTime, when the
 * patient closed the DSP). The kit's own: FHIR and IHE define no such summary.
 */
export const DSP_ACCESS_EXTENSION = 'https://dsp-kit.org/fhir/StructureDefinition/dsp-access';
/** On a 403's OperationOutcome issue: why the DSP is refused (a `REFUSAL_REASON_SYSTEM` coding). */
export const REFUSAL_REASON_EXTENSION =
  'https://dsp-kit.org/fhir/StructureDefinition/refusal-reason';
/** On a 403's OperationOutcome issue: since when the patient's DSP is closed (dateTime). */
export const CLOSED_SINCE_EXTENSION = 'https://dsp-kit.org/fhir/StructureDefinition/closed-since';

// The vocabulary's `OUTCOME_SYSTEM` and `BREAK_THE_GLASS_AVAILABLE`, spelled out as `errors.ts`
// does: importing the vocabulary would bring its tables into the status badge's first load.
const OUTCOME_SYSTEM = 'https://dsp-kit.org/fhir/CodeSystem/dsp-outcome';
const BREAK_THE_GLASS_AVAILABLE = 'break-the-glass-available';

/** The most patients one status batch asks about. */
export const MAX_STATUS_PATIENTS = 50;

/** The caller's access to an open DSP: their own (patient, assistant), full, normal, emergency. */
export type DspAccessLevel = 'own' | 'full' | 'normal' | 'emergency';

/** Why a DSP is refused to the caller (`REFUSAL_REASON_SYSTEM` codes), `other` for any else. */
export type DspRefusal = 'closed' | 'blocked' | 'no-grant' | 'not-own-record' | 'agency' | 'other';

/** What a status badge shows for one patient. */
export type DspStatus =
  | {
      readonly state: 'open' | 'closed';
      readonly patient: string;
      /** The patient's name as the server gives it. */
      readonly name: string | undefined;
      readonly access: DspAccessLevel;
      readonly emergencyUntil: string | undefined;
      /** Whether the patient allows emergency access, when the server tells the caller. */
      readonly breakTheGlass: 'allowed' | 'refused' | undefined;
      readonly closedSince: string | undefined;
      /** Documents added or changed since `since`; undefined when no last visit is known. */
      readonly newCount: number | undefined;
      readonly since: string | undefined;
    }
  | {
      readonly state: 'refused';
      readonly patient: string;
      readonly refusal: DspRefusal;
      /** The professional may ask for emergency access. */
      readonly breakTheGlassAvailable: boolean;
      readonly closedSince: string | undefined;
      /** The server's own words. */
      readonly text: string | undefined;
    }
  | { readonly state: 'unknown-patient'; readonly patient: string }
  | {
      readonly state: 'failed';
      readonly patient: string;
      readonly status: number;
      readonly text: string | undefined;
    };

/** One patient of a status batch. */
export interface StatusQuery {
  /** A FHIR id or `Patient/<id>`. */
  readonly patient: string;
  /** The caller's last visit: documents changed after it are counted. */
  readonly since?: string | Date;
}

const REFUSALS = new Set<string>(['closed', 'blocked', 'no-grant', 'not-own-record', 'agency']);

function instant(value: string | Date, field: string): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new DspValidationError(`${field} is not a date: ${JSON.stringify(value)}`, field);
  }
  return date.toISOString();
}

/** The count search of a patient's current documents changed after `since` (`_lastUpdated=gt`). */
export function newDocumentsSearch(patient: string, since: string | Date): string {
  const params = new URLSearchParams({
    patient: referenceValue(patient, 'patient', 'Patient'),
    status: 'current',
    _lastUpdated: `gt${instant(since, 'since')}`,
    _summary: 'count',
  });
  return `DocumentReference?${params.toString()}`;
}

/**
 * The batch asking the status of up to {@link MAX_STATUS_PATIENTS} patients: per patient, the
 * read of the Patient and, when a last visit is known, the count of documents changed since.
 */
export function buildStatusBatch(queries: readonly StatusQuery[]): Bundle {
  if (queries.length === 0) throw new DspValidationError('No patient to ask about', 'patients');
  if (queries.length > MAX_STATUS_PATIENTS) {
    throw new DspValidationError(
      `At most ${MAX_STATUS_PATIENTS} patients in one status request, not ${queries.length}`,
      'patients',
    );
  }
  const entry: BundleEntry[] = queries.flatMap((query) => {
    const id = referenceValue(query.patient, 'patient', 'Patient');
    const read: BundleEntry = {
      request: { method: 'GET', url: `Patient/${encodeURIComponent(id)}` },
    };
    if (query.since === undefined) return [read];
    return [read, { request: { method: 'GET', url: newDocumentsSearch(id, query.since) } }];
  });
  return { resourceType: 'Bundle', type: 'batch', entry };
}

function statusCode(entry: BundleEntry | undefined): number {
  return Number.parseInt(entry?.response?.status ?? '', 10) || 0;
}

function sub(extension: Extension | undefined, url: string): Extension | undefined {
  return extension?.extension?.find((e) => e.url === url);
}

function patientName(patient: Patient): string | undefined {
  const name = patient.name?.[0];
  if (!name) return undefined;
  return name.text ?? ([...(name.given ?? []), name.family].filter(Boolean).join(' ') || undefined);
}

function refusalOf(outcome: OperationOutcome | undefined, patient: string): DspStatus {
  const issues = outcome?.issue ?? [];
  const codings = issues.flatMap((issue) => issue.details?.coding ?? []);
  const extensions = issues.flatMap((issue) => issue.extension ?? []);
  const reasonCoding = extensions.find((e) => e.url === REFUSAL_REASON_EXTENSION)?.valueCoding;
  const reason = reasonCoding?.system === REFUSAL_REASON_SYSTEM ? reasonCoding.code : undefined;
  const closedSince = extensions.find((e) => e.url === CLOSED_SINCE_EXTENSION)?.valueDateTime;
  const text = issues.map((issue) => issue.details?.text ?? issue.diagnostics ?? '').join(' ');
  return {
    state: 'refused',
    patient,
    refusal: reason && REFUSALS.has(reason) ? (reason as DspRefusal) : 'other',
    breakTheGlassAvailable: codings.some(
      (c) => c.system === OUTCOME_SYSTEM && c.code === BREAK_THE_GLASS_AVAILABLE,
    ),
    closedSince,
    text: text.trim() || undefined,
  };
}

/** The count of a `_summary=count` entry, or undefined when it failed. */
function countOf(entry: BundleEntry | undefined): number | undefined {
  const total = (entry?.resource as Bundle | undefined)?.total;
  return statusCode(entry) === 200 && typeof total === 'number' ? total : undefined;
}

/** Reads a status batch's response: one status per query, in their order. */
export function readStatusBatch(response: Bundle, queries: readonly StatusQuery[]): DspStatus[] {
  const entries = response.entry ?? [];
  let at = 0;
  return queries.map((query) => {
    const patient = referenceValue(query.patient, 'patient', 'Patient');
    const read = entries[at++];
    const count = query.since === undefined ? undefined : entries[at++];
    const status = statusCode(read);
    if (status === 404) return { state: 'unknown-patient', patient };
    if (status === 403 || status === 401) {
      return refusalOf(read?.response?.outcome, patient);
    }
    const resource = read?.resource as Patient | undefined;
    if (status !== 200 || resource?.resourceType !== 'Patient') {
      const outcome = read?.response?.outcome;
      return {
        state: 'failed',
        patient,
        status,
        text: outcome?.issue[0]?.details?.text,
      };
    }
    const access = resource.extension?.find((e) => e.url === DSP_ACCESS_EXTENSION);
    const level = sub(access, 'access')?.valueCode;
    const breakTheGlass = sub(access, 'break-the-glass')?.valueCode;
    const closedSince = sub(access, 'closed-since')?.valueDateTime;
    return {
      state: closedSince ? 'closed' : 'open',
      patient,
      name: patientName(resource),
      access: level === 'own' || level === 'full' || level === 'emergency' ? level : 'normal',
      emergencyUntil: sub(access, 'emergency-until')?.valueInstant,
      breakTheGlass:
        breakTheGlass === 'allowed' || breakTheGlass === 'refused' ? breakTheGlass : undefined,
      closedSince,
      newCount: countOf(count),
      since: query.since === undefined ? undefined : instant(query.since, 'since'),
    };
  });
}

/** A status with another count of new documents (counted since another date). */
export function withNewCount(
  status: DspStatus,
  since: string,
  count: number | undefined,
): DspStatus {
  return status.state === 'open' || status.state === 'closed'
    ? { ...status, since, newCount: count }
    : status;
}

/**
 * When `agent` last opened one of the patient's documents, by the server's audit (BALP `R`
 * events with a DocumentReference entity): the newest such event's `recorded`, or undefined.
 */
export function lastDocumentRead(events: readonly AuditEvent[], agent: string): string | undefined {
  let latest: string | undefined;
  for (const event of events) {
    if (event.action !== 'R' || (event.outcome !== undefined && event.outcome !== '0')) continue;
    if (!event.agent.some((a) => a.who?.reference === agent)) continue;
    if (!(event.entity ?? []).some((e) => e.what?.reference?.startsWith('DocumentReference/')))
      continue;
    if (latest === undefined || Date.parse(event.recorded) > Date.parse(latest))
      latest = event.recorded;
  }
  return latest;
}

/** A count entry's number from a batch-response of one count search. */
export function readCountResponse(response: Bundle): number | undefined {
  return countOf(response.entry?.[0]);
}
