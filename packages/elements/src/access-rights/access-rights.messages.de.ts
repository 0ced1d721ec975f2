// The access-rights panel's words in German.
import type { AccessRightsMessages } from './access-rights.messages.js';

const de: AccessRightsMessages = {
  label: 'Zugriffsrechte auf den DSP',
  loading: 'Zugriffsrechte werden geladen…',
  noPatient: 'Kein Patient ausgewählt.',
  failed: 'Die Zugriffsrechte konnten nicht geladen werden.',
  saveFailed: 'Die Änderung wurde nicht gespeichert.',
  saving: 'Wird gespeichert…',
  readOnly: 'Nur der Patient (oder sein DSP-Assistent) verwaltet diese Rechte.',
  ownAccessOpen: (count) =>
    count === 1
      ? 'Sie haben Zugriff auf diesen DSP: 1 Dokument ist für Sie sichtbar.'
      : `Sie haben Zugriff auf diesen DSP: ${count} Dokumente sind für Sie sichtbar.`,
  ownAccessRefused: 'Sie haben keinen Zugriff auf diesen DSP.',
  ownAccessEmergency:
    'Im Notfall können Sie in der Dokumentenliste einen Notfallzugriff beantragen.',
  readOnlyDetail:
    'Sie können sie weder einsehen noch ändern. Ihr Zugriff auf diesen DSP folgt den Entscheidungen des Patienten und den Regeln Ihres Berufs; jeder Ihrer Zugriffe steht in seinem Protokoll.',
  closedBanner: 'Dieser DSP ist geschlossen: Keine Gesundheitsfachperson hat Zugriff.',
  professionals: 'Gesundheitsfachpersonen',
  referent: 'Referenzarzt',
  referentHelp:
    'Bei der CNS angemeldet, sieht er alle Ihre Dokumente, auch verborgene. Er wird nicht hier geändert: Wenden Sie sich an die CNS.',
  noReferent: 'Bei der CNS ist kein Referenzarzt angemeldet.',
  listLabel: 'Gesundheitsfachpersonen mit besonderem Recht',
  noProfessionals: 'Sie haben keine Gesundheitsfachperson gesperrt oder ausdrücklich zugelassen.',
  status: {
    none: 'Standardregeln',
    blocked: 'Gesperrt',
    granted: 'Ausdrücklicher Zugriff',
    full: 'Vollzugriff (auch verborgene Dokumente)',
  },
  block: 'Sperren',
  unblock: 'Entsperren',
  grant: 'Zulassen',
  grantFull: 'Vollzugriff geben',
  revoke: 'Zugriff entziehen',
  extend: 'Auf eingeschränkte Dokumente erweitern',
  limit: 'Auf normale Dokumente beschränken',
  extendedMark: 'erweitert (eingeschränkte Dokumente inbegriffen)',
  grantLevel: 'Stufe neuer Freigaben',
  levelNormal: 'Normal: normale Dokumente (N)',
  levelExtended: 'Erweitert: normale und eingeschränkte Dokumente (N und R)',
  levelHelp:
    'Ein erweiterter Zugriff umfasst auch Ihre eingeschränkten Dokumente (R). Diese Wahl gilt für „Zulassen“ und „Vollzugriff geben“; eine bestehende Freigabe ändern Sie in ihrer Zeile.',
  veryRestrictedHelp:
    'Keine Freigabe öffnet Ihre streng vertraulichen Dokumente (V): nur ihr Autor, Sie und, nach den Regeln des DSP, Ihr Referenzarzt sehen sie.',
  grantedExtended: 'Erweiterter Zugriff: eingeschränkte Dokumente inbegriffen.',
  search: 'Im Verzeichnis suchen',
  searchName: 'Name',
  searchProfession: 'Beruf',
  anyProfession: 'Alle',
  searchButton: 'Suchen',
  searching: 'Suche läuft…',
  noResults: 'Keine Gesundheitsfachperson gefunden.',
  results: (count) =>
    count === 1 ? '1 Gesundheitsfachperson gefunden' : `${count} Gesundheitsfachpersonen gefunden`,
  searchFailed: 'Die Suche im Verzeichnis ist fehlgeschlagen.',
  documents: 'Verborgene Dokumente',
  documentsHelp:
    'Ein verborgenes Dokument ist für Gesundheitsfachpersonen unsichtbar, außer für seinen Autor, Ihren Referenzarzt und alle mit Vollzugriff.',
  noMasked: 'Kein Dokument ist verborgen.',
  chooseDocument: 'Zu verbergendes Dokument',
  chooseNone: 'Dokument wählen',
  mask: 'Verbergen',
  unmask: 'Wieder anzeigen',
  untitled: 'Dokument ohne Titel',
  emergency: 'Notfallzugriff',
  emergencyHelp:
    'Im Notfall kann eine Gesundheitsfachperson Ihren DSP ohne Ihre vorherige Zustimmung öffnen („Break the Glass“) und muss einen Grund angeben. Dieser Zugriff gilt 24 Stunden, wird protokolliert und Ihnen im Protokoll angezeigt.',
  emergencyAllow: 'Notfallzugriff erlauben',
  emergencyRefuse: 'Notfallzugriff verweigern',
  emergencyRefuseHelp:
    'Wenn Sie ablehnen, kann ein Notfallteam Ihre Dokumente nicht lesen, auch wenn Sie nicht sprechen können.',
  openClose: 'Öffnung des DSP',
  openState: 'Ihr DSP ist geöffnet.',
  closedState: 'Ihr DSP ist geschlossen.',
  closeHelp:
    'Das Schließen entzieht allen Gesundheitsfachpersonen den Zugriff, auch dem Referenzarzt und im Notfall. Ihre Dokumente und Entscheidungen bleiben erhalten; das Wiederöffnen stellt alles wieder her.',
  reopenHelp:
    'Das Wiederöffnen stellt Ihre Sperren, Freigaben und verborgenen Dokumente so wieder her, wie sie waren.',
  closeButton: 'DSP schließen',
  reopenButton: 'DSP wieder öffnen',
  closeDialog: 'Ihren DSP schließen?',
  confirmWord: 'SCHLIESSEN',
  confirmLabel: (word) => `Geben Sie ${word} zur Bestätigung ein`,
  confirmWrong: (word) => `Das eingegebene Wort ist nicht ${word}: Nichts wurde geschlossen.`,
  confirmClose: 'Schließen bestätigen',
  cancel: 'Abbrechen',
  assistant: 'DSP-Assistent',
  assistantHelp:
    'Ein DSP-Assistent hat dieselben Rechte wie Sie: Er kann Ihren DSP einsehen und diese Rechte in Ihrem Namen verwalten.',
  assistants: 'Ihre DSP-Assistenten',
  noAssistant: 'Sie haben keinen DSP-Assistenten.',
  assistantsLoading: 'DSP-Assistenten werden geladen…',
  assistantsFailed: 'Die DSP-Assistenten konnten nicht geladen werden.',
  removeAssistant: 'Entfernen',
  addAssistant: 'Einen Assistenten benennen',
  addAssistantHelp:
    'Der Assistent meldet sich mit seiner eigenen Identität an. Nur der Patient benennt einen Assistenten; ein Assistent kann sich selbst zurückziehen.',
  assistantGiven: 'Vorname',
  assistantFamily: 'Nachname',
  assistantMatricule: 'Matrikelnummer (13 Ziffern)',
  addAssistantButton: 'Als Assistenten benennen',
  addAssistantFailed: 'Der Assistent wurde nicht benannt.',
  assistantAlready: (who) => `${who} ist bereits Ihr DSP-Assistent.`,
  assistantsOfPatient: 'Die DSP-Assistenten des Patienten',
  you: '(Sie)',
  delegateNote:
    'Sie sind DSP-Assistent dieses Patienten. Nur der Patient benennt oder entfernt weitere Assistenten; Sie können sich selbst zurückziehen.',
  withdrawSelf: 'Mich zurückziehen',
  withdrawSelfTitle: 'Als DSP-Assistent zurückziehen?',
  withdrawSelfHelp:
    'Sie haben dann keinen Zugriff mehr auf diesen DSP und seine Zugriffsrechte und können dies nicht rückgängig machen: Nur der Patient kann Sie erneut benennen.',
  withdrawSelfConfirm: 'Ja, mich zurückziehen',
  selfWithdrawn: 'Sie sind nicht mehr DSP-Assistent dieses Patienten.',
  selfWithdrawnDetail:
    'Sie haben keinen Zugriff mehr auf diesen DSP. Nur der Patient kann Sie erneut benennen.',
  invalidUser: (value) =>
    `„${value}“ bezeichnet nicht den angemeldeten Benutzer: erwartet wird Patient/…, RelatedPerson/… oder Practitioner/… (oder die URL einer dieser Ressourcen).`,
  fieldRequired: {
    given: 'Geben Sie den Vornamen des Assistenten ein.',
    family: 'Geben Sie den Nachnamen des Assistenten ein.',
    matricule: 'Geben Sie die Matrikelnummer des Assistenten ein (13 Ziffern).',
  },
  tooLong: (max) => `Höchstens ${max} Zeichen.`,
  matriculeProblem: {
    format: 'Eine Matrikelnummer besteht nur aus Ziffern.',
    length: (digits) => `Eine Matrikelnummer hat 13 Ziffern; diese hat ${digits}.`,
    date: 'Die ersten acht Ziffern sind kein Geburtsdatum (JJJJMMTT).',
    luhn: 'Die 12. Ziffer (Prüfziffer) stimmt nicht: Prüfen Sie die Matrikelnummer.',
    verhoeff: 'Die 13. Ziffer (Prüfziffer) stimmt nicht: Prüfen Sie die Matrikelnummer.',
    self: 'Das ist die Matrikelnummer des Patienten: Ein Patient kann nicht sein eigener Assistent sein.',
  },
  pending: 'Noch nicht gespeichert:',
  pendingHelp:
    'Ihre Änderung bleibt hier erhalten. Versuchen Sie es erneut, sobald die Verbindung wieder steht, oder verwerfen Sie sie.',
  discard: 'Diese Änderung verwerfen',
  notSaved: 'nicht gespeichert',
  blockReferentTitle: 'Ihren Referenzarzt sperren?',
  blockReferentHelp: (who) =>
    `${who} ist Ihr bei der CNS angemeldeter Referenzarzt. Gesperrt sieht er kein Dokument Ihres DSP mehr, auch nicht zur Koordination Ihrer Behandlung; bei der CNS bleibt er Ihr Referenzarzt. Sie können ihn jederzeit wieder entsperren.`,
  blockReferentConfirm: 'Trotzdem sperren',
  invalidActor: (id) =>
    `„${id}“ ist keine Kennung einer Gesundheitsfachperson (Practitioner/… oder PractitionerRole/…).`,
  otherRules: 'Weitere Regeln',
  otherRulesHelp:
    'Diese Regeln wurden anderswo festgelegt, zum Beispiel von einer anderen Anwendung. Sie bleiben in Kraft: Dieses Panel zeigt sie, ändert sie nicht und behält sie bei jedem Speichern bei.',
  ruleType: { permit: 'Erlaubnis', deny: 'Verbot', other: 'Regel' },
  ruleFor: (who) => `für ${who}`,
  ruleDocuments: (titles) => `Dokumente: ${titles}`,
  ruleSince: (date) => `ab ${date}`,
  ruleUntil: (date) => `bis ${date}`,
  rulePurpose: (purposes) => `Zweck: ${purposes}`,
  ruleMore: 'mit weiteren Bedingungen',
  quote: (title) => `„${title}“`,
  changes: {
    block: (who) => `${who} ist gesperrt.`,
    unblock: (who) => `${who} ist nicht mehr gesperrt.`,
    grant: (who) => `${who} hat ausdrücklichen Zugriff.`,
    'grant-full': (who) => `${who} hat Vollzugriff.`,
    extend: (who) =>
      `${who} sieht jetzt auch Ihre eingeschränkten Dokumente (erweiterter Zugriff).`,
    limit: (who) => `${who} sieht Ihre eingeschränkten Dokumente nicht mehr (normaler Zugriff).`,
    revoke: (who) => `${who} hat keinen besonderen Zugriff mehr.`,
    mask: (title) => `„${title}“ ist verborgen.`,
    unmask: (title) => `„${title}“ ist nicht mehr verborgen.`,
    'break-glass-allowed': () => 'Der Notfallzugriff ist erlaubt.',
    'break-glass-refused': () => 'Der Notfallzugriff ist verweigert.',
    close: () => 'Der DSP ist geschlossen.',
    reopen: () => 'Der DSP ist wieder geöffnet; Ihre Entscheidungen gelten wieder.',
    'add-assistant': (who) => `${who} ist jetzt Ihr DSP-Assistent.`,
    'remove-assistant': (who) => `${who} ist nicht mehr Ihr DSP-Assistent.`,
  },
  meanwhile: 'Inzwischen anderswo geändert (anderes Gerät oder Assistent):',
  reapplied: 'Ihre Änderung wurde zusätzlich angewendet.',
  alreadyDone: 'Ihre Änderung war bereits vorgenommen.',
  undo: 'Diese Änderung rückgängig machen',
  undone: 'Änderung rückgängig gemacht.',
  dismiss: 'Meldung ausblenden',
  toAssistant: {
    levelHelp:
      'Ein erweiterter Zugriff umfasst auch die eingeschränkten Dokumente (R) des Patienten. Diese Wahl gilt für „Zulassen“ und „Vollzugriff geben“; eine bestehende Freigabe wird in ihrer Zeile geändert.',
    veryRestrictedHelp:
      'Keine Freigabe öffnet die streng vertraulichen Dokumente (V) des Patienten: nur ihr Autor, der Patient und, nach den Regeln des DSP, sein Referenzarzt sehen sie.',
    extended: (who) =>
      `${who} sieht jetzt auch die eingeschränkten Dokumente des Patienten (erweiterter Zugriff).`,
    limited: (who) =>
      `${who} sieht die eingeschränkten Dokumente des Patienten nicht mehr (normaler Zugriff).`,
    referentHelp:
      'Bei der CNS angemeldet, sieht er alle Dokumente des Patienten, auch verborgene. Er wird nicht hier geändert: Der Patient wendet sich an die CNS.',
    noProfessionals: 'Keine Gesundheitsfachperson ist gesperrt oder ausdrücklich zugelassen.',
    documentsHelp:
      'Ein verborgenes Dokument ist für Gesundheitsfachpersonen unsichtbar, außer für seinen Autor, den Referenzarzt des Patienten und alle mit Vollzugriff.',
    emergencyHelp:
      'Im Notfall kann eine Gesundheitsfachperson diesen DSP ohne vorherige Zustimmung des Patienten öffnen („Break the Glass“) und muss einen Grund angeben. Dieser Zugriff gilt 24 Stunden, wird protokolliert und im Protokoll angezeigt.',
    emergencyRefuseHelp:
      'Wird der Notfallzugriff verweigert, kann ein Notfallteam die Dokumente des Patienten nicht lesen, auch wenn er nicht sprechen kann.',
    openState: (patient) =>
      patient ? `Der DSP von ${patient} ist geöffnet.` : 'Dieser DSP ist geöffnet.',
    closedState: (patient) =>
      patient ? `Der DSP von ${patient} ist geschlossen.` : 'Dieser DSP ist geschlossen.',
    closeHelp:
      'Das Schließen entzieht allen Gesundheitsfachpersonen den Zugriff, auch dem Referenzarzt und im Notfall. Die Dokumente und Entscheidungen des Patienten bleiben erhalten; das Wiederöffnen stellt alles wieder her.',
    reopenHelp:
      'Das Wiederöffnen stellt die Sperren, Freigaben und verborgenen Dokumente des Patienten so wieder her, wie sie waren.',
    closeDialog: (patient) =>
      patient ? `Den DSP von ${patient} schließen?` : 'Diesen DSP schließen?',
    blockReferentTitle: (patient) =>
      patient
        ? `Den Referenzarzt von ${patient} sperren?`
        : 'Den Referenzarzt des Patienten sperren?',
    blockReferentHelp: (who) =>
      `${who} ist der bei der CNS angemeldete Referenzarzt des Patienten. Gesperrt sieht er kein Dokument dieses DSP mehr, auch nicht zur Koordination der Behandlung; bei der CNS bleibt er der Referenzarzt des Patienten. Sie können ihn jederzeit wieder entsperren.`,
    reopened: 'Der DSP ist wieder geöffnet; die Entscheidungen des Patienten gelten wieder.',
    meanwhile:
      'Inzwischen anderswo geändert (anderes Gerät, der Patient oder ein anderer Assistent):',
  },
};

export default de;
