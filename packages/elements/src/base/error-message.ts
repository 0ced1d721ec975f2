// What a panel tells the user about a failure: a localized sentence per kind of error, plus the
// server's own text when it sent one (shown as text, never as HTML).
import {
  DspAuthError,
  DspConflictError,
  DspHttpError,
  DspIntegrityError,
  DspNetworkError,
  DspProtocolError,
  DspValidationError,
} from '@dsp-kit/fhir/errors';
import type { DspErrorEvent } from '../events.js';
import type { CommonMessages } from '../i18n/common.messages.js';

/** Thrown by a panel that has neither a `client` property nor a `<dsp-provider>` around it. */
export class MissingClientError extends Error {
  constructor() {
    super('No DspClient: set the panel’s client property or place it inside <dsp-provider>.');
    this.name = 'MissingClientError';
  }
}

export interface ErrorMessage {
  readonly summary: string;
  /** The server's explanation, when it gave one. */
  readonly detail?: string;
}

export function errorMessage(error: unknown, m: CommonMessages): ErrorMessage {
  if (error instanceof MissingClientError) return { summary: m.noClient };
  if (error instanceof DspConflictError) {
    return error.serverMessage
      ? { summary: m.conflict, detail: error.serverMessage }
      : { summary: m.conflict };
  }
  if (error instanceof DspHttpError) {
    const summary =
      error.status === 403 ? m.forbidden : error.status === 404 ? m.notFound : m.http(error.status);
    return error.serverMessage ? { summary, detail: error.serverMessage } : { summary };
  }
  if (error instanceof DspAuthError) return { summary: m.auth };
  if (error instanceof DspNetworkError) return { summary: error.timedOut ? m.timeout : m.network };
  if (error instanceof DspProtocolError) return { summary: m.protocol };
  if (error instanceof DspIntegrityError) return { summary: m.integrity };
  if (error instanceof DspValidationError) return { summary: m.validation, detail: error.message };
  return { summary: m.unknown };
}

/** The `dsp-error` event's detail for an error: its kind and HTTP status, no clinical content. */
export function errorDetail(error: unknown): DspErrorEvent['detail'] {
  if (error instanceof MissingClientError) return { kind: 'configuration' };
  if (typeof error === 'object' && error !== null && 'kind' in error) {
    const kind = (error as { kind: DspErrorEvent['detail']['kind'] }).kind;
    const status = (error as { status?: unknown }).status;
    return typeof status === 'number' ? { kind, status } : { kind };
  }
  return { kind: 'unknown' };
}
