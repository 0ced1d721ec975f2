// What the user typed in the access-rights panel's forms, kept apart from the form elements, so
// that a form rendered anew — the panel reloaded, a failure shown — shows what was typed again.

/** The naming form's fields, as typed (the shape of `@dsp-kit/fhir`'s `AssistantInput`). */
export interface AssistantDraft {
  readonly given: string;
  readonly family: string;
  readonly matricule: string;
}

/** The directory search's fields, as typed. */
export interface SearchDraft {
  readonly name: string;
  /** A profession code, or empty for any. */
  readonly profession: string;
}

export const NO_ASSISTANT: AssistantDraft = { given: '', family: '', matricule: '' };

export const NO_SEARCH: SearchDraft = { name: '', profession: '' };

/** A form field's text (a file input would give a File: not ours). */
export function textOf(value: FormDataEntryValue | null): string {
  return typeof value === 'string' ? value : '';
}

/** What the naming form says now. */
export function assistantDraftOf(data: FormData): AssistantDraft {
  return {
    given: textOf(data.get('given')),
    family: textOf(data.get('family')),
    matricule: textOf(data.get('matricule')),
  };
}

/** What the directory search form says now. */
export function searchDraftOf(data: FormData): SearchDraft {
  return { name: textOf(data.get('name')), profession: textOf(data.get('profession')) };
}

/**
 * What the naming form keeps once `sent` is saved: nothing, unless the user typed something else
 * while it was being saved — that is theirs, and stays.
 */
export function afterNaming(draft: AssistantDraft, sent: AssistantDraft): AssistantDraft {
  const same =
    draft.given === sent.given &&
    draft.family === sent.family &&
    draft.matricule === sent.matricule;
  return same ? NO_ASSISTANT : draft;
}
