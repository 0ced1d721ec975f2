// A valid ITI-65 submission shared by the client's tests: one small text document ("abc").
import type { DocumentSubmission } from '../src/provide.js';

/** One text document of three bytes, with its size and SHA-1; the same ids every call. */
export function textSubmission(): DocumentSubmission {
  return {
    uuid: '6f1c1a6e-2d1b-4f7e-9a51-1f1f0d3c4b5a',
    patient: 'p1',
    author: { reference: 'Practitioner/x' },
    date: '2026-11-26T10:00:00Z',
    documents: [
      {
        uuid: '0b8e3f0e-9b8a-4a59-8f53-3c0c7c1d2e11',
        typeCode: 'certificat-medical',
        title: 'Certificat',
        contentType: 'text/plain',
        data: btoa('abc'),
        size: 3,
        hash: 'qZk+NkcGgWq6PiVxeFDCbJzQ2J0=',
      },
    ],
  };
}
