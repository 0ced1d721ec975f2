// @dsp-kit/auth: token providers meeting @dsp-kit/fhir's TokenProvider contract.
export { callbackTokenProvider, staticTokenProvider } from './handoff.js';
