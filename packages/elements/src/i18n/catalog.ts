// Message catalogs: each component keeps its own, so a panel's bundle carries only its words.

import type { DspLanguage } from '@dsp-kit/fhir';

/** A set of messages in every language the kit speaks. */
export type Catalog<M> = Readonly<Record<DspLanguage, M>>;

/**
 * Declares a catalog. French defines the shape; every other language must have exactly the same
 * keys (a missing one is a type error, and `catalogs.node.test.ts` checks the shapes at run time).
 */
export function catalog<M>(messages: {
  fr: M;
  de: NoInfer<M>;
  en: NoInfer<M>;
  lb: NoInfer<M>;
}): Catalog<M> {
  return messages;
}
