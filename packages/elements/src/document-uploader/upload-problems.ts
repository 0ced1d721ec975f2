// What is wrong with a row before it may be sent, field by field: the file's own problems, the
// metadata against the DSP's rules (and the patient's), then the server's last complaints.
import { confidentialityCodes, documentTypeByCode, type NamedAuthor } from '@dsp-kit/fhir';
import { isDocumentId, type UploadField } from './file-checks.js';
import {
  PATIENT_DOCUMENT_TYPE,
  type FormProblem,
  type RowProblems,
  type UploadItem,
} from './upload-item.js';

export interface ProblemRules {
  /** The patient adds only "Expression du titulaire", and sets no mask. */
  readonly patientMode: boolean;
  /** Today, `YYYY-MM-DD` in the user's time zone: an act cannot be later. */
  readonly today: string;
}

/** `date` as `YYYY-MM-DD` in its local time zone, as `<input type="date">` writes it. */
export function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** True for a real calendar date written `YYYY-MM-DD` (not 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day && year >= 1900;
}

const CONFIDENTIALITY = new Set<string>(confidentialityCodes.map((c) => c.code));

/** The problems shown at each field of a row; a row with none (but `general`) may be sent. */
export function rowProblems(item: UploadItem, rules: ProblemRules): RowProblems {
  const out: RowProblems = {};
  const first = item.fileProblems[0];
  if (first) out.file = { code: first };
  const m = item.metadata;
  if (!m.typeCode) out.type = { code: 'typeRequired' };
  else if (!documentTypeByCode(m.typeCode)) out.type = { code: 'typeUnknown' };
  else if (rules.patientMode && m.typeCode !== PATIENT_DOCUMENT_TYPE)
    out.type = { code: 'patientType' };
  if (m.title.trim() === '')
    out.title = { code: item.file.name.trim() === '' ? 'untitledFile' : 'titleRequired' };
  if (m.date !== '') {
    if (!isCalendarDate(m.date)) out.date = { code: 'dateInvalid' };
    else if (m.date > rules.today) out.date = { code: 'futureDate' };
  }
  if (!CONFIDENTIALITY.has(m.confidentiality))
    out.confidentiality = { code: 'confidentialityInvalid' };
  if (rules.patientMode && (m.masked || m.hidden)) out.flags = { code: 'flagsProfessionalOnly' };
  else if (m.masked && m.hidden) out.flags = { code: 'bothFlags' };
  if (m.replaces.trim() !== '' && !isDocumentId(m.replaces.trim()))
    out.replaces = { code: 'replaces' };
  if (m.authors?.some((author) => !namesSomeone(author))) out.authors = { code: 'authorUnnamed' };
  for (const [field, text] of Object.entries(item.serverProblems)) {
    out[field as UploadField | 'general'] ??= { text };
  }
  return out;
}

/** True when an author says who they are: a name, an identifier or an organisation. */
function namesSomeone(author: NamedAuthor): boolean {
  return [
    author.name?.text.trim(),
    author.organization?.name?.trim(),
    author.identifiers?.[0]?.value,
    author.organization?.identifiers?.[0]?.value,
  ].some(Boolean);
}

/** True when nothing but the server's general words stands in the way of sending. */
export function isSendable(problems: RowProblems): boolean {
  return Object.keys(problems).every((field) => field === 'general');
}

/** Problems that only say a field is still empty: a fresh row is not yet "wrong" for them. */
const EMPTY_FIELD: readonly FormProblem[] = ['typeRequired', 'titleRequired'];

/**
 * The problems a row shows now: an empty field is said once the user changed that field or asked
 * to send the row; every other problem (the file's, a wrong value, the server's) at once.
 */
export function shownProblems(problems: RowProblems, item: UploadItem): RowProblems {
  if (item.askedToSend) return problems;
  const edited = item.edited ?? [];
  return Object.fromEntries(
    Object.entries(problems).filter(
      ([field, problem]) =>
        !('code' in problem) ||
        !EMPTY_FIELD.includes(problem.code) ||
        edited.includes(field as UploadField),
    ),
  );
}
