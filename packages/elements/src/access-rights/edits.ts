// The access-rights panel's edits as pure values: what a change wants of the Consent, how it is
// applied, undone, named, and found between two readings of the Consent.
import {
  blockProfessional,
  closeDsp,
  grantAccess,
  maskDocument,
  reopenDsp,
  revokeAccess,
  setBreakTheGlass,
  unblockProfessional,
  unmaskDocument,
  type AccessSummary,
  type Consent,
} from '@dsp-kit/fhir';
import type { DspAccessChange } from './access-rights.events.js';
import { keepingOthers } from './provisions.js';

/** Where a professional stands in the Consent. */
export type ActorStatus = 'none' | 'blocked' | 'granted' | 'full';

/** A status that is a grant, which is normal (N documents) or extended (N and R). */
export function isGrant(status: ActorStatus): status is 'granted' | 'full' {
  return status === 'granted' || status === 'full';
}

/**
 * One change, said as the state wanted rather than as an operation, so that it can be applied
 * again on a Consent someone else changed meanwhile, and undone by wanting the earlier state.
 */
export type AccessEdit =
  | {
      readonly target: 'actor';
      readonly actorId: string;
      readonly display?: string;
      readonly status: ActorStatus;
      /**
       * For a grant: extended, it covers restricted (R) documents too; absent or false, normal
       * (N only). Very restricted (V) documents are never granted.
       */
      readonly extended?: boolean;
    }
  | { readonly target: 'document'; readonly documentId: string; readonly masked: boolean }
  | { readonly target: 'break-glass'; readonly allowed: boolean }
  | { readonly target: 'open'; readonly open: boolean };

export function actorStatus(summary: AccessSummary, actorId: string): ActorStatus {
  if (summary.blocked.some((a) => a.reference === actorId)) return 'blocked';
  const grant = summary.granted.find((g) => g.actor.reference === actorId);
  if (!grant) return 'none';
  return grant.full ? 'full' : 'granted';
}

/** Whether the professional's grant is extended (covers R documents); false without a grant. */
export function isExtended(summary: AccessSummary, actorId: string): boolean {
  return summary.granted.some((g) => g.actor.reference === actorId && g.extended === true);
}

/** What the Consent says of a professional, as the edit that would want it. */
function actorEditOf(
  summary: AccessSummary,
  actorId: string,
): Pick<Extract<AccessEdit, { target: 'actor' }>, 'status' | 'extended'> {
  const status = actorStatus(summary, actorId);
  return isGrant(status) ? { status, extended: isExtended(summary, actorId) } : { status };
}

/** Whether the Consent already says what the edit wants. */
export function isInEffect(summary: AccessSummary, edit: AccessEdit): boolean {
  switch (edit.target) {
    case 'actor':
      return (
        actorStatus(summary, edit.actorId) === edit.status &&
        (!isGrant(edit.status) || isExtended(summary, edit.actorId) === (edit.extended === true))
      );
    case 'document':
      return summary.maskedDocuments.includes(edit.documentId) === edit.masked;
    case 'break-glass':
      return (summary.breakTheGlass === 'allowed') === edit.allowed;
    case 'open':
      return summary.open === edit.open;
  }
}

/**
 * The edit applied to a Consent, through @dsp-kit/fhir's pure helpers, leaving the rules the
 * panel does not understand as they are.
 */
export function applyEdit(consent: Consent, edit: AccessEdit): Consent {
  return keepingOthers(consent, (known) => applyKnown(known, edit));
}

function applyKnown(consent: Consent, edit: AccessEdit): Consent {
  switch (edit.target) {
    case 'actor': {
      const actor = { reference: edit.actorId, ...(edit.display ? { display: edit.display } : {}) };
      if (edit.status === 'blocked') return blockProfessional(consent, actor);
      const extended = edit.extended === true;
      if (edit.status === 'granted') return grantAccess(consent, actor, { extended });
      if (edit.status === 'full') return grantAccess(consent, actor, { full: true, extended });
      return revokeAccess(unblockProfessional(consent, actor), actor);
    }
    case 'document':
      return edit.masked
        ? maskDocument(consent, edit.documentId)
        : unmaskDocument(consent, edit.documentId);
    case 'break-glass':
      return setBreakTheGlass(consent, edit.allowed);
    case 'open':
      return edit.open ? reopenDsp(consent) : closeDsp(consent);
  }
}

/** The edit that brings back what `before` said about the same thing. */
export function inverseOf(edit: AccessEdit, before: AccessSummary): AccessEdit {
  switch (edit.target) {
    case 'actor': {
      const { target, actorId, display } = edit;
      return { target, actorId, ...(display ? { display } : {}), ...actorEditOf(before, actorId) };
    }
    case 'document':
      return { ...edit, masked: before.maskedDocuments.includes(edit.documentId) };
    case 'break-glass':
      return { target: 'break-glass', allowed: before.breakTheGlass === 'allowed' };
    case 'open':
      return { target: 'open', open: before.open };
  }
}

/** The name of a change for `dsp-access-changed`, given what was there before. */
export function changeOf(edit: AccessEdit, before: AccessSummary): DspAccessChange {
  switch (edit.target) {
    case 'actor': {
      if (edit.status === 'blocked') return 'block';
      // The same grant at another level: extended or brought back to normal.
      const extended = edit.extended === true;
      if (
        isGrant(edit.status) &&
        actorStatus(before, edit.actorId) === edit.status &&
        isExtended(before, edit.actorId) !== extended
      )
        return extended ? 'extend' : 'limit';
      if (edit.status === 'granted') return 'grant';
      if (edit.status === 'full') return 'grant-full';
      return actorStatus(before, edit.actorId) === 'blocked' ? 'unblock' : 'revoke';
    }
    case 'document':
      return edit.masked ? 'mask' : 'unmask';
    case 'break-glass':
      return edit.allowed ? 'break-glass-allowed' : 'break-glass-refused';
    case 'open':
      return edit.open ? 'reopen' : 'close';
  }
}

/** What differs between two readings of the Consent, as the edits that lead from one to the other. */
export function differences(before: AccessSummary, after: AccessSummary): AccessEdit[] {
  const found: AccessEdit[] = [];
  const actors = new Set(
    [...before.blocked, ...after.blocked, ...before.granted.map((g) => g.actor)]
      .concat(after.granted.map((g) => g.actor))
      .flatMap((a) => (a.reference ? [a.reference] : [])),
  );
  for (const actorId of actors) {
    const wanted = actorEditOf(after, actorId);
    if (!isInEffect(before, { target: 'actor', actorId, ...wanted }))
      found.push({ target: 'actor', actorId, ...wanted });
  }
  for (const documentId of new Set([...before.maskedDocuments, ...after.maskedDocuments])) {
    const masked = after.maskedDocuments.includes(documentId);
    if (masked !== before.maskedDocuments.includes(documentId))
      found.push({ target: 'document', documentId, masked });
  }
  if (before.breakTheGlass !== after.breakTheGlass)
    found.push({ target: 'break-glass', allowed: after.breakTheGlass === 'allowed' });
  if (before.open !== after.open) found.push({ target: 'open', open: after.open });
  return found;
}
