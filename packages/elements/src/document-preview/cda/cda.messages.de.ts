// The CDA renderer's words in German.
import type { CdaMessages } from './cda.messages.js';

const de: CdaMessages = {
  details: 'Angaben zum Dokument',
  contents: 'Inhalt',
  untitledSection: 'Abschnitt ohne Titel',
  title: 'Titel',
  type: 'Typ',
  dspType: 'DSP-Typ',
  date: 'Datum',
  confidentiality: 'Vertraulichkeit',
  language: 'Sprache',
  patient: 'Patient',
  birthDate: 'Geboren am',
  sex: 'Geschlecht',
  sexes: { F: 'weiblich', M: 'männlich', UN: 'unbestimmt' },
  identifier: 'Kennung',
  matricule: 'Matrikelnummer',
  authors: 'Autoren',
  custodian: 'Verwahrende Organisation',
  legalAuthenticator: 'Freigegeben von',
  signedOn: (date) => `unterzeichnet am ${date}`,
  informants: 'Auskunftspersonen',
  participants: 'Beteiligte',
  serviceEvent: 'Dokumentierte Leistung',
  encounter: 'Behandlungsfall',
  location: 'Ort',
  period: (start, end) => `vom ${start} bis ${end}`,
  related: {
    RPLC: 'Ersetzt das Dokument',
    APND: 'Ergänzt das Dokument',
    XFRM: 'Umgewandelt aus dem Dokument',
  },
  relatedOther: 'Verknüpftes Dokument',
  high: 'erhöht',
  low: 'erniedrigt',
  abnormal: 'auffällig',
  newTab: '(öffnet in einem neuen Tab)',
  attachment: (type) => `Anhang (${type}): herunterladen`,
  image: 'Bild',
  table: (n) => `Tabelle ${n}`,
  imageMissing: 'Bild fehlt im Dokument',
  remoteNotLoaded: 'Externer Inhalt, nicht geladen',
  noContent: 'Dieses Dokument enthält keinen anzeigbaren Inhalt.',
  notLoaded:
    'Die Anzeige für CDA-Dokumente konnte nicht geladen werden. Laden Sie das Dokument herunter.',
  problems: {
    'too-large': 'Dieses Dokument ist zu groß, um hier angezeigt zu werden.',
    doctype:
      'Dieses Dokument enthält eine DOCTYPE- oder Entity-Deklaration, was ein CDA-Dokument nie tut: Es wird nicht angezeigt.',
    malformed: 'Dieses Dokument ist kein wohlgeformtes XML und kann nicht angezeigt werden.',
    'too-deep': 'Dieses Dokument verschachtelt zu viele Elemente, um hier angezeigt zu werden.',
    'too-slow': 'Das Lesen dieses Dokuments dauert zu lange: Es wird nicht angezeigt.',
    'not-cda': 'Diese XML-Datei ist kein CDA-Dokument und kann hier nicht angezeigt werden.',
    'wrong-namespace':
      'Dieses Dokument gibt sich als CDA aus, verwendet aber nicht den HL7-v3-Namensraum: Es wird nicht angezeigt.',
  },
  downloadInstead: 'Sie können es herunterladen, um es zu prüfen.',
};

export default de;
