// `@dsp-kit/fhir/errors`: the typed errors and which failures are worth retrying, without the client.
export * from './errors.js';
export * from './retryable.js';
