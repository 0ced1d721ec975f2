// The audit log as CSV for spreadsheets: RFC 4180 (CRLF, quoted fields, doubled quotes), UTF-8
// with a byte-order mark so spreadsheets read accents right, columns in the user's language, and
// cells that a spreadsheet would take for a formula neutralised.
import {
  documentTypeByCode,
  label,
  professionByCode,
  type AuditRow,
  type DspLanguage,
} from '@dsp-kit/fhir';
import type { AuditLogMessages } from './audit-log.messages.js';

const BOM = '\uFEFF';

/**
 * What a spreadsheet may take for a formula (OWASP, "CSV Injection"): a cell starting with tab,
 * CR or LF, or with `=`, `+`, `-` or `@` — also behind leading whitespace, which an import may
 * trim, and in their full-width forms `＝＋－＠`, which a spreadsheet normalising full-width
 * characters could read as the ASCII ones.
 */
const FORMULA = /^(?:[\t\r\n]|\s*[=+\-@＝＋－＠])/u;

/** A cell as text a spreadsheet shows as is: a possible formula gets a leading `'`. */
export function neutralise(text: string): string {
  return FORMULA.test(text) ? `'${text}` : text;
}

function cell(text: string): string {
  return `"${neutralise(text).replaceAll('"', '""')}"`;
}

/** The CSV text of `rows` (dates as ISO instants, so every spreadsheet sorts them right). */
export function auditCsv(
  rows: readonly AuditRow[],
  messages: AuditLogMessages,
  language: DspLanguage,
): string {
  const c = messages.columns;
  const header = [
    c.when,
    c.who,
    c.profession,
    c.organization,
    c.action,
    c.document,
    c.type,
    c.outcome,
    c.reason,
  ];
  const lines = rows.map((row) => {
    const profession = row.profession ? professionByCode(row.profession) : undefined;
    const type = row.document?.typeCode ? documentTypeByCode(row.document.typeCode) : undefined;
    return [
      row.recorded,
      row.who.name ?? messages.unknownAgent,
      profession ? label(profession.labels, language) : '',
      row.organization ?? '',
      messages.actions[row.action],
      row.document?.title ?? row.document?.id ?? '',
      type ? label(type.labels, language) : '',
      messages.outcomes[row.outcome],
      row.reason ?? '',
    ];
  });
  return BOM + [header, ...lines].map((fields) => fields.map(cell).join(',')).join('\r\n') + '\r\n';
}
