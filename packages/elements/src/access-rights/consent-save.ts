// Saving one access-rights edit with If-Match: on a conflict, the server's current Consent is taken,
// what changed meanwhile is reported, and the same edit is applied to it again unless already so.
import { DspConflictError } from '@dsp-kit/fhir/errors';
import type { AccessSummary, Consent, DspClient } from '@dsp-kit/fhir';
import { applyEdit, differences, isInEffect, type AccessEdit } from './edits.js';
import { sameTarget } from './operations.js';
import { summaryOf } from './provisions.js';

/** What `saveEdit` did. */
export interface ApplyResult {
  /** False when the Consent already said so (someone made the same change meanwhile). */
  readonly saved: boolean;
  /** Changes someone else saved meanwhile (empty without a conflict). */
  readonly meanwhile: readonly AccessEdit[];
  /**
   * What the Consent said right before the save (when not saved: already with the edit in
   * effect, so the caller says the change against what the user saw).
   */
  readonly before: AccessSummary;
}

/** A version of the Consent: what the panel shows and saves on. */
export interface ConsentVersion {
  readonly consent: Consent;
  readonly etag: string | undefined;
}

/** Conflicts in a row before giving up: each one means someone saved in between. */
const MAX_CONFLICTS = 3;

/**
 * Saves `edit` on `base`. Every version the server gives (saved, or current after a conflict) is
 * handed to `accept` as it comes, so the panel never keeps showing a stale one.
 */
export async function saveEdit(
  client: DspClient,
  base: ConsentVersion,
  edit: AccessEdit,
  accept: (version: ConsentVersion) => void,
  signal: AbortSignal,
): Promise<ApplyResult> {
  const patientId = base.consent.patient?.reference;
  if (!patientId) throw new Error('The Consent names no patient');
  let current = base;
  const meanwhile: AccessEdit[] = [];
  for (let conflicts = 0; ; conflicts++) {
    const before = summaryOf(current.consent);
    if (isInEffect(before, edit)) {
      accept(current);
      return { saved: false, meanwhile, before };
    }
    try {
      accept(await client.saveConsent(applyEdit(current.consent, edit), current.etag, { signal }));
      return { saved: true, meanwhile, before };
    } catch (error) {
      if (!(error instanceof DspConflictError) || conflicts + 1 >= MAX_CONFLICTS) throw error;
      current =
        error.current?.resourceType === 'Consent'
          ? { consent: error.current, etag: error.etag }
          : await client.getConsent(patientId, { signal });
      const now = summaryOf(current.consent);
      // A change of ours whose answer was lost is no one else's: it is not said as theirs.
      const ours = (d: AccessEdit) => sameTarget(d, edit) && isInEffect(now, edit);
      meanwhile.push(...differences(before, now).filter((d) => !ours(d)));
      // Whatever happens next, the panel must show the server's version, not the stale one.
      accept(current);
    }
  }
}
