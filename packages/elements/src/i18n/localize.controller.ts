// Gives an element its language and messages, and re-renders it when a `lang` around it changes.
// French is always at hand; another language's catalogs load before the element renders in it.
import type { DspLanguage } from '@dsp-kit/fhir';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Catalog } from './catalog.js';
import { commonMessages, type CommonMessages } from './common.messages.js';
import { resolveLanguage } from './language.js';

type Host = ReactiveControllerHost & HTMLElement;

// One observer for the whole document: any `lang` change in the light DOM updates every
// connected element. An element's own `lang` is observed by the element itself.
const connected = new Set<LocalizeController>();
let observer: MutationObserver | undefined;

function observeDocument(): void {
  if (observer) return;
  observer = new MutationObserver(() => {
    for (const controller of connected) controller.refresh();
  });
  observer.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['lang'],
    subtree: true,
  });
}

// Intl formatters are costly to build (a list of thousands of dates would build thousands): one
// per locale and options, shared by every element.
const formatters = new Map<
  string,
  Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat
>();

function formatter<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>(
  kind: string,
  locale: string,
  options: object | undefined,
  make: () => T,
): T {
  const key = `${kind}|${locale}|${JSON.stringify(options ?? {})}`;
  let found = formatters.get(key) as T | undefined;
  if (!found) {
    found = make();
    formatters.set(key, found);
  }
  return found;
}

export class LocalizeController implements ReactiveController {
  #language: DspLanguage;
  readonly #catalogs: Set<Catalog<unknown>>;

  /** `catalogs`: the catalogs the host renders with, loaded before it renders in a language. */
  constructor(
    private readonly host: Host,
    catalogs: Iterable<Catalog<unknown>> = [],
  ) {
    this.#language = 'fr';
    this.#catalogs = new Set([commonMessages, ...catalogs]);
    host.addController(this);
  }

  get language(): DspLanguage {
    return this.#language;
  }

  /**
   * The locale for `Intl`: the language, or for Luxembourgish, where the browser has no data for
   * it (Chromium has none), `de-LU`, whose dates and numbers Luxembourg writes the same way.
   */
  get intlLocale(): string {
    if (this.#language !== 'lb') return this.#language;
    return Intl.DateTimeFormat.supportedLocalesOf(['lb']).length > 0 ? 'lb' : 'de-LU';
  }

  /**
   * A catalog's messages in the current language; French while that language is not loaded (a
   * catalog the host did not declare is loaded now, and the host renders again once it is).
   */
  t<M>(catalog: Catalog<M>): M {
    const messages = catalog.get(this.#language);
    if (messages) return messages;
    if (!this.#catalogs.has(catalog)) {
      this.#catalogs.add(catalog);
      void this.ready()?.then(() => {
        this.host.requestUpdate();
      });
    }
    return catalog.fr;
  }

  /** The messages every panel shares (errors, retry). */
  get common(): CommonMessages {
    return this.t(commonMessages);
  }

  /**
   * Undefined when every catalog of the host is loaded in the current language; else a promise
   * that settles once they are. A catalog that cannot load (offline) leaves its French in place.
   */
  ready(): Promise<void> | undefined {
    const language = this.#language;
    const missing = [...this.#catalogs].filter((catalog) => !catalog.get(language));
    if (missing.length === 0) return undefined;
    return Promise.all(missing.map((catalog) => catalog.load(language))).then(
      () => undefined,
      (error: unknown) => {
        console.warn(
          `DSP Kit: the "${language}" messages could not be loaded; French is shown.`,
          error,
        );
      },
    );
  }

  /** A number in the current language (`1 234` in French). */
  formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
    const locale = this.intlLocale;
    return formatter(
      'number',
      locale,
      options,
      () => new Intl.NumberFormat(locale, options),
    ).format(value);
  }

  hostConnected(): void {
    connected.add(this);
    observeDocument();
    this.refresh();
  }

  hostDisconnected(): void {
    connected.delete(this);
  }

  /** Re-reads the language; asks the host to render again when it changed. */
  refresh(): void {
    const language = resolveLanguage(this.host);
    if (language !== this.#language) {
      this.#language = language;
      this.host.requestUpdate();
    }
  }

  /** How long ago (or ahead) `value` is, in words: `il y a 3 heures`, `hier`, `in 2 days`. */
  formatRelative(value: string | Date, now: number = Date.now()): string {
    const time = (typeof value === 'string' ? new Date(value) : value).getTime();
    if (Number.isNaN(time)) return String(value);
    const seconds = Math.round((time - now) / 1000);
    const steps: [Intl.RelativeTimeFormatUnit, number][] = [
      ['second', 60],
      ['minute', 60],
      ['hour', 24],
      ['day', 30],
      ['month', 12],
      ['year', Number.POSITIVE_INFINITY],
    ];
    let amount = seconds;
    for (const [unit, size] of steps) {
      if (Math.abs(amount) < size) {
        const locale = this.intlLocale;
        return formatter(
          'relative',
          locale,
          undefined,
          () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }),
        ).format(amount, unit);
      }
      amount = Math.round(amount / size);
    }
    return String(value);
  }

  /** A date in the current language, e.g. `14 mars 2026`. */
  formatDate(
    value: string | Date,
    options: Intl.DateTimeFormatOptions = { dateStyle: 'long' },
  ): string {
    const date = typeof value === 'string' ? new Date(value) : value;
    return Number.isNaN(date.getTime())
      ? String(value)
      : formatter(
          'date',
          this.intlLocale,
          options,
          () => new Intl.DateTimeFormat(this.intlLocale, options),
        ).format(date);
  }
}
