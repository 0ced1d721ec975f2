// <dsp-status-list> against the mock: a worklist's statuses in one batch request, compact rows
// with one Tab stop and arrow, Home and End keys, the names the host gives, the limit of 50
// patients and entries with no id said, axe throughout.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { fixtures } from '@dsp-kit/mock';
import { startSandbox, type Sandbox } from '@dsp-kit/mock/browser';
import type { DspStatusList } from '../src/define/dsp-status-list.js';
import '../src/define/dsp-status-list.js';
import { countingClient, part } from './status.helpers.js';

const { patients, users } = fixtures;
let sandbox: Sandbox;

before(async () => {
  sandbox = await startSandbox();
});
afterEach(() => sandbox.reset());
after(() => sandbox.stop());

const WORKLIST = [
  patients.marie.id,
  patients.tom.id,
  patients.sophie.id,
  'no-such-patient',
  patients.lucien.id,
  patients.nadia.id,
];

async function list(user: string, ids: DspStatusList['patients']) {
  const { client, sent } = countingClient(sandbox, user);
  const el = await fixture<DspStatusList>(
    html`<dsp-status-list .client=${client} .patients=${ids}></dsp-status-list>`,
  );
  return { el, sent };
}

function rows(el: DspStatusList): HTMLButtonElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[part~="row"]')];
}

