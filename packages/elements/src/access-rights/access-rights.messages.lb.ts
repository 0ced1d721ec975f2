// The access-rights panel's words in Luxembourgish.
import type { AccessRightsMessages } from './access-rights.messages.js';

const lb: AccessRightsMessages = {
  label: 'Zougrëffsrechter op den DSP',
  loading: 'D’Zougrëffsrechter gi gelueden…',
  noPatient: 'Kee Patient ausgewielt.',
  failed: 'D’Zougrëffsrechter konnten net geluede ginn.',
  saveFailed: 'D’Ännerung gouf net gespäichert.',
  saving: 'Gëtt gespäichert…',
  readOnly: 'Just de Patient (oder säin DSP-Assistent) geréiert dës Rechter.',
  ownAccessOpen: (count) =>
    count === 1
      ? 'Dir hutt Zougrëff op dësen DSP: 1 Dokument ass fir Iech siichtbar.'
      : `Dir hutt Zougrëff op dësen DSP: ${count} Dokumenter si fir Iech siichtbar.`,
  ownAccessRefused: 'Dir hutt keen Zougrëff op dësen DSP.',
  ownAccessEmergency:
    'Am Noutfall kënnt Dir an der Dokumentelëscht en Zougrëff am Noutfall ufroen.',
  readOnlyDetail:
    'Dir kënnt se weder gesinn nach änneren. Ären Zougrëff op dësen DSP follegt de Choixe vum Patient an de Reegele vun Ärem Beruff; all Zougrëff steet a sengem Journal.',
  closedBanner: 'Dësen DSP ass zou: kee Gesondheetsberuff huet Zougrëff.',
  professionals: 'Gesondheetsberuffer',
  referent: 'Referenzdokter',
  referentHelp:
    'Bei der CNS gemellt, gesäit hien all Är Dokumenter, och déi verstoppten. Hie gëtt net hei geännert: wennt Iech un d’CNS.',
  noReferent: 'Bei der CNS ass kee Referenzdokter gemellt.',
  listLabel: 'Gesondheetsberuffer mat engem besonnesche Recht',
  noProfessionals: 'Dir hutt keen Gesondheetsberuff gespaart oder ausdrécklech erlaabt.',
  status: {
    none: 'Standardreegelen',
    blocked: 'Gespaart',
    granted: 'Ausdrécklechen Zougrëff',
    full: 'Vollen Zougrëff (och verstoppten Dokumenter)',
  },
  block: 'Spären',
  unblock: 'Entspären',
  grant: 'Erlaben',
  grantFull: 'Vollen Zougrëff ginn',
  revoke: 'Zougrëff ewechhuelen',
  extend: 'Op limitéiert Dokumenter erweideren',
  limit: 'Op normal Dokumenter limitéieren',
  extendedMark: 'erweidert (limitéiert Dokumenter mat dran)',
  grantLevel: 'Niveau vun neien Autorisatiounen',
  levelNormal: 'Normal: normal Dokumenter (N)',
  levelExtended: 'Erweidert: normal a limitéiert Dokumenter (N a R)',
  levelHelp:
    'En erweiderten Zougrëff ëmfaasst och Är limitéiert Dokumenter (R). Dëse Choix gëlt fir „Erlaben“ a „Vollen Zougrëff ginn“; eng bestoend Autorisatioun ännert Dir op hirer Zeil.',
  veryRestrictedHelp:
    'Keng Autorisatioun mécht Är streng vertraulech Dokumenter (V) op: just hiren Auteur, Dir an, no de Reegele vum DSP, Ären Referenzdokter gesinn se.',
  grantedExtended: 'Erweiderten Zougrëff: limitéiert Dokumenter mat dran.',
  search: 'Am Verzeechnes sichen',
  searchName: 'Numm',
  searchProfession: 'Beruff',
  anyProfession: 'All',
  searchButton: 'Sichen',
  searching: 'Gëtt gesicht…',
  noResults: 'Kee Gesondheetsberuff fonnt.',
  results: (count) =>
    count === 1 ? '1 Gesondheetsberuff fonnt' : `${count} Gesondheetsberuffer fonnt`,
  searchFailed: 'D’Sich am Verzeechnes huet net geklappt.',
  documents: 'Verstoppten Dokumenter',
  documentsHelp:
    'E verstoppten Dokument ass fir d’Gesondheetsberuffer onsiichtbar, ausser fir säin Auteur, Äre Referenzdokter an déi mat vollem Zougrëff.',
  noMasked: 'Keen Dokument ass verstoppt.',
  chooseDocument: 'Dokument fir ze verstoppen',
  chooseNone: 'Dokument wielen',
  mask: 'Verstoppen',
  unmask: 'Erëm weisen',
  untitled: 'Dokument ouni Titel',
  emergency: 'Zougrëff am Noutfall',
  emergencyHelp:
    'Am Noutfall kann e Gesondheetsberuff Ären DSP ouni Är Erlaabnes opmaachen („Break the Glass“) a muss e Grond uginn. Dësen Zougrëff gëllt 24 Stonnen, gëtt opgeschriwwen an Iech am Journal gewisen.',
  emergencyAllow: 'Zougrëff am Noutfall erlaben',
  emergencyRefuse: 'Zougrëff am Noutfall refuséieren',
  emergencyRefuseHelp:
    'Wann Dir refuséiert, kann eng Noutfallekipp Är Dokumenter net liesen, och wann Dir net schwätze kënnt.',
  openClose: 'DSP op oder zou',
  openState: 'Ären DSP ass op.',
  closedState: 'Ären DSP ass zou.',
  closeHelp:
    'Wann Dir den DSP zoumaacht, huet kee Gesondheetsberuff méi Zougrëff, och net de Referenzdokter oder am Noutfall. Är Dokumenter a Choixe bleiwen erhalen; beim Opmaache gëtt alles erëm hiergestallt.',
  reopenHelp:
    'Beim Opmaache ginn Är Spären, Erlaabnesser a verstoppten Dokumenter erëm esou wéi virdrun.',
  closeButton: 'DSP zoumaachen',
  reopenButton: 'DSP erëm opmaachen',
  closeDialog: 'Ären DSP zoumaachen?',
  confirmWord: 'ZOUMAACHEN',
  confirmLabel: (word) => `Tippt ${word} fir ze confirméieren`,
  confirmWrong: (word) => `D’Wuert ass net ${word}: näischt gouf zougemaach.`,
  confirmClose: 'Zoumaache confirméieren',
  cancel: 'Ofbriechen',
  assistant: 'DSP-Assistent',
  assistantHelp:
    'En DSP-Assistent huet déiselwecht Rechter wéi Dir: hie kann Ären DSP gesinn an dës Rechter an Ärem Numm geréieren.',
  assistants: 'Är DSP-Assistenten',
  noAssistant: 'Dir hutt keen DSP-Assistent.',
  assistantsLoading: 'D’DSP-Assistente gi gelueden…',
  assistantsFailed: 'D’DSP-Assistente konnten net geluede ginn.',
  removeAssistant: 'Ewechhuelen',
  addAssistant: 'En Assistent benennen',
  addAssistantHelp:
    'Den Assistent mellt sech mat senger eegener Identitéit un. Just de Patient benennt en Assistent; en Assistent kann sech selwer zréckzéien.',
  assistantGiven: 'Virnumm',
  assistantFamily: 'Familljennumm',
  assistantMatricule: 'Matricule (13 Zifferen)',
  addAssistantButton: 'Als Assistent benennen',
  addAssistantFailed: 'Den Assistent gouf net benannt.',
  assistantAlready: (who) => `${who} ass schonn Ären DSP-Assistent.`,
  assistantsOfPatient: 'Dem Patient seng DSP-Assistenten',
  you: '(Dir)',
  delegateNote:
    'Dir sidd DSP-Assistent vun dësem Patient. Just de Patient benennt oder hëlt aner Assistenten ewech; Dir kënnt Iech selwer zréckzéien.',
  withdrawSelf: 'Mech zréckzéien',
  withdrawSelfTitle: 'Iech als DSP-Assistent zréckzéien?',
  withdrawSelfHelp:
    'Dir hutt dann keen Zougrëff méi op dësen DSP an op seng Zougrëffsrechter, an Dir kënnt dat net réckgängeg maachen: just de Patient kann Iech erëm benennen.',
  withdrawSelfConfirm: 'Jo, mech zréckzéien',
  selfWithdrawn: 'Dir sidd net méi DSP-Assistent vun dësem Patient.',
  selfWithdrawnDetail:
    'Dir hutt keen Zougrëff méi op dësen DSP. Just de Patient kann Iech erëm benennen.',
  invalidUser: (value) =>
    `„${value}“ bezeechent net de ugemellte Benotzer: erwaart gëtt Patient/…, RelatedPerson/… oder Practitioner/… (oder d’URL vun enger vun dëse Ressourcen).`,
  fieldRequired: {
    given: 'Gitt de Virnumm vum Assistent un.',
    family: 'Gitt de Familljennumm vum Assistent un.',
    matricule: 'Gitt d’Matricule vum Assistent un (13 Zifferen).',
  },
  tooLong: (max) => `Héchstens ${max} Zeechen.`,
  matriculeProblem: {
    format: 'Eng Matricule huet just Zifferen.',
    length: (digits) => `Eng Matricule huet 13 Zifferen; dës huet der ${digits}.`,
    date: 'Déi éischt aacht Zifferen sinn keen Gebuertsdatum (JJJJMMDD).',
    luhn: 'Déi 12. Ziffer (Kontrollziffer) stëmmt net: kontrolléiert d’Matricule.',
    verhoeff: 'Déi 13. Ziffer (Kontrollziffer) stëmmt net: kontrolléiert d’Matricule.',
    self: 'Dat ass dem Patient seng Matricule: e Patient kann net säin eegenen Assistent sinn.',
  },
  pending: 'Nach net gespäichert:',
  pendingHelp:
    'Är Ännerung bleift hei. Probéiert et nach eng Kéier, soubal d’Verbindung erëm do ass, oder verwerft se.',
  discard: 'Dës Ännerung verwerfen',
  notSaved: 'net gespäichert',
  blockReferentTitle: 'Äre Referenzdokter spären?',
  blockReferentHelp: (who) =>
    `${who} ass Äre Referenzdokter, bei der CNS gemellt. Gespaart gesäit hie keen Dokument méi vun Ärem DSP, och net fir Är Fleeg ze koordinéieren; bei der CNS bleift hien Äre Referenzdokter. Dir kënnt hien all Moment erëm entspären.`,
  blockReferentConfirm: 'Trotzdeem spären',
  invalidActor: (id) =>
    `„${id}“ ass keen Identifiant vun engem Gesondheetsberuff (Practitioner/… oder PractitionerRole/…).`,
  otherRules: 'Aner Reegelen',
  otherRulesHelp:
    'Dës Reegele goufen anzwousch anescht festgeluecht, zum Beispill vun enger anerer Applikatioun. Si bleiwen a Kraaft: dëse Panel weist se, ännert se net a behält se bei all Späicheren.',
  ruleType: { permit: 'Erlaabnes', deny: 'Verbuet', other: 'Reegel' },
  ruleFor: (who) => `fir ${who}`,
  ruleDocuments: (titles) => `Dokumenter: ${titles}`,
  ruleSince: (date) => `vum ${date} un`,
  ruleUntil: (date) => `bis den ${date}`,
  rulePurpose: (purposes) => `Zweck: ${purposes}`,
  ruleMore: 'mat weidere Konditiounen',
  quote: (title) => `„${title}“`,
  changes: {
    block: (who) => `${who} ass gespaart.`,
    unblock: (who) => `${who} ass net méi gespaart.`,
    grant: (who) => `${who} huet ausdrécklechen Zougrëff.`,
    'grant-full': (who) => `${who} huet vollen Zougrëff.`,
    extend: (who) => `${who} gesäit elo och Är limitéiert Dokumenter (erweiderten Zougrëff).`,
    limit: (who) => `${who} gesäit Är limitéiert Dokumenter net méi (normalen Zougrëff).`,
    revoke: (who) => `${who} huet keen besonneschen Zougrëff méi.`,
    mask: (title) => `„${title}“ ass verstoppt.`,
    unmask: (title) => `„${title}“ ass net méi verstoppt.`,
    'break-glass-allowed': () => 'Den Zougrëff am Noutfall ass erlaabt.',
    'break-glass-refused': () => 'Den Zougrëff am Noutfall ass refuséiert.',
    close: () => 'Den DSP ass zou.',
    reopen: () => 'Den DSP ass erëm op; Är Choixe gëllen erëm.',
    'add-assistant': (who) => `${who} ass elo Ären DSP-Assistent.`,
    'remove-assistant': (who) => `${who} ass net méi Ären DSP-Assistent.`,
  },
  meanwhile: 'An der Tëschenzäit soss anzwousch geännert (aneren Apparat oder Assistent):',
  reapplied: 'Är Ännerung gouf zousätzlech gemaach.',
  alreadyDone: 'Är Ännerung war schonn do.',
  undo: 'Dës Ännerung réckgängeg maachen',
  undone: 'Ännerung réckgängeg gemaach.',
  dismiss: 'Message verstoppen',
  toAssistant: {
    levelHelp:
      'En erweiderten Zougrëff ëmfaasst och déi limitéiert Dokumenter (R) vum Patient. Dëse Choix gëlt fir „Erlaben“ a „Vollen Zougrëff ginn“; eng bestoend Autorisatioun gëtt op hirer Zeil geännert.',
    veryRestrictedHelp:
      'Keng Autorisatioun mécht déi streng vertraulech Dokumenter (V) vum Patient op: just hiren Auteur, de Patient an, no de Reegele vum DSP, säin Referenzdokter gesinn se.',
    extended: (who) =>
      `${who} gesäit elo och déi limitéiert Dokumenter vum Patient (erweiderten Zougrëff).`,
    limited: (who) =>
      `${who} gesäit déi limitéiert Dokumenter vum Patient net méi (normalen Zougrëff).`,
    referentHelp:
      'Bei der CNS gemellt, gesäit hien all d’Dokumenter vum Patient, och déi verstoppten. Hie gëtt net hei geännert: de Patient wennt sech un d’CNS.',
    noProfessionals: 'Kee Gesondheetsberuff ass gespaart oder ausdrécklech erlaabt.',
    documentsHelp:
      'E verstoppten Dokument ass fir d’Gesondheetsberuffer onsiichtbar, ausser fir säin Auteur, de Referenzdokter vum Patient an déi mat vollem Zougrëff.',
    emergencyHelp:
      'Am Noutfall kann e Gesondheetsberuff dësen DSP ouni d’Erlaabnes vum Patient opmaachen („Break the Glass“) a muss e Grond uginn. Dësen Zougrëff gëllt 24 Stonnen, gëtt opgeschriwwen an am Journal gewisen.',
    emergencyRefuseHelp:
      'Gëtt den Zougrëff am Noutfall refuséiert, kann eng Noutfallekipp d’Dokumenter vum Patient net liesen, och wann hien net schwätze kann.',
    openState: (patient) =>
      patient ? `Den DSP vum Patient ${patient} ass op.` : 'Dësen DSP ass op.',
    closedState: (patient) =>
      patient ? `Den DSP vum Patient ${patient} ass zou.` : 'Dësen DSP ass zou.',
    closeHelp:
      'Wann den DSP zougemaach gëtt, huet kee Gesondheetsberuff méi Zougrëff, och net de Referenzdokter oder am Noutfall. D’Dokumenter an d’Choixe vum Patient bleiwen erhalen; beim Opmaache gëtt alles erëm hiergestallt.',
    reopenHelp:
      'Beim Opmaache ginn d’Spären, Erlaabnesser a verstoppten Dokumenter vum Patient erëm esou wéi virdrun.',
    closeDialog: (patient) =>
      patient ? `Den DSP vum Patient ${patient} zoumaachen?` : 'Dësen DSP zoumaachen?',
    blockReferentTitle: (patient) =>
      patient
        ? `De Referenzdokter vum Patient ${patient} spären?`
        : 'De Referenzdokter vum Patient spären?',
    blockReferentHelp: (who) =>
      `${who} ass de Referenzdokter vum Patient, bei der CNS gemellt. Gespaart gesäit hie keen Dokument méi vun dësem DSP, och net fir d’Fleeg vum Patient ze koordinéieren; bei der CNS bleift hien de Referenzdokter vum Patient. Dir kënnt hien all Moment erëm entspären.`,
    reopened: 'Den DSP ass erëm op; d’Choixe vum Patient gëllen erëm.',
    meanwhile:
      'An der Tëschenzäit soss anzwousch geännert (aneren Apparat, de Patient oder en aneren Assistent):',
  },
};

export default lb;
