// The words of <dsp-emergency-alerts> in Luxembourgish.
import { pluralRulesOf } from '../i18n/count.js';
import type { EmergencyAlertsMessages } from './emergency-alerts.messages.js';

// Luxembourgish counts as German does (one, other); browsers without `lb` data use `de`'s rules.
const plural = pluralRulesOf('de');

const lb: EmergencyAlertsMessages = {
  title: (count) =>
    plural.select(count) === 'one'
      ? 'En Noutfallzougrëff op Ären DSP'
      : `${count} Noutfallzougrëffer op Ären DSP`,
  intro: 'Zënter Ärer leschter Bestätegung huet e Fachmann Ären DSP am Noutfall opgemaach.',
  entry: (who, when) => `${who}, den ${when}`,
  unknownWho: 'E Fachmann',
  reason: (reason) => `Uginne Grond: „${reason}“`,
  noReason: 'Kee Grond agedroen.',
  inLog: 'Am Zougrëffsprotokoll kucken',
  acknowledge: 'Zur Kenntnis geholl',
  failed: 'D’Noutfallzougrëffer konnten net iwwerpréift ginn.',
};

export default lb;
