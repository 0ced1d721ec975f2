import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AuditRow } from '@dsp-kit/fhir';
import { auditCsv, neutralise } from './audit-csv.js';
import { auditLogMessages } from './audit-log.messages.js';

const base: AuditRow = {
  id: 'a1',
  recorded: '2026-11-26T10:00:00Z',
  who: { reference: 'Practitioner/anne-muller', name: 'Dr Anne Muller' },
  profession: 'medecin-specialiste',
  organization: 'Centre Hospitalier de Luxembourg',
  action: 'read',
  document: {
    id: 'd1',
    title: 'Échographie "cardiaque", contrôle',
    typeCode: 'cr-acte-diagnostique',
  },
  outcome: 'success',
  outcomeDescription: undefined,
  purposeOfUse: [],
  breakTheGlass: false,
  reason: undefined,
};

describe('auditCsv', () => {
  it('writes RFC 4180 CSV in UTF-8 with a BOM, columns in the language, byte for byte', () => {
    const rows: AuditRow[] = [
      base,
      {
        ...base,
        id: 'a2',
        recorded: '2026-11-26T03:12:00Z',
        who: { reference: 'Practitioner/sarah-hansen', name: '=HYPERLINK("http://evil")' },
        profession: undefined,
        organization: undefined,
        action: 'break-the-glass',
        document: undefined,
        breakTheGlass: true,
        reason: 'Patiente inconsciente\nurgences',
      },
    ];
    const csv = auditCsv(rows, auditLogMessages.fr, 'fr');
    const expected =
      '\uFEFF' +
      '"Date","Qui","Profession","Établissement","Action","Document","Type de document","Résultat","Motif d’urgence"\r\n' +
      '"2026-11-26T10:00:00Z","Dr Anne Muller","Médecin spécialiste","Centre Hospitalier de Luxembourg","Consultation","Échographie ""cardiaque"", contrôle","CR d\'actes diagnostiques","Réussi",""\r\n' +
      '"2026-11-26T03:12:00Z","\'=HYPERLINK(""http://evil"")","","","Accès en urgence","","","Réussi","Patiente inconsciente\nurgences"\r\n';
    assert.equal(csv, expected);
    const bytes = new TextEncoder().encode(csv);
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
  });

  it('uses the columns and labels of the chosen language', async () => {
    const csv = auditCsv([base], await auditLogMessages.load('en'), 'en');
    assert.match(csv, /^\uFEFF"Date","Who","Profession","Organisation"/);
    assert.match(csv, /"Specialist physician","Centre Hospitalier de Luxembourg","Viewed"/);
  });

  it('neutralises every formula prefix', () => {
    for (const text of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])
      assert.equal(neutralise(text), `'${text}`);
    assert.equal(neutralise('Dr Weber'), 'Dr Weber');
    assert.equal(neutralise(''), '');
  });
});
