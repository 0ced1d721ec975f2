// The hostile-string checks themselves: on a list rendered the unsafe way (server text as HTML),
// they see the payloads run and the markup they brought; on the same list rendered as text, none.
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import {
  holdsText,
  injections,
  oddShapes,
  readCsv,
  readsAsFormula,
  settle,
  watchExecution,
  type ExecutionWatch,
} from './hostile-checks.js';
import { hostileStrings, ordinaryText } from './hostile-strings.js';

/** A list of names, as text or (`unsafe`) as HTML: what a panel must never do. */
class NameList extends LitElement {
  @property({ attribute: false }) names: readonly string[] = [];
  @property({ type: Boolean }) unsafe = false;

  override render() {
    return html`<ul>
      ${this.names.map(
        (name) => html`<li part="row"><span>${this.unsafe ? unsafeHTML(name) : name}</span></li>`,
      )}
    </ul>`;
  }
}
customElements.define('hostile-name-list', NameList);

const names = [ordinaryText, ...hostileStrings.map((h) => h.text)];
let watch: ExecutionWatch;

beforeEach(() => {
  watch = watchExecution();
});
afterEach(() => {
  watch.restore();
});

describe('the hostile-string checks', () => {
  it('see payloads run and markup appear when server text is rendered as HTML', async () => {
    const el = await fixture<NameList>(
      html`<hostile-name-list unsafe .names=${names}></hostile-name-list>`,
    );
    await settle();
    expect(watch.ran()).to.include('alert(123)');
    expect(watch.ran()).to.include('window.__pwned = img');
    const found = injections(el);
    for (const expected of [
      'a <script> element',
      'a <img> element',
      'a <svg> element',
      'a <iframe> element',
      'a onerror attribute on <img>',
      'a autofocus attribute on <input>',
      'href="javascript:alert(1)" on <a>',
      'style="width: expression(alert(1));" on <div>',
      'a comment <!--?lit$123456789$-->',
    ])
      expect(found).to.include(expected);
    const rows = [...el.shadowRoot!.querySelectorAll('[part="row"]')];
    expect(oddShapes(rows, () => 'name').length).to.be.greaterThan(20);
    expect(holdsText(rows[1], names[1]!)).to.equal(false);
  });

  it('find nothing when the same text is rendered as text', async () => {
    const el = await fixture<NameList>(
      html`<hostile-name-list .names=${names}></hostile-name-list>`,
    );
    await settle();
    expect(watch.ran()).to.deep.equal([]);
    expect(injections(el)).to.deep.equal([]);
    const rows = [...el.shadowRoot!.querySelectorAll('[part="row"]')];
    expect(oddShapes(rows, () => 'name')).to.deep.equal([]);
    names.forEach((name, i) => {
      expect(holdsText(rows[i], name), name).to.equal(true);
    });
  });

  it('read RFC 4180 CSV back, and tell a formula as OWASP lists them', () => {
    expect(readCsv('\uFEFF"a","b ""c"", d"\r\n"1\r\n2",""\r\n')).to.deep.equal([
      ['a', 'b "c", d'],
      ['1\r\n2', ''],
    ]);
    for (const cell of ['=1', '+1', '-1', '@A1', '\tx', '\rx', '\nx', ' =1', '＝1', '\u3000＠A1'])
      expect(readsAsFormula(cell), JSON.stringify(cell)).to.equal(true);
    for (const cell of ["'=1", 'Dr Weber', ' ', '', '1+1'])
      expect(readsAsFormula(cell), JSON.stringify(cell)).to.equal(false);
  });
});
