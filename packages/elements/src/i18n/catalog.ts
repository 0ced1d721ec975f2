// Message catalogs: each component keeps its own, so a panel's bundle carries only its words, and
// only French is in the bundle: the other languages load when a page first speaks them.
import type { DspLanguage } from '@dsp-kit/fhir';

/** The languages a catalog loads on demand. */
export type Translation = Exclude<DspLanguage, 'fr'>;

/** Loads a catalog's messages in one language: `() => import('./x.messages.de.js')`. */
export type Loader<M> = () => Promise<{ default: M }>;

/** A set of messages: French at once, the other languages when first asked for. */
export class Catalog<M> {
  readonly #loaded = new Map<DspLanguage, M>();
  readonly #loading = new Map<DspLanguage, Promise<M>>();

  constructor(
    /** The French messages, which define the shape of every language. */
    readonly fr: M,
    private readonly translations: Readonly<Record<Translation, Loader<M>>>,
  ) {
    this.#loaded.set('fr', fr);
  }

  /** The messages in `language` if they are loaded. */
  get(language: DspLanguage): M | undefined {
    return this.#loaded.get(language);
  }

  /** The messages in `language`, loaded once; a failed load (offline) is tried again next time. */
  load(language: DspLanguage): Promise<M> {
    const loaded = this.#loaded.get(language);
    if (loaded) return Promise.resolve(loaded);
    let loading = this.#loading.get(language);
    if (!loading) {
      loading = this.translations[language as Translation]().then(
        (module) => {
          this.#loaded.set(language, module.default);
          return module.default;
        },
        (error: unknown) => {
          this.#loading.delete(language);
          throw error;
        },
      );
      this.#loading.set(language, loading);
    }
    return loading;
  }
}

/**
 * Declares a catalog: its French messages, and where each other language is. Each language
 * module default-exports an object typed with the French shape, so a missing or extra key is a
 * type error (and `catalogs.node.test.ts` checks the shapes at run time).
 */
export function catalog<M>(
  fr: M,
  translations: Readonly<Record<Translation, Loader<NoInfer<M>>>>,
): Catalog<M> {
  return new Catalog(fr, translations);
}
