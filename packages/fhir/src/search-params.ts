// Checks search values and turns them into FHIR search parameters, so an invalid query is refused
// before any request is sent.
import { DspValidationError } from './errors.js';
import {
  DOCUMENT_TYPE_SYSTEM,
  LOINC_SYSTEM,
  documentTypes,
  sharedLoincCodes,
  type DocumentType,
} from './vocabulary.js';

/** A FHIR date or dateTime prefix-free value: `2026`, `2026-03`, `2026-03-14` or a full instant. */
const FHIR_DATE =
  /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))?)?)?)?$/;

export const MAX_COUNT = 1000;

/** A FHIR id or `Type/id` reference, as a search value; the field names the parameter. */
export function referenceValue(value: unknown, field: string, type: string): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') throw new DspValidationError(`${field} is required`, field);
  const id = text.startsWith(`${type}/`) ? text.slice(type.length + 1) : text;
  if (!/^[A-Za-z0-9\-.]{1,64}$/.test(id)) {
    throw new DspValidationError(
      `${field} "${text}" is not a FHIR id or ${type}/<id> reference`,
      field,
    );
  }
  return id;
}

/** A date bound, checked as a FHIR date; returned as given. */
export function dateValue(value: string | Date, field: string): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime()))
      throw new DspValidationError(`${field} is an invalid Date`, field);
    return value.toISOString();
  }
  if (typeof value !== 'string' || !FHIR_DATE.test(value)) {
    throw new DspValidationError(
      `${field} must be a date like 2026-03-14 (or 2026, 2026-03, or a date-time), got "${value}"`,
      field,
    );
  }
  return value;
}

/** Adds `date=ge…` and `date=le…` for a range, refusing one that ends before it starts. */
export function setDateRange(
  params: URLSearchParams,
  name: string,
  from: string | Date | undefined,
  to: string | Date | undefined,
): void {
  const start = from === undefined ? undefined : dateValue(from, 'from');
  const end = to === undefined ? undefined : dateValue(to, 'to');
  if (start !== undefined && end !== undefined && start.slice(0, 10) > end.slice(0, 10)) {
    throw new DspValidationError(`The date range ends (${end}) before it starts (${start})`, 'to');
  }
  if (start !== undefined) params.append(name, `ge${start}`);
  if (end !== undefined) params.append(name, `le${end}`);
}

/** `_count`: an integer from 1 to 1000. */
export function setCount(params: URLSearchParams, count: number | undefined): void {
  if (count === undefined) return;
  if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT) {
    throw new DspValidationError(
      `_count must be an integer from 1 to ${MAX_COUNT}, got ${count}`,
      '_count',
    );
  }
  params.set('_count', String(count));
}

/** One value or several, as a comma-separated token list (FHIR's OR), each checked by `check`. */
export function setTokens<T extends string>(
  params: URLSearchParams,
  name: string,
  values: T | readonly T[] | undefined,
  check: (value: T) => string,
): void {
  if (values === undefined) return;
  const list = (Array.isArray(values) ? values : [values]) as readonly T[];
  if (list.length === 0) return;
  params.set(name, list.map(check).join(','));
}

/** `_sort`: one of the sorts the call allows. */
export function setSort(
  params: URLSearchParams,
  sort: string | undefined,
  allowed: readonly string[],
  fallback: string,
): void {
  const value = sort ?? fallback;
  if (!allowed.includes(value)) {
    throw new DspValidationError(
      `_sort must be one of ${allowed.join(', ')}, got "${value}"`,
      '_sort',
    );
  }
  params.set('_sort', value);
}

/** Free text: trimmed, non-empty, at most 200 characters. */
export function textValue(value: unknown, field: string): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') throw new DspValidationError(`${field} must not be empty`, field);
  if (text.length > 200)
    throw new DspValidationError(`${field} is longer than 200 characters`, field);
  return text;
}

/**
 * The `type` token values that find documents of one DSP type (FHIR's OR: either coding matches):
 * the standard coding a national server indexes — LOINC, where the pairing is confirmed — then the
 * kit's own code, which the kit writes beside it. A LOINC code that two DSP types share would
 * find the other's documents too, so such types are searched by their DSP code alone.
 */
export function documentTypeTokens(
  code: string,
  types: readonly DocumentType[] = documentTypes,
): string[] {
  const type = types.find((t) => t.code === code);
  if (!type) throw new DspValidationError(`Unknown DSP document type "${code}"`, 'type');
  const own = `${DOCUMENT_TYPE_SYSTEM}|${type.code}`;
  const { loinc } = type;
  return loinc !== undefined && type.loincConfirmed && !sharedLoincCodes(types).has(loinc)
    ? [`${LOINC_SYSTEM}|${loinc}`, own]
    : [own];
}
