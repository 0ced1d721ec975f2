// What an audit entry's codes say to the patient, in the panel's language: the reason of a
// refusal (the server's own sentence speaks to the professional refused), a rights change and
// what an update did to a document.
import { confidentialityCodes, label, type DspLanguage } from '@dsp-kit/fhir/vocabulary';
import type { AuditRow } from '@dsp-kit/fhir/audit';
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
 * What a successful update of a document did (corrected, withdrawn and why, restored, its
 * confidentiality set), said of whoever made it; undefined for any other entry.
 */
export function documentChangeText(
  row: AuditRow,
  messages: AuditLogMessages,
  language: DspLanguage,
): string | undefined {
  const changed = row.documentChange;
  // A refused update changed nothing, whatever it was meant to do.
  if (!changed || row.outcome !== 'success') return undefined;
  const title = row.document?.title ?? row.document?.id ?? '';
  const level = confidentialityCodes.find((c) => c.code === changed.confidentiality);
  const detail =
    changed.change === 'withdrawn' ? changed.reason : level && label(level.labels, language);
  return messages.documentChanges[changed.change](title, detail);
}

/**
 * One sentence per change of the access rights the entry records, or the sentence of what an
 * update did to its document; for a rights change the server did not code (naming a DSP
 * assistant), its own description, as the only word of what changed.
 */
export function changeTexts(
  row: AuditRow,
  messages: AuditLogMessages,
  language: DspLanguage,
): string[] {
  const documentChange = documentChangeText(row, messages, language);
  if (documentChange !== undefined) return [documentChange];
  if (row.changes.length === 0) {
    return row.action === 'consent' && row.outcome === 'success' && row.outcomeDescription
      ? [row.outcomeDescription]
      : [];
  }
  return row.changes.map(({ change, name, reference }) =>
    messages.changes[change](name ?? reference ?? messages.unknownAgent),
  );
}
