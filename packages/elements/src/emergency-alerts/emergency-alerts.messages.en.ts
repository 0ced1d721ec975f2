// The words of <dsp-emergency-alerts> in English.
import { pluralRulesOf } from '../i18n/count.js';
import type { EmergencyAlertsMessages } from './emergency-alerts.messages.js';

const plural = pluralRulesOf('en');

const en: EmergencyAlertsMessages = {
  title: (count) =>
    plural.select(count) === 'one'
      ? 'An emergency access to your DSP'
      : `${count} emergency accesses to your DSP`,
  intro: 'Since you last confirmed, a professional opened your DSP in an emergency.',
  entry: (who, when) => `${who}, on ${when}`,
  unknownWho: 'A professional',
  reason: (reason) => `Reason given: “${reason}”`,
  noReason: 'No reason recorded.',
  inLog: 'See it in the access log',
  acknowledge: 'I have seen this',
  failed: 'The emergency accesses could not be checked.',
};

export default en;
