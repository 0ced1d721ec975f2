// The words of the access-rights panel's confidentiality choice in Luxembourgish.
import type { LevelsMessages } from './document-levels.messages.js';

const lb: LevelsMessages = {
  levels: 'Vertraulechkeet vun den Dokumenter',
  levelsHelp:
    'Limitéiert (R): just Gesondheetsberuffer mat erweidertem Zougrëff gesinn et. Streng vertraulech (V): just säin Auteur, Dir an, no de Reegele vum DSP, Ären Referenzdokter gesinn et.',
  levelDocument: 'Dokument',
  levelChoice: 'Vertraulechkeet',
  levelOption: (title, level) => `${title} — ${level}`,
  saveLevel: 'Vertraulechkeet späicheren',
  levelSaving: 'D’Vertraulechkeet gëtt gespäichert…',
  levelSaved: (title, level) => `„${title}“ ass elo ${level}.`,
  levelFailed: 'D’Vertraulechkeet gouf net geännert.',
  levelMeanwhile: (level, chosen) =>
    `Dësen Dokument gouf zwëschenzäitlech anzwousch geännert: seng Vertraulechkeet ass elo ${level}. Näischt gouf iwwerschriwwen; Är Wiel (${chosen}) bleift: späichert se nach eng Kéier, fir se unzewenden.`,
  levelVetoed: 'D’Applikatioun huet dës Ännerung refuséiert.',
  levelsHelpAssistant:
    'Limitéiert (R): just Gesondheetsberuffer mat erweidertem Zougrëff gesinn et. Streng vertraulech (V): just säin Auteur, de Patient an, no de Reegele vum DSP, säin Referenzdokter gesinn et.',
  untitled: 'Dokument ouni Titel',
  chooseNone: 'Dokument wielen',
};

export default lb;
