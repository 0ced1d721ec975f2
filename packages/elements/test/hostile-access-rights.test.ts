// <dsp-access-rights> on a DSP whose every server-given text is a hostile string: the référent,
// blocked and granted professionals, directory results with their organisations, masked documents,
// rules from other applications and assistants show as text, and nothing runs or becomes markup.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { DspAccessRights } from '../src/define/dsp-access-rights.js';
import '../src/define/dsp-access-rights.js';
import {
  holdsText,
  injections,
  oddShapes,
  settle,
  watchExecution,
  type ExecutionWatch,
} from './hostile-checks.js';
import {
  as,
  directoryGroup,
  HOST_FONT,
  documentId,
  nameOf,
  PATIENT,
  practitionerId,
  REFERENT,
  texts,
  useHostileMock,
} from './hostile-mock.js';

useHostileMock();
let watch: ExecutionWatch;
beforeEach(() => {
  watch = watchExecution();
});
afterEach(() => {
  watch.restore();
});

function part(el: Element, name: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

function all(el: Element, selector: string): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
}

/** The panel of the hostile patient, once her rules and assistants have loaded. */
async function panel(): Promise<DspAccessRights> {
  const el = await fixture<DspAccessRights>(
    html`<dsp-access-rights
      .client=${as()}
      patient=${PATIENT}
      lang="en"
      style=${HOST_FONT}
    ></dsp-access-rights>`,
  );
  await waitUntil(
    () =>
      all(el, '[part~="assistant"] [part~="row"]').length === texts.length &&
      all(el, '[part~="list"] [part~="row"]').length === texts.length,
    'the panel did not load',
    { timeout: 8000 },
  );
  return el;
}

/** Searches the directory for `name` and waits for the results: the `expected` professionals. */
async function search(
  el: DspAccessRights,
  name: string,
  expected: readonly string[],
): Promise<HTMLElement[]> {
  const form = part(el, 'search') as HTMLFormElement;
  const input = form.querySelector('input')!;
  input.value = name;
  input.dispatchEvent(new Event('input'));
  form.requestSubmit();
  const results = () => all(el, '[part~="results"] [part~="row"]');
  await waitUntil(
    () =>
      results()
        .map((row) => row.dataset.actor)
        .sort()
        .join() === [...expected].sort().join(),
    `the directory did not find ${name}`,
    { timeout: 5000 },
  );
  return results();
}

const statusOf = (row: Element) => row.querySelector('[part~="status"]')?.className ?? '';

describe('<dsp-access-rights> with hostile server text', () => {
  it('shows professionals, documents, other rules and assistants as text, running nothing', async () => {
    const el = await panel();

    expect(part(el, 'referent')?.textContent, 'référent').to.contain(texts[REFERENT]);

    const professionals = all(el, '[part~="list"] [part~="row"]');
    texts.forEach((text, i) => {
      const row = professionals.find(
        (r) => r.dataset.actor === `Practitioner/${practitionerId(i)}`,
      );
      expect(row?.querySelector('.name')?.textContent, `professional: ${nameOf(i)}`).to.contain(
        text,
      );
    });
    expect(oddShapes(professionals, statusOf)).to.deep.equal([]);

    const masked = all(el, '[part~="documents"] [part~="row"]');
    const choices = all(el, '[part~="documents"] option');
    texts.forEach((text, i) => {
      const shown =
        i % 2 === 0
          ? masked.find((r) => r.dataset.document === documentId(i))?.querySelector('.who')
          : choices.find((o) => (o as HTMLOptionElement).value === documentId(i));
      expect(holdsText(shown, text), `document: ${nameOf(i)}`).to.equal(true);
      expect(shown?.childElementCount, `document: ${nameOf(i)}`).to.equal(0);
    });
    expect(oddShapes(masked, () => 'masked')).to.deep.equal([]);

    const rules = all(el, '[part~="other-rules"] [part~="rule"]');
    expect(rules).to.have.length(texts.length);
    texts.forEach((text, i) => {
      const rule = rules[i]!;
      // Who, which document and what for: the same text three times in one sentence.
      expect(rule.textContent.split(text).length - 1, `rule: ${nameOf(i)}`).to.be.at.least(3);
      expect(rule.childElementCount, `rule: ${nameOf(i)}`).to.equal(0);
    });

    const assistants = all(el, '[part~="assistant"] [part~="row"]');
    texts.forEach((text, i) => {
      const row = assistants.find((r) => r.dataset.assistant === `hostile-assistant-${i}`);
      expect(holdsText(row?.querySelector('.name'), `Aide ${text}`), `assistant: ${nameOf(i)}`).to
        .be.true;
    });
    expect(oddShapes(assistants, () => 'assistant')).to.deep.equal([]);

    await settle();
    expect(injections(el)).to.deep.equal([]);
    expect(watch.ran()).to.deep.equal([]);
  });

  it('shows directory results, names and organisations, as text', async () => {
    const el = await panel();
    const groups = [...new Set(texts.map((_, i) => directoryGroup(i)))];
    for (const group of groups) {
      const members = texts.flatMap((text, i) =>
        directoryGroup(i) === group ? [{ text, i }] : [],
      );
      const results = await search(
        el,
        group,
        members.map(({ i }) => `Practitioner/${practitionerId(i)}`),
      );
      for (const { text, i } of members) {
        const row = results.find((r) => r.dataset.actor === `Practitioner/${practitionerId(i)}`);
        expect(holdsText(row?.querySelector('.name'), `${group} ${text}`), `name: ${nameOf(i)}`).to
          .be.true;
        // Profession · organisation, the organisation's name being the text.
        expect(row?.querySelector('.role')?.textContent, `organisation: ${nameOf(i)}`).to.contain(
          ` · ${text}`,
        );
      }
      expect(oddShapes(results, statusOf)).to.deep.equal([]);
      expect(injections(el), group).to.deep.equal([]);
    }
    await settle();
    expect(watch.ran()).to.deep.equal([]);
  });
});
