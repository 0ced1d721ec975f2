// <dsp-status-list> in a host's narrow column, measured in layout: a name of about 24 characters
// shows whole beside or above its mark, in every language, and a longer one is cut with the
// full name kept as its title and in the row's accessible name.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { DspLanguage } from '@dsp-kit/fhir';
import { fixtures } from '@dsp-kit/mock';
import { startSandbox, type Sandbox } from '@dsp-kit/mock/browser';
import type { DspStatusList } from '../src/define/dsp-status-list.js';
import '../src/define/dsp-status-list.js';
import { countingClient } from './status.helpers.js';

const { patients, users } = fixtures;
let sandbox: Sandbox;

before(async () => {
  // The sandbox's rule: Lucien's and Nadia's DSPs need an explicit grant, which Dr Weber lacks.
  sandbox = await startSandbox({
    policy: { explicitGrantsFor: [patients.lucien.id, patients.nadia.id] },
  });
});
afterEach(() => sandbox.reset());
after(() => sandbox.stop());

/** 24 characters, two of them wide capitals. */
const TWENTY_FOUR = 'Anne-Marie Hoffmann-Weis';
const LONG = 'Marie-Christine Élisabeth Hoffmann-Weis de Schengen-Remich-Wormeldange';

// Sophie's DSP is closed and Dr Weber has no access to Nadia's: the two longest marks of a row.
const WORKLIST = [
  { id: patients.marie.id, name: 'Marie Schmit' },
  { id: patients.sophie.id, name: 'Sophie Klein' },
  { id: patients.nadia.id, name: TWENTY_FOUR },
  { id: patients.tom.id, name: LONG },
];

/**
 * The list as the sandbox lays it out at 1280 px: the chart's side column of 12rem, the panel's
 * padding made 0.5rem, the host's system font.
 */
async function inSideColumn(lang: DspLanguage): Promise<DspStatusList> {
  const { client } = countingClient(sandbox, users.weber);
  const column = await fixture<HTMLElement>(html`
    <div style="width: 12rem; font-family: system-ui, sans-serif; line-height: 1.4">
      <style>
        .narrow dsp-status-list::part(base) {
          padding: 0.5rem;
        }
      </style>
      <div class="narrow">
        <dsp-status-list .client=${client} .patients=${WORKLIST} lang=${lang}></dsp-status-list>
      </div>
    </div>
  `);
  const el = column.querySelector<DspStatusList>('dsp-status-list')!;
  await waitUntil(() => rows(el).length === WORKLIST.length, 'the rows did not show', {
    timeout: 5000,
  });
  return el;
}

function rows(el: DspStatusList): HTMLButtonElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[part~="row"]')];
}

function nameOf(row: HTMLButtonElement): HTMLElement {
  return row.querySelector<HTMLElement>('.name')!;
}

/** Whether the name's text is all drawn: nothing cut on either axis, inside its row. */
function shownWhole(row: HTMLButtonElement): boolean {
  const name = nameOf(row);
  const box = name.getBoundingClientRect();
  const frame = row.getBoundingClientRect();
  return (
    name.scrollWidth <= name.clientWidth &&
    name.scrollHeight <= name.clientHeight &&
    box.left >= frame.left &&
    box.right <= frame.right
  );
}

describe('<dsp-status-list> names in a narrow column', () => {
  for (const lang of ['fr', 'de', 'en', 'lb'] as const) {
    it(`shows names up to 24 characters whole and cuts a longer one (${lang})`, async () => {
      const el = await inSideColumn(lang);
      const [marie, sophie, twentyFour, long] = rows(el) as [
        HTMLButtonElement,
        HTMLButtonElement,
        HTMLButtonElement,
        HTMLButtonElement,
      ];
      // The sandbox's column, and the longest mark beside the 24 characters (no access at all).
      expect(twentyFour.getBoundingClientRect().width).to.be.below(180);
      expect(twentyFour.className).to.contain('danger');
      for (const row of [marie, sophie, twentyFour]) {
        expect(shownWhole(row), `${nameOf(row).textContent} is shown whole`).to.equal(true);
      }
      // The long name is cut, inside its row; the full name is its title and the row's name.
      expect(shownWhole(long)).to.equal(false);
      expect(nameOf(long).getBoundingClientRect().right).to.be.at.most(
        long.getBoundingClientRect().right,
      );
      expect(nameOf(long).title).to.equal(LONG);
      expect(long.getAttribute('aria-label')).to.match(new RegExp(`^${LONG} `));
      await expect(el).to.be.accessible();
    });
  }
});
