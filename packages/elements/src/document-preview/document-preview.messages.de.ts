// The document preview's words in German.
import type { PreviewMessages } from './document-preview.messages.js';

const de: PreviewMessages = {
  label: 'Dokumentvorschau',
  untitled: 'Dokument ohne Titel',
  noDocument: 'Kein Dokument ausgewählt.',
  reading: 'Dokumentangaben werden geladen…',
  loading: 'Dokument wird geladen…',
  progress: (percent) => `${percent} % geladen`,
  progressUnknown: (loaded) => `${loaded} geladen`,
  cancel: 'Abbrechen',
  cancelled: 'Das Laden wurde abgebrochen.',
  retry: 'Erneut laden',
  download: 'Herunterladen',
  unsupported:
    'Dieser Dokumenttyp kann hier nicht angezeigt werden. Laden Sie ihn herunter, um ihn zu öffnen.',
  pdfHint:
    'Zeigt der Browser das PDF in diesem geschützten Rahmen nicht an, laden Sie es herunter, um es zu öffnen.',
  failed: 'Das Dokument konnte nicht angezeigt werden.',
  refusedOrigin: (host) =>
    `Es liegt auf ${host}, einem Server, den diese Website nicht kontaktieren darf; es wurde daher nicht geladen.`,
  page: (page, count, title) => `Seite ${page} von ${count}, ${title}`,
  morePages: 'Nächste Seiten anzeigen',
  author: (name) => `von ${name}`,
  actDate: 'Behandlungsdatum',
  filed: (date) => `abgelegt am ${date}`,
  size: 'Größe',
  confidentiality: (level) => `Vertraulichkeit: ${level}`,
  marks: 'Vermerke',
  masked: 'Verborgen',
  maskedByPatient: 'Vom Patienten verborgen',
  hiddenFromPatient: 'Vor dem Patienten verborgen',
  warningTitle: 'Vor dem Patienten verborgenes Dokument',
  warning:
    'Der Verfasser hat dieses Dokument vor dem Patienten verborgen, etwa bis er ihm einen Befund mitteilt. Zeigen Sie es dem Patienten nicht und sprechen Sie ohne Zustimmung des Verfassers nicht darüber.',
  openAnyway: 'Trotzdem öffnen',
};

export default de;
