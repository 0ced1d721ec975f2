// How one row goes to the server: the ITI-65 submission it becomes (the same identifiers on every
// attempt), which failures are worth another attempt, and how long to wait before it (the backoff,
// or the server's Retry-After).
import {
  backoffDelay,
  DspHttpError,
  isRetryable,
  type DocumentSubmission,
  type DspClient,
  type ProvideOptions,
  type ProvideResult,
} from '@dsp-kit/fhir';
import { bytesToBase64, fieldOfExpression } from './file-checks.js';
import type { UploadItem } from './upload-item.js';

/**
 * The submission of one row: its document alone, under the UUIDs chosen when it was added.
 * `date` is the filing (the first attempt); the form's date is the act's, sent as the service
 * period and as the content's creation, which is what readers date the document by.
 * `authorName` is the author's display, shown to readers beside the reference.
 */
export function submissionOf(
  item: UploadItem,
  bytes: Uint8Array,
  patient: string,
  author: string,
  date: string,
  authorName?: string,
): DocumentSubmission {
  const m = item.metadata;
  const display = authorName?.trim();
  return {
    uuid: item.submissionUuid,
    patient: patient.replace(/^Patient\//, ''),
    author: { reference: author, ...(display ? { display } : {}) },
    date,
    documents: [
      {
        uuid: item.documentUuid,
        typeCode: m.typeCode,
        title: m.title.trim(),
        contentType: item.contentType ?? 'application/octet-stream',
        data: bytesToBase64(bytes),
        size: bytes.byteLength,
        hash: item.hash ?? '',
        language: m.language,
        confidentiality: m.confidentiality,
        ...(m.date ? { serviceStart: m.date, creation: m.date } : {}),
        ...(m.facilityType ? { facilityType: m.facilityType } : {}),
        ...(m.practiceSetting ? { practiceSetting: m.practiceSetting } : {}),
        ...(m.masked ? { maskedFromProfessionals: true } : {}),
        ...(m.hidden ? { hiddenFromPatient: true } : {}),
        ...(m.replaces.trim() ? { replaces: m.replaces.trim() } : {}),
        // A CDA's IHE format code; any other file's MIME type says all (provide's default).
        ...(item.format ? { format: item.format } : {}),
        // The authors a CDA names, beside the sender (who stays the first).
        ...(m.authors?.length ? { additionalAuthors: m.authors } : {}),
      },
    ],
  };
}

/**
 * Sends a row's submission: a new version of a document through `replaceDocument` (its checks,
 * and the superseding of the old one in the same transaction), any other through
 * `provideDocuments`. One way for each, whoever started the replacement.
 */
export function sendSubmission(
  client: DspClient,
  submission: DocumentSubmission,
  options: ProvideOptions,
): Promise<ProvideResult> {
  const replaces = submission.documents[0]?.replaces;
  return replaces === undefined
    ? client.provideDocuments(submission, options)
    : client.replaceDocument(replaces, submission, options);
}

/**
 * True when another attempt may succeed by itself: the kit's rule (`isRetryable` in
 * `@dsp-kit/fhir`) for failures known to pass — no answer (network, timeout, lost response: safe,
 * as the submission is idempotent) or a status that says "later". Refusals are final.
 */
export function isPassing(error: unknown): boolean {
  return isRetryable(error, { uncertain: false });
}

/**
 * The wait before automatic attempt `retry + 1` (`retry` from 1): the kit's backoff
 * (`backoffDelay`) from `baseMs`, capped at a minute.
 */
export function backoffMs(
  retry: number,
  baseMs: number,
  random: () => number = Math.random,
): number {
  return backoffDelay(Math.max(1, retry), { base: baseMs, cap: 60_000, random });
}

/**
 * The longest the uploader waits because the server's `Retry-After` asked for it: five minutes.
 * A server asking for longer is tried again after five minutes, and the row can be cancelled
 * meanwhile.
 */
export const MAX_RETRY_AFTER_MS = 5 * 60_000;

/** Statuses whose `Retry-After` says when a busy server will take the file. */
const RETRY_AFTER_STATUSES = new Set([429, 503]);

/** True when the server said it is busy (429, 503): it is up, and asks to come back later. */
export function saysBusy(error: unknown): error is DspHttpError {
  return error instanceof DspHttpError && RETRY_AFTER_STATUSES.has(error.status);
}

/**
 * The wait before automatic attempt `retry + 1` after `error`: the backoff, or longer when a busy
 * server (429, 503) said in `Retry-After` when to come back — capped at {@link MAX_RETRY_AFTER_MS},
 * never shorter than the backoff.
 */
export function retryWaitMs(
  error: unknown,
  retry: number,
  baseMs: number,
  random: () => number = Math.random,
): number {
  const backoff = backoffMs(retry, baseMs, random);
  const asked = saysBusy(error) ? error.retryAfterMs : undefined;
  return asked === undefined ? backoff : Math.max(backoff, Math.min(asked, MAX_RETRY_AFTER_MS));
}

/** The server's complaints by field, from a 4xx OperationOutcome's issues and their expressions. */
export function serverProblems(error: unknown): UploadItem['serverProblems'] {
  const problems: UploadItem['serverProblems'] = {};
  if (!(error instanceof DspHttpError) || error.status >= 500) return problems;
  for (const issue of error.outcome?.issue ?? []) {
    const text = issue.details?.text ?? issue.diagnostics;
    if (!text) continue;
    const field = (issue.expression ?? []).map(fieldOfExpression).find((f) => f !== undefined);
    // Issues that name no field are in the error's own message, shown with the row's error.
    if (field) problems[field] ??= text;
  }
  return problems;
}

/** A FHIR instant for now, to the second: the submission's date, set once and resent as is. */
export function instantNow(now = new Date()): string {
  return now.toISOString().replace(/\.\d+Z$/, 'Z');
}

/** Resolves after `ms`, or rejects as soon as `signal` aborts. */
export function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
}
