// The worklist's own words in English.
import type { StatusListMessages } from './status-list.messages.js';

const en: StatusListMessages = {
  label: 'Patients’ DSP status',
  loading: 'Checking the DSPs…',
  failed: 'The DSPs’ status could not be read.',
  tooMany: (max, count) => `A list holds at most ${max} patients; this one has ${count}.`,
  empty: 'No patient in the list.',
  noId: (position, given) => `Entry ${position} of the list (${given}) has no patient id.`,
};

export default en;
