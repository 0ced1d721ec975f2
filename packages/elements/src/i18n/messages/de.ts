import type { Messages } from './fr.js';

const plural = new Intl.PluralRules('de');

export const de: Messages = {
  viewer: {
    label: 'DSP-Dokumente',
    loading: 'Dokumente werden geladen…',
    empty: 'Keine Dokumente in diesem DSP.',
    noPatient: 'Kein Patient ausgewählt.',
    count: (shown, total) =>
      total === undefined || total === shown
        ? `${shown} ${plural.select(shown) === 'one' ? 'Dokument' : 'Dokumente'}`
        : `${shown} von ${total} Dokumenten`,
    loadMore: 'Weitere Dokumente anzeigen',
    untitled: 'Dokument ohne Titel',
    unknownType: 'Unbekannter Dokumenttyp',
    author: (name) => `von ${name}`,
  },
  errors: {
    title: 'Die Dokumente konnten nicht geladen werden.',
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
    validation: 'Die Anfrage ist ungültig.',
    unknown: 'Ein unerwarteter Fehler ist aufgetreten.',
  },
};
