// @dsp-kit/react: @lit/react wrappers for every DSP Kit panel, with typed props and `on…` event
// props. Each wrapper's module imports its define module, so rendering a wrapper registers its tag
// (and the package is side-effect free otherwise: unused wrappers, and their tags, drop out).
export { DspProvider } from './provider.js';
export { DspDocumentViewer } from './document-viewer.js';
export { DspDocumentPreview } from './document-preview.js';
export { DspDocumentUploader } from './document-uploader.js';
export { DspAccessRights } from './access-rights.js';
export { DspAuditLog } from './audit-log.js';
export { DspDocumentStats } from './document-stats.js';
