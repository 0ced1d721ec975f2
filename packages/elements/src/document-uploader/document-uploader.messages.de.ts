// The document uploader's words in German.
import type { UploaderMessages } from './document-uploader.messages.js';

const de: UploaderMessages = {
  label: 'Dokumente zum DSP hinzufügen',
  drop: 'Dateien hier ablegen, einfügen oder',
  choose: 'Dateien auswählen',
  empty: 'Keine Datei ausgewählt.',
  file: 'Datei',
  type: 'Dokumenttyp',
  chooseType: 'Typ auswählen',
  typeList: 'Dokumenttypen',
  showTypes: 'Typen anzeigen',
  typeCount: (n) =>
    n === 0 ? 'Kein Typ passt.' : n === 1 ? '1 Typ vorgeschlagen.' : `${n} Typen vorgeschlagen.`,
  usePatientType: (type) => `„${type}“ verwenden`,
  unnamed: 'Datei ohne Namen',
  facilityType: 'Art der Einrichtung',
  practiceSetting: 'Fachrichtung',
  clear: 'Liste leeren',
  className: 'Klasse',
  title: 'Titel',
  date: 'Datum der Leistung',
  confidentiality: 'Vertraulichkeit',
  language: 'Sprache des Dokuments',
  masked: 'Vor Fachkräften verborgen',
  hidden: 'Für den Patienten bis zur Erklärung nicht sichtbar',
  replacing: (title) =>
    `Neue Version von „${title}“: Das gesendete Dokument ersetzt es, das alte bleibt unter den früheren Versionen lesbar.`,
  cancelReplace: 'Ersetzen abbrechen',
  replaceCancelled: 'Ersetzen abgebrochen: Die Dateien werden als neue Dokumente gesendet.',
  replacesNote: (title) => `Neue Version von „${title}“.`,
  replaceFailed: 'Die neue Version wurde nicht gesendet; die alte bleibt gültig.',
  send: 'Senden',
  cancel: 'Abbrechen',
  retry: 'Erneut versuchen',
  remove: 'Entfernen',
  refused: 'Datei abgelehnt',
  prefilled: 'Felder aus dem CDA-Dokument vorausgefüllt: Bitte prüfen, sie bleiben änderbar.',
  patientUnconfirmed:
    'Das CDA-Dokument nennt diesen Patienten mit keiner prüfbaren Kennung (Matrikelnummer): Vergewissern Sie sich vor dem Senden, dass es sein Dokument ist.',
  authorsNote:
    'Das CDA-Dokument nennt seinen Autor: Er wird als Mitautor gesendet; Sie bleiben der Autor, der das Dokument einreicht.',
  cdaAuthor: (n, count) => (count > 1 ? `Autor ${n} laut CDA-Dokument` : 'Autor laut CDA-Dokument'),
  authorName: 'Name des Autors',
  authorOrganization: 'Organisation des Autors',
  authorIdentifier: (value, system) => `Kennung ${value} (${system})`,
  authorUnnamedNote:
    'Das Dokument nennt den Namen dieses Autors nicht: Er wird unter seiner Kennung oder Organisation gesendet, sofern Sie seinen Namen nicht eingeben.',
  removeAuthor: 'Diesen Autor entfernen',
  sentCount: (n) => (n === 1 ? '1 Dokument gesendet.' : `${n} Dokumente gesendet.`),
  closeSummary: 'Zusammenfassung schließen',
  noAuthor: 'Kein Autor (Attribut author): Die Dokumente können nicht gesendet werden.',
  noPatient: 'Kein Patient ausgewählt.',
  failed: 'Das Dokument wurde nicht gesendet.',
  waitingNote: 'Wartet auf das Netzwerk: Das Senden wird von selbst fortgesetzt.',
  uploadProgress: 'Fortschritt des Sendens',
  retryWait: {
    busy: (when) => `Server ausgelastet – neuer Versuch ${when}.`,
    failed: (when) => `Senden unterbrochen – neuer Versuch ${when}.`,
    inSeconds: (seconds) => (seconds === 1 ? 'in 1 Sekunde' : `in ${seconds} Sekunden`),
    at: (time) => `um ${time} Uhr`,
  },
  status: {
    checking: 'Wird geprüft…',
    hashing: 'Prüfsumme wird berechnet…',
    ready: 'Bereit zum Senden',
    invalid: 'Zu korrigieren',
    waiting: 'Wartet auf das Netzwerk',
    sending: 'Wird gesendet…',
    retrying: 'Neuer Versuch in Kürze…',
    sent: 'Gesendet',
    failed: 'Senden fehlgeschlagen',
    cancelled: 'Senden abgebrochen',
  },
  problems: {
    authorUnnamed:
      'Ein Autor hat weder Namen noch Kennung noch Organisation mehr: Ergänzen oder entfernen Sie ihn.',
    executable:
      'Diese Datei ist ein Programm, kein Dokument: Sie wird unabhängig von ihrem Namen nicht angenommen.',
    html: 'Diese Datei ist eine Webseite (HTML), kein Dokument: Sie wird unabhängig von ihrem Namen nicht angenommen.',
    typeUnknown: 'Dieser Typ gehört nicht zu den 27 DSP-Typen: Wählen Sie einen aus der Liste.',
    typeNoMatch: (text) => `„${text}“ ist kein DSP-Typ: Wählen Sie einen aus der Liste.`,
    patientType:
      'Ein Patient kann nur Dokumente vom Typ „Eigene Angaben des Patienten“ hinzufügen.',
    untitledFile: 'Diese Datei hat keinen Namen: Geben Sie dem Dokument einen Titel.',
    dateInvalid: 'Dieses Datum gibt es nicht: Geben Sie es als TT.MM.JJJJ ein.',
    futureDate: 'Das Datum der Leistung darf nicht in der Zukunft liegen.',
    confidentialityInvalid:
      'Wählen Sie eine Vertraulichkeit: normal, eingeschränkt oder streng vertraulich.',
    flagsProfessionalOnly:
      'Nur eine Fachkraft kann ein Dokument verbergen oder vor dem Patienten ausblenden.',
    empty: 'Diese Datei ist leer.',
    tooLarge: (max) => `Diese Datei überschreitet die Höchstgröße (${max}).`,
    unknownType: 'Der Inhalt dieser Datei ist weder PDF noch JPEG-, PNG- oder TIFF-Bild noch Text.',
    typeNotAllowed: 'Dieser Dateityp wird nicht angenommen.',
    duplicate: 'Diese Datei ist bereits in der Liste.',
    inDsp: 'Diese Datei ist bereits im DSP dieses Patienten (gleicher Inhalt).',
    otherPatient:
      'Dieses CDA-Dokument betrifft einen anderen Patienten (seine Kennung stimmt nicht überein): Es wird nicht gesendet, denn ein falsch abgelegtes Dokument in einer nationalen Akte gefährdet Patienten.',
    cdaEntities:
      'Dieses CDA-Dokument deklariert einen DOCTYPE oder Entitäten, was ein CDA nie tut: Es wird weder gelesen noch gesendet.',
    cdaTooComplex:
      'Dieses CDA-Dokument ist zu groß oder zu tief verschachtelt, um gelesen zu werden: Es wird nicht gesendet.',
    cdaMalformed: 'Dieses CDA-Dokument ist kein wohlgeformtes XML: Es wird nicht gesendet.',
    typeRequired: 'Wählen Sie den Dokumenttyp.',
    titleRequired: 'Geben Sie einen Titel an.',
    bothFlags:
      'Ein Dokument kann nicht zugleich vor Fachkräften verborgen und für den Patienten unsichtbar sein.',
    replaces: 'Diese Dokumentkennung ist ungültig.',
  },
};

export default de;
