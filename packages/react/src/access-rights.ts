// <DspAccessRights>: React wrapper of <dsp-access-rights>, the patient's control over who sees what.
import { createComponent } from '@lit/react';
import { DspAccessRights as DspAccessRightsElement } from '@dsp-kit/elements/define/dsp-access-rights.js';
import * as React from 'react';
import {
  onAccessChanged,
  onError,
  onRequestBlock,
  onRequestBreakGlassPolicy,
  onRequestClose,
  onRequestGrant,
  onRequestMask,
  onRequestAddAssistant,
  onRequestRemoveAssistant,
  onRequestReopen,
  onRequestRevoke,
  onRequestUnblock,
  onRequestUnmask,
} from './events.js';

export const DspAccessRights = createComponent({
  react: React,
  tagName: 'dsp-access-rights',
  elementClass: DspAccessRightsElement,
  events: {
    onAccessChanged,
    onError,
    onRequestBlock,
    onRequestUnblock,
    onRequestGrant,
    onRequestRevoke,
    onRequestMask,
    onRequestUnmask,
    onRequestBreakGlassPolicy,
    onRequestClose,
    onRequestReopen,
    onRequestAddAssistant,
    onRequestRemoveAssistant,
  },
  displayName: 'DspAccessRights',
});
