// The words of the access-rights panel's confidentiality choice in English.
import type { LevelsMessages } from './document-levels.messages.js';

const en: LevelsMessages = {
  levels: 'Confidentiality of documents',
  levelsHelp:
    'Restricted (R): only professionals with extended access see it. Very restricted (V): only its author, you and, under the DSP’s rules, your referring doctor see it.',
  levelDocument: 'Document',
  levelChoice: 'Confidentiality',
  levelOption: (title, level) => `${title} — ${level}`,
  saveLevel: 'Save the confidentiality',
  levelSaving: 'Saving the confidentiality…',
  levelSaved: (title, level) => `“${title}” is now ${level}.`,
  levelFailed: 'The confidentiality was not changed.',
  levelMeanwhile: (level, chosen) =>
    `This document was changed meanwhile elsewhere: its confidentiality is now ${level}. Nothing was overwritten; your choice (${chosen}) is kept: save it again to apply it.`,
  levelVetoed: 'The application declined this change.',
  levelsHelpAssistant:
    'Restricted (R): only professionals with extended access see it. Very restricted (V): only its author, the patient and, under the DSP’s rules, their referring doctor see it.',
  untitled: 'Untitled document',
  chooseNone: 'Choose a document',
};

export default en;
