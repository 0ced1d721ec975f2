// <dsp-access-rights> and grant levels against the mock DSP server: a grant is normal (N documents)
// or extended (N and R), as IHE PCF says by the provision's security label. Granting extended,
// switching back to normal, undoing, a save on a stale ETag, a grant written elsewhere, the
// assistant's words — and, from the other side, the grantee's own searches.
import { expect, waitUntil } from '@open-wc/testing';
import { grantAccess, type Consent } from '@dsp-kit/fhir';
import type { ConsentProvision } from '@medplum/fhirtypes';
import { fixtures } from '@dsp-kit/mock';
import {
  actorRow,
  as,
  buttonIn,
  changesOf,
  eventually,
  lucien,
  marie,
  muller,
  nextChange,
  noticeSays,
  onServer,
  panel,
  part,
  sandbox,
  searchDirectory,
  signedInPanel,
  text,
  useMock,
  users,
} from './access-rights.helpers.js';
import type { DspAccessRights } from '../src/define/dsp-access-rights.js';

useMock();

const tom = fixtures.patients.tom.id;
/** Restricted (R), by Dr Faber: Dr Muller's grant on Tom's record is full but not extended. */
const serology = fixtures.documents.tomSerology.id;
const schmitt = 'Practitioner/lisa-schmitt';
const CONFIDENTIALITY = 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality';

/** The ids of Tom's documents Dr Muller finds in her own search of his record. */
async function mullerSees(): Promise<string[]> {
  const page = await as(users.muller).searchDocuments({ patient: tom });
  return page.entries.map((d) => d.id ?? '');
}

function levelRadio(el: DspAccessRights, level: 'normal' | 'extended'): HTMLInputElement {
  const radio = part(el, 'grant-level')?.querySelector<HTMLInputElement>(`[value="${level}"]`);
  if (!radio) throw new Error(`no "${level}" level`);
  return radio;
}

/** Saves `edit` of the patient's Consent from elsewhere (another device), making the panel's stale. */
async function elsewhere(patient: string, edit: (consent: Consent) => Consent): Promise<void> {
  const other = as(patient);
  const { consent, etag } = await other.getConsent(patient);
  await other.saveConsent(edit(consent), etag);
}

