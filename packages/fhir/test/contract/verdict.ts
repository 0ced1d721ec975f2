// What a contract check concludes: passed, not done by this server (unsupported), not checkable
// here (skipped), or failed, with one line that says why.
import { DspHttpError } from '../../src/errors.js';

/** What a check's `run` returns; a failure is thrown. */
export type RunResult = 'passed' | { readonly unsupported: string } | { readonly skipped: string };

/** The server says it does not do what the check needs. */
export function unsupported(reason: string): RunResult {
  return { unsupported: reason };
}

/** The check cannot be made on this server's data (e.g. a patient without documents). */
export function skipped(reason: string): RunResult {
  return { skipped: reason };
}

/** A broken promise of the contract: the server (or the client) did not do what it must. */
export class ContractFailure extends Error {
  override name = 'ContractFailure';
}

/** Throws a `ContractFailure` saying `message` unless `condition` holds. */
export function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ContractFailure(message);
}

/**
 * Why an error means "this server does not do that" rather than a failure: a 501, or an
 * OperationOutcome whose issue code is `not-supported` (FHIR's own way of saying so).
 */
export function unsupportedReason(error: unknown): string | undefined {
  if (!(error instanceof DspHttpError)) return undefined;
  const notSupported = (error.outcome?.issue ?? []).some((issue) => issue.code === 'not-supported');
  if (error.status !== 501 && !notSupported) return undefined;
  return `HTTP ${error.status}${error.serverMessage ? `: ${error.serverMessage}` : ''}`;
}

/** One line for the table: the error's message without its stack or continuation lines. */
export function failureReason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = text.split('\n').find((part) => part.trim() !== '') ?? text;
  return error instanceof Error && !(error instanceof ContractFailure) && error.name !== 'Error'
    ? `${error.name}: ${line.trim()}`
    : line.trim();
}
