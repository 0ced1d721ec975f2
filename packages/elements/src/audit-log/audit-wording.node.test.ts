import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { auditRows, buildAuditEvent, documentChangeDetails, type AuditEvent } from '@dsp-kit/fhir';
import { shownAs } from './audit-group.js';
import { auditLogMessages } from './audit-log.messages.js';
import { changeTexts, refusalReason } from './audit-wording.js';

/** An update of Marie's summary by Dr Weber, its document entity recording `change`. */
function update(
  change: Parameters<typeof documentChangeDetails>[0],
  outcome: 'success' | 'refused' = 'success',
): AuditEvent {
  const event = buildAuditEvent({
    action: 'update',
    outcome,
    recorded: '2026-11-26T10:00:00Z',
    agent: { reference: 'Practitioner/paul-weber', display: 'Dr Paul Weber' },
    patient: 'marie-schmit',
    document: { id: 'doc-1', title: 'Résumé patient' },
  });
  const entity = event.entity?.find((e) => e.what?.reference === 'DocumentReference/doc-1');
  if (entity) entity.detail = [...(entity.detail ?? []), ...documentChangeDetails(change)];
  return event;
}

describe('the wording of a document’s update', () => {
  it('names a correction’s confidentiality by the vocabulary’s label, in the language', async () => {
    const [row] = auditRows([update({ change: 'corrected', confidentiality: 'R' })]);
    const de = await auditLogMessages.load('de');
    // „Eingeschränkt“: the German label of v3 Confidentiality R in the kit's vocabulary.
    assert.deepEqual(changeTexts(row!, de, 'de'), [
      'hat das Dokument „Résumé patient“ korrigiert und seine Vertraulichkeit auf „Eingeschränkt“ gesetzt',
    ]);
  });

  it('says nothing was done when the update was refused', async () => {
    const [row] = auditRows([update({ change: 'withdrawn', reason: 'Erreur' }, 'refused')]);
    const fr = await auditLogMessages.load('fr');
    assert.deepEqual(changeTexts(row!, fr, 'fr'), []);
  });

  it('keeps a withdrawal and its restore apart when grouping', () => {
    const [withdrawn, restored] = auditRows([
      update({ change: 'withdrawn', reason: 'Erreur' }),
      update({ change: 'restored' }),
    ]);
    assert.notEqual(shownAs(withdrawn!), shownAs(restored!));
  });

  it('words the refusal for a document’s confidentiality for the patient', async () => {
    const [row] = auditRows([
      buildAuditEvent({
        action: 'read',
        outcome: 'refused',
        recorded: '2026-11-26T10:00:00Z',
        agent: { reference: 'Practitioner/sarah-hansen' },
        patient: 'marie-schmit',
        outcomeDescription:
          'Votre accès ne s’étend pas au niveau de confidentialité de ce document.',
        outcomeReason: 'confidentiality',
      }),
    ]);
    const en = await auditLogMessages.load('en');
    assert.equal(
      refusalReason(row!, en),
      'This document had a confidentiality level that the access of this professional did not cover.',
    );
  });
});
