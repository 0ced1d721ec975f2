// <DspProvider>: React wrapper of <dsp-provider>, which hands its `client` to the panels inside.
import { createComponent } from '@lit/react';
import { DspProvider as DspProviderElement } from '@dsp-kit/elements/define/dsp-provider.js';
import * as React from 'react';

export const DspProvider = createComponent({
  react: React,
  tagName: 'dsp-provider',
  elementClass: DspProviderElement,
  displayName: 'DspProvider',
});
