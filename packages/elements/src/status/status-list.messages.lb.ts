// The worklist's own words in Luxembourgish.
import type { StatusListMessages } from './status-list.messages.js';

const lb: StatusListMessages = {
  label: 'Zoustand vun den DSP vun de Patienten',
  loading: 'DSP gi gepréift…',
  failed: 'Den Zoustand vun den DSP konnt net gelies ginn.',
  tooMany: (max, count) => `Eng Lëscht huet héchstens ${max} Patienten; dës huet der ${count}.`,
  empty: 'Keng Patienten an der Lëscht.',
  noId: (position, given) =>
    `D’Element ${position} vun der Lëscht (${given}) huet keng Patienten-ID.`,
};

export default lb;
