// Messages every panel shares: what went wrong, and how to try again in German.
import type { CommonMessages } from './common.messages.js';

const de: CommonMessages = {
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
};

export default de;
