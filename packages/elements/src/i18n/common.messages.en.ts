// Messages every panel shares: what went wrong, and how to try again in English.
import type { CommonMessages } from './common.messages.js';

const en: CommonMessages = {
  retry: 'Try again',
  noClient: 'This panel is not connected to a DSP server (client property or <dsp-provider>).',
  http: (status) => `The server answered with an error (${status}).`,
  forbidden: 'Access denied.',
  notFound: 'Not found on the server.',
  auth: 'Your session has expired or is not recognised. Please sign in again.',
  network: 'The DSP server cannot be reached. Check the network connection.',
  timeout: 'The DSP server is not answering.',
  protocol: 'The server sent an unexpected answer (not FHIR).',
  integrity: 'The document received is altered (size or checksum differs): it is not shown.',
  conflict: 'Someone changed this data meanwhile.',
  validation: 'The request is invalid.',
  unknown: 'An unexpected error occurred.',
};

export default en;
