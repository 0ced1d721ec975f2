// What the access-rights panel does, as values: a Consent edit, or naming or withdrawing a DSP
// assistant. Undo and retry hold one; a failure worth retrying keeps it pending.
import {
  DspConflictError,
  DspHttpError,
  DspNetworkError,
  type AssistantInput,
  type DspAssistant,
} from '@dsp-kit/fhir';
import type { AccessEdit } from './access-rights.controller.js';

export type Operation =
  | { readonly kind: 'consent'; readonly edit: AccessEdit }
  | { readonly kind: 'add-assistant'; readonly input: AssistantInput }
  | { readonly kind: 'remove-assistant'; readonly assistant: DspAssistant }
  /** Names a withdrawn assistant again, as the same record: the undo of a removal. */
  | { readonly kind: 'restore-assistant'; readonly assistant: DspAssistant };

/** Whether two edits are about the same thing (the same professional, document, or setting). */
export function sameTarget(a: AccessEdit, b: AccessEdit): boolean {
  if (a.target === 'actor' && b.target === 'actor') return a.actorId === b.actorId;
  if (a.target === 'document' && b.target === 'document') return a.documentId === b.documentId;
  return a.target === b.target;
}

/** Whether `later` settles what `pending` was about, so the pending one can be forgotten. */
export function settles(later: Operation, pending: Operation): boolean {
  if (later.kind === 'consent' && pending.kind === 'consent')
    return sameTarget(later.edit, pending.edit);
  if (later.kind === 'add-assistant' && pending.kind === 'add-assistant')
    return (
      later.input.matricule.replace(/\s+/g, '') === pending.input.matricule.replace(/\s+/g, '')
    );
  const isAssistant = (o: Operation) =>
    o.kind === 'remove-assistant' || o.kind === 'restore-assistant';
  if (isAssistant(later) && isAssistant(pending) && 'assistant' in later && 'assistant' in pending)
    return later.assistant.id === pending.assistant.id;
  return false;
}

/**
 * A failure that may pass on a second try: no answer (offline, timeout), or the server
 * overloaded or failing (429, 5xx). A refusal or an invalid change would only fail again.
 */
export function isRetryable(error: unknown): boolean {
  if (error instanceof DspNetworkError) return true;
  return (
    error instanceof DspHttpError &&
    !(error instanceof DspConflictError) &&
    (error.status === 429 || error.status >= 500)
  );
}
