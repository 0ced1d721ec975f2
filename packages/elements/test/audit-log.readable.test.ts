// <dsp-audit-log> as a patient reads it: a long log scrolls by keyboard, a page view's searches
// do not flood it, rights changes say what changed, refusals speak to the patient, and a phone-
// width panel never cuts a word — against the mock DSP server (msw's real service worker).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { staticTokenProvider } from '@dsp-kit/auth';
import {
  blockProfessional,
  DspClient,
  maskDocument,
  setBreakTheGlass,
  unblockProfessional,
} from '@dsp-kit/fhir';
import { makeMatricule } from '@dsp-kit/fhir/matricule';
import { fixtures, mockToken } from '@dsp-kit/mock';
import { startSandbox, type Sandbox } from '@dsp-kit/mock/browser';
import type { DspAuditLog } from '../src/define/dsp-audit-log.js';
import '../src/define/dsp-audit-log.js';
import '../src/define/dsp-document-viewer.js';
import '../src/define/dsp-access-rights.js';

const { patients, documents, users } = fixtures;
const marie = patients.marie.id;
let sandbox: Sandbox;

function as(user: string): DspClient {
  return new DspClient({
    baseUrl: sandbox.server.baseUrl,
    tokens: staticTokenProvider(mockToken(user)),
    retry: false,
  });
}

function part(el: Element, name: string): HTMLElement | null {
  return el.shadowRoot!.querySelector(`[part~="${name}"]`);
}

function rows(el: Element): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="row"]')];
}

function text(node: Element): string {
  return node.textContent.replace(/\s+/g, ' ').trim();
}

async function logOf(user: string, lang = 'fr', style = ''): Promise<DspAuditLog> {
  const el = await fixture<DspAuditLog>(
    html`<dsp-audit-log
      .client=${as(user)}
      patient=${marie}
      lang=${lang}
      style=${style}
    ></dsp-audit-log>`,
  );
  await waitUntil(() => rows(el).length > 0, 'the log did not load', { timeout: 5000 });
  return el;
}

async function editConsent(
  change: (consent: Awaited<ReturnType<DspClient['getConsent']>>['consent']) => typeof consent,
) {
  const own = as(users.marie);
  const { consent, etag } = await own.getConsent(marie);
  await own.saveConsent(change(consent), etag);
}

before(async () => {
  sandbox = await startSandbox();
});
after(() => sandbox.stop());
beforeEach(() => sandbox.reset());

