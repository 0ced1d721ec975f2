// The page's lit, vocabulary and catalogs as the renderer's modules use them, installed by
// `install()` when the renderer loads. Importing them instead would make esbuild move every
// module the page shares with the renderer into a chunk of their own, which grows each panel's
// first load (see docs/architecture.md on lazy chunks); handed over, the renderer's chunk
// imports nothing and the page's chunks stay as they were.
import type { CdaKit } from './cda-kit.js';

export let css: CdaKit['css'];
export let html: CdaKit['html'];
export let nothing: CdaKit['nothing'];
export let render: CdaKit['render'];
export let ifDefined: CdaKit['ifDefined'];
export let documentTypeOf: CdaKit['documentTypeOf'];
export let label: CdaKit['label'];
export let LOINC_SYSTEM: CdaKit['LOINC_SYSTEM'];
export let MATRICULE_SYSTEM: CdaKit['MATRICULE_SYSTEM'];
export let catalog: CdaKit['catalog'];

/** Hands the renderer what it needs from the page; call it before anything else of the renderer. */
export function install(kit: CdaKit): void {
  ({
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
  } = kit);
}
