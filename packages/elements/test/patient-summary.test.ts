// <dsp-patient-summary> against the mock: each section kind from a CDA (the French agency's
// IPS-FR sample) and from FHIR IPS Bundles (the IPS guide's own examples and the mock's), missing
// and empty sections, the most recent current summary chosen and never a superseded one, the
// old-summary mark, and every state (loading, none, refused, offline, unreadable) checked by axe.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sha1Base64 } from '@dsp-kit/fhir';
import { startSandbox, type Sandbox } from '@dsp-kit/mock/browser';
import {
  card,
  clientAs,
  memoryCache,
  part,
  patients,
  section,
  settled,
  storeSummary,
  testFile,
  text,
  users,
  utf8,
} from './patient-summary.helpers.js';

let sandbox: Sandbox;

before(async () => {
  sandbox = await startSandbox();
});
afterEach(async () => {
  sandbox.clearScenario();
  await sandbox.reset();
});
after(() => sandbox.stop());

const as = (user: string) => clientAs(sandbox.server.baseUrl, user);

/** The IPS guide's `bundle-minimal` example (HL7/fhir-ips), as JSON to edit. */
async function minimalBundle(): Promise<Record<string, unknown>> {
  return JSON.parse(
    new TextDecoder().decode(await testFile('patient-summary/fixtures/ips-bundle-minimal.json')),
  ) as Record<string, unknown>;
}

