// What an audit entry's codes say to the patient, in the panel's language: the reason of a
// refusal (the server's own sentence speaks to the professional refused) and a rights change.
import type { AuditRow } from '@dsp-kit/fhir';
import type { AuditLogMessages } from './audit-log.messages.js';

/** The refusal's reason for the patient; the server's text when it gave no known code. */
export function refusalReason(row: AuditRow, messages: AuditLogMessages): string | undefined {
  if (row.outcome === 'success') return undefined;
  const refusals: Readonly<Record<string, string>> = messages.refusals;
  return (
    (row.refusal && Object.hasOwn(refusals, row.refusal) ? refusals[row.refusal] : undefined) ??
    row.outcomeDescription
  );
}

/**
 * One sentence per change of the access rights the entry records; for a change the server did
 * not code (naming a DSP assistant), its own description, as the only word of what changed.
 */
export function changeTexts(row: AuditRow, messages: AuditLogMessages): string[] {
  if (row.changes.length === 0) {
    return row.action === 'consent' && row.outcome === 'success' && row.outcomeDescription
      ? [row.outcomeDescription]
      : [];
  }
  return row.changes.map(({ change, name, reference }) =>
    messages.changes[change](name ?? reference ?? messages.unknownAgent),
  );
}
