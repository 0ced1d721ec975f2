// Messages every panel shares: what went wrong, and how to try again.
import { catalog } from './catalog.js';

const fr = {
  retry: 'Réessayer',
  noClient: 'Le panneau n’est relié à aucun serveur DSP (propriété client ou <dsp-provider>).',
  http: (status: number) => `Le serveur a répondu par une erreur (${status}).`,
  forbidden: 'Accès refusé.',
  notFound: 'Introuvable sur le serveur.',
  auth: 'Votre session a expiré ou n’est pas reconnue. Reconnectez-vous.',
  network: 'Le serveur DSP est injoignable. Vérifiez la connexion réseau.',
  timeout: 'Le serveur DSP ne répond pas.',
  protocol: 'Le serveur a envoyé une réponse inattendue (ce n’est pas du FHIR).',
  integrity: 'Le document reçu est altéré (taille ou empreinte différente) : il n’est pas affiché.',
  conflict: 'Quelqu’un a modifié ces données entre-temps.',
  validation: 'La demande est invalide.',
  unknown: 'Une erreur inattendue est survenue.',
};

export type CommonMessages = typeof fr;

export const commonMessages = catalog(fr, {
  de: () => import('./common.messages.de.js'),
  en: () => import('./common.messages.en.js'),
  lb: () => import('./common.messages.lb.js'),
});