describe('<dsp-patient-summary>: sections', function () {
  // The French sample is 280 kB of CDA, and axe walks every cell of its tables.
  this.timeout(40_000);

  it('shows each section kind of a CDA summary, in order, the others collapsed', async () => {
    const stored = await storeSummary(
      sandbox.server.store,
      await testFile('cda/fixtures/patient-summary.xml'),
      { contentType: 'text/xml', date: '2026-11-20T10:00:00+01:00', title: 'Synthèse IPS-FR' },
    );
    const el = await card(as(users.weber), patients.jean.id, { staleAfter: 120 });
    await settled(el);
    // The words of each section's narrative in the document itself.
    expect(section(el, 'allergies')).to.contain('Paracétamol');
    expect(section(el, 'problems')).to.contain('Thyroïdite auto-immune');
    expect(section(el, 'medication')).to.contain('LEVOTHYROX 75 microgrammes');
    expect(section(el, 'immunizations')).to.contain('REVAXIS');
    expect(section(el, 'devices')).to.contain('STIMULATEUR CARDIAQUE IMPLANTABLE TRIPLE CHAMBRE');
    expect(section(el, 'procedures')).to.contain(
      'Dilatation intraluminale de 2 vaisseaux coronaires',
    );
    const order = [...el.shadowRoot!.querySelectorAll('[part~="section"] h3')].map(text);
    expect(order).to.deep.equal([
      'Allergies and intolerances',
      'Active problems',
      'Current medication',
      'Vaccinations',
      'Medical devices and implants',
      'Procedures and surgical history',
    ]);
    const others = [...el.shadowRoot!.querySelectorAll('[part="other"] details')];
    expect(others.map((d) => text(d.querySelector('summary')))).to.include.members([
      'Antécédents',
      'Directives anticipées',
      'Résultats',
    ]);
    expect(others.some((d) => (d as HTMLDetailsElement).open)).to.equal(false);
    // Each section names its source, its author and date.
    for (const source of el.shadowRoot!.querySelectorAll('[part~="section"] [part~="source"]')) {
      expect(text(source)).to.match(/^Source: Synthèse IPS-FR, .+, written on /);
    }
    // The link asks for the whole document.
    const chosen = oneEvent(el, 'dsp-document-select');
    part(el, 'open')!.click();
    const event: { detail: { documentId: string } } = await chosen;
    expect(event.detail.documentId).to.equal(stored.id);
    await expect(el).to.be.accessible();
  });

  it('shows each section kind of a FHIR IPS Bundle', async () => {
    // Lucien's summary on the mock: an IPS document with every section the card shows first.
    const el = await card(as(users.weber), patients.lucien.id, { lang: 'fr' });
    await settled(el);
    expect(section(el, 'allergies')).to.contain('Produits de contraste iodés');
    expect(section(el, 'problems')).to.contain('Insuffisance cardiaque chronique');
    expect(section(el, 'medication')).to.contain('Apixaban 2,5 mg');
    expect(section(el, 'immunizations')).to.contain('Pneumocoque (VPC20)');
    expect(section(el, 'devices')).to.contain('Stimulateur cardiaque double chambre');
    expect(section(el, 'procedures')).to.contain('Prothèse totale de hanche droite');
    expect(text(part(el, 'other'))).to.contain('Directives anticipées');
    expect(text(part(el, 'header'))).to.contain('Résumé patient (IPS), Dr Paul Weber');
    expect(part(el, 'stale'), 'two months old').to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows Marie’s summary in the sandbox, a CDA (IHE PCC XPHR) with its sections', async () => {
    // Marie's DSP as the mock serves it: her asthma, as the rest of her record tells it.
    const el = await card(as(users.weber), patients.marie.id, { lang: 'fr' });
    await settled(el);
    expect(text(part(el, 'unreadable')), 'a format the card reads').to.equal('');
    expect(section(el, 'allergies')).to.contain('Acariens');
    expect(section(el, 'problems')).to.contain('Asthme léger intermittent');
    expect(section(el, 'medication')).to.contain('Salbutamol');
    expect(section(el, 'immunizations')).to.contain('Grippe saisonnière');
    expect(text(part(el, 'other'))).to.contain('Directives anticipées');
    expect(text(part(el, 'header'))).to.contain('Résumé patient, Dr Paul Weber');
    await expect(el).to.be.accessible();
  });

  it('reads the IPS guide’s minimal Bundle, and says which sections it does not have', async () => {
    await storeSummary(
      sandbox.server.store,
      await testFile('patient-summary/fixtures/ips-bundle-minimal.json'),
      {
        contentType: 'application/fhir+json',
        date: '2026-11-20T10:00:00+01:00',
      },
    );
    const el = await card(as(users.weber), patients.jean.id);
    await settled(el);
    expect(section(el, 'allergies')).to.contain('Pencillins');
    expect(section(el, 'problems')).to.contain('Menopausal Flushing');
    expect(section(el, 'medication')).to.contain('Oral anastrozole 1mg tablet');
    for (const kind of ['immunizations', 'devices', 'procedures']) {
      expect(section(el, kind)).to.contain('No information: this section is not in the summary.');
    }
    // Written in 2020: more than 12 months old.
    expect(text(part(el, 'stale'))).to.contain('more than 12 months old');
    await expect(el).to.be.accessible();
  });

  it('lists the entries where a section has no narrative', async () => {
    const bundle = await minimalBundle();
    const [first] = bundle.entry as { resource: { section: { text?: unknown }[] } }[];
    for (const entry of first!.resource.section) delete entry.text;
    await storeSummary(sandbox.server.store, utf8(JSON.stringify(bundle)), {
      contentType: 'application/fhir+json',
      date: '2026-11-20T10:00:00+01:00',
    });
    const el = await card(as(users.weber), patients.jean.id);
    await settled(el);
    // The coded entries of the Bundle's resources, as the example writes them.
    expect(section(el, 'problems')).to.contain('Menopausal flushing (finding) — 2015');
    expect(section(el, 'medication')).to.contain(
      'Product containing anastrozole (medicinal product)',
    );
    expect(section(el, 'allergies')).to.contain(
      'Substance with penicillin structure and antibacterial mechanism of action (substance)',
    );
    await expect(el).to.be.accessible();
  });
});