describe('<dsp-status-list>', () => {
  it('reads a worklist in one batch request and shows a row per patient', async () => {
    const { el, sent } = await list(users.weber, WORKLIST);
    await waitUntil(() => rows(el).length === WORKLIST.length, 'the rows did not show', {
      timeout: 5000,
    });
    expect(sent).to.deep.equal(['POST /']);
    const names = rows(el).map((row) => row.getAttribute('aria-label') ?? '');
    expect(names[0]).to.match(/^Marie Schmit DSP — DSP ouvert\. Votre accès : complet\./);
    expect(names[1]).to.match(/^Tom Becker DSP — DSP ouvert\. Votre accès : normal\./);
    expect(names[2]).to.contain('DSP fermé');
    expect(names[3]).to.match(/^no-such-patient Pas de DSP — Aucun DSP pour ce patient\./);
    expect(rows(el).map((row) => row.dataset.patient)).to.deep.equal(WORKLIST);
    await expect(el).to.be.accessible();
  });

  it('asks about 50 patients in one request', async () => {
    const fifty = Array.from({ length: 50 }, (_, i) => WORKLIST[i % WORKLIST.length] ?? '');
    const { el, sent } = await list(users.weber, fifty);
    await waitUntil(() => rows(el).length === 50, 'the rows did not show', { timeout: 5000 });
    expect(sent).to.have.length(1);
  });

  it('keeps one Tab stop and moves with the arrows, Home and End', async () => {
    const { el } = await list(users.weber, WORKLIST);
    await waitUntil(() => rows(el).length === WORKLIST.length, 'the rows did not show', {
      timeout: 5000,
    });
    expect(rows(el).map((row) => row.tabIndex)).to.deep.equal([0, -1, -1, -1, -1, -1]);
    rows(el)[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(el.shadowRoot!.activeElement).to.equal(rows(el)[1]);
    await sendKeys({ press: 'End' });
    expect(el.shadowRoot!.activeElement).to.equal(rows(el)[5]);
    await sendKeys({ press: 'ArrowDown' });
    expect(el.shadowRoot!.activeElement).to.equal(rows(el)[5]);
    await sendKeys({ press: 'Home' });
    expect(el.shadowRoot!.activeElement).to.equal(rows(el)[0]);
    await sendKeys({ press: 'ArrowUp' });
    expect(el.shadowRoot!.activeElement).to.equal(rows(el)[0]);
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(rows(el).map((row) => row.tabIndex)).to.deep.equal([-1, -1, -1, -1, -1, 0]);
    const opened = oneEvent(el, 'dsp-status-open');
    await sendKeys({ press: 'Enter' });
    expect((await opened).detail).to.deep.equal({ patient: patients.nadia.id });
  });

  it('shows the names the host gives, the server’s where it gives none, else the id', async () => {
    // Sophie's DSP is closed: the server refuses her record, so it tells Dr Weber no name.
    const worklist = [
      { id: patients.marie.id, name: 'SCHMIT Marie (1984)' },
      patients.tom.id,
      { id: `Patient/${patients.sophie.id}`, name: 'KLEIN Sophie' },
      { id: patients.lucien.id },
      'no-such-patient',
      { id: 'not-in-the-dsp', name: 'DOE Jane' },
    ];
    const { el, sent } = await list(users.weber, worklist);
    await waitUntil(() => rows(el).length === worklist.length, 'the rows did not show', {
      timeout: 5000,
    });
    expect(sent).to.deep.equal(['POST /']);
    const shown = rows(el).map((row) => row.querySelector('.name')!.textContent.trim());
    expect(shown).to.deep.equal([
      'SCHMIT Marie (1984)',
      'Tom Becker',
      'KLEIN Sophie',
      'Lucien Wagner',
      'no-such-patient',
      'DOE Jane',
    ]);
    const labels = rows(el).map((row) => row.getAttribute('aria-label') ?? '');
    expect(labels[0]).to.match(/^SCHMIT Marie \(1984\) DSP — DSP ouvert\./);
    expect(labels[2]).to.match(/^KLEIN Sophie DSP fermé — /);
    expect(labels[5]).to.match(/^DOE Jane Pas de DSP — /);
    expect(rows(el).map((row) => row.dataset.patient)).to.deep.equal([
      patients.marie.id,
      patients.tom.id,
      patients.sophie.id,
      patients.lucien.id,
      'no-such-patient',
      'not-in-the-dsp',
    ]);
    const opened = oneEvent(el, 'dsp-status-open');
    rows(el)[2]!.click();
    expect((await opened).detail).to.deep.equal({ patient: patients.sophie.id });
    await expect(el).to.be.accessible();
  });

  it('renames its rows without asking the server again when only the names change', async () => {
    const { el, sent } = await list(users.weber, [patients.marie.id, 'no-such-patient']);
    await waitUntil(() => rows(el).length === 2, 'the rows did not show', { timeout: 5000 });
    el.patients = [
      { id: patients.marie.id, name: 'SCHMIT Marie' },
      { id: 'no-such-patient', name: 'DOE Jane' },
    ];
    await el.updateComplete;
    expect(rows(el).map((row) => row.querySelector('.name')!.textContent.trim())).to.deep.equal([
      'SCHMIT Marie',
      'DOE Jane',
    ]);
    expect(sent).to.have.length(1);
  });

  it('says which entry is not a patient, and sends nothing', async () => {
    const { el, sent } = await list(users.weber, [
      { id: patients.marie.id, name: 'SCHMIT Marie' },
      { id: '  ', name: 'Sans identifiant' },
    ]);
    expect(part(el, 'error')!.textContent).to.contain('Sans identifiant');
    expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
    expect(sent).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('says when the list holds more than 50 patients, and sends nothing', async () => {
    const many = Array.from({ length: 51 }, (_, i) => `patient-${i}`);
    const { el, sent } = await list(users.weber, many);
    expect(part(el, 'error')!.textContent).to.contain('50 patients au plus ; elle en a 51');
    expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
    expect(sent).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('says the request failed, with a retry, when offline with nothing cached', async () => {
    sandbox.useScenario('offline');
    try {
      const { el } = await list(users.weber, WORKLIST);
      await waitUntil(() => part(el, 'error'), 'no error shown', { timeout: 5000 });
      expect(part(el, 'error')!.textContent).to.contain('injoignable');
      await expect(el).to.be.accessible();
    } finally {
      sandbox.clearScenario();
    }
  });

  it('is readable in the dark theme', async () => {
    const { el } = await list(users.kremer, WORKLIST);
    await waitUntil(() => rows(el).length === WORKLIST.length, 'the rows did not show', {
      timeout: 5000,
    });
    el.theme = 'dark';
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});
