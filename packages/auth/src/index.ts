// @dsp-kit/auth: token providers meeting @dsp-kit/fhir's TokenProvider contract (the OIDC login is
// in the separate `@dsp-kit/auth/oidc` entry, so hosts that hand over their token pay nothing for it).
export { callbackTokenProvider, staticTokenProvider } from './handoff.js';
export {
  answerTokenRequests,
  postMessageTokenProvider,
  type AnswerTokenRequestsOptions,
  type MessageTarget,
  type MessageWindow,
  type PostMessageTokenOptions,
  type TokenRequestMessage,
  type TokenResponseMessage,
} from './post-message.js';
