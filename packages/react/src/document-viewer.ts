// <DspDocumentViewer>: React wrapper of <dsp-document-viewer>, a patient's documents.
import { createComponent } from '@lit/react';
import { DspDocumentViewer as DspDocumentViewerElement } from '@dsp-kit/elements/define/dsp-document-viewer.js';
import * as React from 'react';
import {
  onBreakGlassGranted,
  onDocumentOpen,
  onDocumentSelect,
  onError,
  onRequestBreakGlass,
} from './events.js';

export const DspDocumentViewer = createComponent({
  react: React,
  tagName: 'dsp-document-viewer',
  elementClass: DspDocumentViewerElement,
  events: { onDocumentSelect, onDocumentOpen, onError, onRequestBreakGlass, onBreakGlassGranted },
  displayName: 'DspDocumentViewer',
});
