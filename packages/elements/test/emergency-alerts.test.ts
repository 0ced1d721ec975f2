// <dsp-emergency-alerts> against the mock: the banner after a break-the-glass (who, when, the
// reason, the log entry), gone once acknowledged and for that user alone, shown by the viewer to
// the patient's side only; axe in every state.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { DspCache } from '@dsp-kit/fhir/cache';
import { fixtures } from '@dsp-kit/mock';
import { startSandbox, type Sandbox } from '@dsp-kit/mock/browser';
import type { DspEmergencyAlerts } from '../src/define/dsp-emergency-alerts.js';
import '../src/define/dsp-emergency-alerts.js';
import type { DspDocumentViewer } from '../src/define/dsp-document-viewer.js';
import '../src/define/dsp-document-viewer.js';
import { countingClient, part } from './status.helpers.js';

const { patients, users, assistants } = fixtures;
const REASON = 'Patient inconscient aux urgences du CHEM';
let sandbox: Sandbox;
const caches: DspCache[] = [];

before(async () => {
  // Lucien's DSP needs an explicit grant: Dr Hansen enters it only by breaking the glass.
  sandbox = await startSandbox({ policy: { explicitGrantsFor: [patients.lucien.id] } });
});
afterEach(async () => {
  for (const cache of caches.splice(0)) cache.close();
  await DspCache.clearAll();
  await sandbox.reset();
});
after(() => sandbox.stop());

async function cacheOf(user: string): Promise<DspCache> {
  const cache = await DspCache.open({ server: sandbox.server.baseUrl, user });
  caches.push(cache);
  return cache;
}

async function breakTheGlass(): Promise<void> {
  await countingClient(sandbox, users.hansen).client.breakTheGlass(patients.lucien.id, REASON);
}

async function alertsOf(user: string, cache: DspCache, auditHref?: string) {
  const { client } = countingClient(sandbox, user, cache);
  const el = await fixture<DspEmergencyAlerts>(
    html`<dsp-emergency-alerts
      .client=${client}
      patient=${patients.lucien.id}
      audit-href=${auditHref ?? ''}
    ></dsp-emergency-alerts>`,
  );
  // Settled: the log was read (the banner shows, or there is nothing to say).
  await new Promise((resolve) => setTimeout(resolve, 300));
  await el.updateComplete;
  return el;
}

describe('<dsp-emergency-alerts>', () => {
  it('shows nothing when no one broke the glass', async () => {
    const el = await alertsOf(users.lucien, await cacheOf(users.lucien));
    expect(part(el, 'base')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('names who, when and why after a break-the-glass, with a link to the log entry', async () => {
    await breakTheGlass();
    const el = await alertsOf(users.lucien, await cacheOf(users.lucien));
    await waitUntil(() => part(el, 'base'), 'no banner', { timeout: 5000 });
    const banner = part(el, 'base')!;
    expect(banner.getAttribute('role')).to.equal('alert');
    expect(banner.querySelector('h2')!.textContent).to.equal('Un accès en urgence à votre DSP');
    const entry = part(el, 'entry')!;
    expect(entry.textContent).to.contain('Dr Sarah Hansen, le');
    expect(entry.textContent).to.contain(`Motif donné : « ${REASON} »`);
    const event = sandbox.server.store
      .auditOf(patients.lucien.id)
      .find((e) => e.subtype?.some((s) => s.code === 'break-the-glass'));
    expect(event?.id).to.be.a('string');
    const opened = oneEvent(el, 'dsp-audit-entry-open');
    entry.querySelector('button')!.click();
    expect((await opened).detail).to.deep.equal({
      patient: patients.lucien.id,
      eventId: event!.id,
    });
    await expect(el).to.be.accessible();

    const linked = await alertsOf(users.lucien, await cacheOf(users.lucien), '#audit/{id}');
    await waitUntil(() => part(linked, 'entry'), 'no banner', { timeout: 5000 });
    expect(part(linked, 'entry')!.querySelector('a')!.getAttribute('href')).to.equal(
      `#audit/${event!.id}`,
    );
  });

  it('goes once acknowledged, for that user only', async () => {
    await breakTheGlass();
    const lucien = await cacheOf(users.lucien);
    const claire = await cacheOf(assistants.claire.id);
    const hers = await alertsOf(assistants.claire.id, claire);
    await waitUntil(() => part(hers, 'base'), 'no banner for the assistant', { timeout: 5000 });
    const acknowledged = oneEvent(hers, 'dsp-emergency-acknowledged');
    part(hers, 'acknowledge')!.click();
    await acknowledged;
    await hers.updateComplete;
    expect(part(hers, 'base')).to.equal(null);

    // Claire again: nothing. Lucien, who did not acknowledge: still told.
    const again = await alertsOf(assistants.claire.id, claire);
    expect(part(again, 'base')).to.equal(null);
    const his = await alertsOf(users.lucien, lucien);
    await waitUntil(() => part(his, 'base'), 'no banner for the patient', { timeout: 5000 });

    // A second break-the-glass after her acknowledgement is new to her.
    await breakTheGlass();
    const later = await alertsOf(assistants.claire.id, claire);
    await waitUntil(() => part(later, 'base'), 'the later access was not shown', { timeout: 5000 });
    expect(later.shadowRoot!.querySelectorAll('[part~="entry"]')).to.have.length(1);
  });

  it('is shown by the viewer to the patient, never to a professional', async () => {
    await breakTheGlass();
    for (const earlier of document.querySelectorAll('dsp-document-viewer')) earlier.remove();
    const patientView = await fixture<DspDocumentViewer>(
      html`<dsp-document-viewer
        .client=${countingClient(sandbox, users.lucien, await cacheOf(users.lucien)).client}
        patient=${patients.lucien.id}
        user=${`Patient/${patients.lucien.id}`}
      ></dsp-document-viewer>`,
    );
    await waitUntil(
      () =>
        patientView
          .shadowRoot!.querySelector('dsp-emergency-alerts')
          ?.shadowRoot?.querySelector('[part~="base"]'),
      'the viewer showed no alert',
      { timeout: 5000 },
    );
    await expect(patientView).to.be.accessible();
    patientView.remove();
    const { client, sent } = countingClient(sandbox, users.weber);
    const doctorView = await fixture<DspDocumentViewer>(
      html`<dsp-document-viewer
        .client=${client}
        patient=${patients.lucien.id}
        user="Practitioner/${users.weber}"
      ></dsp-document-viewer>`,
    );
    await waitUntil(() => doctorView.shadowRoot!.querySelector('[part~="count"]'), 'no list', {
      timeout: 5000,
    });
    expect(doctorView.shadowRoot!.querySelector('dsp-emergency-alerts')).to.equal(null);
    expect(sent.some((request) => request.includes('AuditEvent'))).to.equal(false);
  });

  it('is readable in the dark theme', async () => {
    await breakTheGlass();
    const el = await alertsOf(users.lucien, await cacheOf(users.lucien));
    await waitUntil(() => part(el, 'base'), 'no banner', { timeout: 5000 });
    el.theme = 'dark';
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});
