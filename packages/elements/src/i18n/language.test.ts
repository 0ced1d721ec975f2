import { expect, fixture, html } from '@open-wc/testing';
import { inheritedLang, kitLanguage, resolveLanguage } from './language.js';

describe('language resolution', () => {
  afterEach(() => document.documentElement.removeAttribute('lang'));

  it('maps BCP 47 tags to the kit languages, and nothing else', () => {
    expect(kitLanguage('fr-LU')).to.equal('fr');
    expect(kitLanguage('DE')).to.equal('de');
    expect(kitLanguage('lb_LU')).to.equal('lb');
    expect(kitLanguage('pt')).to.equal(undefined);
    expect(kitLanguage('')).to.equal(undefined);
    expect(kitLanguage(null)).to.equal(undefined);
  });

  it('takes the nearest lang, crossing shadow roots, then the document, then French', async () => {
    const host = await fixture<HTMLElement>(html`<div lang="de"><span></span></div>`);
    const shadowHost = host.querySelector('span')!;
    const inner = document.createElement('i');
    shadowHost.attachShadow({ mode: 'open' }).append(inner);
    expect(inheritedLang(inner)).to.equal('de');
    expect(resolveLanguage(inner)).to.equal('de');
    inner.setAttribute('lang', 'en-GB');
    expect(resolveLanguage(inner)).to.equal('en');

    const orphan = await fixture<HTMLElement>(html`<p></p>`);
    expect(resolveLanguage(orphan)).to.equal('fr');
    document.documentElement.setAttribute('lang', 'en');
    expect(resolveLanguage(orphan)).to.equal('en');
    document.documentElement.setAttribute('lang', 'it');
    expect(resolveLanguage(orphan)).to.equal('fr');
  });
});
