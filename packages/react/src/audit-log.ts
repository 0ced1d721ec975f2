// <DspAuditLog>: React wrapper of <dsp-audit-log>, the patient's access log.
import { createComponent } from '@lit/react';
import { DspAuditLog as DspAuditLogElement } from '@dsp-kit/elements/define/dsp-audit-log.js';
import * as React from 'react';
import { onDocumentSelect, onError } from './events.js';

export const DspAuditLog = createComponent({
  react: React,
  tagName: 'dsp-audit-log',
  elementClass: DspAuditLogElement,
  events: { onDocumentSelect, onError },
  displayName: 'DspAuditLog',
});
