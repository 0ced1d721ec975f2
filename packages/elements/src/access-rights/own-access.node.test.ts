// A professional's own access, read from the document search the panel makes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DspHttpError, DspNetworkError, Page, type DocumentReference } from '@dsp-kit/fhir';
import { ownAccessOf } from './own-access.js';

const page = (total: number | undefined, count: number) =>
  new Page<DocumentReference>(
    Array.from({ length: count }, () => ({
      resourceType: 'DocumentReference',
      status: 'current',
      content: [],
    })),
    total,
    undefined,
    () => Promise.reject(new Error('no next page')),
  );

describe('ownAccessOf', () => {
  it('counts what the server lets the professional see', () => {
    assert.deepEqual(ownAccessOf({ page: page(7, 1) }), { status: 'open', documents: 7 });
    assert.deepEqual(ownAccessOf({ page: page(undefined, 2) }), { status: 'open', documents: 2 });
  });

  it('says a refusal with the server’s reason, and whether emergency access is offered', () => {
    const blocked = new DspHttpError(403, {
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'forbidden', details: { text: 'Bloqué.' } }],
    });
    assert.deepEqual(ownAccessOf({ error: blocked }), {
      status: 'refused',
      reason: 'Bloqué.',
      emergency: false,
    });
    const noGrant = new DspHttpError(403, {
      resourceType: 'OperationOutcome',
      issue: [
        {
          severity: 'error',
          code: 'forbidden',
          details: {
            coding: [
              {
                system: 'https://dsp-kit.org/fhir/CodeSystem/dsp-outcome',
                code: 'break-the-glass-available',
              },
            ],
          },
        },
      ],
    });
    assert.equal((ownAccessOf({ error: noGrant }) as { emergency: boolean }).emergency, true);
  });

  it('does not guess when the search failed otherwise', () => {
    assert.deepEqual(ownAccessOf({ error: new DspNetworkError('offline') }), {
      status: 'unknown',
    });
  });
});
