// A panel renders in its language once that language's words are loaded, never in French first,
// and falls back to French when they cannot be loaded.
import { expect, fixture, html as testHtml } from '@open-wc/testing';
import { html } from 'lit';
import { DspElement } from '../base/dsp-element.js';
import { defineElement } from '../base/define-element.js';
import { catalog, type Loader } from './catalog.js';

interface Words {
  hello: string;
}

/** A loader the test resolves or rejects when it chooses. */
function deferred(words: Words) {
  let settle!: { resolve: () => void; reject: (error: Error) => void };
  const promise = new Promise<{ default: Words }>((resolve, reject) => {
    settle = { resolve: () => resolve({ default: words }), reject };
  });
  const load: Loader<Words> = () => promise;
  return { load, ...settle };
}

let de = deferred({ hello: 'Hallo' });
let en = deferred({ hello: 'Hello' });
let lb = deferred({ hello: 'Moien' });
const words = catalog<Words>(
  { hello: 'Bonjour' },
  { de: () => de.load(), en: () => en.load(), lb: () => lb.load() },
);

class GreetingElement extends DspElement {
  static override catalogs = [words];
  /** Every text this element rendered, in order. */
  readonly rendered: string[] = [];

  override render() {
    const text = this.localize.t(words).hello;
    this.rendered.push(text);
    return html`<p>${text}</p>`;
  }
}
defineElement('test-greeting', GreetingElement);

const nextTask = () => new Promise((resolve) => setTimeout(resolve));

describe('LocalizeController', () => {
  it('renders French at once, with nothing to load', async () => {
    const el = await fixture<GreetingElement>(testHtml`<test-greeting></test-greeting>`);
    expect(el.rendered).to.deep.equal(['Bonjour']);
  });

  it('renders another language only once it is loaded, never French first', async () => {
    // Not `fixture`: it would wait for the first render, which waits for German.
    const element = new GreetingElement();
    element.setAttribute('lang', 'de');
    document.body.append(element);
    await nextTask();
    expect(element.rendered).to.deep.equal([]);
    de.resolve();
    await element.updateComplete;
    expect(element.rendered).to.deep.equal(['Hallo']);

    // Switching: German stays until English is in, then English; French never shows.
    element.setAttribute('lang', 'en');
    await nextTask();
    expect(element.rendered.at(-1)).to.equal('Hallo');
    en.resolve();
    await element.updateComplete;
    expect(element.rendered.at(-1)).to.equal('Hello');
    expect(element.rendered).to.not.include('Bonjour');
    element.remove();
  });

  it('shows French when a language cannot be loaded, and loads it on a later try', async () => {
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args[0]);
    try {
      const el = new GreetingElement();
      el.setAttribute('lang', 'lb');
      document.body.append(el);
      lb.reject(new TypeError('Failed to fetch dynamically imported module'));
      await el.updateComplete;
      expect(el.rendered).to.deep.equal(['Bonjour']);
      expect(String(warnings[0])).to.contain('"lb" messages could not be loaded');

      lb = deferred({ hello: 'Moien' });
      el.setAttribute('lang', 'fr');
      await el.updateComplete;
      el.setAttribute('lang', 'lb');
      lb.resolve();
      await el.updateComplete;
      expect(el.rendered.at(-1)).to.equal('Moien');
      el.remove();
    } finally {
      console.warn = warn;
      de = deferred({ hello: 'Hallo' });
      en = deferred({ hello: 'Hello' });
    }
  });
});
