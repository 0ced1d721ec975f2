import { expect } from '@open-wc/testing';
import { defineElement } from './define-element.js';

describe('defineElement', () => {
  it('defines a tag once, and leaves a tag held by another class to it with a warning', () => {
    class First extends HTMLElement {}
    class Second extends HTMLElement {}
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      defineElement('dsp-test-define', First);
      defineElement('dsp-test-define', First);
      expect(warnings).to.deep.equal([]);
      defineElement('dsp-test-define', Second);
      expect(customElements.get('dsp-test-define')).to.equal(First);
      expect(warnings).to.have.length(1);
      expect(String(warnings[0])).to.contain('<dsp-test-define> is already defined');
    } finally {
      console.warn = warn;
    }
  });
});
