import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AuditRow } from '@dsp-kit/fhir';
import { auditCsv, localTime, neutralise } from './audit-csv.js';
import { auditLogMessages } from './audit-log.messages.js';
import { auditRow } from '../../test/audit-row.helpers.js';

const base = auditRow({
  id: 'a1',
  who: { reference: 'Practitioner/anne-muller', name: 'Dr Anne Muller' },
  profession: 'medecin-specialiste',
  organization: 'Centre Hospitalier de Luxembourg',
  action: 'read',
  document: {
    id: 'd1',
    title: 'Échographie "cardiaque", contrôle',
    typeCode: 'cr-acte-diagnostique',
  },
});

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
    // French spreadsheets split on `;`; Luxembourg is at UTC+1 in November.
    const csv = auditCsv(rows, auditLogMessages.fr, 'fr', { timeZone: 'Europe/Luxembourg' });
    const expected =
      '\uFEFF' +
      '"Date";"Qui";"Profession";"Établissement";"Action";"Document";"Type de document";"Résultat";"Motif d’urgence";"Motif du refus";"Détail"\r\n' +
      '"2026-11-26 11:00:00+01:00";"Dr Anne Muller";"Médecin spécialiste";"Centre Hospitalier de Luxembourg";"Consultation";"Échographie ""cardiaque"", contrôle";"CR d\'actes diagnostiques";"Réussi";"";"";""\r\n' +
      '"2026-11-26 04:12:00+01:00";"\'=HYPERLINK(""http://evil"")";"";"";"Accès en urgence";"";"";"Réussi";"Patiente inconsciente\nurgences";"";""\r\n';
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
    const csv = auditCsv(rows, auditLogMessages.fr, 'fr', { separator: ',', timeZone: 'UTC' });
    // The header is one line; the row's quoted cells hold line breaks of their own.
    assert.equal(
      csv.slice(csv.indexOf('\r\n') + 2),
      '"2026-11-26 10:00:00+00:00","\' =HYPERLINK(""http://127.0.0.1/"")","Médecin spécialiste","\'＠SUM(1+9)","Consultation","\'\r\n+cmd","CR d\'actes diagnostiques","Réussi","\'\n-1","",""\r\n',
    );
  });

  it('splits on `;` for fr, de and lb, on `,` for en, or on the separator asked', async () => {
    for (const language of ['de', 'lb'] as const) {
      const csv = auditCsv([base], await auditLogMessages.load(language), language);
      assert.match(csv, /^\uFEFF"Datum";"(?:Wer|Wien)";/u, language);
    }
    const en = await auditLogMessages.load('en');
    assert.match(auditCsv([base], en, 'en'), /^\uFEFF"Date","Who",/u);
    assert.match(auditCsv([base], en, 'en', { separator: ';' }), /^\uFEFF"Date";"Who";/u);
  });

  it('writes local times with their offset, summer time included, and non-times as they are', () => {
    // Luxembourg: CEST (UTC+2) in July, CET (UTC+1) in January; New York: EST (UTC−5).
    assert.equal(
      localTime('2026-07-01T22:30:05Z', 'Europe/Luxembourg'),
      '2026-07-02 00:30:05+02:00',
    );
    assert.equal(
      localTime('2026-01-15T08:00:00Z', 'Europe/Luxembourg'),
      '2026-01-15 09:00:00+01:00',
    );
    assert.equal(
      localTime('2026-01-15T08:00:00Z', 'America/New_York'),
      '2026-01-15 03:00:00-05:00',
    );
    assert.equal(localTime('2026-01-15T08:00:00Z', 'UTC'), '2026-01-15 08:00:00+00:00');
    assert.equal(localTime('hier'), 'hier');
  });

  it('gives a refusal’s reason in the patient’s words, and what a rights change changed', () => {
    const rows: AuditRow[] = [
      {
        ...base,
        outcome: 'refused',
        outcomeDescription: 'Le patient vous a bloqué : vous n’avez pas accès à son DSP.',
        refusal: 'blocked',
      },
      { ...base, outcome: 'refused', outcomeDescription: 'Raison propre au serveur' },
      {
        ...base,
        action: 'consent',
        document: undefined,
        changes: [
          { change: 'blocked', reference: 'Practitioner/luc-kremer', name: 'Dr Luc Kremer' },
          { change: 'break-the-glass-refused', reference: undefined, name: undefined },
        ],
      },
    ];
    const lines = auditCsv(rows, auditLogMessages.fr, 'fr', { timeZone: 'UTC' })
      .trimEnd()
      .split('\r\n');
    assert.ok(lines[0]!.endsWith(';"Motif du refus";"Détail"'));
    assert.ok(lines[1]!.endsWith(';"Ce professionnel était bloqué.";""'), lines[1]);
    assert.ok(lines[2]!.endsWith(';"Raison propre au serveur";""'), lines[2]);
    assert.ok(
      lines[3]!.endsWith(';"";"Bloqué : Dr Luc Kremer; Accès en urgence refusé"'),
      lines[3],
    );
  });
});
