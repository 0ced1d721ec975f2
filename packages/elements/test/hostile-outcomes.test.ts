// Every panel's error states when the server's OperationOutcome explains in hostile strings: each
// `details.text` shows as text where the panel shows the server's explanation — beside a failed
// search, read, save, count or upload, at the upload field an issue names — and nothing runs or
// becomes markup. The uploader's notice of a file the DSP already holds shows none of its title.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { BREAK_THE_GLASS_AVAILABLE, OUTCOME_SYSTEM, type DocumentReference } from '@dsp-kit/fhir';
import { fixtures, sampleFiles } from '@dsp-kit/mock';
import type { OperationOutcome } from '@medplum/fhirtypes';
import type { DspAccessRights } from '../src/define/dsp-access-rights.js';
import type { DspAuditLog } from '../src/define/dsp-audit-log.js';
import type { DspDocumentPreview } from '../src/define/dsp-document-preview.js';
import type { DspDocumentStats } from '../src/define/dsp-document-stats.js';
import type { DspDocumentUploader } from '../src/define/dsp-document-uploader.js';
import type { DspDocumentViewer } from '../src/define/dsp-document-viewer.js';
import '../src/define/dsp-access-rights.js';
import '../src/define/dsp-audit-log.js';
import '../src/define/dsp-document-preview.js';
import '../src/define/dsp-document-stats.js';
import '../src/define/dsp-document-uploader.js';
import '../src/define/dsp-document-viewer.js';
import './resize-observer-notice.js';
import {
  holdsText,
  injections,
  settle,
  watchExecution,
  type ExecutionWatch,
} from './hostile-checks.js';
import { as, HOST_FONT, IMAGE_DOCUMENT, PATIENT, sandbox, useHostileMock } from './hostile-mock.js';
import { hostileStrings } from './hostile-strings.js';

const { users } = fixtures;
const corpus = hostileStrings.map((h) => h.text);

useHostileMock();
let watch: ExecutionWatch;
let restoreServer: (() => void) | undefined;
beforeEach(() => {
  watch = watchExecution();
});
afterEach(() => {
  restoreServer?.();
  restoreServer = undefined;
  watch.restore();
});

/** An OperationOutcome with one issue per hostile string; the first ones at `expressions`. */
function outcome(
  options: { expressions?: readonly string[]; breakTheGlass?: boolean } = {},
): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: corpus.map((text, i) => ({
      severity: 'error',
      code: 'forbidden',
      details: {
        text,
        ...(i === 0 && options.breakTheGlass
          ? { coding: [{ system: OUTCOME_SYSTEM, code: BREAK_THE_GLASS_AVAILABLE }] }
          : {}),
      },
      ...(options.expressions?.[i] ? { expression: [options.expressions[i]] } : {}),
    })),
  };
}

function fhir(body: unknown, status: number): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/fhir+json' },
  });
}

/** Until the test ends, the server answers the requests `when` picks with `answer`. */
function serverAnswers(
  when: (request: Request, path: string) => boolean,
  answer: (request: Request) => Response | Promise<Response>,
): void {
  const server = sandbox().server;
  const own = Object.getOwnPropertyDescriptor(server, 'handle');
  const handle = server.handle.bind(server);
  const base = new URL(`${server.baseUrl}/`).pathname;
  server.handle = (request) =>
    when(request, new URL(request.url).pathname.slice(base.length))
      ? Promise.resolve(answer(request))
      : handle(request);
  restoreServer = () => {
    if (own) Object.defineProperty(server, 'handle', own);
  };
}

