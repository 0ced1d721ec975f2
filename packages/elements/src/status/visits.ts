// What belongs to one user and one patient, kept in that user's own cache database (the client's
// `DspCache`, one per server and user, deleted at sign-out): the last visit of the patient's DSP,
// the emergency accesses acknowledged, and the last status seen (shown when offline).
import type { DspStatus, ReadCache } from '@dsp-kit/fhir';

// Cache keys are request URLs; these cannot be one, so they never meet a cached read.
const key = (kind: string, patient: string) => `dsp-kit:${kind}/${patient}`;

async function quietly<T>(operation: Promise<T> | undefined): Promise<T | undefined> {
  try {
    return await operation;
  } catch {
    // A cache that fails (quota, private mode, a closed database) only forgets.
    return undefined;
  }
}

async function readInstant(cache: ReadCache | undefined, k: string): Promise<string | undefined> {
  const entry = await quietly(cache?.get(k));
  const value = (entry?.value as { at?: unknown } | undefined)?.at;
  return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : undefined;
}

/** When this user last opened this patient's DSP, if the cache knows. */
export function lastVisit(
  cache: ReadCache | undefined,
  patient: string,
): Promise<string | undefined> {
  return readInstant(cache, key('last-visit', patient));
}

/** Records that this user opens this patient's DSP now (or `at`). */
export async function recordVisit(
  cache: ReadCache | undefined,
  patient: string,
  at: Date = new Date(),
): Promise<void> {
  await quietly(cache?.put(key('last-visit', patient), { at: at.toISOString() }));
}

/** Up to when this user acknowledged the emergency accesses to this patient's DSP. */
export function acknowledgedUntil(
  cache: ReadCache | undefined,
  patient: string,
): Promise<string | undefined> {
  return readInstant(cache, key('emergency-ack', patient));
}

/** Records that this user acknowledged the emergency accesses recorded up to `until`. */
export async function acknowledge(
  cache: ReadCache | undefined,
  patient: string,
  until: string,
): Promise<void> {
  await quietly(cache?.put(key('emergency-ack', patient), { at: until }));
}

/** The last status read from the server, and when: what shows when the server cannot be reached. */
export interface SavedStatus {
  readonly status: DspStatus;
  readonly storedAt: Date;
}

export async function savedStatus(
  cache: ReadCache | undefined,
  patient: string,
): Promise<SavedStatus | undefined> {
  const entry = await quietly(cache?.get(key('status', patient)));
  const status = entry?.value as DspStatus | undefined;
  return status && typeof status.state === 'string' && status.patient === patient
    ? { status, storedAt: entry?.storedAt ?? new Date(0) }
    : undefined;
}

export async function saveStatus(cache: ReadCache | undefined, status: DspStatus): Promise<void> {
  await quietly(cache?.put(key('status', status.patient), status));
}
