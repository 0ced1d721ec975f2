// Which operations settle a pending one, and which failures are worth a retry.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DspConflictError,
  DspHttpError,
  DspNetworkError,
  DspValidationError,
  readAssistant,
} from '@dsp-kit/fhir';
import { isRetryable, sameTarget, settles, type Operation } from './operations.js';

const block = (actorId: string): Operation => ({
  kind: 'consent',
  edit: { target: 'actor', actorId, status: 'blocked' },
});

describe('operations', () => {
  it('tells when a later change settles a pending one', () => {
    assert.equal(settles(block('Practitioner/a'), block('Practitioner/a')), true);
    assert.equal(settles(block('Practitioner/b'), block('Practitioner/a')), false);
    const mask: Operation = {
      kind: 'consent',
      edit: { target: 'document', documentId: 'd', masked: true },
    };
    assert.equal(settles(mask, block('Practitioner/a')), false);
    const add = (matricule: string): Operation => ({
      kind: 'add-assistant',
      input: { given: 'A', family: 'B', matricule },
    });
    assert.equal(settles(add('1962 0408 03142'), add('1962040803142')), true);
    const remove: Operation = {
      kind: 'remove-assistant',
      assistant: readAssistant({ resourceType: 'RelatedPerson', id: 'x', patient: {} }),
    };
    assert.equal(settles(remove, remove), true);
    assert.equal(settles(remove, add('1')), false);
    assert.equal(sameTarget({ target: 'open', open: true }, { target: 'open', open: false }), true);
  });

  it('retries what may pass on a second try, not refusals', () => {
    assert.equal(isRetryable(new DspNetworkError('offline')), true);
    assert.equal(isRetryable(new DspHttpError(503)), true);
    assert.equal(isRetryable(new DspHttpError(429)), true);
    assert.equal(isRetryable(new DspHttpError(403)), false);
    assert.equal(isRetryable(new DspHttpError(422)), false);
    assert.equal(isRetryable(new DspConflictError(412)), false);
    assert.equal(isRetryable(new DspValidationError('bad', 'x')), false);
    assert.equal(isRetryable(new Error('bug')), false);
  });
});
