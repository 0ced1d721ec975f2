// The words of <dsp-emergency-alerts> in German.
import { pluralRulesOf } from '../i18n/count.js';
import type { EmergencyAlertsMessages } from './emergency-alerts.messages.js';

const plural = pluralRulesOf('de');

const de: EmergencyAlertsMessages = {
  title: (count) =>
    plural.select(count) === 'one'
      ? 'Ein Notfallzugriff auf Ihren DSP'
      : `${count} Notfallzugriffe auf Ihren DSP`,
  intro: 'Seit Ihrer letzten Bestätigung hat eine Fachperson Ihren DSP im Notfall geöffnet.',
  entry: (who, when) => `${who}, am ${when}`,
  unknownWho: 'Eine Fachperson',
  reason: (reason) => `Angegebener Grund: „${reason}“`,
  noReason: 'Kein Grund erfasst.',
  inLog: 'Im Zugriffsprotokoll ansehen',
  acknowledge: 'Zur Kenntnis genommen',
  failed: 'Die Notfallzugriffe konnten nicht geprüft werden.',
};

export default de;
