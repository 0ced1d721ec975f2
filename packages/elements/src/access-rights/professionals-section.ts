// The access-rights panel's professionals section, as a pure template: the médecin référent, the
// professionals with a particular right, each with the commands their status allows, and the
// directory search whose answers are offered the same commands.
import { label, professions, type AccessSummary, type DspLanguage } from '@dsp-kit/fhir';
import type { Reference } from '@medplum/fhirtypes';
import { html, nothing, type TemplateResult } from 'lit';
import type { AccessRightsMessages } from './access-rights.messages.js';
import type { Search } from './directory-search.js';
import { actorStatus, type AccessEdit, type ActorStatus } from './edits.js';
import type { SearchDraft } from './form-drafts.js';

/** What the section shows and what its controls call. */
export interface ProfessionalsView {
  readonly m: AccessRightsMessages;
  readonly summary: AccessSummary;
  readonly language: DspLanguage;
  readonly nameOf: (actor: Reference) => string;
  /** Profession and place, as one line (empty when unknown). */
  readonly roleOf: (reference: string) => string;
  /** The change of a professional's status left pending (not saved), if any. */
  readonly unsaved: (reference: string) => ActorStatus | undefined;
  readonly onEdit: (edit: AccessEdit) => void;
  readonly search: Search;
  /** What was typed in the search form, kept by the panel. */
  readonly draft: SearchDraft;
  /** The search's failure, already rendered. */
  readonly searchError: TemplateResult | undefined;
  /** A field of the search form was edited: its new value is kept in the draft. */
  readonly onDraft: (change: Partial<SearchDraft>) => void;
  readonly onSearch: (event: SubmitEvent) => void;
}

export function renderProfessionals(view: ProfessionalsView): TemplateResult {
  const { m, summary } = view;
  const referent = summary.referent;
  const actors = [...summary.blocked, ...summary.granted.map((g) => g.actor)];
  const role = referent ? view.roleOf(referent.reference ?? '') : '';
  return html`<section part="professionals" aria-labelledby="professionals">
    <h3 id="professionals">${m.professionals}</h3>
    <div part="referent">
      <p><strong>${m.referent}</strong></p>
      ${
        referent
          ? html`<p>
              ${view.nameOf(referent)}
              ${role ? html`<span class="role"> — ${role}</span>` : nothing}
            </p>`
          : html`<p>${m.noReferent}</p>`
      }
      <p class="help">${referent ? m.referentHelp : nothing}</p>
    </div>
    ${
      actors.length === 0
        ? html`<p>${m.noProfessionals}</p>`
        : html`<ul part="list" class="actors" aria-label=${m.listLabel}>
            ${actors.map((actor) => renderActor(view, actor, 'list'))}
          </ul>`
    }
    ${renderSearch(view)}
  </section>`;
}

function renderActor(view: ProfessionalsView, actor: Reference, where: 'list' | 'results') {
  const { m, summary } = view;
  const reference = actor.reference ?? '';
  if (!reference) return nothing;
  const status = actorStatus(summary, reference);
  const name = view.nameOf(actor);
  const role = view.roleOf(reference);
  const id = `${where}-${reference.replace(/[^A-Za-z0-9-]/g, '-')}`;
  const to = (wanted: ActorStatus) => () => {
    view.onEdit({ target: 'actor', actorId: reference, display: name, status: wanted });
  };
  const button = (text: string, wanted: ActorStatus) =>
    html`<button class="secondary" type="button" aria-describedby=${id} @click=${to(wanted)}>
      ${text}
    </button>`;
  const unsaved = view.unsaved(reference);
  const commands: TemplateResult[] = [];
  if (status === 'blocked') commands.push(button(m.unblock, 'none'));
  if (status === 'none') commands.push(button(m.grant, 'granted'));
  if (status === 'none' || status === 'granted') commands.push(button(m.grantFull, 'full'));
  if (status === 'granted' || status === 'full') commands.push(button(m.revoke, 'none'));
  if (status !== 'blocked') commands.push(button(m.block, 'blocked'));
  return html`<li part="row" class="actor" data-actor=${reference}>
    <span class="who" id=${id}>
      <span class="name">${name}</span>
      ${role ? html`<span class="role">${role}</span>` : nothing}
    </span>
    <span class="state">
      <span part="status" class=${status}>${m.status[status]}</span>
      ${unsaved ? html`<span class="pending">${m.status[unsaved]} (${m.notSaved})</span>` : nothing}
    </span>
    <span class="commands">${commands}</span>
  </li>`;
}

function renderSearch(view: ProfessionalsView) {
  const { m, search, draft } = view;
  return html`<form part="search" role="search" aria-label=${m.search} @submit=${view.onSearch}>
      <label
        >${m.searchName}<input
          name="name"
          type="search"
          required
          autocomplete="off"
          .value=${draft.name}
          @input=${(event: Event) => {
            view.onDraft({ name: (event.target as HTMLInputElement).value });
          }}
      /></label>
      <label
        >${m.searchProfession}
        <select
          name="profession"
          @change=${(event: Event) => {
            const profession = (event.target as HTMLSelectElement).value;
            view.onDraft({ profession });
          }}
        >
          <option value="">${m.anyProfession}</option>
          ${professions.map(
            (p) =>
              html`<option value=${p.code} ?selected=${p.code === draft.profession}>
                ${label(p.labels, view.language)}
              </option>`,
          )}
        </select>
      </label>
      <button class="action" type="submit">${m.searchButton}</button>
    </form>
    ${
      search.status === 'searching'
        ? html`<p role="status">${m.searching}</p>`
        : search.status === 'error'
          ? view.searchError
          : search.status === 'done'
            ? html`<p role="status">
                  ${search.entries.length === 0 ? m.noResults : m.results(search.entries.length)}
                </p>
                ${
                  search.entries.length > 0
                    ? html`<ul part="results" class="actors" aria-label=${m.search}>
                        ${search.entries.map((entry) =>
                          entry.role.practitioner
                            ? renderActor(view, entry.role.practitioner, 'results')
                            : nothing,
                        )}
                      </ul>`
                    : nothing
                }`
            : nothing
    }`;
}
