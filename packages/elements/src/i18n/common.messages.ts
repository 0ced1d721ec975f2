// Messages every panel shares: what went wrong, and how to try again.
import { catalog } from './catalog.js';

export const commonMessages = catalog({
  fr: {
    retry: 'Réessayer',
    noClient: 'Le panneau n’est relié à aucun serveur DSP (propriété client ou <dsp-provider>).',
    http: (status: number) => `Le serveur a répondu par une erreur (${status}).`,
    forbidden: 'Accès refusé.',
    notFound: 'Introuvable sur le serveur.',
    auth: 'Votre session a expiré ou n’est pas reconnue. Reconnectez-vous.',
    network: 'Le serveur DSP est injoignable. Vérifiez la connexion réseau.',
    timeout: 'Le serveur DSP ne répond pas.',
    protocol: 'Le serveur a envoyé une réponse inattendue (ce n’est pas du FHIR).',
    integrity:
      'Le document reçu est altéré (taille ou empreinte différente) : il n’est pas affiché.',
    conflict: 'Quelqu’un a modifié ces données entre-temps.',
    validation: 'La demande est invalide.',
    unknown: 'Une erreur inattendue est survenue.',
  },
  de: {
    retry: 'Erneut versuchen',
    noClient:
      'Dieses Panel ist mit keinem DSP-Server verbunden (Eigenschaft client oder <dsp-provider>).',
    http: (status) => `Der Server hat mit einem Fehler geantwortet (${status}).`,
    forbidden: 'Zugriff verweigert.',
    notFound: 'Auf dem Server nicht gefunden.',
    auth: 'Ihre Sitzung ist abgelaufen oder wird nicht erkannt. Bitte melden Sie sich erneut an.',
    network: 'Der DSP-Server ist nicht erreichbar. Prüfen Sie die Netzwerkverbindung.',
    timeout: 'Der DSP-Server antwortet nicht.',
    protocol: 'Der Server hat eine unerwartete Antwort gesendet (kein FHIR).',
    integrity:
      'Das empfangene Dokument ist verändert (Größe oder Prüfsumme weicht ab) und wird nicht angezeigt.',
    conflict: 'Jemand hat diese Daten inzwischen geändert.',
    validation: 'Die Anfrage ist ungültig.',
    unknown: 'Ein unerwarteter Fehler ist aufgetreten.',
  },
  en: {
    retry: 'Try again',
    noClient: 'This panel is not connected to a DSP server (client property or <dsp-provider>).',
    http: (status) => `The server answered with an error (${status}).`,
    forbidden: 'Access denied.',
    notFound: 'Not found on the server.',
    auth: 'Your session has expired or is not recognised. Please sign in again.',
    network: 'The DSP server cannot be reached. Check the network connection.',
    timeout: 'The DSP server is not answering.',
    protocol: 'The server sent an unexpected answer (not FHIR).',
    integrity: 'The document received is altered (size or checksum differs): it is not shown.',
    conflict: 'Someone changed this data meanwhile.',
    validation: 'The request is invalid.',
    unknown: 'An unexpected error occurred.',
  },
  lb: {
    retry: 'Nach eng Kéier probéieren',
    noClient:
      'Dëse Panel ass mat kengem DSP-Server verbonnen (Eegenschaft client oder <dsp-provider>).',
    http: (status) => `De Server huet mat engem Feeler geäntwert (${status}).`,
    forbidden: 'Zougrëff refuséiert.',
    notFound: 'Net um Server fonnt.',
    auth: 'Är Sessioun ass ofgelaf oder gëtt net erkannt. Mellt Iech nach eng Kéier un.',
    network: 'Den DSP-Server ass net erreechbar. Kontrolléiert d’Netzwierkverbindung.',
    timeout: 'Den DSP-Server äntwert net.',
    protocol: 'De Server huet eng onerwaart Äntwert geschéckt (keen FHIR).',
    integrity:
      'Dat empfaangent Dokument ass verännert (Gréisst oder Préifzomm anescht) a gëtt net gewisen.',
    conflict: 'Een huet dës Donnéeë matterweil geännert.',
    validation: 'D’Ufro ass ongëlteg.',
    unknown: 'En onerwaarte Feeler ass opgetrueden.',
  },
});

export type CommonMessages = (typeof commonMessages)['fr'];
