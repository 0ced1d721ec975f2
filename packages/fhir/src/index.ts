// @dsp-kit/fhir: the FHIR R4 / IHE client for the DSP, its typed errors and its vocabulary.
export { DspClient, Page } from './client.js';
export type { DocumentQuery, DspClientOptions, RequestOptions } from './client.js';
export { readSearchSet } from './bundle.js';
export type { SearchSet } from './bundle.js';
export {
  DspAuthError,
  DspError,
  DspHttpError,
  DspNetworkError,
  DspProtocolError,
  DspValidationError,
  outcomeText,
} from './errors.js';
export type { DspErrorKind } from './errors.js';
export type { TokenProvider } from './token-provider.js';
export * from './vocabulary.js';
export type {
  Bundle,
  DocumentReference,
  OperationOutcome,
  Patient,
  Practitioner,
  Resource,
} from '@medplum/fhirtypes';
