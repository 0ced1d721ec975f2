// The words of the access-rights panel's confidentiality choice: a document's level (N, R, V),
// who sees R and V (said to the patient, or about the patient to an assistant), and each save.
import { catalog } from '../i18n/catalog.js';

const fr = {
  levels: 'Confidentialité des documents',
  levelsHelp:
    'Restreint (R) : seuls les professionnels avec un accès étendu le voient. Très restreint (V) : seuls son auteur, vous et, selon les règles du DSP, votre médecin référent le voient.',
  levelDocument: 'Document',
  levelChoice: 'Confidentialité',
  levelOption: (title: string, level: string) => `${title} — ${level}`,
  saveLevel: 'Enregistrer la confidentialité',
  levelSaving: 'Enregistrement de la confidentialité…',
  levelSaved: (title: string, level: string) => `« ${title} » est maintenant ${level}.`,
  levelFailed: 'La confidentialité n’a pas été modifiée.',
  levelMeanwhile: (level: string, chosen: string) =>
    `Ce document a été modifié entre-temps ailleurs : sa confidentialité est maintenant ${level}. Rien n’a été écrasé ; votre choix (${chosen}) est gardé : enregistrez-le de nouveau pour l’appliquer.`,
  levelVetoed: 'L’application a refusé cette modification.',
  levelsHelpAssistant:
    'Restreint (R) : seuls les professionnels avec un accès étendu le voient. Très restreint (V) : seuls son auteur, le patient et, selon les règles du DSP, son médecin référent le voient.',
  untitled: 'Document sans titre',
  chooseNone: 'Choisir un document',
};

export type LevelsMessages = typeof fr;

export const levelsMessages = catalog(fr, {
  de: () => import('./document-levels.messages.de.js'),
  en: () => import('./document-levels.messages.en.js'),
  lb: () => import('./document-levels.messages.lb.js'),
});
