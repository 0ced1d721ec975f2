// The last visit by the server's audit, for a patient or an assistant: their last document read
// (in the status batch's last entry) and, when it differs from this browser's, a recount since it.
import {
  lastDocumentRead,
  newDocumentsSearch,
  readCountResponse,
  withNewCount,
  type DspStatus,
} from '@dsp-kit/fhir/status';
import type { AuditEvent, Bundle, DspClient } from '@dsp-kit/fhir';

/** `status` with its new documents counted since the audit's last read, when the audit has one. */
export async function auditedVisit(
  client: DspClient,
  status: DspStatus,
  response: Bundle,
  user: string,
  signal: AbortSignal | undefined,
): Promise<DspStatus> {
  const events = (response.entry?.at(-1)?.resource as Bundle<AuditEvent> | undefined)?.entry;
  const read = lastDocumentRead(
    (events ?? []).flatMap((e) => (e.resource?.resourceType === 'AuditEvent' ? [e.resource] : [])),
    user,
  );
  if (read === undefined || (status.state !== 'open' && status.state !== 'closed')) return status;
  // The server's record of the last read wins over this browser's.
  if (status.since !== undefined && Date.parse(read) === Date.parse(status.since)) return status;
  const recount = await client.batch(
    {
      resourceType: 'Bundle',
      type: 'batch',
      entry: [{ request: { method: 'GET', url: newDocumentsSearch(status.patient, read) } }],
    },
    { signal },
  );
  return withNewCount(status, new Date(read).toISOString(), readCountResponse(recount));
}
