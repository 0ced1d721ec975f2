// The document preview's words in Luxembourgish.
import type { PreviewMessages } from './document-preview.messages.js';

const lb: PreviewMessages = {
  label: 'Virschau vum Dokument',
  untitled: 'Dokument ouni Titel',
  noDocument: 'Keen Dokument ausgewielt.',
  reading: 'D’Donnéeë vum Dokument gi gelueden…',
  loading: 'D’Dokument gëtt gelueden…',
  progress: (percent) => `${percent} % gelueden`,
  progressUnknown: (loaded) => `${loaded} gelueden`,
  cancel: 'Ofbriechen',
  cancelled: 'D’Lueden ass ofgebrach ginn.',
  retry: 'Nach eng Kéier lueden',
  download: 'Eroflueden',
  unsupported: 'Dësen Dokumententyp kann hei net gewise ginn. Luet en erof, fir en opzemaachen.',
  pdfHint:
    'Wann de Browser de PDF an dësem geschützte Kader net weist, luet en erof, fir en opzemaachen.',
  failed: 'D’Dokument konnt net gewise ginn.',
  refusedOrigin: (host) =>
    `Et läit op ${host}, engem Server, deen dëse Site net kontaktéiere dierf; dofir gouf et net gelueden.`,
  page: (page, count, title) => `Säit ${page} vun ${count}, ${title}`,
  morePages: 'Déi nächst Säite weisen',
  author: (name) => `vum ${name}`,
  actDate: 'Datum vun der Behandlung',
  filed: (date) => `ofgeluecht den ${date}`,
  size: 'Gréisst',
  confidentiality: (level) => `Vertraulechkeet: ${level}`,
  marks: 'Vermierker',
  masked: 'Verstoppt',
  maskedByPatient: 'Vum Patient verstoppt',
  hiddenFromPatient: 'Virum Patient verstoppt',
  warningTitle: 'Dokument virum Patient verstoppt',
  warning:
    'Den Auteur huet dëst Dokument virum Patient verstoppt, zum Beispill bis hien him e Resultat erkläre kann. Weist et dem Patient net a schwätzt net driwwer ouni d’Zoustëmmung vum Auteur.',
  openAnyway: 'Trotzdem opmaachen',
};

export default lb;
