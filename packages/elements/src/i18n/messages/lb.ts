import type { Messages } from './fr.js';

const plural = new Intl.PluralRules('lb');

export const lb: Messages = {
  viewer: {
    label: 'DSP-Dokumenter',
    loading: 'D’Dokumenter gi gelueden…',
    empty: 'Keng Dokumenter an dësem DSP.',
    noPatient: 'Kee Patient ausgewielt.',
    count: (shown, total) =>
      total === undefined || total === shown
        ? `${shown} ${plural.select(shown) === 'one' ? 'Dokument' : 'Dokumenter'}`
        : `${shown} vun ${total} Dokumenter`,
    loadMore: 'Méi Dokumenter weisen',
    untitled: 'Dokument ouni Titel',
    unknownType: 'Onbekannten Dokumententyp',
    author: (name) => `vum ${name}`,
  },
  errors: {
    title: 'D’Dokumenter konnten net geluede ginn.',
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
    validation: 'D’Ufro ass ongëlteg.',
    unknown: 'En onerwaarte Feeler ass opgetrueden.',
  },
};
