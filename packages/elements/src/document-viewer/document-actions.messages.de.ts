// The words of the viewer's document actions, in German.
import type { ActionsMessages } from './document-actions.messages.js';

const de: ActionsMessages = {
  label: 'Aktionen zum Dokument',
  replace: 'Durch eine neue Version ersetzen',
  withdraw: 'Zurückziehen',
  correct: 'Korrigieren',
  confidentiality: 'Vertraulichkeit',
  confidentialitySaved: (level) => `Vertraulichkeit gespeichert: ${level}.`,
  confidentialityFailed: 'Die Vertraulichkeit wurde nicht geändert.',
  vetoed: 'Die Anwendung hat diese Aktion abgelehnt.',
  readOnly:
    'Diese Version wurde ersetzt oder zurückgezogen: Sie kann gelesen, nicht geändert werden.',
  versions: (count) => (count === 1 ? '1 frühere Version' : `${count} frühere Versionen`),
  versionsLoading: 'Frühere Versionen werden gesucht…',
  versionsFailed: 'Die früheren Versionen konnten nicht geladen werden.',
  untitled: 'Dokument ohne Titel',
  replacedOn: (date, by) => (by ? `ersetzt am ${date} von ${by}` : `ersetzt am ${date}`),
  withdrawDialog: {
    title: 'Dieses Dokument zurückziehen',
    explain:
      'Das Dokument wird als „irrtümlich erfasst“ markiert und verschwindet aus allen Listen. Das Zugriffsprotokoll hält fest, wer es wann und warum zurückgezogen hat.',
    reason: 'Grund für das Zurückziehen (Pflichtfeld)',
    reasonMissing: 'Geben Sie den Grund für das Zurückziehen an.',
    confirm: 'Dokument zurückziehen',
  },
  pending: (seconds) => `Das Dokument wird in ${seconds} Sekunden zurückgezogen.`,
  undo: 'Zurückziehen rückgängig machen',
  undone: 'Zurückziehen rückgängig gemacht: Das Dokument bleibt in der DSP.',
  withdrawFailed: 'Das Dokument wurde nicht zurückgezogen.',
  cancel: 'Abbrechen',
  correctDialog: {
    title: 'Dokument korrigieren',
    save: 'Korrektur speichern',
    reapply: 'Meine Änderungen auf die aktuelle Version anwenden',
    conflict:
      'Dieses Dokument wurde inzwischen geändert. Nichts wurde überschrieben, Ihre Eingaben bleiben erhalten.',
    current: 'Was die aktuelle Version sagt:',
    nothingChanged: 'Nichts zu speichern.',
    loading: 'Dokument wird gelesen…',
    failed: 'Die Korrektur wurde nicht gespeichert.',
    readFailed: 'Das Dokument konnte nicht gelesen werden.',
    hiddenHelp: 'Zum Beispiel, bis Sie es dem Patienten erklärt haben.',
    fields: {
      title: 'Titel',
      typeCode: 'Dokumenttyp',
      date: 'Datum der Leistung',
      confidentiality: 'Vertraulichkeit',
      hiddenFromPatient: 'Für den Patienten nicht sichtbar',
    },
    problems: {
      title: 'Geben Sie einen Titel an.',
      typeCode: 'Wählen Sie einen Dokumenttyp der DSP.',
      date: 'Geben Sie ein gültiges Datum an, das nicht in der Zukunft liegt.',
    },
    yes: 'ja',
    no: 'nein',
  },
  corrected: 'Korrektur gespeichert.',
  replaceDialog: {
    title: 'Durch eine neue Version ersetzen',
    explain: (title) =>
      `Das neue Dokument ersetzt „${title}“, das als frühere Version lesbar bleibt.`,
    close: 'Schließen',
  },
  replaced: 'Neue Version gespeichert.',
};

export default de;
