// Registers <dsp-document-preview> (and <dsp-provider>, which it is usually used with).
import { DspDocumentPreview } from '../document-preview/document-preview.component.js';
import './dsp-provider.js';

DspDocumentPreview.define('dsp-document-preview');

export { DspDocumentPreview };
