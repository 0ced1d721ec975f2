// The rules the access-rights panel understands, and the others it must carry through every edit.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  blockProfessional,
  closeDsp,
  defaultConsent,
  grantAccess,
  maskDocument,
  setBreakTheGlass,
  unblockProfessional,
} from '@dsp-kit/fhir';
import type { Consent, ConsentProvision } from '@medplum/fhirtypes';
import {
  baseConditions,
  isUnderstood,
  keepingOthers,
  knownPart,
  partsOf,
  summaryOf,
  unknownRules,
} from './provisions.js';

const muller = 'Practitioner/anne-muller';
/** The role @dsp-kit/fhir writes: the rule's recipient. */
const role = {
  coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'IRCP' }],
};

/** Muller may not see one document during 2026: a rule of another application. */
const timedDeny: ConsentProvision = {
  type: 'deny',
  period: { start: '2026-01-01', end: '2026-12-31' },
  actor: [{ role, reference: { reference: muller, display: 'Dr Anne Muller' } }],
  data: [{ meaning: 'instance', reference: { reference: 'DocumentReference/doc-1' } }],
};
/** A hospital is allowed, for treatment only. */
const organisationPermit: ConsentProvision = {
  type: 'permit',
  actor: [{ role, reference: { reference: 'Organization/chl' } }],
  purpose: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'TREAT' }],
  class: [{ system: 'http://hl7.org/fhir/resource-types', code: 'DocumentReference' }],
};

function withOthers(consent: Consent): Consent {
  const next = structuredClone(consent);
  next.provision!.provision = [timedDeny, ...(next.provision!.provision ?? []), organisationPermit];
  return next;
}

const base = maskDocument(
  setBreakTheGlass(
    blockProfessional(defaultConsent('marie', '2026-01-01'), 'Practitioner/x'),
    false,
  ),
  'doc-2',
);

describe('the rules the panel understands', () => {
  it('understands every rule @dsp-kit/fhir writes', () => {
    const consent = grantAccess(
      grantAccess(base, { reference: muller, display: 'Dr Anne Muller' }, { full: true }),
      'PractitionerRole/role-y',
    );
    assert.deepEqual(consent.provision?.provision?.map(isUnderstood), [
      true,
      true,
      true,
      true,
      true,
    ]);
    assert.deepEqual(unknownRules(consent), []);
  });

  it('does not understand rules with conditions it cannot show or keep apart', () => {
    assert.equal(
      isUnderstood({ type: 'deny', actor: [{ role, reference: { reference: muller } }] }),
      true,
    );
    const otherRole = {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'PROV' }],
    };
    assert.equal(
      isUnderstood({
        type: 'deny',
        actor: [{ role: otherRole, reference: { reference: muller } }],
      }),
      false,
    );
    assert.equal(isUnderstood(timedDeny), false);
    assert.equal(isUnderstood(organisationPermit), false);
    assert.equal(
      isUnderstood({
        type: 'deny',
        actor: [{ role, reference: { reference: muller } }],
        provision: [],
      }),
      false,
    );
    assert.equal(
      isUnderstood({
        type: 'deny',
        data: [{ meaning: 'dependents', reference: { reference: 'DocumentReference/d' } }],
      }),
      false,
    );
    assert.equal(
      isUnderstood({
        type: 'deny',
        actor: [{ role, reference: { reference: muller } }],
        securityLabel: [{ system: 'x', code: 'y' }],
      }),
      false,
    );
  });

  it('reads the summary from the understood rules only', () => {
    const summary = summaryOf(withOthers(base));
    assert.deepEqual(
      summary.blocked.map((a) => a.reference),
      ['Practitioner/x'],
      'the timed deny of one document is not a block of Dr Muller',
    );
    assert.deepEqual(summary.granted, []);
    assert.deepEqual(summary.maskedDocuments, ['doc-2']);
    assert.equal(summary.breakTheGlass, 'refused');
  });
});

/**
 * A grant of restricted (R) documents to one practitioner, as IHE PCF's example
 * `ex-consent-advanced-normal-focused-restricted` writes it (IHE/ITI.PCF `input/fsh/consent.fsh`):
 * a nested permit with the v3-Confidentiality `R` security label and the actor as recipient (IRCP).
 */
