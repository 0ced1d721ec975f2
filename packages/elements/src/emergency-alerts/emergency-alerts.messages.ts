// The words of <dsp-emergency-alerts>: who opened the DSP in an emergency, when, and why.
import { catalog } from '../i18n/catalog.js';
import { pluralRulesOf } from '../i18n/count.js';

const plural = pluralRulesOf('fr');

const fr = {
  title: (count: number) =>
    plural.select(count) === 'one'
      ? 'Un accès en urgence à votre DSP'
      : `${count} accès en urgence à votre DSP`,
  intro: 'Depuis votre dernière confirmation, un professionnel a ouvert votre DSP en urgence.',
  entry: (who: string, when: string) => `${who}, le ${when}`,
  unknownWho: 'Un professionnel',
  reason: (reason: string) => `Motif donné : « ${reason} »`,
  noReason: 'Aucun motif enregistré.',
  inLog: 'Voir dans le journal des accès',
  acknowledge: 'J’ai pris connaissance',
  failed: 'Les accès en urgence n’ont pas pu être vérifiés.',
};

export type EmergencyAlertsMessages = typeof fr;

export const emergencyAlertsMessages = catalog(fr, {
  de: () => import('./emergency-alerts.messages.de.js'),
  en: () => import('./emergency-alerts.messages.en.js'),
  lb: () => import('./emergency-alerts.messages.lb.js'),
});
