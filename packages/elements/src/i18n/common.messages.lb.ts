// Messages every panel shares: what went wrong, and how to try again in Luxembourgish.
import type { CommonMessages } from './common.messages.js';

const lb: CommonMessages = {
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
};

export default lb;
