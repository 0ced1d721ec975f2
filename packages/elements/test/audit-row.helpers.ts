// The audit log's rows for its Node tests: one BALP AuditEvent entry as `auditRows` reads it, a
// successful search of Marie Schmit's DSP by herself, with whatever a test sets in place.
import type { AuditRow } from '@dsp-kit/fhir';

/** Marie Schmit, as the log names an agent. */
export const marieAgent: AuditRow['who'] = {
  reference: 'Patient/marie-schmit',
  name: 'Marie Schmit',
};

/** A row of the log: Marie's own search at 10:00 UTC on 26 November 2026, but for `fields`. */
export function auditRow(fields: Partial<AuditRow> = {}): AuditRow {
  return {
    id: 'x',
    recorded: '2026-11-26T10:00:00Z',
    who: marieAgent,
    profession: undefined,
    organization: undefined,
    action: 'search',
    document: undefined,
    outcome: 'success',
    outcomeDescription: undefined,
    refusal: undefined,
    changes: [],
    purposeOfUse: [],
    breakTheGlass: false,
    reason: undefined,
    ...fields,
  };
}
