// The CDA renderer's words (French, the shape of every language); loaded with the renderer.
import type { Catalog } from '../../i18n/catalog.js';
import { catalog } from './cda-runtime.js';

const fr = {
  details: 'Détails du document',
  contents: 'Sommaire',
  untitledSection: 'Section sans titre',
  title: 'Titre',
  type: 'Type',
  dspType: 'Type DSP',
  date: 'Date',
  confidentiality: 'Confidentialité',
  language: 'Langue',
  patient: 'Patient',
  birthDate: 'Né(e) le',
  sex: 'Sexe',
  sexes: { F: 'féminin', M: 'masculin', UN: 'indéterminé' } as Record<string, string>,
  identifier: 'Identifiant',
  matricule: 'Matricule',
  authors: 'Auteurs',
  custodian: 'Organisation responsable',
  legalAuthenticator: 'Validé par',
  signedOn: (date: string) => `signé le ${date}`,
  informants: 'Informateurs',
  participants: 'Participants',
  serviceEvent: 'Acte documenté',
  encounter: 'Prise en charge',
  location: 'Lieu',
  period: (start: string, end: string) => `du ${start} au ${end}`,
  related: {
    RPLC: 'Remplace le document',
    APND: 'Complète le document',
    XFRM: 'Transformé du document',
  } as Record<string, string>,
  relatedOther: 'Document lié',
  high: 'élevé',
  low: 'bas',
  abnormal: 'anormal',
  newTab: '(s’ouvre dans un nouvel onglet)',
  attachment: (type: string) => `Pièce jointe (${type}) : télécharger`,
  image: 'Image',
  table: (n: number) => `Tableau ${n}`,
  imageMissing: 'Image absente du document',
  remoteNotLoaded: 'Contenu externe, non chargé',
  noContent: 'Ce document ne contient aucun contenu affichable.',
  notLoaded: 'L’afficheur de documents CDA n’a pas pu être chargé. Téléchargez le document.',
  problems: {
    'too-large': 'Ce document est trop volumineux pour être affiché ici.',
    doctype:
      'Ce document contient une déclaration DOCTYPE ou des entités, ce qu’un document CDA ne contient jamais : il n’est pas affiché.',
    malformed: 'Ce document n’est pas un XML valide : il ne peut pas être affiché.',
    'too-deep': 'Ce document imbrique trop d’éléments pour être affiché ici.',
    'too-slow': 'La lecture de ce document prend trop de temps : il n’est pas affiché.',
    'not-cda': 'Ce fichier XML n’est pas un document CDA : il ne peut pas être affiché ici.',
    'wrong-namespace':
      'Ce document se présente comme un CDA mais n’utilise pas l’espace de noms HL7 v3 : il n’est pas affiché.',
  },
  downloadInstead: 'Vous pouvez le télécharger pour l’examiner.',
  print: 'Imprimer',
  rowsShown: (shown: string, total: string) => `Affichage de ${shown} lignes sur ${total}`,
  showAllRows: 'Afficher toutes les lignes',
};

export type CdaMessages = typeof fr;

let made: Catalog<CdaMessages> | undefined;

/** The catalog, made once the renderer is installed (`catalog` comes from the page). */
export function cdaMessages(): Catalog<CdaMessages> {
  return (made ??= catalog(fr, {
    de: () => import('./cda.messages.de.js'),
    en: () => import('./cda.messages.en.js'),
    lb: () => import('./cda.messages.lb.js'),
  }));
}
