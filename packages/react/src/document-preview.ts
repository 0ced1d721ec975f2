// <DspDocumentPreview>: React wrapper of <dsp-document-preview>, one document's content.
import { createComponent } from '@lit/react';
import { DspDocumentPreview as DspDocumentPreviewElement } from '@dsp-kit/elements/define/dsp-document-preview.js';
import * as React from 'react';
import { onError } from './events.js';

export const DspDocumentPreview = createComponent({
  react: React,
  tagName: 'dsp-document-preview',
  elementClass: DspDocumentPreviewElement,
  events: { onError },
  displayName: 'DspDocumentPreview',
});
