// The words of what is new since the user's last visit, in German.
import { pluralRulesOf } from '../i18n/count.js';
import type { NewSinceMessages } from './new-since.messages.js';

const plural = pluralRulesOf('de');

const de: NewSinceMessages = {
  badge: 'neu',
  newOnly: (formatted) => `Nur neue (${formatted})`,
  announce: (count, formatted, since) =>
    plural.select(count) === 'one'
      ? `${formatted} neues Dokument seit Ihrem letzten Besuch am ${since}.`
      : `${formatted} neue Dokumente seit Ihrem letzten Besuch am ${since}.`,
};

export default de;
