// <dsp-document-stats> against the mock DSP server holding the fixtures and the seed's 2015–2017
// documents, through msw's real service worker, signed in as the agency.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { DspClient, documentTypeByCode, monthBound } from '@dsp-kit/fhir';
import type { DocumentReference } from '@dsp-kit/fhir';
import { SEED_2017_DATES, fixtures, mockToken, seed2017, seed2017Dataset } from '@dsp-kit/mock';
import { staticTokenProvider } from '@dsp-kit/auth';
import { startSandbox, type Sandbox } from '@dsp-kit/mock/browser';
import type { DspDocumentStats } from '../src/define/dsp-document-stats.js';
import '../src/define/dsp-document-stats.js';

let sandbox: Sandbox;
let client: DspClient;
/** Requests the client sent, to check what the panel asks and how often. */
let requests: { method: string; url: string }[] = [];
/** While set, requests wait for it: the loading state without a scenario's delay per entry. */
let hold: Promise<void> | undefined;

/** A client signed in as `user`, counting its requests. */
function clientFor(user: string): DspClient {
  return new DspClient({
    baseUrl: sandbox.server.baseUrl,
    tokens: staticTokenProvider(mockToken(user)),
    retry: false,
    fetch: (input, init) => {
      const request = new Request(input, init);
      requests.push({ method: request.method, url: request.url });
      return (hold ?? Promise.resolve()).then(() => fetch(request));
    },
  });
}

/** Lit's dev-mode warnings (a property changed during update, and the like) during the suite. */
const litWarnings: string[] = [];
const warn = console.warn.bind(console);

before(async () => {
  console.warn = (...args: unknown[]) => {
    const message = args.map(String).join(' ');
    if (message.includes('lit.dev/msg') && !message.includes('dev-mode')) litWarnings.push(message);
    warn(...args);
  };
  sandbox = await startSandbox({ data: [...fixtures.fixtureResources, ...seed2017Dataset()] });
  // DspClient.batch() is the real one: it landed before this test was written, so the test needs
  // no polyfill.
  client = clientFor(fixtures.users.agency);
});
beforeEach(() => {
  requests = [];
});
afterEach(async () => {
  await sandbox.reset();
  expect(litWarnings, 'Lit printed warnings').to.deep.equal([]);
});
after(() => {
  console.warn = warn;
  sandbox.stop();
});

function part(el: Element, name: string): HTMLElement | null {
  return el.shadowRoot!.querySelector(`[part~="${name}"]`);
}

async function settled(el: DspDocumentStats, partName: string): Promise<HTMLElement> {
  await waitUntil(() => part(el, partName), `no [part=${partName}] appeared`, { timeout: 8000 });
  return part(el, partName)!;
}

const text = (node: Element | null | undefined) => node?.textContent.trim() ?? '';
/** A formatted count back to a number (`8 184`, `8,184` → 8184). */
const count = (node: Element) => Number(text(node).replace(/\D/g, ''));

/** The table as data: each body row's type, label and numbers (dates, then the total). */
function bodyRows(el: Element) {
  return [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr')].map((row) => ({
    type: row.dataset.type,
    label: text(row.querySelector('th')),
    cells: [...row.querySelectorAll('td')].map(count),
  }));
}

function footer(el: Element): number[] {
  return [...el.shadowRoot!.querySelectorAll('tfoot td')].map(count);
}

function viewButtons(el: Element): [HTMLButtonElement, HTMLButtonElement] {
  const buttons = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="toolbar"] button');
  return [buttons[0]!, buttons[1]!];
}

async function stats(lang = 'fr', attributes: { dates?: string; mode?: string } = {}) {
  return fixture<DspDocumentStats>(
    html`<dsp-document-stats
      .client=${client}
      lang=${lang}
      dates=${attributes.dates ?? SEED_2017_DATES.join(',')}
      mode=${attributes.mode ?? 'cumulative'}
    ></dsp-document-stats>`,
  );
}

