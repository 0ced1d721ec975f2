// The document uploader's words in Luxembourgish.
import type { UploaderMessages } from './document-uploader.messages.js';

/**
 * "an" before a number spoken from a vowel or d, n, t, z, h, else "a": its first spoken word is
 * its units (`fënnefanzwanzeg`), or its tens when it has none; of the digits, 4 to 7 (véier,
 * fënnef, sechs, siwen) start with a consonant that drops the n.
 */
function eifel(n: number): string {
  const spokenFirst = n % 10 === 0 ? Math.floor(n / 10) % 10 : n % 10;
  return spokenFirst >= 4 && spokenFirst <= 7 ? 'a' : 'an';
}

const lb: UploaderMessages = {
  label: 'Dokumenter an den DSP derbäisetzen',
  drop: 'Fichieren hei ofleeën, apechen, oder',
  choose: 'Fichieren auswielen',
  empty: 'Kee Fichier ausgewielt.',
  file: 'Fichier',
  type: 'Dokumententyp',
  chooseType: 'Typ auswielen',
  typeList: 'Dokumententypen',
  showTypes: 'Typen uweisen',
  typeCount: (n) =>
    n === 0 ? 'Keen Typ passt.' : n === 1 ? '1 Typ proposéiert.' : `${n} Typen proposéiert.`,
  usePatientType: (type) => `„${type}“ benotzen`,
  unnamed: 'Fichier ouni Numm',
  facilityType: 'Aart vun Etablissement',
  practiceSetting: 'Spezialitéit',
  clear: 'Lëscht eidel maachen',
  className: 'Klass',
  title: 'Titel',
  date: 'Datum vum Akt',
  confidentiality: 'Vertraulechkeet',
  language: 'Sprooch vum Dokument',
  masked: 'Fir d’Professionnellen verstoppt',
  hidden: 'Fir de Patient bis zur Erklärung net sichtbar',
  replacing: (title) =>
    `Nei Versioun vun „${title}“: dat geschéckt Dokument ersetzt et, dat aalt bleift ënnert de fréiere Versiounen ze liesen.`,
  cancelReplace: 'Ersetzen ofbriechen',
  replaceCancelled: 'Ersetzen ofgebrach: d’Fichiere gi wéi nei Dokumenter geschéckt.',
  replacesNote: (title) => `Nei Versioun vun „${title}“.`,
  replaceFailed: 'Déi nei Versioun gouf net geschéckt; déi aal bleift gëlteg.',
  send: 'Schécken',
  cancel: 'Ofbriechen',
  retry: 'Nach eng Kéier probéieren',
  remove: 'Ewechhuelen',
  refused: 'Fichier refuséiert',
  prefilled: 'Felder aus dem CDA-Dokument virausgefëllt: iwwerpréift se, si bleiwen ännerbar.',
  patientUnconfirmed:
    'D’CDA-Dokument nennt dëse Patient mat kengem Identifiant, deen een iwwerpréiwe kann (Matricule): vergewëssert Iech virum Schécken, datt et säin Dokument ass.',
  authorsNote:
    'De CDA-Dokument nennt säin Auteur: E gëtt als Matauteur geschéckt; Dir bleift den Auteur, deen d’Dokument ofleet.',
  cdaAuthor: (n, count) =>
    count > 1 ? `Auteur ${n} laut dem CDA-Dokument` : 'Auteur laut dem CDA-Dokument',
  authorName: 'Numm vum Auteur',
  authorOrganization: 'Organisatioun vum Auteur',
  authorIdentifier: (value, system) => `Identifiant ${value} (${system})`,
  authorUnnamedNote:
    'D’Dokument gëtt den Numm vun dësem Auteur net un: E gëtt ënner sengem Identifiant oder senger Organisatioun geschéckt, ausser Dir gitt säin Numm an.',
  removeAuthor: 'Dësen Auteur ewechhuelen',
  sentCount: (n) => (n === 1 ? '1 Dokument geschéckt.' : `${n} Dokumenter geschéckt.`),
  closeSummary: 'Iwwersiicht zoumaachen',
  noAuthor: 'Keen Auteur (Attribut author): d’Dokumenter kënnen net geschéckt ginn.',
  noPatient: 'Kee Patient ausgewielt.',
  failed: 'D’Dokument gouf net geschéckt.',
  waitingNote: 'Waart op de Reseau: d’Schécken fänkt vu selwer erëm un.',
  uploadProgress: 'Fortschrëtt vum Schécken',
  retryWait: {
    busy: (when) => `Server iwwerlaascht – neie Versuch ${when}.`,
    failed: (when) => `Schécken ënnerbrach – neie Versuch ${when}.`,
    // "an" or "a" as the number is spoken (the Eifel rule): an 3, a 5, an 20, a 45.
    inSeconds: (seconds) =>
      seconds === 1 ? 'an enger Sekonn' : `${eifel(seconds)} ${seconds} Sekonnen`,
    at: (time) => `um ${time} Auer`,
  },
  status: {
    checking: 'Gëtt iwwerpréift…',
    hashing: 'Préifzomm gëtt berechent…',
    ready: 'Prett fir ze schécken',
    invalid: 'Ze korrigéieren',
    waiting: 'Waart op de Reseau',
    sending: 'Gëtt geschéckt…',
    retrying: 'Nei probéieren a Kürzt…',
    sent: 'Geschéckt',
    failed: 'Schécken ass feelgeschloen',
    cancelled: 'Schécken ofgebrach',
  },
  problems: {
    authorUnnamed:
      'En Auteur huet weder Numm nach Identifiant nach Organisatioun méi: Ergänzt en oder huelt en ewech.',
    executable:
      'Dëse Fichier ass e Programm, keen Dokument: en gëtt net ugeholl, egal wéi en heescht.',
    html: 'Dëse Fichier ass eng Websäit (HTML), keen Dokument: en gëtt net ugeholl, egal wéi en heescht.',
    typeUnknown: 'Dësen Typ gehéiert net zu den 27 DSP-Typen: wielt een aus der Lëscht.',
    typeNoMatch: (text) => `„${text}“ ass keen DSP-Typ: wielt een aus der Lëscht.`,
    patientType: 'E Patient kann nëmmen Dokumenter vum Typ „Expression du titulaire“ derbäisetzen.',
    untitledFile: 'Dëse Fichier huet keen Numm: gitt dem Dokument en Titel.',
    dateInvalid: 'Dësen Datum gëtt et net: gitt en als DD.MM.JJJJ an.',
    futureDate: 'Den Datum vum Akt kann net an der Zukunft leien.',
    confidentialityInvalid: 'Wielt eng Vertraulechkeet: normal, ageschränkt oder ganz ageschränkt.',
    flagsProfessionalOnly:
      'Nëmmen e Professionnel kann en Dokument verstoppen oder virum Patient verbergen.',
    empty: 'Dëse Fichier ass eidel.',
    tooLarge: (max) => `Dëse Fichier ass iwwer der maximaler Gréisst (${max}).`,
    unknownType:
      'Den Inhalt vun dësem Fichier ass keen PDF, keen JPEG-, PNG- oder TIFF-Bild an keen Text.',
    typeNotAllowed: 'Dësen Typ vu Fichier gëtt net ugeholl.',
    duplicate: 'Dëse Fichier ass schonn an der Lëscht.',
    inDsp: 'Dëse Fichier ass schonn am DSP vun dësem Patient (selwechten Inhalt).',
    otherPatient:
      'Dëst CDA-Dokument betrëfft en anere Patient (säin Identifiant stëmmt net iwwereneen): et gëtt net geschéckt, well e falsch ofgeluechtent Dokument an engem nationalen Dossier d’Patiente gefärdt.',
    cdaEntities:
      'Dëst CDA-Dokument deklaréiert en DOCTYPE oder Entitéiten, wat e CDA ni mécht: et gëtt weder gelies nach geschéckt.',
    cdaTooComplex:
      'Dëst CDA-Dokument ass ze grouss oder ze déif verschachtelt fir gelies ze ginn: et gëtt net geschéckt.',
    cdaMalformed: 'Dëst CDA-Dokument ass kee wuelgeformten XML: et gëtt net geschéckt.',
    typeRequired: 'Wielt den Typ vum Dokument.',
    titleRequired: 'Gitt en Titel un.',
    bothFlags:
      'En Dokument kann net gläichzäiteg fir d’Professionnellen verstoppt a fir de Patient onsichtbar sinn.',
    replaces: 'Dësen Identifiant ass net gëlteg.',
  },
};

export default lb;
