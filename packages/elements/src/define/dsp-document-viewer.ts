// Registers <dsp-document-viewer> and <dsp-provider>, which it is usually used with. The viewer
// loads <dsp-document-preview> itself when the browser is idle or a document is first opened;
// import `define/dsp-document-preview.js` too to have it at once.
import { DspDocumentViewer } from '../document-viewer/document-viewer.component.js';
import './dsp-provider.js';

DspDocumentViewer.define('dsp-document-viewer');

export { DspDocumentViewer };
