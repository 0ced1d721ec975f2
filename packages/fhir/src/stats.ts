// Document statistics over plain FHIR: one `batch` of `_summary=count` searches per (type, date),
// and the batch-response read back into a types × dates table of counts.
import type { Bundle, BundleEntry, OperationOutcome } from '@medplum/fhirtypes';
import { DspHttpError, DspProtocolError, DspValidationError } from './errors.js';
import { documentTypeTokens, referenceValue } from './search-params.js';
import { documentTypeByCode, documentTypes } from './vocabulary.js';

export interface CountBatchQuery {
  /**
   * Snapshot dates: `YYYY-MM` counts the documents dated before the following month, `YYYY-MM-DD`
   * those dated before the following day (see {@link monthBound}).
   */
  readonly dates: readonly string[];
  /** DSP document type codes; all 27, in the vocabulary's order, by default. */
  readonly typeCodes?: readonly string[];
  /** One patient's DSP (id or `Patient/<id>`); every DSP when absent (the agency's counts). */
  readonly patient?: string;
}

export interface DocumentCountTable {
  /** `counts[type][date]`, in the order of the type codes and dates asked for. */
  readonly counts: number[][];
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DAY = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * The exclusive upper bound of a snapshot date, as a UTC instant: `2015-10` → the first instant of
 * the following month, `2015-11-01T00:00:00Z` (the rule of the mock's `snapshotBound`, so counts
 * match the agency's table); `2016-02-29` → the first instant of the following day. UTC, because
 * a bound that moved with the viewer's time zone would make the same table differ between users.
 */
export function monthBound(date: string): string {
  const month = MONTH.exec(date);
  const day = month ? undefined : DAY.exec(date);
  let next: Date;
  if (month) {
    // Date.UTC's month is 0-based, so the 1-based month number is already the following month.
    next = new Date(Date.UTC(Number(month[1]), Number(month[2]), 1));
  } else if (day) {
    const [year, monthNumber, dayNumber] = [Number(day[1]), Number(day[2]), Number(day[3])];
    const start = new Date(Date.UTC(year, monthNumber - 1, dayNumber));
    // Date.UTC rolls 2015-02-30 over to March: such a date does not exist.
    if (start.getUTCMonth() !== monthNumber - 1) throw invalidDate(date);
    next = new Date(Date.UTC(year, monthNumber - 1, dayNumber + 1));
  } else {
    throw invalidDate(date);
  }
  return `${next.toISOString().slice(0, 19)}Z`;
}

function invalidDate(date: unknown): DspValidationError {
  return new DspValidationError(
    `A statistics date is YYYY-MM or YYYY-MM-DD, not ${JSON.stringify(date)}`,
    'dates',
  );
}

function checkedTypeCodes(typeCodes: readonly string[] | undefined): readonly string[] {
  const codes = typeCodes ?? documentTypes.map((t) => t.code);
  if (codes.length === 0) throw new DspValidationError('No document type to count', 'typeCodes');
  for (const code of codes) {
    if (!documentTypeByCode(code)) {
      throw new DspValidationError(`Unknown DSP document type "${code}"`, 'typeCodes');
    }
  }
  return codes;
}

/**
 * A FHIR `batch` Bundle with one `GET DocumentReference?_summary=count&type=…&date=lt…` per type and
 * date, types first (entry `t × dates.length + d`), so one round trip fetches a whole table from
 * any FHIR server. Refuses unknown types and malformed dates before anything is sent.
 */
export function buildCountBatch(query: CountBatchQuery): Bundle {
  const { dates } = query;
  if (dates.length === 0) throw new DspValidationError('No date to count at', 'dates');
  const bounds = dates.map(monthBound);
  const codes = checkedTypeCodes(query.typeCodes);
  const patient =
    query.patient === undefined ? undefined : referenceValue(query.patient, 'patient', 'Patient');
  const entry: BundleEntry[] = codes.flatMap((code) =>
    bounds.map((bound) => {
      // Current documents, as the agency's table counts them (a server may default otherwise).
      const params = new URLSearchParams({ _summary: 'count', status: 'current' });
      if (patient !== undefined) params.set('patient', patient);
      // The LOINC coding too where the type has one: a national server indexes LOINC.
      params.set('type', documentTypeTokens(code).join(','));
      params.set('date', `lt${bound}`);
      return { request: { method: 'GET', url: `DocumentReference?${params.toString()}` } };
    }),
  );
  return { resourceType: 'Bundle', type: 'batch', entry };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Reads the `batch-response` to a {@link buildCountBatch} Bundle of the same dates and type codes:
 * entries answer in request order (FHIR requires it). Throws `DspProtocolError` when the response
 * is not such a Bundle, has the wrong number of entries, or an entry failed or holds no `total`;
 * the message names the entry (its type and date), so one refused count is easy to trace.
 */
export function readCountBatch(
  bundle: unknown,
  dates: readonly string[],
  typeCodes: readonly string[],
): DocumentCountTable {
  if (!isObject(bundle) || bundle.resourceType !== 'Bundle') {
    throw new DspProtocolError('Expected a Bundle in answer to the statistics batch');
  }
  if (bundle.type !== 'batch-response') {
    throw new DspProtocolError(
      `Expected a batch-response Bundle, got "${typeof bundle.type === 'string' ? bundle.type : String(bundle.type)}"`,
    );
  }
  const entries: unknown[] = Array.isArray(bundle.entry) ? (bundle.entry as unknown[]) : [];
  const expected = typeCodes.length * dates.length;
  if (entries.length !== expected) {
    throw new DspProtocolError(
      `The batch-response has ${entries.length} entries for ${expected} counts asked`,
    );
  }
  return {
    counts: typeCodes.map((code, t) =>
      dates.map((date, d) => {
        const index = t * dates.length + d;
        return entryTotal(entries[index], `Entry ${index} (type ${code}, date ${date})`);
      }),
    ),
  };
}

function entryTotal(entry: unknown, name: string): number {
  const response = isObject(entry) && isObject(entry.response) ? entry.response : undefined;
  const status = typeof response?.status === 'string' ? response.status.trim() : '';
  if (!/^\d{3}/.test(status)) throw new DspProtocolError(`${name} has no response status`);
  if (!status.startsWith('2')) {
    // A refused or failed entry is an HTTP error like any other, with the server's explanation.
    const outcome = response?.outcome;
    throw new DspHttpError(
      Number(status.slice(0, 3)),
      isObject(outcome) && Array.isArray(outcome.issue)
        ? (outcome as unknown as OperationOutcome)
        : undefined,
      name,
    );
  }
  const resource = isObject(entry) && isObject(entry.resource) ? entry.resource : undefined;
  const total = resource?.resourceType === 'Bundle' ? resource.total : undefined;
  if (typeof total !== 'number' || !Number.isSafeInteger(total) || total < 0) {
    throw new DspProtocolError(`${name} holds no searchset Bundle with a total`);
  }
  return total;
}
