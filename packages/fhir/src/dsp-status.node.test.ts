// The status batch's constants agree with the vocabulary they spell out (to stay out of the
// vocabulary's tables), and the audit's last document read is found among other events.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AuditEvent } from '@medplum/fhirtypes';
import { lastDocumentRead, readStatusBatch } from './dsp-status.js';
import { BREAK_THE_GLASS_AVAILABLE, OUTCOME_SYSTEM } from './vocabulary.js';

describe('dsp-status', () => {
  it('reads the vocabulary’s break-the-glass-available code on a refusal', () => {
    const [status] = readStatusBatch(
      {
        resourceType: 'Bundle',
        type: 'batch-response',
        entry: [
          {
            response: {
              status: '403 Forbidden',
              outcome: {
                resourceType: 'OperationOutcome',
                issue: [
                  {
                    severity: 'error',
                    code: 'forbidden',
                    details: {
                      text: 'No grant',
                      coding: [{ system: OUTCOME_SYSTEM, code: BREAK_THE_GLASS_AVAILABLE }],
                    },
                  },
                ],
              },
            },
          },
        ],
      },
      [{ patient: 'p1' }],
    );
    assert.ok(status?.state === 'refused');
    assert.equal(status.breakTheGlassAvailable, true);
    assert.equal(status.refusal, 'other');
    assert.equal(status.text, 'No grant');
  });

  it('takes the newest successful document read by that agent, nothing else', () => {
    const event = (
      recorded: string,
      who: string,
      action: AuditEvent['action'],
      what: string,
      outcome: AuditEvent['outcome'] = '0',
    ): AuditEvent => ({
      resourceType: 'AuditEvent',
      type: { code: 'rest' },
      recorded,
      action,
      outcome,
      agent: [{ who: { reference: who }, requestor: true }],
      source: { observer: { display: 'DSP' } },
      entity: [{ what: { reference: what } }],
    });
    const events = [
      event('2026-11-26T10:00:00Z', 'Patient/p1', 'R', 'Patient/p1'),
      event('2026-11-25T10:00:00Z', 'Patient/p1', 'R', 'DocumentReference/d1'),
      event('2026-11-25T12:00:00Z', 'Patient/p1', 'R', 'DocumentReference/d2', '4'),
      event('2026-11-25T13:00:00Z', 'Practitioner/x', 'R', 'DocumentReference/d2'),
      event('2026-11-25T14:00:00Z', 'Patient/p1', 'E', 'DocumentReference/d2'),
      event('2026-11-24T10:00:00Z', 'Patient/p1', 'R', 'DocumentReference/d3'),
    ];
    assert.equal(lastDocumentRead(events, 'Patient/p1'), '2026-11-25T10:00:00Z');
    assert.equal(lastDocumentRead(events, 'RelatedPerson/r1'), undefined);
  });
});
