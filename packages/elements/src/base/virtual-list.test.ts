// The kit's virtualized list in Chromium: however far it scrolls and however often its items
// change, the list holds its rows and their two markers each, nothing left over from rows gone.
import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import '../../test/resize-observer-notice.js';
import { ROW_MARGIN_PX, virtualList } from './virtual-list.js';

interface Item {
  readonly id: string;
  readonly label: string;
}

const items = (count: number, prefix: string): Item[] =>
  Array.from({ length: count }, (_, i) => ({ id: `${prefix}${i}`, label: `${prefix} ${i}` }));

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

async function mount(shown: Item[]) {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  const draw = (list: Item[]) => {
    render(
      html`<div part="list" style="display: block; height: 300px; overflow: auto">
        ${virtualList(
          list,
          (item) => item.id,
          (item) => html`<div part="row" style="height: 40px">${item.label}</div>`,
        )}
      </div>`,
      host,
    );
  };
  draw(shown);
  const list = host.querySelector<HTMLElement>('[part="list"]')!;
  await settle(list);
  return { list, draw };
}

/** Frames until the virtualizer has rendered rows and stopped changing them. */
async function settle(list: HTMLElement) {
  let last = -1;
  for (let i = 0; i < 60; i++) {
    await frame();
    const count = list.childNodes.length;
    if (count === last && rows(list).length > 0) return;
    last = count;
  }
}

const rows = (list: HTMLElement) => [...list.querySelectorAll<HTMLElement>('[part="row"]')];

/** Empty comments directly in the list: lit-html's two markers per row, and any left behind. */
const markers = (list: HTMLElement) =>
  [...list.childNodes].filter((n) => n.nodeType === Node.COMMENT_NODE && (n as Comment).data === '')
    .length;

describe('virtualList', () => {
  it('keeps two markers per row however far it scrolls', async () => {
    const { list } = await mount(items(5_000, 'e'));
    for (let i = 0; i < 40; i++) {
      list.scrollTop += 400;
      await frame();
    }
    await settle(list);
    const shown = rows(list);
    expect(shown.length).to.be.greaterThan(0);
    expect(markers(list)).to.equal(2 * shown.length);
    // The rows are still the items at their places, in order, after all those scrolls.
    const first = Number(shown[0]!.textContent.trim().split(' ')[1]);
    expect(shown.map((row) => row.textContent.trim())).to.deep.equal(
      shown.map((_, i) => `e ${first + i}`),
    );
  });

  it('keeps two markers per row when its items are replaced, as a filter does', async () => {
    const { list, draw } = await mount(items(5_000, 'e'));
    for (const prefix of ['a', 'b', 'c', 'd']) {
      draw(items(5_000, prefix));
      await settle(list);
    }
    const shown = rows(list);
    expect(shown[0]!.textContent.trim()).to.equal('d 0');
    expect(markers(list)).to.equal(2 * shown.length);
  });

  it('renders the rows in view and ROW_MARGIN_PX beyond, no more, at the top and halfway', async () => {
    // 300 px of view, rows of 40 px: the view's 8 rows, and the margin's rows on either side.
    const { list } = await mount(items(5_000, 'e'));
    const inView = 300 / 40;
    const inMargin = ROW_MARGIN_PX / 40;
    const atTop = rows(list);
    expect(atTop[0]!.textContent.trim()).to.equal('e 0');
    expect(atTop.length).to.be.within(Math.ceil(inView), Math.ceil(inView + inMargin) + 1);
    list.scrollTop = 100_000;
    await settle(list);
    const halfway = rows(list);
    const top = list.getBoundingClientRect().top;
    // Every row in view is there...
    const visible = halfway.filter((row) => {
      const box = row.getBoundingClientRect();
      return box.bottom > top && box.top < top + 300;
    });
    expect(visible.length).to.be.at.least(Math.floor(inView));
    // ...and the margin on both sides, no more.
    expect(halfway.length).to.be.within(Math.ceil(inView), Math.ceil(inView + 2 * inMargin) + 2);
  });
});
