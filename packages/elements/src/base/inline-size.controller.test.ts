// InlineSizeController in Chromium: a panel's base measured as a container query would (its
// content box, in rem), the panel rendered again only when a breakpoint is crossed, the base
// rendered anew watched in place of the old one, and the layout switched by the next frame.
import { expect, fixture, html as testHtml } from '@open-wc/testing';
import { LitElement, html, type TemplateResult } from 'lit';
import '../../test/resize-observer-notice.js';
import { InlineSizeController } from './inline-size.controller.js';

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

class SizedPanel extends LitElement {
  readonly width = new InlineSizeController(this, [20, 40]);
  renders = 0;
  /** Renders the base as another element (a panel changing state). */
  other = false;

  override render(): TemplateResult {
    this.renders++;
    const classes = `${this.width.atLeast(20) ? 'w20' : ''} ${this.width.atLeast(40) ? 'w40' : ''}`;
    return this.other
      ? html`<div part="base" class=${classes} style="padding: 0 1rem"></div>`
      : html`<section part="base" class=${classes} style="padding: 0 1rem"></section>`;
  }
}
customElements.define('test-sized-panel', SizedPanel);

/** Frames until the panel has rendered what its width asks. */
async function settled(el: SizedPanel): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await frame();
    await el.updateComplete;
  }
}

const base = (el: SizedPanel) => el.shadowRoot!.querySelector('[part="base"]')!;

describe('InlineSizeController', () => {
  it('reads the base’s content box in rem, as `@container (min-width: …)` does', async () => {
    // 30rem wide, 2rem of padding: a content box of 28rem.
    const el = await fixture<SizedPanel>(
      testHtml`<test-sized-panel style="display: block; width: 30rem"></test-sized-panel>`,
    );
    await settled(el);
    expect(base(el).className.trim()).to.equal('w20');
    el.style.width = '43rem'; // 41rem of content
    await settled(el);
    expect(base(el).className.trim()).to.equal('w20 w40');
    el.style.width = '41.5rem'; // 39.5rem: below 40
    await settled(el);
    expect(base(el).className.trim()).to.equal('w20');
    el.style.width = '10rem';
    await settled(el);
    expect(base(el).className.trim()).to.equal('');
  });

  it('renders again only when a breakpoint is crossed', async () => {
    const el = await fixture<SizedPanel>(
      testHtml`<test-sized-panel style="display: block; width: 30rem"></test-sized-panel>`,
    );
    await settled(el);
    const renders = el.renders;
    for (const width of ['31rem', '33rem', '35rem', '38rem']) {
      el.style.width = width;
      await settled(el);
    }
    expect(el.renders, 'widths between 20 and 40rem').to.equal(renders);
    el.style.width = '50rem';
    await settled(el);
    expect(el.renders).to.equal(renders + 1);
  });

  it('has the wide layout by the frame after the first one laid out', async () => {
    const host = await fixture<HTMLDivElement>(testHtml`<div style="width: 50rem"></div>`);
    const el = new SizedPanel();
    el.style.display = 'block';
    host.append(el);
    // The first animation frame callback after connecting runs before that frame's layout (and
    // its resize observations); the next one comes after that frame was painted.
    await frame();
    await frame();
    expect(base(el).className.trim()).to.equal('w20 w40');
  });

  it('watches the base rendered anew in place of the old one', async () => {
    const el = await fixture<SizedPanel>(
      testHtml`<test-sized-panel style="display: block; width: 30rem"></test-sized-panel>`,
    );
    await settled(el);
    el.other = true;
    el.requestUpdate();
    await settled(el);
    expect(base(el).localName).to.equal('div');
    el.style.width = '50rem';
    await settled(el);
    expect(base(el).className.trim()).to.equal('w20 w40');
  });

  it('measures again once reconnected', async () => {
    const el = await fixture<SizedPanel>(
      testHtml`<test-sized-panel style="display: block; width: 30rem"></test-sized-panel>`,
    );
    await settled(el);
    const parent = el.parentElement!;
    el.remove();
    el.style.width = '50rem';
    parent.append(el);
    await settled(el);
    expect(base(el).className.trim()).to.equal('w20 w40');
  });
});
