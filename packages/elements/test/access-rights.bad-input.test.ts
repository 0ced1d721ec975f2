// <dsp-access-rights> against bad input: blocking the médecin référent (asked first), a
// professional blocking themselves, practitioner ids that are malformed or unknown, a Consent
// with rules the panel does not understand (shown, never dropped), and a save lost to the network
// (kept pending, retried).
import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { blockProfessional, DspHttpError, type Consent } from '@dsp-kit/fhir';
import type { ConsentProvision } from '@medplum/fhirtypes';
import type { DspErrorEvent } from '../src/events.js';
import type { DspAccessRights } from '../src/define/dsp-access-rights.js';
import {
  actorRow,
  as,
  buttonIn,
  documents,
  eventually,
  kremer,
  marie,
  muller,
  nextChange,
  noticeSays,
  onServer,
  panel,
  part,
  sandbox,
  searchDirectory,
  useMock,
  text,
  users,
  weber,
} from './access-rights.helpers.js';

function version(): string | undefined {
  return sandbox().server.store.consentOf(marie)?.meta?.versionId;
}

async function seenBy(user: string): Promise<number> {
  return as(user)
    .searchDocuments({ patient: marie })
    .then(
      () => 200,
      (error: unknown) => (error as { status?: number }).status ?? -1,
    );
}

function confirmDialog(el: DspAccessRights): HTMLDialogElement {
  return part(el, 'confirm-dialog') as HTMLDialogElement;
}

/** Two rules another application wrote into Marie's Consent. */
const foreignRules: ConsentProvision[] = [
  {
    type: 'deny',
    period: { start: '2026-01-01', end: '2026-12-31' },
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
        reference: { reference: muller, display: 'Dr Anne Muller' },
      },
    ],
    data: [
      {
        meaning: 'instance',
        reference: { reference: `DocumentReference/${documents.cardiology.id}` },
      },
    ],
  },
  {
    type: 'permit',
    actor: [
      {
        role: {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'PROV' }],
        },
        reference: { reference: 'Organization/chl', display: 'Centre Hospitalier de Luxembourg' },
      },
    ],
    purpose: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'TREAT' }],
    class: [{ system: 'http://hl7.org/fhir/resource-types', code: 'DocumentReference' }],
  },
];

function putForeignRules(): void {
  const store = sandbox().server.store;
  const consent = structuredClone(store.consentOf(marie)) as Consent;
  consent.provision!.provision = [...(consent.provision!.provision ?? []), ...foreignRules];
  store.put(consent);
}

useMock();

