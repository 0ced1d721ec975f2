// What the access-rights panel does, as values: a Consent edit, or naming or withdrawing a DSP
// assistant. Undo and retry hold one; a failure worth retrying keeps it pending.
import { isRetryable as worthAnotherTry } from '@dsp-kit/fhir/errors';
import type { AccessSummary, AssistantInput, DspAssistant } from '@dsp-kit/fhir';
import type { AccessEdit } from './edits.js';

export type Operation =
  | {
      readonly kind: 'consent';
      readonly edit: AccessEdit;
      /**
       * What the Consent said when the user asked, kept across retries: a retry that finds the
       * change made (its earlier answer lost) knows it was not so before, and reports it.
       */
      readonly from?: AccessSummary;
    }
  | {
      readonly kind: 'add-assistant';
      readonly input: AssistantInput;
      /** Whether the person was an assistant already when the user asked, kept across retries. */
      readonly known?: boolean;
    }
  | {
      readonly kind: 'remove-assistant';
      readonly assistant: DspAssistant;
      /** An earlier attempt failed: it may have been done, its answer lost. */
      readonly attempted?: boolean;
    }
  /** Names a withdrawn assistant again, as the same record: the undo of a removal. */
  | { readonly kind: 'restore-assistant'; readonly assistant: DspAssistant };

/** Whether two edits are about the same thing (the same professional, document, or setting). */
export function sameTarget(a: AccessEdit, b: AccessEdit): boolean {
  if (a.target === 'actor' && b.target === 'actor') return a.actorId === b.actorId;
  if (a.target === 'document' && b.target === 'document') return a.documentId === b.documentId;
  return a.target === b.target;
}

/** Whether two edits want the same thing of the same target. */
function sameEdit(a: AccessEdit, b: AccessEdit): boolean {
  if (!sameTarget(a, b)) return false;
  if (a.target === 'actor' && b.target === 'actor')
    return a.status === b.status && (a.extended === true) === (b.extended === true);
  if (a.target === 'document' && b.target === 'document') return a.masked === b.masked;
  if (a.target === 'break-glass' && b.target === 'break-glass') return a.allowed === b.allowed;
  if (a.target === 'open' && b.target === 'open') return a.open === b.open;
  return false;
}

function matriculeKey(input: AssistantInput): string {
  return input.matricule.replace(/\s+/g, '');
}

/** Whether `later` settles what `pending` was about, so the pending one can be forgotten. */
export function settles(later: Operation, pending: Operation): boolean {
  if (later.kind === 'consent' && pending.kind === 'consent')
    return sameTarget(later.edit, pending.edit);
  if (later.kind === 'add-assistant' && pending.kind === 'add-assistant')
    return matriculeKey(later.input) === matriculeKey(pending.input);
  const isAssistant = (o: Operation) =>
    o.kind === 'remove-assistant' || o.kind === 'restore-assistant';
  if (isAssistant(later) && isAssistant(pending) && 'assistant' in later && 'assistant' in pending)
    return later.assistant.id === pending.assistant.id;
  return false;
}

/**
 * The operation to run when the user asks for `asked` while `earlier` failed: the earlier one
 * (with what the panel showed when it was first asked) when both ask for the same change, since
 * the earlier attempt may have been done and only its answer lost; otherwise `asked` itself.
 */
export function resumed(asked: Operation, earlier: Operation | undefined): Operation {
  if (!earlier) return asked;
  if (asked.kind === 'consent' && earlier.kind === 'consent')
    return sameEdit(asked.edit, earlier.edit) ? { ...asked, from: earlier.from } : asked;
  if (asked.kind === 'add-assistant' && earlier.kind === 'add-assistant')
    return matriculeKey(asked.input) === matriculeKey(earlier.input)
      ? { ...asked, known: earlier.known }
      : asked;
  return asked;
}

/**
 * The operation as kept after a failed attempt, with what the panel showed when it was first asked
 * (unless it carries that already): the Consent's summary for an edit, whether the person was
 * listed for a naming, and for a withdrawal that it was attempted.
 */
export function stamped(
  operation: Operation,
  now: {
    readonly summary: AccessSummary | undefined;
    readonly assistants: readonly DspAssistant[];
  },
): Operation {
  if (operation.kind === 'consent' && !operation.from && now.summary)
    return { ...operation, from: now.summary };
  if (operation.kind === 'add-assistant' && operation.known === undefined) {
    const key = matriculeKey(operation.input);
    return { ...operation, known: now.assistants.some((a) => a.matricule === key) };
  }
  if (operation.kind === 'remove-assistant') return { ...operation, attempted: true };
  return operation;
}

/**
 * A failure that keeps the change pending for another try: the kit's rule (`isRetryable` in
 * `@dsp-kit/fhir`), for failures known to pass only — no answer, or a status that says "later".
 * A refusal or an invalid change would only fail again.
 */
export function isRetryable(error: unknown): boolean {
  return worthAnotherTry(error, { uncertain: false });
}
