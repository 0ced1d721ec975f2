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

  // OWASP, "CSV Injection": no cell may begin with = + - @, tab (0x09), carriage return (0x0D)
  // or line feed (0x0A). An import that trims a cell's leading whitespace, or a spreadsheet that
  // normalises full-width characters, would see the same formula behind them.
  it('neutralises every formula prefix OWASP lists', () => {
    for (const text of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '\nx'])
      assert.equal(neutralise(text), `'${text}`);
  });

  it('neutralises a formula behind leading whitespace, CR or LF', () => {
    for (const text of [
      ' =1+1',
      "   +cmd|' /C calc'!A0",
      '\t=HYPERLINK("http://127.0.0.1/")',
      '\r\n@SUM(A1)',
      '\n-2+3',
      '\u00a0=1+1',
      '\u3000=1+1',
    ])
      assert.equal(neutralise(text), `'${text}`, JSON.stringify(text));
  });

  it('neutralises the full-width forms of = + - @', () => {
    for (const text of ['＝1+1', '＋1', '－1', '＠SUM(A1)', ' ＝1+1', '\n＠SUM(A1)'])
      assert.equal(neutralise(text), `'${text}`, JSON.stringify(text));
  });

  it('leaves text that is no formula as it is', () => {
    for (const text of [
      'Dr Weber',
      '',
      ' ',
      '  Dr Weber',
      'Patiente inconsciente\n=urgences',
      "'=1+1",
      '1+1',
      'a=b',
      '＃1',
      '\u200b=1+1',
    ])
      assert.equal(neutralise(text), text, JSON.stringify(text));
  });

  it('neutralises a cell of the export whose text starts with a formula behind whitespace', () => {
    const rows: AuditRow[] = [
      {
        ...base,
        who: { reference: 'Practitioner/x', name: ' =HYPERLINK("http://127.0.0.1/")' },
        organization: '＠SUM(1+9)',
        document: { id: 'd2', title: '\r\n+cmd', typeCode: 'cr-acte-diagnostique' },
        reason: '\n-1',
      },
    ];
    const csv = auditCsv(rows, auditLogMessages.fr, 'fr');
    // The header is one line; the row's quoted cells hold line breaks of their own.
    assert.equal(
      csv.slice(csv.indexOf('\r\n') + 2),
      '"2026-11-26T10:00:00Z","\' =HYPERLINK(""http://127.0.0.1/"")","Médecin spécialiste","\'＠SUM(1+9)","Consultation","\'\r\n+cmd","CR d\'actes diagnostiques","Réussi","\'\n-1"\r\n',
    );
  });
});
