// The words of what is new since the user's last visit, in Luxembourgish.
import { pluralRulesOf } from '../i18n/count.js';
import type { NewSinceMessages } from './new-since.messages.js';

// Luxembourgish counts as German does (one, other); browsers without `lb` data use `de`'s rules.
const plural = pluralRulesOf('de');

const lb: NewSinceMessages = {
  badge: 'nei',
  newOnly: (formatted) => `Nëmmen nei (${formatted})`,
  announce: (count, formatted, since) =>
    plural.select(count) === 'one'
      ? `${formatted} neit Dokument zënter Ärem leschte Besuch den ${since}.`
      : `${formatted} nei Dokumenter zënter Ärem leschte Besuch den ${since}.`,
};

export default lb;
