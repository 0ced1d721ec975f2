// French, the default language: this catalog defines the shape every other catalog must match.

const plural = new Intl.PluralRules('fr');

export const fr = {
  viewer: {
    label: 'Documents du DSP',
    loading: 'Chargement des documents…',
    empty: 'Aucun document dans ce DSP.',
    noPatient: 'Aucun patient sélectionné.',
    count: (shown: number, total: number | undefined) =>
      total === undefined || total === shown
        ? `${shown} document${plural.select(shown) === 'one' ? '' : 's'}`
        : `${shown} documents sur ${total}`,
    loadMore: 'Afficher plus de documents',
    untitled: 'Document sans titre',
    unknownType: 'Type de document inconnu',
    author: (name: string) => `par ${name}`,
  },
  errors: {
    title: 'Les documents n’ont pas pu être chargés.',
    retry: 'Réessayer',
    noClient: 'Le panneau n’est relié à aucun serveur DSP (propriété client ou <dsp-provider>).',
    http: (status: number) => `Le serveur a répondu par une erreur (${status}).`,
    forbidden: 'Accès refusé.',
    notFound: 'Introuvable sur le serveur.',
    auth: 'Votre session a expiré ou n’est pas reconnue. Reconnectez-vous.',
    network: 'Le serveur DSP est injoignable. Vérifiez la connexion réseau.',
    timeout: 'Le serveur DSP ne répond pas.',
    protocol: 'Le serveur a envoyé une réponse inattendue (ce n’est pas du FHIR).',
    validation: 'La demande est invalide.',
    unknown: 'Une erreur inattendue est survenue.',
  },
};

export type Messages = typeof fr;
