// <DspDocumentUploader>: React wrapper of <dsp-document-uploader>, documents into the DSP.
import { createComponent } from '@lit/react';
import { DspDocumentUploader as DspDocumentUploaderElement } from '@dsp-kit/elements/define/dsp-document-uploader.js';
import * as React from 'react';
import {
  onDocumentSelect,
  onDocumentUploaded,
  onError,
  onUploadFailed,
  onUploadProgress,
} from './events.js';

export const DspDocumentUploader = createComponent({
  react: React,
  tagName: 'dsp-document-uploader',
  elementClass: DspDocumentUploaderElement,
  events: { onUploadProgress, onDocumentUploaded, onUploadFailed, onDocumentSelect, onError },
  displayName: 'DspDocumentUploader',
});
