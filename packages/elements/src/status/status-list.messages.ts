// The worklist's own words (its rows use the badge's, in `status.messages.ts`).
import { catalog } from '../i18n/catalog.js';

const fr = {
  label: 'État des DSP des patients',
  loading: 'Vérification des DSP…',
  failed: 'Les états des DSP n’ont pas pu être lus.',
  tooMany: (max: number, count: number) =>
    `Une liste compte ${max} patients au plus ; elle en a ${count}.`,
  empty: 'Aucun patient dans la liste.',
  noId: (position: number, given: string) =>
    `L’entrée ${position} de la liste (${given}) n’a pas d’identifiant de patient.`,
};

export type StatusListMessages = typeof fr;

export const statusListMessages = catalog(fr, {
  de: () => import('./status-list.messages.de.js'),
  en: () => import('./status-list.messages.en.js'),
  lb: () => import('./status-list.messages.lb.js'),
});