describe('<dsp-patient-summary>: empty and missing sections', () => {
  it('tells "none recorded" from "no information" in an eHDSI CDA summary', async () => {
    // Nadia's summary on the mock: no known allergies nor medication (absent-or-unknown codes),
    // immunizations not known, problems without information (nullFlavor NI).
    const el = await card(as(users.weber), patients.nadia.id);
    await settled(el);
    expect(section(el, 'allergies')).to.contain('None recorded.');
    expect(section(el, 'medication')).to.contain('None recorded.');
    expect(section(el, 'immunizations')).to.contain('No information.');
    expect(section(el, 'immunizations')).not.to.contain('None recorded.');
    expect(section(el, 'problems')).to.contain('No information.');
    expect(section(el, 'devices')).to.contain('this section is not in the summary');
    expect(section(el, 'procedures')).to.contain('this section is not in the summary');
    // Written in March 2021.
    expect(part(el, 'stale')).not.to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('reads the IPS guide’s Bundle of required sections without information', async () => {
    await storeSummary(
      sandbox.server.store,
      await testFile('patient-summary/fixtures/ips-bundle-no-info-required-sections.json'),
      { contentType: 'application/fhir+json', date: '2026-11-20T10:00:00+01:00' },
    );
    const el = await card(as(users.weber), patients.jean.id);
    await settled(el);
    for (const kind of ['allergies', 'problems', 'medication']) {
      expect(section(el, kind), kind).to.contain('No information.');
      expect(section(el, kind), kind).not.to.contain('None recorded.');
    }
    expect(section(el, 'allergies')).to.contain(
      'There is no information available regarding the subject',
    );
    expect(section(el, 'immunizations')).to.contain('Influenza');
    await expect(el).to.be.accessible();
  });

  it('says "none recorded" for an IPS section whose emptyReason is nilknown', async () => {
    const bundle = await minimalBundle();
    const [first] = bundle.entry as { resource: { section: Record<string, unknown>[] } }[];
    const allergies = first!.resource.section.find(
      (s) => s.title === 'Allergies and Intolerances',
    )!;
    delete allergies.entry;
    allergies.emptyReason = {
      coding: [
        { system: 'http://terminology.hl7.org/CodeSystem/list-empty-reason', code: 'nilknown' },
      ],
    };
    allergies.text = {
      status: 'generated',
      div: '<div xmlns="http://www.w3.org/1999/xhtml">No known allergies.</div>',
    };
    await storeSummary(sandbox.server.store, utf8(JSON.stringify(bundle)), {
      contentType: 'application/fhir+json',
      date: '2026-11-20T10:00:00+01:00',
    });
    const el = await card(as(users.weber), patients.jean.id);
    await settled(el);
    expect(section(el, 'allergies')).to.contain('None recorded.');
    expect(section(el, 'allergies')).to.contain('No known allergies.');
  });
});

describe('<dsp-patient-summary>: which summary', function () {
  this.timeout(20_000);

  it('shows the most recent current one, never one another document replaces', async () => {
    const bytes = await testFile('patient-summary/fixtures/ips-bundle-minimal.json');
    const store = sandbox.server.store;
    const json = { contentType: 'application/fhir+json' };
    await storeSummary(store, bytes, { ...json, date: '2026-03-01T10:00:00Z', title: 'Older' });
    const replaced = await storeSummary(store, bytes, {
      ...json,
      date: '2026-06-01T10:00:00Z',
      title: 'Replaced, still listed as current',
    });
    await storeSummary(store, bytes, {
      ...json,
      date: '2026-05-01T10:00:00Z',
      title: 'Replacement',
      replaces: replaced.id,
    });
    await storeSummary(store, bytes, {
      ...json,
      date: '2026-12-01T10:00:00Z',
      title: 'Superseded',
      status: 'superseded',
    });
    const el = await card(as(users.weber), patients.jean.id);
    await settled(el);
    expect(text(part(el, 'header'))).to.contain('Source: Replacement,');
  });

  it('shows a replacement sent through ITI-65, not the summary it superseded', async () => {
    const kremer = as(users.kremer);
    const cda = await testFile('cda/fixtures/patient-summary.xml');
    let binary = '';
    for (const byte of cda) binary += String.fromCharCode(byte);
    await kremer.provideDocuments({
      uuid: crypto.randomUUID(),
      patient: patients.tom.id,
      author: { reference: `Practitioner/${users.kremer}`, display: 'Dr Luc Kremer' },
      // Dated before the summary it replaces: only its status may keep the old one out.
      date: '2026-01-05T09:00:00Z',
      documents: [
        {
          uuid: crypto.randomUUID(),
          typeCode: 'resume-patient',
          title: 'Résumé patient corrigé',
          contentType: 'text/xml',
          data: btoa(binary),
          size: cda.byteLength,
          hash: await sha1Base64(cda),
          language: 'fr',
          confidentiality: 'N',
          replaces: 'doc-tom-resume',
        },
      ],
    });
    const replaced = sandbox.server.store.get('DocumentReference', 'doc-tom-resume') as {
      status?: string;
    };
    expect(replaced.status).to.equal('superseded');
    const el = await card(kremer, patients.tom.id);
    await settled(el);
    expect(text(part(el, 'header'))).to.contain('Résumé patient corrigé');
    expect(section(el, 'problems')).to.contain('Thyroïdite auto-immune');
  });
});

describe('<dsp-patient-summary>: states', () => {
  it('shows a loading status first', async () => {
    sandbox.server.useScenario('slowNetwork');
    const el = await card(as(users.weber), patients.tom.id);
    expect(part(el, 'loading')?.getAttribute('role')).to.equal('status');
    expect(text(part(el, 'loading'))).to.contain('Loading the patient summary');
    await expect(el).to.be.accessible();
    await settled(el);
  });

  it('says when the patient has no summary', async () => {
    const el = await card(as(users.weber), patients.jean.id);
    await settled(el);
    expect(text(part(el, 'empty'))).to.equal('No patient summary in this DSP.');
    await expect(el).to.be.accessible();
  });

  it('says why it is refused, with no retry', async () => {
    // Marie blocked Dr Kremer.
    const el = await card(as(users.kremer), patients.marie.id);
    await settled(el);
    const error = part(el, 'error')!;
    expect(text(error)).to.contain('The patient summary could not be loaded.');
    expect(error.querySelector('button')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows the last summary read from the cache when offline, and says so', async () => {
    const cache = memoryCache();
    const client = clientAs(sandbox.server.baseUrl, users.kremer, cache);
    const first = await card(client, patients.tom.id, { cache });
    await settled(first);
    expect(part(first, 'offline')).to.equal(null);
    sandbox.server.useScenario('offline');
    const el = await card(client, patients.tom.id, { cache });
    await settled(el);
    expect(text(part(el, 'offline'))).to.match(/^Offline: the summary as it was on /);
    expect(section(el, 'allergies')).to.contain('Pénicilline');
    await expect(el).to.be.accessible();
  });

  it('says offline with nothing kept that the server is out of reach', async () => {
    sandbox.server.useScenario('offline');
    const el = await card(as(users.kremer), patients.tom.id);
    await settled(el);
    expect(part(el, 'error')).not.to.equal(null);
    expect(part(el, 'error')!.querySelector('button'), 'a retry').not.to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('offers the download of a summary in a format it cannot read', async () => {
    await storeSummary(
      sandbox.server.store,
      utf8('Résumé patient\nAntécédents : asthme léger.\n'),
      {
        contentType: 'text/plain',
        date: '2026-11-20T10:00:00+01:00',
      },
    );
    const el = await card(as(users.weber), patients.jean.id);
    await settled(el);
    const unreadable = part(el, 'unreadable')!;
    expect(text(unreadable)).to.contain('This summary is in a format this view cannot show.');
    expect(text(unreadable)).to.contain('text/plain');
    expect(text(part(el, 'download'))).to.equal('Download the document');
    await expect(el).to.be.accessible();
  });

  it('speaks the page’s language', async () => {
    const el = await card(as(users.weber), patients.nadia.id, { lang: 'de' });
    await settled(el);
    expect(section(el, 'allergies')).to.contain('Keine erfasst.');
    await waitUntil(() => part(el, 'stale'));
    expect(text(part(el, 'stale'))).to.contain('älter als 12 Monate');
  });
});
