// Registers <dsp-document-stats> (and <dsp-provider>, which it is usually used with).
import { DspDocumentStats } from '../document-stats/document-stats.component.js';
import './dsp-provider.js';

DspDocumentStats.define('dsp-document-stats');

export { DspDocumentStats };
