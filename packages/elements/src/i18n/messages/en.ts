import type { Messages } from './fr.js';

const plural = new Intl.PluralRules('en');

export const en: Messages = {
  viewer: {
    label: 'DSP documents',
    loading: 'Loading documents…',
    empty: 'No documents in this DSP.',
    noPatient: 'No patient selected.',
    count: (shown, total) =>
      total === undefined || total === shown
        ? `${shown} document${plural.select(shown) === 'one' ? '' : 's'}`
        : `${shown} of ${total} documents`,
    loadMore: 'Show more documents',
    untitled: 'Untitled document',
    unknownType: 'Unknown document type',
    author: (name) => `by ${name}`,
  },
  errors: {
    title: 'The documents could not be loaded.',
    retry: 'Try again',
    noClient: 'This panel is not connected to a DSP server (client property or <dsp-provider>).',
    http: (status) => `The server answered with an error (${status}).`,
    forbidden: 'Access denied.',
    notFound: 'Not found on the server.',
    auth: 'Your session has expired or is not recognised. Please sign in again.',
    network: 'The DSP server cannot be reached. Check the network connection.',
    timeout: 'The DSP server is not answering.',
    protocol: 'The server sent an unexpected answer (not FHIR).',
    validation: 'The request is invalid.',
    unknown: 'An unexpected error occurred.',
  },
};
