// The words of the viewer's document actions: replace, withdraw (with its undo), correct (with
// its conflict), confidentiality, and the earlier versions.
import { catalog } from '../i18n/catalog.js';
import type { CorrectionField } from './correction.js';

const fr = {
  label: 'Actions sur le document',
  replace: 'Remplacer par une nouvelle version',
  withdraw: 'Retirer',
  correct: 'Corriger',
  confidentiality: 'Confidentialité',
  confidentialitySaved: (level: string) => `Confidentialité enregistrée : ${level}.`,
  confidentialityFailed: 'La confidentialité n’a pas été modifiée.',
  vetoed: 'L’application a refusé cette action.',
  readOnly: 'Cette version a été remplacée ou retirée : elle se consulte sans modification.',
  versions: (count: number) =>
    count === 1 ? '1 version antérieure' : `${count} versions antérieures`,
  versionsLoading: 'Recherche des versions antérieures…',
  versionsFailed: 'Les versions antérieures n’ont pas pu être chargées.',
  untitled: 'Document sans titre',
  replacedOn: (date: string, by: string | undefined) =>
    by ? `remplacée le ${date} par ${by}` : `remplacée le ${date}`,
  withdrawDialog: {
    title: 'Retirer ce document',
    explain:
      'Le document sera marqué « saisi par erreur » et disparaîtra de toutes les listes. Le journal d’accès enregistre qui l’a retiré, quand et pourquoi.',
    reason: 'Motif du retrait (obligatoire)',
    reasonMissing: 'Indiquez le motif du retrait.',
    confirm: 'Retirer le document',
  },
  pending: (seconds: number) => `Le document sera retiré dans ${seconds} secondes.`,
  undo: 'Annuler le retrait',
  undone: 'Retrait annulé : le document reste dans le DSP.',
  withdrawFailed: 'Le document n’a pas été retiré.',
  cancel: 'Annuler',
  correctDialog: {
    title: 'Corriger le document',
    save: 'Enregistrer la correction',
    reapply: 'Appliquer mes modifications à la version actuelle',
    conflict:
      'Ce document a été modifié entre-temps. Rien n’a été écrasé et vos saisies sont conservées.',
    current: 'Ce que dit la version actuelle :',
    nothingChanged: 'Aucune modification à enregistrer.',
    loading: 'Lecture du document…',
    failed: 'La correction n’a pas été enregistrée.',
    readFailed: 'Le document n’a pas pu être lu.',
    hiddenHelp: 'Par exemple jusqu’à ce que vous l’ayez expliqué au patient.',
    fields: {
      title: 'Titre',
      typeCode: 'Type de document',
      date: 'Date de l’acte',
      confidentiality: 'Confidentialité',
      hiddenFromPatient: 'Non visible par le patient',
    } satisfies Record<CorrectionField, string>,
    problems: {
      title: 'Indiquez un titre.',
      typeCode: 'Choisissez un type de document du DSP.',
      date: 'Indiquez une date valide, qui n’est pas dans le futur.',
    },
    yes: 'oui',
    no: 'non',
  },
  corrected: 'Correction enregistrée.',
  replaceDialog: {
    title: 'Remplacer par une nouvelle version',
    explain: (title: string) =>
      `Le nouveau document remplacera « ${title} », qui restera consultable comme version antérieure.`,
    close: 'Fermer',
  },
  replaced: 'Nouvelle version enregistrée.',
};

export type ActionsMessages = typeof fr;

export const actionsMessages = catalog(fr, {
  de: () => import('./document-actions.messages.de.js'),
  en: () => import('./document-actions.messages.en.js'),
  lb: () => import('./document-actions.messages.lb.js'),
});
