// What the CDA renderer takes from the preview's first load, handed to it when it loads (see
// `cda-runtime.ts`): lit, the vocabulary and the catalogs, which the page has anyway.
import { css, html, nothing, render } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { documentTypeOf, label, LOINC_SYSTEM, MATRICULE_SYSTEM } from '@dsp-kit/fhir';
import { catalog } from '../../i18n/catalog.js';

export const cdaKit = {
  css,
  html,
  nothing,
  render,
  ifDefined,
  documentTypeOf,
  label,
  LOINC_SYSTEM,
  MATRICULE_SYSTEM,
  catalog,
};

export type CdaKit = typeof cdaKit;
