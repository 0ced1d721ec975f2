// <dsp-status> against the mock, as each fixture role: every state of the badge, its accessible
// name, at most two requests per patient, the click event, the cached status when offline, and
// axe in every state.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { DspCache } from '@dsp-kit/fhir/cache';
import type { DocumentReference } from '@dsp-kit/fhir';
import { fixtures } from '@dsp-kit/mock';
import { startSandbox, type Sandbox } from '@dsp-kit/mock/browser';
import type { DspStatusBadge } from '../src/define/dsp-status.js';
import '../src/define/dsp-status.js';
import { recordVisit } from '../src/status/visits.js';
import { countingClient, part } from './status.helpers.js';

const { patients, users, documents } = fixtures;
let sandbox: Sandbox;

before(async () => {
  // Jean's and Nadia's DSPs need an explicit grant, as in the sandbox: a professional without one
  // is refused, and may ask for emergency access to Jean's, never to Nadia's.
  sandbox = await startSandbox({
    policy: { explicitGrantsFor: [patients.jean.id, patients.nadia.id] },
  });
});
afterEach(async () => {
  sandbox.clearScenario();
  await sandbox.reset();
});
after(() => sandbox.stop());

async function badge(
  user: string,
  patient: string,
  options: { cache?: DspCache; userRef?: string } = {},
): Promise<{ el: DspStatusBadge; sent: string[] }> {
  const { client, sent } = countingClient(sandbox, user, options.cache);
  const el = await fixture<DspStatusBadge>(
    html`<dsp-status
      .client=${client}
      patient=${patient}
      user=${options.userRef ?? ''}
    ></dsp-status>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('button'), 'the status did not load', {
    timeout: 5000,
  });
  return { el, sent };
}

function nameOf(el: DspStatusBadge): string {
  return el.shadowRoot!.querySelector('button')!.getAttribute('aria-label') ?? '';
}

function markOf(el: DspStatusBadge): string {
  return part(el, 'mark')!.textContent.trim();
}

describe('<dsp-status>', () => {
  it('says it is checking while it loads', async () => {
    const { client } = countingClient(sandbox, users.weber);
    const el = await fixture<DspStatusBadge>(
      html`<dsp-status .client=${client} patient=${patients.marie.id}></dsp-status>`,
    );
    expect(part(el, 'loading')?.textContent).to.contain('Vérification du DSP');
    expect(part(el, 'loading')?.getAttribute('role')).to.equal('status');
    await expect(el).to.be.accessible();
  });

  it('tells the patient her own open DSP, emergency access allowed, in one request', async () => {
    const { el, sent } = await badge(users.marie, patients.marie.id);
    expect(markOf(el)).to.equal('DSP');
    expect(nameOf(el)).to.contain('DSP ouvert.');
    expect(nameOf(el)).to.contain('C’est votre DSP.');
    expect(nameOf(el)).to.contain('Accès en urgence autorisé.');
    expect(sent).to.deep.equal(['POST /']);
    await expect(el).to.be.accessible();
  });

  it('tells the assistant the DSP of the person she assists, and Nadia her refusal', async () => {
    const claire = await badge(users.claire, patients.lucien.id);
    expect(nameOf(claire.el)).to.contain('C’est votre DSP.');
    await expect(claire.el).to.be.accessible();
    const nadia = await badge(patients.nadia.id, patients.nadia.id);
    expect(nameOf(nadia.el)).to.contain('Accès en urgence refusé par le patient.');
    await expect(nadia.el).to.be.accessible();
  });

  it('tells the référent and a full grant "complet", another professional "normal"', async () => {
    const weber = await badge(users.weber, patients.marie.id);
    expect(nameOf(weber.el)).to.contain('Votre accès : complet.');
    await expect(weber.el).to.be.accessible();
    const muller = await badge(users.muller, patients.tom.id);
    expect(nameOf(muller.el)).to.contain('Votre accès : complet.');
    const schmitt = await badge(users.schmitt, patients.tom.id);
    expect(nameOf(schmitt.el)).to.contain('Votre accès : normal.');
    expect(nameOf(schmitt.el)).not.to.contain('urgence');
    await expect(schmitt.el).to.be.accessible();
  });

  it('says blocked to a professional the patient blocked', async () => {
    const { el } = await badge(users.kremer, patients.marie.id);
    expect(markOf(el)).to.equal('DSP bloqué');
    expect(nameOf(el)).to.contain('Votre accès : bloqué par le patient.');
    expect(el.shadowRoot!.querySelector('button')!.className).to.contain('danger');
    await expect(el).to.be.accessible();
  });

  it('says a closed DSP and since when, to a professional and to the patient', async () => {
    const weber = await badge(users.weber, patients.sophie.id);
    expect(markOf(weber.el)).to.equal('DSP fermé');
    // The fixtures' Consent of Sophie, closed, was made on 1 January 2026.
    expect(fixtures.consents.sophie.dateTime).to.equal('2026-01-01T00:00:00Z');
    expect(nameOf(weber.el)).to.contain('DSP fermé par le patient depuis le 1 janvier 2026.');
    const sophie = await badge(patients.sophie.id, patients.sophie.id);
    expect(markOf(sophie.el)).to.equal('DSP fermé');
    expect(nameOf(sophie.el)).to.contain('C’est votre DSP.');
    await expect(weber.el).to.be.accessible();
    await expect(sophie.el).to.be.accessible();
  });

  it('says no access with emergency access available, then emergency until its end', async () => {
    const before = await badge(users.hansen, patients.jean.id);
    expect(markOf(before.el)).to.equal('DSP sans accès');
    expect(nameOf(before.el)).to.contain('Le patient ne vous a pas donné accès.');
    expect(nameOf(before.el)).to.contain('Accès en urgence possible.');
    await expect(before.el).to.be.accessible();

    const { client } = countingClient(sandbox, users.hansen);
    const { expires } = await client.breakTheGlass(
      patients.jean.id,
      'Patient inconscient aux urgences',
    );
    const after = await badge(users.hansen, patients.jean.id);
    expect(markOf(after.el)).to.equal('DSP urgence');
    const until = new Intl.DateTimeFormat('fr', { dateStyle: 'long', timeStyle: 'short' }).format(
      new Date(expires!),
    );
    expect(nameOf(after.el)).to.contain(`Votre accès : en urgence jusqu’au ${until}.`);
    await expect(after.el).to.be.accessible();
  });

  it('says no access without emergency access where the patient refused it', async () => {
    // Nadia refused emergency access (the fixtures' consent): a professional she granted nothing
    // has no way in at all, which the badge marks as its danger.
    const { el } = await badge(users.weber, patients.nadia.id);
    expect(markOf(el)).to.equal('DSP sans accès');
    expect(nameOf(el)).to.contain('Le patient ne vous a pas donné accès.');
    expect(nameOf(el)).not.to.contain('urgence');
    expect(el.shadowRoot!.querySelector('button')!.className).to.contain('danger');
    await expect(el).to.be.accessible();
    el.theme = 'dark';
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('says there is no DSP for an unknown patient, and refuses another patient’s DSP', async () => {
    const unknown = await badge(users.weber, 'no-such-patient');
    expect(markOf(unknown.el)).to.equal('Pas de DSP');
    expect(nameOf(unknown.el)).to.contain('Aucun DSP pour ce patient.');
    await expect(unknown.el).to.be.accessible();
    const other = await badge(users.marie, patients.tom.id);
    expect(nameOf(other.el)).to.contain('Ce DSP n’est pas le vôtre.');
    const agency = await badge(users.agency, patients.tom.id);
    expect(nameOf(agency.el)).to.contain('Accès aux statistiques seulement.');
    await expect(other.el).to.be.accessible();
    await expect(agency.el).to.be.accessible();
  });

  it('counts the documents new since the last visit', async () => {
    const cache = await DspCache.open({ server: sandbox.server.baseUrl, user: users.weber });
    try {
      await recordVisit(cache, patients.marie.id, new Date(Date.now() - 1000));
      sandbox.server.store.put<DocumentReference>({
        ...(structuredClone(documents.bloodTest) as DocumentReference),
        id: 'doc-marie-new-lab',
        masterIdentifier: { system: 'urn:ietf:rfc:3986', value: 'urn:oid:1.2.3.9' },
      });
      const { el, sent } = await badge(users.weber, patients.marie.id, { cache });
      expect(part(el, 'new')!.textContent.trim()).to.equal('1 nouv.');
      expect(nameOf(el)).to.contain('1 nouveau document depuis votre dernière visite.');
      expect(sent).to.have.length(1);
      await expect(el).to.be.accessible();
    } finally {
      cache.close();
      await DspCache.clearAll();
    }
  });

  it('prefers the server’s record of the patient’s last read, in two requests at most', async () => {
    const cache = await DspCache.open({ server: sandbox.server.baseUrl, user: users.marie });
    try {
      // This browser thinks she visited long ago; the server saw her read a document just now.
      await recordVisit(cache, patients.marie.id, new Date('2020-01-01T00:00:00Z'));
      const { client } = countingClient(sandbox, users.marie);
      await client.readDocument(documents.bloodTest.id);
      const { el, sent } = await badge(users.marie, patients.marie.id, {
        cache,
        userRef: `Patient/${patients.marie.id}`,
      });
      expect(nameOf(el)).to.contain('Rien de nouveau depuis votre dernière visite.');
      expect(sent).to.deep.equal(['POST /', 'POST /']);
    } finally {
      cache.close();
      await DspCache.clearAll();
    }
  });

  it('shows the last status seen when the server cannot be reached, and says so', async () => {
    const cache = await DspCache.open({ server: sandbox.server.baseUrl, user: users.weber });
    try {
      await badge(users.weber, patients.marie.id, { cache });
      sandbox.useScenario('offline');
      const { el } = await badge(users.weber, patients.marie.id, { cache });
      expect(part(el, 'offline')!.textContent).to.contain('hors ligne');
      expect(nameOf(el)).to.contain('Votre accès : complet.');
      expect(nameOf(el)).to.contain('Hors ligne : état du');
      await expect(el).to.be.accessible();
    } finally {
      cache.close();
      await DspCache.clearAll();
    }
  });

  it('says the status could not be read when offline with nothing cached', async () => {
    sandbox.useScenario('offline');
    const { el } = await badge(users.weber, patients.marie.id);
    expect(markOf(el)).to.equal('DSP ?');
    expect(nameOf(el)).to.contain('injoignable');
    await expect(el).to.be.accessible();
  });

  it('asks the host to open the DSP on a click or a key, with the patient', async () => {
    const { el } = await badge(users.weber, `Patient/${patients.marie.id}`);
    const button = el.shadowRoot!.querySelector('button')!;
    const opened = oneEvent(el, 'dsp-status-open');
    button.click();
    expect((await opened).detail).to.deep.equal({ patient: patients.marie.id });
    expect(button.tagName).to.equal('BUTTON'); // Enter and Space work as for any button
  });

  it('is readable in the dark theme', async () => {
    const { el } = await badge(users.kremer, patients.marie.id);
    el.theme = 'dark';
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});
