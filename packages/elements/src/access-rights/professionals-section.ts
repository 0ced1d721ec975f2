// The access-rights panel's professionals section, as a pure template: the médecin référent, the
// professionals with a particular right, each with the commands their status allows, the level of
// new grants (normal or extended), and the directory search whose answers are offered the same
// commands.
import { label, professions, type DspLanguage } from '@dsp-kit/fhir/vocabulary';
import type { AccessSummary } from '@dsp-kit/fhir';
import type { Reference } from '@medplum/fhirtypes';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { AccessRightsMessages } from './access-rights.messages.js';
import type { Search } from './directory-search.js';
import { actorStatus, isExtended, isGrant, type AccessEdit, type ActorStatus } from './edits.js';
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
  readonly unsaved: (
    reference: string,
  ) => { readonly status: ActorStatus; readonly extended?: boolean } | undefined;
  /** Whether new grants are extended (N and R documents) rather than normal (N only). */
  readonly extended: boolean;
  readonly onLevel: (extended: boolean) => void;
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
    ${renderLevel(view)} ${renderSearch(view)}
  </section>`;
}

/**
 * The level of new grants: normal (N documents) or extended (N and R), with what V means — never
 * grantable. A grant's level is changed on its row.
 */
function renderLevel(view: ProfessionalsView) {
  const { m } = view;
  const choice = (extended: boolean, text: string) =>
    html`<label class="radio"
      ><input
        type="radio"
        name="grant-level"
        value=${extended ? 'extended' : 'normal'}
        .checked=${live(view.extended === extended)}
        @change=${() => {
          view.onLevel(extended);
        }}
      />${text}</label
    >`;
  return html`<fieldset part="grant-level" class="choice" aria-describedby="grant-level-help">
    <legend>${m.grantLevel}</legend>
    ${choice(false, m.levelNormal)} ${choice(true, m.levelExtended)}
    <p class="help" id="grant-level-help">${m.levelHelp} ${m.veryRestrictedHelp}</p>
  </fieldset>`;
}

/** A status in words, with the grant's level when it is extended. */
function statusText(m: AccessRightsMessages, status: ActorStatus, extended: boolean): string {
  return isGrant(status) && extended ? `${m.status[status]} · ${m.extendedMark}` : m.status[status];
}

function renderActor(view: ProfessionalsView, actor: Reference, where: 'list' | 'results') {
  const { m, summary } = view;
  const reference = actor.reference ?? '';
  if (!reference) return nothing;
  const status = actorStatus(summary, reference);
  const name = view.nameOf(actor);
  const role = view.roleOf(reference);
  const id = `${where}-${reference.replace(/[^A-Za-z0-9-]/g, '-')}`;
  // A new grant takes the level chosen for new grants; a grant made fuller keeps its own.
  const extended = isExtended(summary, reference);
  const level = isGrant(status) ? extended : view.extended;
  const to = (wanted: ActorStatus, atLevel: boolean) => () => {
    view.onEdit({
      target: 'actor',
      actorId: reference,
      display: name,
      status: wanted,
      ...(isGrant(wanted) ? { extended: atLevel } : {}),
    });
  };
  const button = (text: string, wanted: ActorStatus, atLevel = level) =>
    html`<button
      class="secondary"
      type="button"
      aria-describedby=${id}
      @click=${to(wanted, atLevel)}
    >
      ${text}
    </button>`;
  const unsaved = view.unsaved(reference);
  const commands: TemplateResult[] = [];
  if (status === 'blocked') commands.push(button(m.unblock, 'none'));
  if (status === 'none') commands.push(button(m.grant, 'granted'));
  if (status === 'none' || status === 'granted') commands.push(button(m.grantFull, 'full'));
  if (isGrant(status))
    commands.push(extended ? button(m.limit, status, false) : button(m.extend, status, true));
  if (isGrant(status)) commands.push(button(m.revoke, 'none'));
  if (status !== 'blocked') commands.push(button(m.block, 'blocked'));
  return html`<li part="row" class="actor" data-actor=${reference}>
    <span class="who" id=${id}>
      <span class="name">${name}</span>
      ${role ? html`<span class="role">${role}</span>` : nothing}
    </span>
    <span class="state">
      <span part="status" class=${status}>${statusText(m, status, extended)}</span>
      ${
        unsaved
          ? html`<span class="pending"
              >${statusText(m, unsaved.status, unsaved.extended === true)} (${m.notSaved})</span
            >`
          : nothing
      }
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
