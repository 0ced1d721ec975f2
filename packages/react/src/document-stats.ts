// <DspDocumentStats>: React wrapper of <dsp-document-stats>, the agency's document counts.
import { createComponent } from '@lit/react';
import { DspDocumentStats as DspDocumentStatsElement } from '@dsp-kit/elements/define/dsp-document-stats.js';
import * as React from 'react';
import { onError } from './events.js';

export const DspDocumentStats = createComponent({
  react: React,
  tagName: 'dsp-document-stats',
  elementClass: DspDocumentStatsElement,
  events: { onError },
  displayName: 'DspDocumentStats',
});
