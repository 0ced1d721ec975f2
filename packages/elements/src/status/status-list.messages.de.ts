// The worklist's own words in German.
import type { StatusListMessages } from './status-list.messages.js';

const de: StatusListMessages = {
  label: 'Zustand der DSP der Patienten',
  loading: 'DSP werden geprüft…',
  failed: 'Der Zustand der DSP konnte nicht gelesen werden.',
  tooMany: (max, count) => `Eine Liste umfasst höchstens ${max} Patienten; diese hat ${count}.`,
  empty: 'Keine Patienten in der Liste.',
  noId: (position, given) => `Eintrag ${position} der Liste (${given}) hat keine Patienten-ID.`,
};

export default de;