describe('<dsp-access-rights> and bad input', () => {
  it('asks before blocking the médecin référent, and says what it means', async () => {
    const el = await panel(marie, users.marie);
    await searchDirectory(el, 'Weber');
    let asked = false;
    el.addEventListener('dsp-request-block', () => {
      asked = true;
    });
    buttonIn(actorRow(el, 'results', weber)!, 'Block').click();
    const dialog = confirmDialog(el);
    await eventually(() => dialog.open, 'no confirmation');
    expect(text(dialog))
      .to.contain('Block your referring doctor?')
      .and.contain('Dr Paul Weber is your referring doctor, declared to the CNS')
      .and.contain('they stay your referring doctor at the CNS');
    expect(el.shadowRoot!.activeElement).to.equal(buttonIn(dialog, 'Cancel'));
    expect(asked, 'the host was asked before the user').to.equal(false);
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Escape' });
    await eventually(() => !dialog.open, 'Escape did not close the confirmation');
    expect(version()).to.equal('1');
    expect(await seenBy(users.weber)).to.equal(200);

    // Through the API too, and this time the patient confirms.
    const blocking = el.block(weber);
    await eventually(() => dialog.open, 'no confirmation for block()');
    const changed = nextChange(el);
    buttonIn(dialog, 'Block anyway').click();
    expect(await blocking).to.equal(true);
    expect((await changed).detail).to.deep.equal({
      patientId: marie,
      change: 'block',
      actorId: weber,
    });
    expect(asked).to.equal(true);
    expect(onServer().blocked.map((a) => a.reference)).to.include(weber);
    expect(await seenBy(users.weber), 'the blocked référent sees nothing').to.equal(403);
    expect(text(actorRow(el, 'list', weber))).to.contain('Blocked');
  });

  it('declining the confirmation through the API resolves to false', async () => {
    const el = await panel(marie, users.marie);
    const blocking = el.block(weber);
    await eventually(() => confirmDialog(el).open, 'no confirmation');
    buttonIn(confirmDialog(el), 'Cancel').click();
    expect(await blocking).to.equal(false);
    expect(version()).to.equal('1');
  });

  it('lets no professional block themselves, and shows them their own access', async () => {
    const el = await panel(marie, users.weber);
    expect(part(el, 'read-only')).to.not.equal(null);
    await eventually(() => text(part(el, 'own-access')) !== '', 'no own access said');
    expect(text(part(el, 'own-access'))).to.match(
      /^You have access to this DSP: \d+ documents are visible to you\.$/,
    );
    expect(el.shadowRoot!.querySelectorAll('button')).to.have.length(0);
    expect(await el.block(weber)).to.equal(false);
    expect(version()).to.equal('1');
    await expect(el).to.be.accessible();

    const consent = sandbox().server.store.consentOf(marie)!;
    const refused = await as(users.weber)
      .saveConsent(blockProfessional(consent, weber), 'W/"1"')
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(refused).to.be.instanceOf(DspHttpError);
    expect((refused as DspHttpError).status).to.equal(403);
    expect(version()).to.equal('1');
  });

  it('tells a blocked professional that they have no access, and why', async () => {
    const el = await panel(marie, users.kremer);
    await eventually(() => text(part(el, 'own-access')) !== '', 'no own access said');
    expect(text(part(el, 'own-access')))
      .to.contain('You have no access to this DSP.')
      .and.contain('Le patient vous a bloqué');
    await expect(el).to.be.accessible();
  });

  it('refuses a malformed practitioner id before sending anything', async () => {
    const el = await panel(marie, users.marie);
    const failed = oneEvent<DspErrorEvent>(el, 'dsp-error');
    expect(await el.block('nobody')).to.equal(false);
    expect((await failed).detail.kind).to.equal('validation');
    await noticeSays(el, '“nobody” is not a professional’s identifier');
    expect(version()).to.equal('1');
    expect(await el.grant('Patient/marie-schmit', { full: true })).to.equal(false);
    await noticeSays(el, '“Patient/marie-schmit” is not a professional’s identifier');
    await expect(el).to.be.accessible();
  });

  it('reports an unknown practitioner id with the server’s reason, changing nothing', async () => {
    const el = await panel(marie, users.marie);
    const failed = oneEvent<DspErrorEvent>(el, 'dsp-error');
    expect(await el.block('Practitioner/no-such-doctor')).to.equal(false);
    expect((await failed).detail).to.deep.equal({ kind: 'http', status: 422 });
    await noticeSays(el, 'The change was not saved.');
    expect(text(part(el, 'notice'))).to.contain(
      'Practitioner/no-such-doctor n’existe pas dans l’annuaire',
    );
    expect(part(el, 'pending'), 'a refusal is not retried').to.equal(null);
    expect(version()).to.equal('1');
    expect(actorRow(el, 'list', 'Practitioner/no-such-doctor')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows rules it does not understand read-only, and keeps them on every save', async () => {
    putForeignRules();
    const el = await panel(marie, users.marie);
    await eventually(() => part(el, 'other-rules'), 'the other rules are not shown');
    const rules = [...part(el, 'other-rules')!.querySelectorAll('li')].map((li) => text(li));
    expect(rules).to.have.length(2);
    expect(rules[0])
      .to.contain('Deny')
      .and.contain('Dr Anne Muller')
      .and.contain('Échocardiographie transthoracique')
      .and.contain('2026');
    expect(rules[1])
      .to.contain('Permit')
      .and.contain('Centre Hospitalier de Luxembourg')
      .and.contain('TREAT')
      .and.contain('with further conditions');
    expect(part(el, 'other-rules')!.querySelector('button')).to.equal(null);
    expect(actorRow(el, 'list', muller), 'a rule about one document is not a block').to.equal(null);
    await expect(el).to.be.accessible();

    await searchDirectory(el, 'Muller');
    let changed = nextChange(el);
    buttonIn(actorRow(el, 'results', muller)!, 'Block').click();
    await changed;
    changed = nextChange(el);
    buttonIn(actorRow(el, 'list', muller)!, 'Unblock').click();
    await changed;
    expect(await el.mask(documents.certificate.id)).to.equal(true);
    changed = nextChange(el);
    buttonIn(actorRow(el, 'list', kremer)!, 'Unblock').click();
    await changed;

    const stored = sandbox().server.store.consentOf(marie)!;
    expect(Number(stored.meta?.versionId)).to.be.greaterThan(4);
    expect(stored.provision?.provision).to.deep.include.members(foreignRules);
    const server = onServer();
    expect(server.maskedDocuments).to.include(documents.certificate.id);
    expect(server.blocked.map((a) => a.reference)).to.not.include(kremer);
  });

  it('keeps a change lost to the network pending and visible, and saves it on retry', async () => {
    const el = await panel(marie, users.marie);
    sandbox().useScenario('offline');
    buttonIn(actorRow(el, 'list', kremer)!, 'Unblock').click();
    await eventually(() => part(el, 'pending'), 'no pending change');
    expect(text(part(el, 'pending')))
      .to.contain('Not saved yet: Dr Luc Kremer is no longer blocked.')
      .and.contain('cannot be reached');
    expect(text(actorRow(el, 'list', kremer))).to.contain('Default rules (not saved)');
    expect(onServer().blocked.map((a) => a.reference)).to.include(kremer);
    await expect(el).to.be.accessible();

    sandbox().clearScenario();
    const changed = nextChange(el);
    buttonIn(part(el, 'pending')!, 'Try again').click();
    expect((await changed).detail).to.deep.equal({
      patientId: marie,
      change: 'unblock',
      actorId: kremer,
    });
    await eventually(() => !part(el, 'pending'), 'the change stayed pending');
    expect(onServer().blocked).to.have.length(0);
    await noticeSays(el, 'Dr Luc Kremer is no longer blocked.');
  });

  it('retries a save whose answer was lost without doing it twice or blaming anyone', async () => {
    const el = await panel(marie, users.marie);
    sandbox().useScenario('lostResponseAfterWrite');
    expect(await el.mask(documents.certificate.id)).to.equal(false);
    await eventually(() => part(el, 'pending'), 'no pending change');
    expect(onServer().maskedDocuments, 'the write itself was done').to.include(
      documents.certificate.id,
    );
    expect(await el.retry()).to.equal(true);
    await eventually(() => !part(el, 'pending'), 'the change stayed pending');
    await noticeSays(el, 'is masked');
    expect(text(part(el, 'notice'))).to.not.contain('Changed meanwhile');
    expect(version()).to.equal('2', 'saved twice');
  });

  it('discards a pending change on request', async () => {
    const el = await panel(marie, users.marie);
    sandbox().useScenario('offline');
    expect(await el.unmask(documents.masked.id)).to.equal(false);
    await eventually(() => part(el, 'pending'), 'no pending change');
    sandbox().clearScenario();
    buttonIn(part(el, 'pending')!, 'Discard this change').click();
    await eventually(() => !part(el, 'pending'), 'the change was not discarded');
    expect(await el.retry()).to.equal(false);
    expect(onServer().maskedDocuments).to.include(documents.masked.id);
  });
});
