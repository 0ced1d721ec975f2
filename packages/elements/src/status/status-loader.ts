// Loads the DSP status of one patient or of a worklist: the last visits from the user's cache, one
// batch request for them all, and a second only when the server's audit moves a last visit.
import { buildStatusBatch, readStatusBatch, type DspStatus } from '@dsp-kit/fhir/status';
import { DspNetworkError } from '@dsp-kit/fhir/errors';
import type { Bundle, DspClient } from '@dsp-kit/fhir';
import { auditedVisit } from './audited-visit.js';
import { lastVisit, savedStatus, saveStatus } from './visits.js';

/** A status, and when it was stored when it comes from the cache (the server unreachable). */
export interface LoadedStatus {
  readonly status: DspStatus;
  readonly offlineSince: Date | undefined;
}

export interface LoadOptions {
  /**
   * The signed-in user as a FHIR reference. A patient (`Patient/…`) or an assistant
   * (`RelatedPerson/…`), who may read the access log, has their last visit taken from the
   * server's audit when it shows one (their last document read). Professionals may not read it.
   */
  readonly user?: string | undefined;
  readonly signal?: AbortSignal;
}

/** Whether `user` may read the patient's access log (ITI-81): the patient and their assistants. */
function readsAudit(user: string | undefined): user is string {
  return user !== undefined && /^(Patient|RelatedPerson)\/[A-Za-z0-9\-.]{1,64}$/.test(user);
}

/**
 * The statuses of `patients` (at most 50), in their order. Throws the client's error when the
 * server cannot be reached and the cache holds no earlier status of some patient.
 */
export async function loadStatuses(
  client: DspClient,
  patients: readonly string[],
  options: LoadOptions = {},
): Promise<LoadedStatus[]> {
  const { cache } = client;
  const visits = await Promise.all(patients.map((patient) => lastVisit(cache, patient)));
  const queries = patients.map((patient, i) => ({
    patient,
    ...(visits[i] ? { since: visits[i] } : {}),
  }));
  const batch = buildStatusBatch(queries);
  // One patient read by their own side: the audit's last read goes into the same batch.
  const auditOf = patients.length === 1 && readsAudit(options.user) ? patients[0] : undefined;
  if (auditOf !== undefined && options.user) {
    const params = new URLSearchParams({
      patient: auditOf,
      agent: options.user,
      action: 'R',
      _sort: '-date',
      _count: '50',
    });
    batch.entry?.push({ request: { method: 'GET', url: `AuditEvent?${params.toString()}` } });
  }
  let response: Bundle;
  try {
    response = await client.batch(batch, { signal: options.signal });
  } catch (error) {
    if (!(error instanceof DspNetworkError)) throw error;
    const saved = await Promise.all(patients.map((patient) => savedStatus(cache, patient)));
    if (saved.every((s) => s === undefined)) throw error;
    // Rows the cache never saw say they could not be read; the others show their last status.
    return saved.map((s, i) =>
      s
        ? { status: s.status, offlineSince: s.storedAt }
        : {
            status: { state: 'failed', patient: patients[i] ?? '', status: 0, text: undefined },
            offlineSince: undefined,
          },
    );
  }
  let statuses = readStatusBatch(response, queries);
  const [first] = statuses;
  if (auditOf !== undefined && options.user && first) {
    statuses = [await auditedVisit(client, first, response, options.user, options.signal)];
  }
  await Promise.all(statuses.map((status) => saveStatus(cache, status)));
  return statuses.map((status) => ({ status, offlineSince: undefined }));
}
