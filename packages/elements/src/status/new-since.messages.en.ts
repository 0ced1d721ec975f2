// The words of what is new since the user's last visit, in English.
import { pluralRulesOf } from '../i18n/count.js';
import type { NewSinceMessages } from './new-since.messages.js';

const plural = pluralRulesOf('en');

const en: NewSinceMessages = {
  badge: 'new',
  newOnly: (formatted) => `New only (${formatted})`,
  announce: (count, formatted, since) =>
    plural.select(count) === 'one'
      ? `${formatted} new document since your last visit on ${since}.`
      : `${formatted} new documents since your last visit on ${since}.`,
};

export default en;
