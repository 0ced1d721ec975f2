// What a professional who opens the access-rights panel may see of this DSP. The panel cannot show
// them the patient's choices; the document search it makes anyway says what matters to them.
import { breakTheGlassAvailable, DspHttpError } from '@dsp-kit/fhir/errors';
import type { DocumentReference, Page } from '@dsp-kit/fhir';

/** A professional's own access to a patient's DSP, as the server answered a document search. */
export type OwnAccess =
  | { readonly status: 'open'; readonly documents: number }
  | {
      readonly status: 'refused';
      /** The server's reason (plain text), e.g. that the patient blocked them. */
      readonly reason: string | undefined;
      /** They may ask for emergency access (the viewer offers it). */
      readonly emergency: boolean;
    }
  | { readonly status: 'unknown' };

/** The search's outcome: its first page, or why it failed. */
export type SearchOutcome =
  { readonly page: Page<DocumentReference> } | { readonly error: unknown };

export function ownAccessOf(outcome: SearchOutcome): OwnAccess {
  if ('page' in outcome) {
    const { page } = outcome;
    return { status: 'open', documents: page.total ?? page.entries.length };
  }
  const { error } = outcome;
  if (error instanceof DspHttpError && error.status === 403) {
    return {
      status: 'refused',
      reason: error.serverMessage,
      emergency: breakTheGlassAvailable(error),
    };
  }
  return { status: 'unknown' };
}
