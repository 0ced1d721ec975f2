// The words of <dsp-status> and <dsp-status-list>: a short mark to see, a full sentence to hear.
import { catalog } from '../i18n/catalog.js';
import { pluralRulesOf } from '../i18n/count.js';

const plural = pluralRulesOf('fr');

const fr = {
  loading: 'Vérification du DSP…',
  /** The compact mark, seen beside the patient's name. */
  mark: {
    open: 'DSP',
    closed: 'DSP fermé',
    unknown: 'Pas de DSP',
    blocked: 'DSP bloqué',
    noAccess: 'DSP sans accès',
    emergency: 'DSP urgence',
    failed: 'DSP ?',
  },
  /** Each part of the full sentence a screen reader says. */
  record: {
    open: 'DSP ouvert.',
    closed: 'DSP fermé par le patient.',
    closedSince: (date: string) => `DSP fermé par le patient depuis le ${date}.`,
    unknown: 'Aucun DSP pour ce patient.',
    failed: 'L’état du DSP n’a pas pu être lu.',
  },
  access: {
    own: 'C’est votre DSP.',
    full: 'Votre accès : complet.',
    normal: 'Votre accès : normal.',
    emergency: (until: string) => `Votre accès : en urgence jusqu’au ${until}.`,
    emergencyNoEnd: 'Votre accès : en urgence.',
    blocked: 'Votre accès : bloqué par le patient.',
    'no-grant': 'Le patient ne vous a pas donné accès.',
    'not-own-record': 'Ce DSP n’est pas le vôtre.',
    agency: 'Accès aux statistiques seulement.',
    other: 'Accès refusé.',
  },
  emergency: {
    available: 'Accès en urgence possible.',
    allowed: 'Accès en urgence autorisé.',
    refused: 'Accès en urgence refusé par le patient.',
  },
  newSince: (count: number, formatted: string) =>
    count === 0
      ? 'Rien de nouveau depuis votre dernière visite.'
      : plural.select(count) === 'one'
        ? `${formatted} nouveau document depuis votre dernière visite.`
        : `${formatted} nouveaux documents depuis votre dernière visite.`,
  /** The count beside the mark, e.g. `3 nouv.`. */
  newMark: (formatted: string) => `${formatted} nouv.`,
  offline: (date: string) => `Hors ligne : état du ${date}.`,
  offlineMark: 'hors ligne',
  open: 'Ouvrir le DSP.',
};

export type StatusMessages = typeof fr;

export const statusMessages = catalog(fr, {
  de: () => import('./status.messages.de.js'),
  en: () => import('./status.messages.en.js'),
  lb: () => import('./status.messages.lb.js'),
});
