// The words of the access-rights panel's confidentiality choice in German.
import type { LevelsMessages } from './document-levels.messages.js';

const de: LevelsMessages = {
  levels: 'Vertraulichkeit der Dokumente',
  levelsHelp:
    'Eingeschränkt (R): nur Gesundheitsfachpersonen mit erweitertem Zugriff sehen es. Streng vertraulich (V): nur sein Autor, Sie und, nach den Regeln des DSP, Ihr Referenzarzt sehen es.',
  levelDocument: 'Dokument',
  levelChoice: 'Vertraulichkeit',
  levelOption: (title, level) => `${title} — ${level}`,
  saveLevel: 'Vertraulichkeit speichern',
  levelSaving: 'Vertraulichkeit wird gespeichert…',
  levelSaved: (title, level) => `„${title}“ ist jetzt ${level}.`,
  levelFailed: 'Die Vertraulichkeit wurde nicht geändert.',
  levelMeanwhile: (level, chosen) =>
    `Dieses Dokument wurde inzwischen anderswo geändert: Seine Vertraulichkeit ist jetzt ${level}. Nichts wurde überschrieben; Ihre Wahl (${chosen}) bleibt erhalten: Speichern Sie sie erneut, um sie anzuwenden.`,
  levelVetoed: 'Die Anwendung hat diese Änderung abgelehnt.',
  levelsHelpAssistant:
    'Eingeschränkt (R): nur Gesundheitsfachpersonen mit erweitertem Zugriff sehen es. Streng vertraulich (V): nur sein Autor, der Patient und, nach den Regeln des DSP, sein Referenzarzt sehen es.',
  untitled: 'Dokument ohne Titel',
  chooseNone: 'Dokument wählen',
};

export default de;