const pcfRestrictedGrant: ConsentProvision = {
  type: 'permit',
  securityLabel: [
    { system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R' },
  ],
  actor: [{ role, reference: { reference: muller } }],
};

describe('extended grants (IHE PCF: a grant by security label)', () => {
  it('reads a provision with the R label as an extended grant of the professional', () => {
    assert.equal(isUnderstood(pcfRestrictedGrant), true);
    const consent = structuredClone(base);
    consent.provision!.provision!.push(pcfRestrictedGrant);
    assert.deepEqual(unknownRules(consent), []);
    assert.deepEqual(summaryOf(consent).granted, [
      { actor: { reference: muller }, full: false, extended: true },
    ]);
  });

  it('reads an extended full grant, whichever order its labels come in', () => {
    const full = grantAccess(base, muller, { full: true, extended: true });
    const provision = full.provision!.provision!.at(-1)!;
    assert.equal(isUnderstood(provision), true);
    const reversed = { ...provision, securityLabel: [...provision.securityLabel!].reverse() };
    assert.equal(isUnderstood(reversed), true);
    assert.deepEqual(summaryOf(full).granted, [
      { actor: { reference: muller }, full: true, extended: true },
    ]);
  });

  it('writes, through @dsp-kit/fhir, the provision PCF shows', () => {
    const written = grantAccess(base, muller, { extended: true }).provision!.provision!.at(-1);
    assert.deepEqual(written, pcfRestrictedGrant);
  });

  it('keeps read-only what it cannot tell apart from a grant: V, a label twice, a deny by label', () => {
    const confidentiality = 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality';
    const veryRestricted = {
      ...pcfRestrictedGrant,
      securityLabel: [{ system: confidentiality, code: 'V' }],
    };
    const twice = {
      ...pcfRestrictedGrant,
      securityLabel: [
        { system: confidentiality, code: 'R' },
        { system: confidentiality, code: 'R' },
      ],
    };
    const deniedRestricted = { ...pcfRestrictedGrant, type: 'deny' as const };
    const withDisplay = {
      ...pcfRestrictedGrant,
      securityLabel: [{ system: confidentiality, code: 'R', display: 'restricted' }],
    };
    for (const rule of [veryRestricted, twice, deniedRestricted, withDisplay])
      assert.equal(isUnderstood(rule), false, JSON.stringify(rule.securityLabel));
  });

  it('round-trips an extended grant through an edit of another rule', () => {
    const consent = withOthers(grantAccess(base, muller, { extended: true }));
    const edited = keepingOthers(consent, (c) => maskDocument(c, 'doc-3'));
    assert.deepEqual(summaryOf(edited).granted, summaryOf(consent).granted);
    assert.deepEqual(unknownRules(edited), [timedDeny, organisationPermit]);
    assert.deepEqual(
      edited.provision!.provision!.find((p) => p.actor?.[0]?.reference.reference === muller),
      pcfRestrictedGrant,
    );
  });
});

describe('keepingOthers', () => {
  it('never drops or changes the rules it does not understand', () => {
    const consent = withOthers(base);
    const blocked = keepingOthers(consent, (c) => blockProfessional(c, muller));
    assert.deepEqual(unknownRules(blocked), [timedDeny, organisationPermit]);
    assert.deepEqual(
      summaryOf(blocked).blocked.map((a) => a.reference),
      ['Practitioner/x', muller],
    );
    // Unblocking Dr Muller lifts the block, not the other application's rule about her.
    const unblocked = keepingOthers(blocked, (c) => unblockProfessional(c, muller));
    assert.deepEqual(unknownRules(unblocked), [timedDeny, organisationPermit]);
    const closed = keepingOthers(unblocked, closeDsp);
    assert.equal(closed.provision?.type, 'deny');
    assert.deepEqual(unknownRules(closed), [timedDeny, organisationPermit]);
    assert.equal(consent.provision?.provision?.length, 5, 'the argument was changed');
  });

  it('keeps conditions on the base rule', () => {
    const consent = structuredClone(base);
    consent.provision!.period = { start: '2020-01-01' };
    assert.deepEqual(baseConditions(consent), { type: 'permit', period: { start: '2020-01-01' } });
    assert.equal(baseConditions(base), undefined);
    const edited = keepingOthers(consent, (c) => maskDocument(c, 'doc-3'));
    assert.deepEqual(edited.provision?.period, { start: '2020-01-01' });
    assert.deepEqual(knownPart(consent).provision?.period, { start: '2020-01-01' });
  });
});

describe('partsOf', () => {
  it('says who, what, when and why, and whether more conditions apply', () => {
    assert.deepEqual(partsOf(timedDeny), {
      type: 'deny',
      actors: [{ reference: muller, display: 'Dr Anne Muller' }],
      documents: ['doc-1'],
      start: '2026-01-01',
      end: '2026-12-31',
      purposes: [],
      more: false,
    });
    const parts = partsOf(organisationPermit);
    assert.deepEqual(parts.purposes, ['TREAT']);
    assert.equal(parts.more, true);
  });
});
