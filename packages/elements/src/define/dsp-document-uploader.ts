// Registers <dsp-document-uploader> and <dsp-provider>, which it is usually used with.
import { DspDocumentUploader } from '../document-uploader/document-uploader.component.js';
import './dsp-provider.js';

DspDocumentUploader.define('dsp-document-uploader');

export { DspDocumentUploader };
