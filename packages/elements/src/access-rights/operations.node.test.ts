// Which operations settle a pending one, which resume it (keeping what the panel showed when it
// was first asked), and which failures are worth a retry.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DspConflictError,
  DspHttpError,
  DspNetworkError,
  DspValidationError,
  MATRICULE_SYSTEM,
  accessSummary,
  closeDsp,
  type Consent,
} from '@dsp-kit/fhir';
import { readAssistant } from '@dsp-kit/fhir/assistant';
import {
  isRetryable,
  resumed,
  sameTarget,
  settles,
  stamped,
  type Operation,
} from './operations.js';

const block = (actorId: string): Extract<Operation, { kind: 'consent' }> => ({
  kind: 'consent',
  edit: { target: 'actor', actorId, status: 'blocked' },
});

const emptyConsent: Consent = {
  resourceType: 'Consent',
  status: 'active',
  scope: { coding: [{ code: 'patient-privacy' }] },
  category: [{ coding: [{ code: 'INFA' }] }],
  patient: { reference: 'Patient/p' },
  provision: { type: 'permit' },
};

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

  it('resumes the pending change when the same change is asked again, and only then', () => {
    const from = accessSummary(closeDsp(emptyConsent));
    const pending: Operation = { ...block('Practitioner/a'), from };
    const again = resumed(block('Practitioner/a'), pending);
    assert.equal(again.kind === 'consent' && again.from, from);
    const other = resumed(
      { kind: 'consent', edit: { target: 'actor', actorId: 'Practitioner/a', status: 'granted' } },
      pending,
    );
    assert.equal(other.kind === 'consent' && other.from, undefined, 'another wish is new');
    const asked = block('Practitioner/b');
    assert.equal(resumed(asked, pending), asked);
    assert.equal(resumed(asked, undefined), asked);
    const naming = (matricule: string, known?: boolean): Operation => ({
      kind: 'add-assistant',
      input: { given: 'A', family: 'B', matricule },
      ...(known === undefined ? {} : { known }),
    });
    const named = resumed(naming('1962 0408 03142'), naming('1962040803142', false));
    assert.equal(named.kind === 'add-assistant' && named.known, false);
    const otherPerson = resumed(naming('1962040803143'), naming('1962040803142', false));
    assert.equal(otherPerson.kind === 'add-assistant' && otherPerson.known, undefined);
  });

  it('keeps, after a failure, what the panel showed when the change was first asked', () => {
    const shown = accessSummary(emptyConsent);
    const claire = readAssistant({
      resourceType: 'RelatedPerson',
      id: 'claire',
      patient: { reference: 'Patient/p' },
      identifier: [{ system: MATRICULE_SYSTEM, value: '1962040803142' }],
    });
    const now = { summary: shown, assistants: [claire] };
    const kept = stamped(block('Practitioner/a'), now);
    assert.equal(kept.kind === 'consent' && kept.from, shown);
    const earlier = accessSummary(closeDsp(emptyConsent));
    const again = stamped({ ...block('Practitioner/a'), from: earlier }, now);
    assert.equal(again.kind === 'consent' && again.from, earlier, 'the first asking is kept');
    const naming = (matricule: string): Operation => ({
      kind: 'add-assistant',
      input: { given: 'A', family: 'B', matricule },
    });
    const listed = stamped(naming('1962 0408 03142'), now);
    assert.equal(listed.kind === 'add-assistant' && listed.known, true);
    const unlisted = stamped(naming('1961051704400'), now);
    assert.equal(unlisted.kind === 'add-assistant' && unlisted.known, false);
    const removal = stamped({ kind: 'remove-assistant', assistant: claire }, now);
    assert.equal(removal.kind === 'remove-assistant' && removal.attempted, true);
  });
});