function part(el: Element, name: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

/** Waits for `find` to give an element, and checks it holds every hostile string as text only. */
async function showsEveryString(
  find: () => Element | null | undefined,
  what: string,
): Promise<Element> {
  await waitUntil(find, `no ${what}`, { timeout: 8000 });
  const element = find()!;
  for (const h of hostileStrings)
    expect(element.textContent, `${what}: ${h.name}`).to.contain(h.text);
  expect(element.childElementCount, `${what}: elements`).to.equal(0);
  return element;
}

/** Nothing ran, and nothing in the panel came from markup. */
async function nothingInjected(el: Element): Promise<void> {
  await settle();
  expect(injections(el)).to.deep.equal([]);
  expect(watch.ran()).to.deep.equal([]);
}

describe('server explanations in hostile strings', () => {
  it('viewer: a refused search and a refused emergency access', async () => {
    serverAnswers(
      (r, path) => path === 'DocumentReference' || path.endsWith('$break-the-glass'),
      () => fhir(outcome({ breakTheGlass: true }), 403),
    );
    const el = await fixture<DspDocumentViewer>(
      html`<dsp-document-viewer
        .client=${as(users.weber)}
        patient=${PATIENT}
        style=${HOST_FONT}
      ></dsp-document-viewer>`,
    );
    await showsEveryString(() => part(el, 'error')?.querySelector('.detail'), 'search refusal');
    const form = part(el, 'break-glass') as HTMLFormElement;
    form.querySelector('textarea')!.value = 'Patiente inconsciente aux urgences';
    form.requestSubmit();
    await showsEveryString(
      () => part(el, 'break-glass')?.querySelector('[part~="error"] .detail'),
      'emergency access refusal',
    );
    await nothingInjected(el);
  });

  it('preview: content the server refuses to give', async () => {
    serverAnswers(
      (r, path) => path.startsWith('Binary/'),
      () => fhir(outcome(), 410),
    );
    const document = sandbox().server.store.get<DocumentReference>(
      'DocumentReference',
      IMAGE_DOCUMENT,
    );
    const el = await fixture<DspDocumentPreview>(
      html`<dsp-document-preview
        .client=${as()}
        .document=${document}
        style=${HOST_FONT}
      ></dsp-document-preview>`,
    );
    await showsEveryString(() => part(el, 'error')?.querySelector('.detail'), 'content refusal');
    await nothingInjected(el);
  });

  it('access rights: a failed read, a professional’s own refusal, failed directory and assistants', async () => {
    const mount = (user: string) =>
      fixture<DspAccessRights>(
        html`<dsp-access-rights
          .client=${as(user)}
          patient=${PATIENT}
          lang="en"
          style=${HOST_FONT}
        ></dsp-access-rights>`,
      );

    serverAnswers(
      (r, path) => path === 'Consent',
      () => fhir(outcome(), 500),
    );
    const failed = await mount(PATIENT);
    await showsEveryString(() => part(failed, 'error')?.querySelector('.detail'), 'read failure');
    await nothingInjected(failed);
    restoreServer?.();

    // A professional reads neither the rules nor, here, the documents: the reason is the server's.
    serverAnswers(
      (r, path) => path === 'Consent' || path === 'DocumentReference',
      () => fhir(outcome(), 403),
    );
    const professional = await mount(users.weber);
    await showsEveryString(
      () => part(professional, 'own-access')?.querySelector('.reason'),
      'own refusal',
    );
    await nothingInjected(professional);
    restoreServer?.();

    serverAnswers(
      (r, path) => path === 'PractitionerRole' || (path === 'RelatedPerson' && r.method === 'GET'),
      () => fhir(outcome(), 422),
    );
    const patient = await mount(PATIENT);
    await showsEveryString(
      () => part(patient, 'assistant')?.querySelector('[part~="error"] .detail'),
      'assistants failure',
    );
    const search = part(patient, 'search') as HTMLFormElement;
    search.querySelector('input')!.value = 'Alpha';
    search.requestSubmit();
    await showsEveryString(
      () => part(patient, 'professionals')?.querySelector('[part~="error"] .detail'),
      'directory failure',
    );
    await nothingInjected(patient);
  });

  it('audit log: a refused log', async () => {
    serverAnswers(
      (r, path) => path === 'AuditEvent',
      () => fhir(outcome(), 403),
    );
    const el = await fixture<DspAuditLog>(
      html`<dsp-audit-log .client=${as()} patient=${PATIENT} style=${HOST_FONT}></dsp-audit-log>`,
    );
    await showsEveryString(() => part(el, 'error')?.querySelector('.detail'), 'log refusal');
    await nothingInjected(el);
  });

  it('statistics: counts the server refuses within its batch', async () => {
    serverAnswers(
      (r, path) => path === '' && r.method === 'POST',
      async (request) => {
        const batch = (await request.clone().json()) as { entry?: unknown[] };
        const refused = { response: { status: '403 Forbidden', outcome: outcome() } };
        return fhir(
          {
            resourceType: 'Bundle',
            type: 'batch-response',
            entry: (batch.entry ?? []).map(() => refused),
          },
          200,
        );
      },
    );
    const el = await fixture<DspDocumentStats>(
      html`<dsp-document-stats
        .client=${as(users.agency)}
        style=${HOST_FONT}
      ></dsp-document-stats>`,
    );
    await showsEveryString(() => part(el, 'error')?.querySelector('.detail'), 'count refusal');
    await nothingInjected(el);
  });

  it('uploader: each field’s refusal at its field, the rest beside the row', async () => {
    const fields = [
      ['type', 'Bundle.entry[1].resource.type'],
      ['title', 'Bundle.entry[1].resource.content[0].attachment.title'],
      ['date', 'Bundle.entry[1].resource.context.period'],
      ['confidentiality', 'Bundle.entry[1].resource.securityLabel[0]'],
      ['language', 'Bundle.entry[1].resource.content[0].attachment.language'],
      ['facility', 'Bundle.entry[1].resource.context.facilityType'],
      ['flags', 'Bundle.entry[1].resource.securityLabel[1]'],
      ['replaces', 'Bundle.entry[1].resource.relatesTo[0]'],
      ['file', 'Bundle.entry[1].resource.content[0].attachment.hash'],
    ] as const;
    serverAnswers(
      (r, path) => path === '' && r.method === 'POST',
      () => fhir(outcome({ expressions: fields.map(([, expression]) => expression) }), 422),
    );
    const el = await fixture<DspDocumentUploader>(
      html`<dsp-document-uploader
        .client=${as(users.weber)}
        .facilityType=${{ system: 'http://snomed.info/sct', code: '22232009', display: 'Hôpital' }}
        patient=${PATIENT}
        author="Practitioner/paul-weber"
        retries="0"
        lang="en"
        style=${HOST_FONT}
      ></dsp-document-uploader>`,
    );
    const file = new File(['Compte rendu de consultation\n'], 'compte-rendu.txt', {
      type: 'text/plain',
    });
    await el.add(file, { typeCode: 'cr-acte-diagnostique', title: 'Compte rendu' });
    const [result] = await el.submit();
    expect(result!.status).to.equal('failed');
    await el.updateComplete;
    const row = part(el, 'row')!;
    fields.forEach(([field], i) => {
      const problem = row.querySelector(`p.problem[id$="-${field}-problem"]`);
      expect(holdsText(problem, corpus[i]!), `${field}: ${hostileStrings[i]!.name}`).to.equal(true);
      expect(problem?.childElementCount, field).to.equal(0);
    });
    await showsEveryString(() => row.querySelector('[part~="error"] .detail'), 'upload refusal');
    await nothingInjected(el);
  });

  it('uploader: a file the DSP holds under a hostile title is said so in the kit’s words only', async () => {
    const el = await fixture<DspDocumentUploader>(
      html`<dsp-document-uploader
        .client=${as()}
        patient=${PATIENT}
        author="Patient/${PATIENT}"
        mode="patient"
        lang="en"
        style=${HOST_FONT}
      ></dsp-document-uploader>`,
    );
    const png = sampleFiles().find((f) => f.contentType === 'image/png')!;
    await el.add(new File([png.bytes as BlobPart], 'image.png', { type: 'image/png' }));
    const row = part(el, 'row')!;
    const id = row.getAttribute('aria-describedby')!;
    expect(row.querySelector(`[id="${id}"]`)?.textContent.trim()).to.equal(
      'This file is already in this patient’s DSP (same content).',
    );
    // The document the DSP holds is titled with the first hostile string: none of it shows.
    expect(row.textContent).to.not.contain(corpus[0]);
    await nothingInjected(el);
  });
});
