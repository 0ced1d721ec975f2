// Audit events as the mock writes them and as the panel reads them back.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AuditEvent } from '@medplum/fhirtypes';
import { auditRows, buildAuditEvent } from '../src/audit.js';
import { assertValidR4 } from './fhir-r4.js';

const muller = { reference: 'Practitioner/anne-muller', display: 'Dr Anne Muller' };

describe('audit events', () => {
  it('read back as rows with who, profession, organisation, action, document and outcome', () => {
    const event = buildAuditEvent({
      action: 'read',
      outcome: 'success',
      recorded: '2026-11-26T10:00:00Z',
      agent: muller,
      profession: 'medecin-specialiste',
      organization: { reference: 'Organization/chl', display: 'Centre Hospitalier de Luxembourg' },
      patient: 'marie-schmit',
      document: { id: 'doc-1', title: 'Échographie', typeCode: 'cr-acte-diagnostique' },
    });
    assertValidR4(event);
    assert.deepEqual(auditRows([{ ...event, id: 'a1' }]), [
      {
        id: 'a1',
        recorded: '2026-11-26T10:00:00Z',
        who: { reference: 'Practitioner/anne-muller', name: 'Dr Anne Muller' },
        profession: 'medecin-specialiste',
        organization: 'Centre Hospitalier de Luxembourg',
        action: 'read',
        document: { id: 'doc-1', title: 'Échographie', typeCode: 'cr-acte-diagnostique' },
        outcome: 'success',
        outcomeDescription: undefined,
        refusal: undefined,
        changes: [],
        purposeOfUse: [],
        breakTheGlass: false,
        reason: undefined,
      },
    ]);
  });

  it('flag an emergency access with its reason, and a refusal with its explanation', () => {
    const btg = buildAuditEvent({
      action: 'break-the-glass',
      outcome: 'success',
      recorded: '2026-11-26T03:12:00Z',
      agent: muller,
      purposeOfUse: ['BTG'],
      reason: 'Patiente inconsciente aux urgences',
      patient: 'marie-schmit',
    });
    const refused = buildAuditEvent({
      action: 'search',
      outcome: 'refused',
      recorded: '2026-11-26T03:10:00Z',
      agent: muller,
      patient: 'marie-schmit',
      outcomeDescription: 'Professionnel bloqué par le patient',
    });
    assertValidR4(btg);
    assertValidR4(refused);
    const [first, second] = auditRows([btg, refused]);
    assert.equal(first?.action, 'break-the-glass');
    assert.equal(first?.breakTheGlass, true);
    assert.equal(first?.reason, 'Patiente inconsciente aux urgences');
    assert.deepEqual(first?.purposeOfUse, ['BTG']);
    assert.equal(second?.outcome, 'refused');
    assert.equal(second?.outcomeDescription, 'Professionnel bloqué par le patient');
    assert.equal(second?.action, 'search');
  });

  it('carry a refusal’s coded reason and what a rights change changed, as valid R4', () => {
    const refused = buildAuditEvent({
      action: 'search',
      outcome: 'refused',
      recorded: '2026-11-26T03:10:00Z',
      agent: muller,
      patient: 'marie-schmit',
      outcomeDescription: 'Le patient vous a bloqué.',
      outcomeReason: 'blocked',
    });
    const change = buildAuditEvent({
      action: 'consent',
      outcome: 'success',
      recorded: '2026-11-26T03:11:00Z',
      agent: { reference: 'Patient/marie-schmit', display: 'Marie Schmit' },
      patient: 'marie-schmit',
      changes: [
        {
          change: 'blocked',
          what: { reference: 'Practitioner/luc-kremer', display: 'Dr Luc Kremer' },
        },
        {
          change: 'masked',
          what: { reference: 'DocumentReference/doc-1', display: 'Échographie' },
        },
        { change: 'break-the-glass-refused' },
      ],
    });
    assertValidR4(refused);
    assertValidR4(change);
    const [first, second] = auditRows([refused, change]);
    assert.equal(first?.refusal, 'blocked');
    assert.equal(first?.outcomeDescription, 'Le patient vous a bloqué.');
    assert.deepEqual(second?.changes, [
      { change: 'blocked', reference: 'Practitioner/luc-kremer', name: 'Dr Luc Kremer' },
      { change: 'masked', reference: 'DocumentReference/doc-1', name: 'Échographie' },
      { change: 'break-the-glass-refused', reference: undefined, name: undefined },
    ]);
    // A masked document named as a change is not the entry's document.
    assert.equal(second?.document, undefined);
  });

  it("understand another server's plain BALP events", () => {
    const foreign: AuditEvent = {
      resourceType: 'AuditEvent',
      type: { system: 'http://terminology.hl7.org/CodeSystem/audit-event-type', code: 'rest' },
      subtype: [{ system: 'http://hl7.org/fhir/restful-interaction', code: 'create' }],
      recorded: '2026-01-01T00:00:00Z',
      outcome: '8',
      agent: [{ requestor: true, name: 'Lab system' }],
      source: { observer: { display: 'Other' } },
    };
    const [row] = auditRows([foreign]);
    assert.equal(row?.action, 'create');
    assert.equal(row?.outcome, 'failure');
    assert.equal(row?.who.name, 'Lab system');
    assert.equal(row?.document, undefined);
    assert.equal(
      auditRows([{ ...foreign, subtype: [], action: 'R', outcome: undefined }])[0]?.action,
      'read',
    );
    assert.equal(auditRows([{ ...foreign, subtype: [], action: 'D' }])[0]?.action, 'other');
  });
});
