// Every message catalog, by language.
import type { DspLanguage } from '@dsp-kit/fhir';
import { de } from './messages/de.js';
import { en } from './messages/en.js';
import { fr, type Messages } from './messages/fr.js';
import { lb } from './messages/lb.js';

export type { Messages };

export const catalogs: Readonly<Record<DspLanguage, Messages>> = { fr, de, en, lb };