describe('<dsp-audit-log> read by the patient', () => {
  it('axe passes on a long audit log', async () => {
    // Entries alternating between two professionals: none groups with its neighbour, and none
    // names a document, so no row holds a button to reach the list by.
    for (let i = 0; i < 30; i++) {
      await as(users.weber).searchDocuments({ patient: marie });
      await as(users.kremer)
        .searchDocuments({ patient: marie })
        .catch(() => undefined);
    }
    const el = await logOf(users.marie);
    const list = part(el, 'list')!;
    await waitUntil(() => list.scrollHeight > list.clientHeight + 100, 'the list did not scroll');
    await expect(el).to.be.accessible();
    // Reachable by Tab, and scrolled by the keyboard once there.
    expect(list.tabIndex).to.equal(0);
  });

  it('shows one page view’s identical searches as one entry with a count', async () => {
    // One page view of the sandbox: the viewer, the access rights (its documents to mask) and the
    // log each search the record, each recorded by the server.
    const audited = () => sandbox.server.store.auditOf(marie).length;
    const page = await fixture(
      html`<div>
        <dsp-document-viewer .client=${as(users.marie)} patient=${marie}></dsp-document-viewer>
        <dsp-access-rights .client=${as(users.marie)} patient=${marie}></dsp-access-rights>
      </div>`,
    );
    await waitUntil(() => audited() === 2, 'the viewer and the rights did not search', {
      timeout: 5000,
    });
    page.remove(); // the log's rows render where they can be seen
    const el = await logOf(users.marie);
    await waitUntil(() => audited() === 3, 'the log’s own search was not recorded');
    el.refresh(); // the log's own search, recorded after it answered, shows in the next one
    await waitUntil(() => part(el, 'count')?.textContent.includes('3 entrées'), 'no refresh');
    const searches = 3;
    const own = rows(el).filter((row) => text(row).includes('Marie Schmit'));
    expect(own.map(text), 'rows of the patient herself').to.have.length(1);
    expect(text(own[0]!)).to.contain('Recherche').and.contain(`×${searches}`);
    // The count is not a bare sign to a screen reader.
    expect(own[0]!.querySelector('.repeat .visually-hidden')?.textContent).to.equal(
      `${searches} fois`,
    );
    // The CSV keeps every entry.
    expect(el.csv().trimEnd().split('\r\n').length - 1).to.equal(searches);
  });

  it('says who was blocked or let back in, which document was masked, and emergency refused', async () => {
    await editConsent((c) => blockProfessional(c, 'Practitioner/paul-weber'));
    await editConsent((c) => unblockProfessional(c, 'Practitioner/paul-weber'));
    await editConsent((c) => maskDocument(c, documents.certificate.id));
    await editConsent((c) => setBreakTheGlass(c, false));
    const el = await logOf(users.marie);
    el.style.setProperty('--dsp-audit-log-height', '200rem');
    el.action = 'consent';
    await waitUntil(() => rows(el).length === 4, 'the four rights changes did not show');
    const [refused, masked, unblocked, blocked] = rows(el).map(text);
    expect(blocked).to.contain('Bloqué : Dr Paul Weber');
    expect(unblocked).to.contain('Débloqué : Dr Paul Weber');
    expect(masked).to.contain("Document masqué : Certificat d'aptitude au sport");
    expect(refused).to.contain('Accès en urgence refusé');
    await expect(el).to.be.accessible();
    el.remove(); // the next log's rows render where they can be seen

    const en = await logOf(users.marie, 'en');
    en.action = 'consent';
    await waitUntil(() => rows(en).length === 4);
    expect(text(rows(en)[3]!)).to.contain('Blocked: Dr Paul Weber');
  });

  it('says which assistant was named, in the server’s words when it gives no code', async () => {
    await as(users.marie).addAssistant(marie, {
      given: 'Paul',
      family: 'Wagner',
      matricule: makeMatricule('1961-05-17', 44),
    });
    const el = await logOf(users.marie);
    el.action = 'consent';
    await waitUntil(() => rows(el).length === 1);
    expect(text(rows(el)[0]!)).to.contain('Paul Wagner');
  });

  it('gives the patient a refusal reason in her own words', async () => {
    await editConsent((c) => blockProfessional(c, 'Practitioner/paul-weber'));
    await as(users.weber)
      .searchDocuments({ patient: marie })
      .catch(() => undefined);
    const el = await logOf(users.marie);
    el.agent = 'Practitioner/paul-weber';
    el.action = 'search';
    await waitUntil(() => rows(el).length === 1);
    const row = text(rows(el)[0]!);
    expect(row).to.contain('Refusé').and.contain('Ce professionnel était bloqué.');
    expect(row).to.not.contain('vous a bloqué');
    const lines = el.csv().trimEnd().split('\r\n');
    expect(lines[0]).to.contain('"Motif du refus"');
    expect(lines[1]).to.contain('"Ce professionnel était bloqué."');
  });

  it('exports for French spreadsheets: semicolons, local times with their offset', async () => {
    await as(users.weber).searchDocuments({ patient: marie });
    const el = await logOf(users.marie);
    const [header, first] = el.csv().replace('\uFEFF', '').split('\r\n');
    expect(header).to.match(/^"Date";"Qui";/);
    const recorded = new Date(rows(el)[0]!.querySelector('time')!.getAttribute('datetime')!);
    const offset = -recorded.getTimezoneOffset();
    const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');
    const local =
      `${recorded.getFullYear()}-${pad(recorded.getMonth() + 1)}-${pad(recorded.getDate())} ` +
      `${pad(recorded.getHours())}:${pad(recorded.getMinutes())}:${pad(recorded.getSeconds())}` +
      `${offset < 0 ? '-' : '+'}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
    expect(first).to.match(new RegExp(`^"${local.replace('+', '\\+')}";`));
    const en = await logOf(users.marie, 'en');
    expect(en.csv()).to.match(/^\uFEFF"Date","Who",/);
    en.csvSeparator = ';';
    expect(en.csv()).to.match(/^\uFEFF"Date";"Who";/);
  });

  it('never breaks a word in the middle at 390 px', async () => {
    await as(users.weber).readDocument(documents.cardiology.id);
    await as(users.kremer)
      .searchDocuments({ patient: marie })
      .catch(() => undefined);
    const el = await logOf(users.marie, 'fr', 'width: 390px; display: block');
    await waitUntil(() => rows(el).length >= 2);
    const broken: string[] = [];
    for (const row of rows(el)) {
      const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of node.textContent!.matchAll(/[\p{L}\p{N}’'-]+/gu)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (lines.size > 1) broken.push(match[0]);
        }
      }
    }
    expect(broken, 'words cut across lines').to.deep.equal([]);
  });
});
