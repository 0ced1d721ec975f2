// Whether a panel offers "Try again" after a failure: `@dsp-kit/fhir`'s rule (`isRetryable`), with
// a person deciding, and nothing to retry while no client is connected.
import { isRetryable as worthAnotherTry } from '@dsp-kit/fhir/errors';
import { MissingClientError } from './error-message.js';

export { isRetryableStatus } from '@dsp-kit/fhir/errors';

/**
 * True when sending the same request again may succeed, so a retry button is worth showing: the
 * kit's rule (see `isRetryable` in `@dsp-kit/fhir`) counting the failures that are not known to
 * be final — a person presses the button — except without a client (`MissingClientError`:
 * setting one reloads by itself).
 */
export function isRetryable(error: unknown): boolean {
  if (error instanceof MissingClientError) return false;
  return worthAnotherTry(error);
}
