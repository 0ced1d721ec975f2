// The words of the viewer's document actions, in Luxembourgish.
import type { ActionsMessages } from './document-actions.messages.js';

const lb: ActionsMessages = {
  label: 'Aktiounen zum Dokument',
  replace: 'Duerch eng nei Versioun ersetzen',
  withdraw: 'Zréckzéien',
  correct: 'Korrigéieren',
  confidentiality: 'Vertraulechkeet',
  confidentialitySaved: (level) => `Vertraulechkeet gespäichert: ${level}.`,
  confidentialityFailed: 'D’Vertraulechkeet gouf net geännert.',
  vetoed: 'D’Applikatioun huet dës Aktioun refuséiert.',
  readOnly: 'Dës Versioun gouf ersat oder zréckgezunn: si ka gelies, awer net geännert ginn.',
  versions: (count) => (count === 1 ? '1 fréier Versioun' : `${count} fréier Versiounen`),
  versionsLoading: 'Fréier Versioune ginn gesicht…',
  versionsFailed: 'Déi fréier Versioune konnten net geluede ginn.',
  untitled: 'Dokument ouni Titel',
  replacedOn: (date, by) => (by ? `ersat den ${date} vum ${by}` : `ersat den ${date}`),
  withdrawDialog: {
    title: 'Dëst Dokument zréckzéien',
    explain:
      'D’Dokument gëtt als „aus Versinn erfaasst“ markéiert a verschwënnt aus alle Lëschten. De Journal vun den Zougrëffer hält fest, wien et wéini a firwat zréckgezunn huet.',
    reason: 'Grond fir d’Zréckzéien (obligatoresch)',
    reasonMissing: 'Gitt de Grond fir d’Zréckzéien un.',
    confirm: 'Dokument zréckzéien',
  },
  pending: (seconds) => `D’Dokument gëtt an ${seconds} Sekonnen zréckgezunn.`,
  undo: 'Zréckzéien annuléieren',
  undone: 'Zréckzéien annuléiert: d’Dokument bleift am DSP.',
  withdrawFailed: 'D’Dokument gouf net zréckgezunn.',
  cancel: 'Ofbriechen',
  correctDialog: {
    title: 'D’Dokument korrigéieren',
    save: 'Korrektur späicheren',
    reapply: 'Meng Ännerungen op déi aktuell Versioun uwenden',
    conflict:
      'Dëst Dokument gouf zwëschenzäitlech geännert. Näischt gouf iwwerschriwwen, an Är Agaben bleiwen erhalen.',
    current: 'Wat déi aktuell Versioun seet:',
    nothingChanged: 'Näischt ze späicheren.',
    loading: 'D’Dokument gëtt gelies…',
    failed: 'D’Korrektur gouf net gespäichert.',
    readFailed: 'D’Dokument konnt net gelies ginn.',
    hiddenHelp: 'Zum Beispill bis Dir et dem Patient erkläert hutt.',
    fields: {
      title: 'Titel',
      typeCode: 'Dokumententyp',
      date: 'Datum vum Akt',
      confidentiality: 'Vertraulechkeet',
      hiddenFromPatient: 'Fir de Patient net siichtbar',
    },
    problems: {
      title: 'Gitt en Titel un.',
      typeCode: 'Wielt en Dokumententyp vum DSP.',
      date: 'Gitt e gëltegen Datum un, deen net an der Zukunft ass.',
    },
    yes: 'jo',
    no: 'neen',
  },
  corrected: 'Korrektur gespäichert.',
  replaceDialog: {
    title: 'Duerch eng nei Versioun ersetzen',
    explain: (title) =>
      `Dat neit Dokument ersetzt „${title}“, dat als fréier Versioun liesbar bleift.`,
    close: 'Zoumaachen',
  },
  replaced: 'Nei Versioun gespäichert.',
};

export default lb;
