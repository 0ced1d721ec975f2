// The words of what is new since the user's last visit, in the viewer: the row badge, the filter
// and the announcement.
import { catalog } from '../i18n/catalog.js';
import { pluralRulesOf } from '../i18n/count.js';

const plural = pluralRulesOf('fr');

const fr = {
  /** On a row added or changed since the last visit. */
  badge: 'nouveau',
  newOnly: (formatted: string) => `Nouveaux seulement (${formatted})`,
  announce: (count: number, formatted: string, since: string) =>
    plural.select(count) === 'one'
      ? `${formatted} nouveau document depuis votre dernière visite, le ${since}.`
      : `${formatted} nouveaux documents depuis votre dernière visite, le ${since}.`,
};

export type NewSinceMessages = typeof fr;

export const newSinceMessages = catalog(fr, {
  de: () => import('./new-since.messages.de.js'),
  en: () => import('./new-since.messages.en.js'),
  lb: () => import('./new-since.messages.lb.js'),
});
