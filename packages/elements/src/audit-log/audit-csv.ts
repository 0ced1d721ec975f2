// The audit log as CSV for spreadsheets: RFC 4180 (CRLF, quoted fields, doubled quotes) with the
// separator the user's spreadsheet splits on, UTF-8 with a byte-order mark so spreadsheets read
// accents right, columns in the user's language, local times, and cells that a spreadsheet would
// take for a formula neutralised.
import {
  documentTypeByCode,
  label,
  professionByCode,
  type DspLanguage,
} from '@dsp-kit/fhir/vocabulary';
import type { AuditRow } from '@dsp-kit/fhir/audit';
import type { AuditLogMessages } from './audit-log.messages.js';
import { changeTexts, refusalReason } from './audit-wording.js';

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

export interface AuditCsvOptions {
  /** Field separator; by default the language's (`;` for fr, de and lb, whose spreadsheets
   * use the comma as decimal mark, `,` for en). */
  separator?: ',' | ';' | undefined;
  /** IANA time zone of the times; the user's by default, as on screen. */
  timeZone?: string | undefined;
}

const two = (n: number) => String(n).padStart(2, '0');

/**
 * `2026-03-14 10:05:00+01:00`: the local time, as on screen, with its offset so it stays exact,
 * and in an order every spreadsheet sorts right. A value that is no time is kept as it is.
 */
export function localTime(value: string, timeZone?: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  // `GMT+01:00`, or `GMT` alone at UTC.
  const offset = (parts.timeZoneName ?? 'GMT').replace('GMT', '') || '+00:00';
  const day = `${parts.year}-${two(Number(parts.month))}-${two(Number(parts.day))}`;
  const time = [parts.hour, parts.minute, parts.second].map((n) => two(Number(n))).join(':');
  return `${day} ${time}${offset}`;
}

/** The CSV text of `rows`, one line per entry (the panel's grouped lines are counted out). */
export function auditCsv(
  rows: readonly AuditRow[],
  messages: AuditLogMessages,
  language: DspLanguage,
  options: AuditCsvOptions = {},
): string {
  const separator = options.separator ?? (messages.csvSeparator === ';' ? ';' : ',');
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
    c.refusal,
    c.details,
  ];
  const lines = rows.map((row) => {
    const profession = row.profession ? professionByCode(row.profession) : undefined;
    const type = row.document?.typeCode ? documentTypeByCode(row.document.typeCode) : undefined;
    return [
      localTime(row.recorded, options.timeZone),
      row.who.name ?? messages.unknownAgent,
      profession ? label(profession.labels, language) : '',
      row.organization ?? '',
      messages.actions[row.action],
      row.document?.title ?? row.document?.id ?? '',
      type ? label(type.labels, language) : '',
      messages.outcomes[row.outcome],
      row.reason ?? '',
      refusalReason(row, messages) ?? '',
      changeTexts(row, messages, language).join('; '),
    ];
  });
  return (
    BOM + [header, ...lines].map((fields) => fields.map(cell).join(separator)).join('\r\n') + '\r\n'
  );
}
