// The document uploader's words; the other languages load when a page first speaks them.
import { catalog } from '../i18n/catalog.js';

const fr = {
  label: 'Ajouter des documents au DSP',
  drop: 'Déposez des fichiers ici, collez-les, ou',
  choose: 'Choisir des fichiers',
  empty: 'Aucun fichier choisi.',
  file: 'Fichier',
  type: 'Type de document',
  chooseType: 'Choisir un type',
  typeList: 'Types de document',
  showTypes: 'Afficher les types',
  typeCount: (n: number) =>
    n === 0 ? 'Aucun type ne correspond.' : n === 1 ? '1 type proposé.' : `${n} types proposés.`,
  usePatientType: (type: string) => `Utiliser « ${type} »`,
  unnamed: 'Fichier sans nom',
  facilityType: 'Type d’établissement',
  practiceSetting: 'Spécialité',
  clear: 'Vider la liste',
  className: 'Classe',
  title: 'Titre',
  date: 'Date de l’acte',
  confidentiality: 'Confidentialité',
  language: 'Langue du document',
  masked: 'Masqué aux professionnels',
  hidden: 'Non visible par le patient avant explication',
  /** Over the panel opened to replace a document (its `replaces`). */
  replacing: (title: string) =>
    `Nouvelle version de « ${title} » : le document envoyé le remplace, l’ancien reste consultable parmi les versions antérieures.`,
  cancelReplace: 'Annuler le remplacement',
  replaceCancelled: 'Remplacement annulé : les fichiers seront envoyés comme nouveaux documents.',
  /** In a row that replaces a document: which one, read-only. */
  replacesNote: (title: string) => `Nouvelle version de « ${title} ».`,
  replaceFailed: 'La nouvelle version n’a pas été envoyée ; l’ancienne reste en vigueur.',
  send: 'Envoyer',
  cancel: 'Annuler',
  retry: 'Réessayer',
  remove: 'Retirer',
  /** The status of a file that is refused (its problem says why): it will not be sent. */
  refused: 'Fichier refusé',
  /** Under a CDA's row: its header filled the form; the patient it names could not be checked. */
  prefilled: 'Champs préremplis depuis le document CDA : vérifiez-les, ils restent modifiables.',
  patientUnconfirmed:
    'Le document CDA ne nomme pas ce patient par un identifiant vérifiable (matricule) : assurez-vous qu’il s’agit bien de son document avant de l’envoyer.',
  /** The authors a CDA names, beside the sender (see upload-authors.ts). */
  authorsNote:
    'Le document CDA nomme son auteur : il est envoyé comme coauteur, vous restez l’auteur qui dépose le document.',
  cdaAuthor: (n: number, count: number) =>
    count > 1 ? `Auteur ${n} selon le document CDA` : 'Auteur selon le document CDA',
  authorName: 'Nom de l’auteur',
  authorOrganization: 'Organisation de l’auteur',
  authorIdentifier: (value: string, system: string) => `Identifiant ${value} (${system})`,
  authorUnnamedNote:
    'Le document ne donne pas le nom de cet auteur : il sera envoyé sous son identifiant ou son organisation, à moins que vous ne saisissiez son nom.',
  removeAuthor: 'Retirer cet auteur',
  sentCount: (n: number) => (n === 1 ? '1 document envoyé.' : `${n} documents envoyés.`),
  closeSummary: 'Fermer le récapitulatif',
  noAuthor: 'Aucun auteur (attribut author) : les documents ne peuvent pas être envoyés.',
  noPatient: 'Aucun patient sélectionné.',
  failed: 'Le document n’a pas été envoyé.',
  waitingNote: 'En attente du réseau : l’envoi reprendra de lui-même.',
  uploadProgress: 'Progression de l’envoi',
  /** A row waiting for its next automatic attempt: why, and when (see retry-note.ts). */
  retryWait: {
    busy: (when: string) => `Serveur occupé : nouvel essai ${when}.`,
    failed: (when: string) => `Envoi interrompu : nouvel essai ${when}.`,
    inSeconds: (seconds: number) => (seconds === 1 ? 'dans 1 seconde' : `dans ${seconds} secondes`),
    at: (time: string) => `à ${time}`,
  },
  status: {
    checking: 'Vérification…',
    hashing: 'Calcul de l’empreinte…',
    ready: 'Prêt à envoyer',
    invalid: 'À corriger',
    waiting: 'En attente du réseau',
    sending: 'Envoi…',
    retrying: 'Nouvel essai dans un instant…',
    sent: 'Envoyé',
    failed: 'Échec de l’envoi',
    cancelled: 'Envoi annulé',
  },
  problems: {
    authorUnnamed:
      'Un auteur n’a plus ni nom, ni identifiant, ni organisation : complétez-le ou retirez-le.',
    executable:
      'Ce fichier est un programme, pas un document : il n’est pas accepté, quel que soit son nom.',
    html: 'Ce fichier est une page web (HTML), pas un document : il n’est pas accepté, quel que soit son nom.',
    typeUnknown: 'Ce type ne fait pas partie des 27 types du DSP : choisissez-en un dans la liste.',
    typeNoMatch: (text: string) =>
      `« ${text} » n’est pas un type du DSP : choisissez-en un dans la liste.`,
    patientType: 'Un patient ne peut ajouter que des documents « Expression du titulaire ».',
    untitledFile: 'Ce fichier n’a pas de nom : donnez un titre au document.',
    dateInvalid: 'Cette date n’existe pas : saisissez-la sous la forme jj/mm/aaaa.',
    futureDate: 'La date de l’acte ne peut pas être dans le futur.',
    confidentialityInvalid:
      'Choisissez une confidentialité : normale, restreinte ou très restreinte.',
    flagsProfessionalOnly:
      'Seul un professionnel peut masquer un document ou le cacher au patient.',
    empty: 'Ce fichier est vide.',
    tooLarge: (max: string) => `Ce fichier dépasse la taille maximale (${max}).`,
    unknownType:
      'Le contenu de ce fichier n’est ni un PDF, ni une image JPEG, PNG ou TIFF, ni du texte.',
    typeNotAllowed: 'Ce type de fichier n’est pas accepté.',
    duplicate: 'Ce fichier est déjà dans la liste.',
    inDsp: 'Ce fichier est déjà dans le DSP de ce patient (même contenu).',
    otherPatient:
      'Ce document CDA concerne un autre patient (son identifiant ne correspond pas) : il n’est pas envoyé, un document mal classé dans un dossier national est un risque pour les patients.',
    cdaEntities:
      'Ce document CDA déclare un DOCTYPE ou des entités, ce qu’un CDA ne fait jamais : il n’est pas lu ni envoyé.',
    cdaTooComplex:
      'Ce document CDA est trop volumineux ou trop imbriqué pour être lu : il n’est pas envoyé.',
    cdaMalformed: 'Ce document CDA n’est pas du XML bien formé : il n’est pas envoyé.',
    typeRequired: 'Choisissez le type du document.',
    titleRequired: 'Indiquez un titre.',
    bothFlags:
      'Un document ne peut pas être à la fois masqué aux professionnels et caché au patient.',
    replaces: 'Cet identifiant de document n’est pas valide.',
  },
};

export type UploaderMessages = typeof fr;

export const uploaderMessages = catalog(fr, {
  de: () => import('./document-uploader.messages.de.js'),
  en: () => import('./document-uploader.messages.en.js'),
  lb: () => import('./document-uploader.messages.lb.js'),
});
