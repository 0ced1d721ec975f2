// The words of <dsp-status> and <dsp-status-list> in English.
import { pluralRulesOf } from '../i18n/count.js';
import type { StatusMessages } from './status.messages.js';

const plural = pluralRulesOf('en');

const en: StatusMessages = {
  loading: 'Checking the DSP…',
  mark: {
    open: 'DSP',
    closed: 'DSP closed',
    unknown: 'No DSP',
    blocked: 'DSP blocked',
    noAccess: 'DSP no access',
    emergency: 'DSP emergency',
    failed: 'DSP ?',
  },
  record: {
    open: 'DSP open.',
    closed: 'DSP closed by the patient.',
    closedSince: (date) => `DSP closed by the patient since ${date}.`,
    unknown: 'No DSP for this patient.',
    failed: 'The DSP’s state could not be read.',
  },
  access: {
    own: 'This is your DSP.',
    full: 'Your access: full.',
    normal: 'Your access: normal.',
    emergency: (until) => `Your access: emergency access until ${until}.`,
    emergencyNoEnd: 'Your access: emergency access.',
    blocked: 'Your access: blocked by the patient.',
    'no-grant': 'The patient has not given you access.',
    'not-own-record': 'This DSP is not yours.',
    agency: 'Access to statistics only.',
    other: 'Access refused.',
  },
  emergency: {
    available: 'Emergency access available.',
    allowed: 'Emergency access allowed.',
    refused: 'Emergency access refused by the patient.',
  },
  newSince: (count, formatted) =>
    count === 0
      ? 'Nothing new since your last visit.'
      : plural.select(count) === 'one'
        ? `${formatted} new document since your last visit.`
        : `${formatted} new documents since your last visit.`,
  newMark: (formatted) => `${formatted} new`,
  offline: (date) => `Offline: state as of ${date}.`,
  offlineMark: 'offline',
  open: 'Open the DSP.',
};

export default en;
