// <dsp-audit-log> read by a DSP assistant: why an access was refused is said in words true for
// whoever reads the log — the patient or their assistant, either of whom may have made the choice —
// never "you blocked" or "your DSP" said to the assistant as if they were the patient.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { blockProfessional, closeDsp, type Consent } from '@dsp-kit/fhir';
import type { DspAuditLog } from '../src/define/dsp-audit-log.js';
import '../src/define/dsp-audit-log.js';
import { as, lucien, text, useMock, users } from './access-rights.helpers.js';

useMock();

/** Lucien edits his own Consent, as the patient does in the access-rights panel. */
async function lucienSays(change: (consent: Consent) => Consent): Promise<void> {
  const own = as(users.lucien);
  const { consent, etag } = await own.getConsent(lucien);
  await own.saveConsent(change(consent), etag);
}

function rowsOf(el: DspAuditLog): string[] {
  return [...el.shadowRoot!.querySelectorAll('[part~="row"]')].map((row) => text(row));
}

async function claireReads(lang: string): Promise<string[]> {
  const el = await fixture<DspAuditLog>(
    html`<dsp-audit-log
      .client=${as(users.claire)}
      patient=${lucien}
      lang=${lang}
    ></dsp-audit-log>`,
  );
  await waitUntil(
    () => rowsOf(el).some((row) => row.includes('Kremer')) && rowsOf(el).length >= 2,
    undefined,
    { timeout: 5000 },
  ).catch(() => {
    throw new Error(
      `the refusals are not in the log: ${text(el.shadowRoot!.querySelector('[part~="base"]'))}`,
    );
  });
  return rowsOf(el);
}

/** Dr Kremer refused as blocked, then Dr Muller refused as the DSP is closed. */
async function twoRefusals(): Promise<void> {
  await lucienSays((c) => blockProfessional(c, 'Practitioner/luc-kremer'));
  await as(users.kremer)
    .searchDocuments({ patient: lucien })
    .catch(() => undefined);
  await lucienSays(closeDsp);
  await as(users.muller)
    .searchDocuments({ patient: lucien })
    .catch(() => undefined);
}

describe('<dsp-audit-log> read by a DSP assistant', () => {
  beforeEach(twoRefusals);

  for (const [lang, blocked, closed, addressed] of [
    ['fr', 'Ce professionnel était bloqué.', 'Le DSP était fermé.', /\b(vous|votre|vos)\b/i],
    ['en', 'This professional was blocked.', 'The DSP was closed.', /\b(you|your)\b/i],
    [
      'de',
      'Diese Fachperson war gesperrt.',
      'Der DSP war geschlossen.',
      /\b(Sie|Ihr|Ihre|Ihnen)\b/,
    ],
    ['lb', 'Dëse Professionnel war gespaart.', 'Den DSP war zou.', /(^|\s)(Dir|Är|Ären|Iech)\b/],
  ] as const) {
    it(`says why accesses were refused without speaking to her as the patient (${lang})`, async () => {
      const rows = (await claireReads(lang)).join(' | ');
      expect(rows).to.contain(blocked).and.contain(closed);
      expect(rows).to.not.match(addressed);
    });
  }
});