describe('<dsp-access-rights> grant levels', () => {
  it('grants extended access from the directory, then limits it to normal, and undoes that', async () => {
    const el = await panel(marie, users.marie);
    expect(levelRadio(el, 'normal').checked).to.equal(true, 'new grants start normal');
    expect(text(part(el, 'grant-level')))
      .to.contain('Normal: normal documents (N)')
      .and.contain('Extended: normal and restricted documents (N and R)')
      .and.contain('No grant opens your very restricted documents (V)');
    levelRadio(el, 'extended').click();
    await searchDirectory(el, 'Muller');

    let changed = nextChange(el);
    buttonIn(actorRow(el, 'results', muller)!, 'Allow').click();
    expect((await changed).detail).to.deep.equal({
      patientId: marie,
      change: 'grant',
      actorId: muller,
      extended: true,
    });
    expect(onServer().granted).to.deep.include({
      actor: { reference: muller, display: 'Dr Anne Muller' },
      full: false,
      extended: true,
    });
    await noticeSays(el, 'Dr Anne Muller has explicit access.');
    expect(text(part(el, 'notice'))).to.contain('Extended access: restricted documents included.');
    expect(text(actorRow(el, 'list', muller))).to.contain(
      'Explicit access · extended (restricted documents included)',
    );
    await expect(el).to.be.accessible();

    changed = nextChange(el);
    buttonIn(actorRow(el, 'list', muller)!, 'Limit to normal documents').click();
    expect((await changed).detail).to.deep.equal({
      patientId: marie,
      change: 'limit',
      actorId: muller,
      extended: false,
    });
    expect(onServer().granted).to.deep.include({
      actor: { reference: muller, display: 'Dr Anne Muller' },
      full: false,
    });
    await noticeSays(
      el,
      'Dr Anne Muller no longer sees your restricted documents (normal access).',
    );
    expect(text(actorRow(el, 'list', muller))).to.not.contain('extended');

    changed = nextChange(el);
    buttonIn(part(el, 'notice')!, 'Undo this change').click();
    expect((await changed).detail.change).to.equal('extend');
    expect(onServer().granted.find((g) => g.actor.reference === muller)?.extended).to.equal(true);
    await noticeSays(el, 'Change undone.');
  });

  it('extends Dr Muller’s grant on Tom’s record: she then finds the R document withheld before', async () => {
    expect(await mullerSees()).to.not.include(serology, 'the mock withholds R from a normal grant');
    const el = await panel(tom, tom);
    const row = () => actorRow(el, 'list', muller);
    await eventually(() => row(), 'Dr Muller is not listed');
    expect(text(row())).to.contain('Full access (masked documents included)');
    expect(text(row())).to.not.contain('extended');
    const asked: unknown[] = [];
    el.addEventListener('dsp-request-grant', (event) => asked.push(event.detail));
    const changed = nextChange(el);
    buttonIn(row()!, 'Extend to restricted documents').click();
    expect((await changed).detail.change).to.equal('extend');
    expect(asked).to.deep.equal([{ patientId: tom, actorId: muller, full: true, extended: true }]);
    expect(onServer(tom).granted).to.deep.equal([
      { actor: { reference: muller, display: 'Dr Anne Muller' }, full: true, extended: true },
    ]);
    await noticeSays(el, 'Dr Anne Muller also sees your restricted documents (extended access).');
    expect(await mullerSees()).to.include(serology);
    await expect(el).to.be.accessible();
  });

  it('keeps the level of a grant when the host vetoes its change', async () => {
    const el = await panel(tom, tom);
    await eventually(() => actorRow(el, 'list', muller), 'Dr Muller is not listed');
    const version = sandbox().server.store.consentOf(tom)?.meta?.versionId;
    el.addEventListener('dsp-request-grant', (event) => {
      event.preventDefault();
    });
    expect(await el.grant(muller, { full: true, extended: true })).to.equal(false);
    expect(sandbox().server.store.consentOf(tom)?.meta?.versionId).to.equal(version);
    expect(await mullerSees()).to.not.include(serology);
  });

  it('saves on a stale ETag without overwriting the change made meanwhile, nor losing the choice', async () => {
    const el = await panel(marie, users.marie);
    levelRadio(el, 'extended').click();
    await searchDirectory(el, 'Muller');
    await elsewhere(marie, (c) =>
      grantAccess(c, { reference: schmitt, display: 'Lisa Schmitt' }, { extended: true }),
    );
    const seen = changesOf(el);
    buttonIn(actorRow(el, 'results', muller)!, 'Give full access').click();
    await noticeSays(el, 'Changed meanwhile');
    const server = onServer();
    expect(server.granted).to.deep.include({
      actor: { reference: schmitt, display: 'Lisa Schmitt' },
      full: false,
      extended: true,
    });
    expect(server.granted).to.deep.include({
      actor: { reference: muller, display: 'Dr Anne Muller' },
      full: true,
      extended: true,
    });
    expect(seen).to.deep.equal([
      { patientId: marie, change: 'grant-full', actorId: muller, extended: true },
    ]);
    expect(text(part(el, 'notice')))
      .to.contain(
        'Lisa Schmitt has explicit access. Extended access: restricted documents included.',
      )
      .and.contain('Your change was applied on top.');
    expect(levelRadio(el, 'extended').checked).to.equal(true, 'the level chosen was lost');
    expect(text(actorRow(el, 'list', schmitt))).to.contain('extended');
  });

  it('reports a level changed meanwhile elsewhere, and keeps it', async () => {
    const el = await panel(tom, tom);
    await eventually(() => actorRow(el, 'list', muller), 'Dr Muller is not listed');
    await elsewhere(tom, (c) =>
      grantAccess(
        c,
        { reference: muller, display: 'Dr Anne Muller' },
        { full: true, extended: true },
      ),
    );
    expect(await el.mask(fixtures.documents.tomPharmacy.id)).to.equal(true);
    await noticeSays(el, 'Changed meanwhile');
    expect(text(part(el, 'notice'))).to.contain(
      'Dr Anne Muller also sees your restricted documents (extended access).',
    );
    expect(onServer(tom).granted[0]?.extended).to.equal(true);
    expect(text(actorRow(el, 'list', muller))).to.contain('extended');
  });

  it('shows a grant of R written elsewhere as an extended grant; one of V stays read-only', async () => {
    const byLabel = (code: string): ConsentProvision => ({
      type: 'permit',
      securityLabel: [{ system: CONFIDENTIALITY, code }],
      actor: [
        {
          role: {
            coding: [
              {
                system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType',
                code: 'IRCP',
              },
            ],
          },
          reference: { reference: muller },
        },
      ],
    });
    await elsewhere(marie, (c) => {
      const next = structuredClone(c);
      next.provision!.provision!.push(byLabel('R'), {
        ...byLabel('V'),
        actor: [{ ...byLabel('V').actor![0]!, reference: { reference: schmitt } }],
      });
      return next;
    });
    const el = await panel(marie, users.marie);
    await eventually(() => actorRow(el, 'list', muller), 'the R grant is not read as a grant');
    expect(text(actorRow(el, 'list', muller))).to.contain(
      'Explicit access · extended (restricted documents included)',
    );
    expect(actorRow(el, 'list', schmitt)).to.equal(null);
    const others = text(part(el, 'other-rules'));
    expect(others).to.contain('Permit — for Practitioner/lisa-schmitt');
    expect(others).to.not.contain('Muller');
  });

  it('speaks of the patient’s documents to their DSP assistant', async () => {
    const el = await signedInPanel(lucien, users.claire, `RelatedPerson/${users.claire}`);
    await waitUntil(() => part(el, 'grant-level'), 'no level of new grants');
    expect(text(part(el, 'grant-level')))
      .to.contain('the patient’s restricted documents (R)')
      .and.contain('No grant opens the patient’s very restricted documents (V)');
  });

  it('says the level in French by default', async () => {
    const el = await panel(marie, users.marie, '');
    expect(text(part(el, 'grant-level')))
      .to.contain('Étendu : documents normaux et restreints (N et R)')
      .and.contain('Vos documents très restreints (V) ne s’ouvrent par aucune autorisation');
  });
});
