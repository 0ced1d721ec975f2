// The panel's edits against @dsp-kit/fhir's own Consent helpers and summary: applying one says
// what the helpers say, its inverse brings back the earlier reading, its name is the change the
// user made, and the differences between two readings are the edits that lead from one to the other.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  accessSummary,
  blockProfessional,
  closeDsp,
  defaultConsent,
  grantAccess,
  maskDocument,
  setBreakTheGlass,
  type Consent,
} from '@dsp-kit/fhir';
import {
  actorStatus,
  applyEdit,
  changeOf,
  differences,
  inverseOf,
  isInEffect,
  type AccessEdit,
} from './edits.js';

const weber = 'Practitioner/paul-weber';
const muller = 'Practitioner/anne-muller';
const base: Consent = { ...defaultConsent('marie', '2026-01-01T00:00:00Z'), id: 'c1' };
const summary = (consent: Consent) => accessSummary(consent);

describe('access-rights edits', () => {
  it('applies each edit as the Consent helpers write it', () => {
    assert.deepEqual(
      applyEdit(base, { target: 'actor', actorId: weber, status: 'blocked' }),
      blockProfessional(base, { reference: weber }),
    );
    assert.deepEqual(
      applyEdit(base, { target: 'actor', actorId: weber, status: 'full' }),
      grantAccess(base, { reference: weber }, { full: true }),
    );
    assert.deepEqual(
      applyEdit(base, { target: 'document', documentId: 'doc-1', masked: true }),
      maskDocument(base, 'doc-1'),
    );
    assert.deepEqual(
      applyEdit(base, { target: 'break-glass', allowed: false }),
      setBreakTheGlass(base, false),
    );
    assert.deepEqual(applyEdit(base, { target: 'open', open: false }), closeDsp(base));
  });

  it('lifts a block and a grant alike when the wanted status is none', () => {
    const blocked = blockProfessional(base, { reference: weber });
    const granted = grantAccess(base, { reference: muller });
    const none = (actorId: string): AccessEdit => ({ target: 'actor', actorId, status: 'none' });
    assert.equal(actorStatus(summary(applyEdit(blocked, none(weber))), weber), 'none');
    assert.equal(actorStatus(summary(applyEdit(granted, none(muller))), muller), 'none');
  });

  it('says whether the Consent already says what an edit wants', () => {
    const blocked = summary(blockProfessional(base, { reference: weber }));
    assert.equal(isInEffect(blocked, { target: 'actor', actorId: weber, status: 'blocked' }), true);
    assert.equal(isInEffect(blocked, { target: 'actor', actorId: weber, status: 'none' }), false);
    assert.equal(isInEffect(summary(base), { target: 'open', open: true }), true);
    assert.equal(isInEffect(summary(base), { target: 'break-glass', allowed: false }), false);
  });

  it('undoes each edit back to the earlier reading', () => {
    const start = grantAccess(maskDocument(base, 'doc-1'), { reference: muller });
    const edits: AccessEdit[] = [
      { target: 'actor', actorId: muller, status: 'blocked' },
      { target: 'actor', actorId: weber, status: 'full' },
      { target: 'document', documentId: 'doc-1', masked: false },
      { target: 'break-glass', allowed: false },
      { target: 'open', open: false },
    ];
    for (const edit of edits) {
      const undo = inverseOf(edit, summary(start));
      assert.deepEqual(summary(applyEdit(applyEdit(start, edit), undo)), summary(start));
    }
  });

  it('names a change after what was there before', () => {
    const blocked = summary(blockProfessional(base, { reference: weber }));
    const granted = summary(grantAccess(base, { reference: weber }));
    const none: AccessEdit = { target: 'actor', actorId: weber, status: 'none' };
    assert.equal(changeOf(none, blocked), 'unblock');
    assert.equal(changeOf(none, granted), 'revoke');
    assert.equal(changeOf({ ...none, status: 'full' }, granted), 'grant-full');
    assert.equal(changeOf({ target: 'document', documentId: 'd', masked: true }, granted), 'mask');
    assert.equal(
      changeOf({ target: 'break-glass', allowed: true }, granted),
      'break-glass-allowed',
    );
    assert.equal(changeOf({ target: 'open', open: true }, granted), 'reopen');
  });

  it('grants at the level asked, and switches a grant between normal and extended', () => {
    const extended: AccessEdit = {
      target: 'actor',
      actorId: muller,
      status: 'granted',
      extended: true,
    };
    assert.deepEqual(
      applyEdit(base, extended),
      grantAccess(base, { reference: muller }, { extended: true }),
    );
    assert.deepEqual(
      applyEdit(base, { ...extended, status: 'full' }),
      grantAccess(base, { reference: muller }, { full: true, extended: true }),
    );
    const normal = summary(grantAccess(base, { reference: muller }));
    assert.equal(isInEffect(normal, extended), false, 'a normal grant is not an extended one');
    assert.equal(isInEffect(normal, { ...extended, extended: false }), true);
    const switched = summary(applyEdit(grantAccess(base, { reference: muller }), extended));
    assert.deepEqual(switched.granted, [
      { actor: { reference: muller }, full: false, extended: true },
    ]);
    assert.equal(changeOf(extended, normal), 'extend');
    assert.equal(changeOf({ ...extended, extended: false }, switched), 'limit');
    assert.equal(changeOf(extended, summary(base)), 'grant');
    // Undoing the switch brings the normal grant back.
    const undo = inverseOf(extended, normal);
    assert.deepEqual(
      summary(applyEdit(applyEdit(grantAccess(base, { reference: muller }), extended), undo)),
      normal,
    );
    assert.deepEqual(differences(normal, switched), [extended]);
    assert.deepEqual(differences(switched, normal), [{ ...extended, extended: false }]);
  });

  it('finds the edits that lead from one reading to another', () => {
    const after = closeDsp(
      setBreakTheGlass(
        maskDocument(blockProfessional(grantAccess(base, { reference: muller }), weber), 'doc-2'),
        false,
      ),
    );
    const found = differences(summary(grantAccess(base, { reference: muller })), summary(after));
    assert.deepEqual(found, [
      { target: 'actor', actorId: weber, status: 'blocked' },
      { target: 'document', documentId: 'doc-2', masked: true },
      { target: 'break-glass', allowed: false },
      { target: 'open', open: false },
    ]);
    assert.deepEqual(differences(summary(after), summary(after)), []);
  });
});
