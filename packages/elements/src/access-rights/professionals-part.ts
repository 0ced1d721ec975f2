// The access-rights panel's professionals section as state: what was typed in the directory search,
// the search asked last, the level chosen for new grants — kept for the patient they were chosen
// for — and the section's view, made of them and of what the panel shows.
import type { AccessSummary, DirectoryEntry, DspClient, DspLanguage } from '@dsp-kit/fhir';
import type { Reference } from '@medplum/fhirtypes';
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { AccessRightsMessages } from './access-rights.messages.js';
import { DirectorySearch, type DirectoryQuery } from './directory-search.js';
import type { AccessEdit } from './edits.js';
import { NO_SEARCH, searchDraftOf, type SearchDraft } from './form-drafts.js';
import type { Operation } from './operations.js';
import type { ProfessionalsView } from './professionals-section.js';

/** What the section needs of the panel, besides the state kept here. */
export interface ProfessionalsContext {
  readonly m: AccessRightsMessages;
  readonly summary: AccessSummary;
  readonly language: DspLanguage;
  readonly nameOf: (actor: Reference) => string;
  readonly roleOf: (reference: string) => string;
  /** The operation left pending by a failure, if any. */
  readonly pending: Operation | undefined;
  readonly onEdit: (edit: AccessEdit) => void;
  readonly renderError: (error: unknown, title: string) => TemplateResult;
}

export class ProfessionalsPart {
  /**
   * What was typed in the search form (as the naming form's, see `AssistantForm`): a form rendered
   * anew shows it again; another patient starts empty.
   */
  draft: SearchDraft = NO_SEARCH;
  /** Whether new grants are extended (N and R documents) rather than normal (N only). */
  extended = false;
  /** The directory search asked last, on the record shown (a new object for each search). */
  #query: DirectoryQuery | undefined;
  readonly #search: DirectorySearch;
  readonly #record: () => readonly [DspClient | undefined, string | undefined];

  /** `record` gives the client and patient shown; `found` is told of each directory answer. */
  constructor(
    private readonly host: ReactiveControllerHost,
    record: () => readonly [DspClient | undefined, string | undefined],
    found: (entries: readonly DirectoryEntry[]) => void,
  ) {
    this.#record = record;
    this.#search = new DirectorySearch(host, () => [...record(), this.#query], found);
  }

  /** Another record: the directory's answers came through the old client, and are forgotten. */
  forgetSearch(): void {
    this.#query = undefined;
  }

  /** Another patient: nothing typed or chosen for the last one stays. */
  reset(): void {
    this.draft = NO_SEARCH;
    this.extended = false;
    this.host.requestUpdate();
  }

  view(context: ProfessionalsContext): ProfessionalsView {
    const { m, pending } = context;
    const search = this.#search.state;
    return {
      ...context,
      unsaved: (reference) =>
        pending?.kind === 'consent' &&
        pending.edit.target === 'actor' &&
        pending.edit.actorId === reference
          ? pending.edit
          : undefined,
      search,
      draft: this.draft,
      searchError:
        search.status === 'error' ? context.renderError(search.error, m.searchFailed) : undefined,
      extended: this.extended,
      onLevel: (extended) => {
        this.extended = extended;
        this.host.requestUpdate();
      },
      onDraft: (change) => {
        this.draft = { ...this.draft, ...change };
        this.host.requestUpdate();
      },
      onSearch: (event) => {
        event.preventDefault();
        const form = event.currentTarget as HTMLFormElement;
        this.draft = searchDraftOf(new FormData(form));
        const name = this.draft.name.trim();
        const [client] = this.#record();
        this.host.requestUpdate();
        if (!client || !name) return;
        // A new query each time: the same search asked again is asked of the server again.
        this.#query = { name, profession: this.draft.profession };
      },
    };
  }
}