describe('<dsp-document-stats>', () => {
  it('holds no fixture document dated before the last seed date, so only the seed is counted', () => {
    const bound = Date.parse(monthBound('2017-03'));
    const dates = fixtures.fixtureResources
      .filter((r): r is DocumentReference => r.resourceType === 'DocumentReference')
      .map((d) => Date.parse(d.date ?? ''));
    expect(dates.length).to.be.greaterThan(0);
    expect(dates.every((date) => date >= bound)).to.equal(true);
  });

  it('shows the seed table, every cell and total, from one batch of counts', async () => {
    const el = await stats();
    const table = await settled(el, 'table');

    // One request: the batch, with one count per type and date.
    expect(requests).to.have.length(1);
    expect(requests[0]!.method).to.equal('POST');

    expect(text(table.querySelector('caption'))).to.contain(
      'Documents par type dans les DSP, cumulés à chaque date',
    );
    expect([...table.querySelectorAll('thead th')].map(text)).to.deep.equal([
      'Type de document',
      'oct. 2015',
      'janv. 2016',
      'avr. 2016',
      'juil. 2016',
      'oct. 2016',
      'janv. 2017',
      'mars 2017',
    ]);
    expect(
      [...table.querySelectorAll('thead th')].every((th) => th.getAttribute('scope') === 'col'),
    ).to.equal(true);
    expect(table.querySelector('thead time')!.getAttribute('datetime')).to.equal('2015-10');

    const rows = bodyRows(el);
    expect(rows).to.have.length(27);
    for (const seed of seed2017.rows) {
      const row = rows.find((r) => r.type === seed.code);
      expect(row, seed.code).to.not.equal(undefined);
      expect(row!.label, seed.code).to.equal(seed.labelFr);
      // Cumulative counts: the last date's column is the total, not repeated in a column of its own.
      expect(row!.cells, seed.code).to.deep.equal([...seed.counts]);
    }
    expect(footer(el)).to.deep.equal([...seed2017.total]);
    expect(text(table.querySelector('tfoot th'))).to.equal('Total');
    // Rows of zeros stay: a type nobody used yet is information too.
    expect(rows.find((r) => r.type === 'schema-therapeutique')!.cells.slice(0, 4)).to.deep.equal([
      0, 0, 0, 0,
    ]);
    // Numbers as French writes them.
    expect(text(table.querySelector('tfoot td:last-child'))).to.equal('14\u202f070');
    expect(
      [...table.querySelectorAll('tbody th')].every((th) => th.getAttribute('scope') === 'row'),
    ).to.equal(true);
    expect(text(part(el, 'toolbar')!.querySelector('.status'))).to.equal(
      '14\u202f070 documents jusqu’à mars 2017',
    );
    await expect(el).to.be.accessible();
  });

  it('switches to the chart and back from the keyboard, with aria-pressed', async () => {
    const el = await stats();
    await settled(el, 'table');
    const [tableButton, chartButton] = viewButtons(el);
    expect(tableButton.getAttribute('aria-pressed')).to.equal('true');
    expect(chartButton.getAttribute('aria-pressed')).to.equal('false');

    tableButton.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(chartButton);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.view).to.equal('chart');
    expect(el.getAttribute('view')).to.equal('chart');
    expect(part(el, 'table')).to.equal(null);
    expect(part(el, 'chart')).to.not.equal(null);
    expect(chartButton.getAttribute('aria-pressed')).to.equal('true');
    expect(tableButton.getAttribute('aria-pressed')).to.equal('false');
    expect(el.shadowRoot!.activeElement).to.equal(chartButton);

    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(el.shadowRoot!.activeElement).to.equal(tableButton);
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(el.view).to.equal('table');
    expect(part(el, 'table')).to.not.equal(null);
    expect(tableButton.getAttribute('aria-pressed')).to.equal('true');
    // Switching views asks the server nothing.
    expect(requests).to.have.length(1);
  });

  it('draws an accessible stacked chart of the six largest types and the others', async () => {
    const el = await stats();
    await settled(el, 'table');
    el.view = 'chart';
    const chart = await settled(el, 'chart');
    const svg = chart.querySelector('svg[role="img"]')!;
    const label = svg.getAttribute('aria-label')!;
    expect(label).to.contain('7 dates de oct. 2015 à mars 2017');
    expect(label).to.contain('14\u202f070 documents jusqu’à mars 2017');
    expect(label).to.contain('Résumés patients (8\u202f184), Certificats médicaux (1\u202f710)');
    expect(text(svg.querySelector(':scope > title'))).to.equal(
      'Documents par type dans les DSP, cumulés à chaque date',
    );
    expect(text(svg.querySelector(':scope > desc'))).to.contain(
      'Total, mars 2017\u00a0: 14\u202f070',
    );

    const legend = [...part(el, 'legend')!.querySelectorAll('li')].map(text);
    expect(legend).to.deep.equal([
      'Résumés patients',
      'Certificats médicaux',
      "CR d'actes diagnostiques",
      "CR d'actes à visée préventive",
      'Images radiologiques ou autres imageries médicales',
      "Résultats d'examens biologiques",
      'Autres types',
    ]);
    // Each segment says what it is; the others band of March 2017 holds the 21 smaller types.
    const titles = [...svg.querySelectorAll('g > title')].map(text);
    expect(titles).to.include('Résumés patients, mars 2017\u00a0: 8\u202f184');
    const others = 14070 - (8184 + 1710 + 1366 + 1082 + 646 + 541);
    expect(titles).to.include(`Autres types, mars 2017\u00a0: ${others}`);
    // Seven bars: one date label each.
    const dateLabels = [...svg.querySelectorAll('text')].map(text).filter((t) => /\d{4}$/.test(t));
    expect(dateLabels).to.deep.equal([
      'oct. 2015',
      'janv. 2016',
      'avr. 2016',
      'juil. 2016',
      'oct. 2016',
      'janv. 2017',
      'mars 2017',
    ]);
    await expect(el).to.be.accessible();
  });

  it('speaks English with lang="en": labels, dates and numbers', async () => {
    const el = await stats('en');
    const table = await settled(el, 'table');
    expect(text(table.querySelector('caption'))).to.contain(
      'Documents by type in all DSPs, cumulative at each date',
    );
    expect([...table.querySelectorAll('thead th')].map(text)).to.deep.equal([
      'Document type',
      'Oct 2015',
      'Jan 2016',
      'Apr 2016',
      'Jul 2016',
      'Oct 2016',
      'Jan 2017',
      'Mar 2017',
    ]);
    const row = bodyRows(el).find((r) => r.type === 'resume-patient')!;
    expect(row.label).to.equal(documentTypeByCode('resume-patient')!.labels.en);
    expect(row.label).to.equal('Patient summaries');
    expect(text(table.querySelector('tfoot td:last-child'))).to.equal('14,070');
    expect(viewButtons(el).map(text)).to.deep.equal(['Table', 'Chart']);
    el.view = 'chart';
    await settled(el, 'chart');
    expect(text(part(el, 'legend')!.querySelector('li:last-child'))).to.equal('Other types');
  });

  it('writes Luxembourgish numbers and months even where the browser has no lb data', async () => {
    const el = await stats('lb');
    const table = await settled(el, 'table');
    expect(text(table.querySelectorAll('thead th')[1])).to.equal('Okt. 2015');
    expect(text(table.querySelector('tfoot td:last-child'))).to.equal('14.070');
    expect(text(table.querySelector('tfoot th'))).to.equal('Total');
    expect(viewButtons(el).map(text)).to.deep.equal(['Tabell', 'Diagramm']);
  });

  it('counts per period on request: the documents added since the previous date', async () => {
    const el = await stats('fr', { mode: 'period' });
    const table = await settled(el, 'table');
    expect(text(table.querySelector('caption'))).to.contain('par période');
    const seed = seed2017.rows.find((r) => r.code === 'resume-patient')!;
    const row = bodyRows(el).find((r) => r.type === 'resume-patient')!;
    const periods = seed.counts.map((n, d) => n - (d === 0 ? 0 : seed.counts[d - 1]!));
    // Per period, the Total column sums the row's periods: the documents up to the last date.
    expect([...table.querySelectorAll('thead th')].map(text).at(-1)).to.equal('Total');
    expect(row.cells).to.deep.equal([...periods, seed.counts[6]]);
    expect(periods.reduce((sum, n) => sum + n, 0)).to.equal(seed.counts[6]);
    const totals = seed2017.total.map((n, d) => n - (d === 0 ? 0 : seed2017.total[d - 1]!));
    expect(footer(el)).to.deep.equal([...totals, 14070]);
  });

  it('sends no request when the same dates or types are set again, one when they change', async () => {
    const el = await stats();
    await settled(el, 'table');
    expect(requests).to.have.length(1);
    el.types = [...el.types];
    el.dates = ` ${SEED_2017_DATES.join(' , ')} `;
    await el.updateComplete;
    expect(requests).to.have.length(1);
    el.types = ['allergies', 'resume-patient'];
    el.dates = '2016-07-31';
    await waitUntil(() => bodyRows(el).length === 2, 'the new counts did not show');
    expect(requests).to.have.length(2);
    expect(bodyRows(el)).to.deep.equal([
      { type: 'allergies', label: 'Allergies intolérances reconnues', cells: [3] },
      { type: 'resume-patient', label: 'Résumés patients', cells: [2405] },
    ]);
    expect(text(part(el, 'table')!.querySelector('thead time'))).to.equal('31 juil. 2016');
  });

  it('shows its own words when every count is zero', async () => {
    const el = await stats('fr', { dates: '2014-06,2014-12' });
    const empty = await settled(el, 'empty');
    expect(text(empty)).to.equal('Aucun document de ces types à ces dates.');
    expect(empty.getAttribute('role')).to.equal('status');
    expect(part(el, 'toolbar')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('announces loading, accessibly', async () => {
    let release: () => void = () => undefined;
    hold = new Promise((resolve) => (release = resolve));
    try {
      const el = await stats();
      const loading = part(el, 'loading')!;
      expect(text(loading)).to.equal('Chargement des statistiques…');
      expect(loading.getAttribute('role')).to.equal('status');
      await expect(el).to.be.accessible();
      release();
      await settled(el, 'table');
    } finally {
      release();
      hold = undefined;
    }
  });

  it('reports a network failure, accessibly, and recovers on retry', async () => {
    sandbox.useScenario('offline');
    const el = document.createElement('dsp-document-stats');
    el.client = client;
    const reported = oneEvent(el, 'dsp-error');
    document.body.append(el);
    try {
      const error = await settled(el, 'error');
      expect((await reported).detail).to.deep.equal({ kind: 'network' });
      expect(error.getAttribute('role')).to.equal('alert');
      expect(text(error.querySelector('.summary'))).to.contain(
        'Les statistiques n’ont pas pu être chargées.',
      );
      expect(text(error.querySelector('.summary'))).to.contain('injoignable');
      await expect(el).to.be.accessible();

      sandbox.clearScenario();
      error.querySelector('button')!.click();
      await settled(el, 'table');
      expect(footer(el)).to.deep.equal([...seed2017.total]);
      expect(part(el, 'error')).to.equal(null);
    } finally {
      el.remove();
    }
  });

  it('fails plainly when the user may not count across DSPs (a doctor, not the agency)', async () => {
    const el = document.createElement('dsp-document-stats');
    el.client = clientFor(fixtures.users.weber);
    const reported = oneEvent(el, 'dsp-error');
    document.body.append(el);
    try {
      const error = await settled(el, 'error');
      // Every entry of the batch-response answered 403, with the server's reason.
      expect((await reported).detail).to.deep.equal({ kind: 'http', status: 403 });
      expect(text(error)).to.contain('Accès refusé.').and.contain('Seule l’Agence eSanté');
      expect(error.querySelector('button'), 'a retry after a 403').to.equal(null);
    } finally {
      el.remove();
    }
  });

  it('refuses invalid dates before sending anything', async () => {
    const el = await stats('fr', { dates: '2015-10,octobre' });
    const error = await settled(el, 'error');
    expect(text(error.querySelector('.summary'))).to.contain('La demande est invalide.');
    expect(text(error.querySelector('.detail'))).to.contain('"octobre"');
    expect(error.querySelector('button'), 'a retry of the same invalid dates').to.equal(null);
    expect(requests).to.have.length(0);
  });

  it('tells the developer when no client is connected, without a useless retry', async () => {
    const el = await fixture<DspDocumentStats>(html`<dsp-document-stats></dsp-document-stats>`);
    const error = await settled(el, 'error');
    expect(text(error)).to.contain('<dsp-provider>');
    expect(error.querySelector('button')).to.equal(null);
  });

  it('takes its client from a surrounding <dsp-provider>', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<dsp-provider .client=${client}
        ><dsp-document-stats></dsp-document-stats
      ></dsp-provider>`,
    );
    const el = wrapper.querySelector('dsp-document-stats')!;
    await settled(el, 'table');
    expect(footer(el)).to.deep.equal([...seed2017.total]);
  });
});
