// Registers <dsp-document-viewer>, the <dsp-document-preview> it opens documents in, and
// <dsp-provider>, which it is usually used with.
import { DspDocumentViewer } from '../document-viewer/document-viewer.component.js';
import './dsp-document-preview.js';
import './dsp-provider.js';

DspDocumentViewer.define('dsp-document-viewer');

export { DspDocumentViewer };
