// The earlier versions of a document that replaced others, read-only and openable, each said
// "replaced on … by …" (the version that replaced it), behind a button that shows them, as pure
// templates.
import type { DocumentReference } from '@dsp-kit/fhir';
import { html, nothing, type TemplateResult } from 'lit';
import { titleOf } from './document-list.js';
import type { ActionsMessages } from './document-actions.messages.js';

export interface VersionsListView {
  readonly m: ActionsMessages;
  /** The document shown: the newest of the chain. */
  readonly current: DocumentReference;
  /** Its earlier versions, newest first. */
  readonly versions: readonly DocumentReference[];
  readonly formatDate: (date: Date) => string;
  readonly onOpen: (version: DocumentReference) => void;
}

/** The version that replaced `versions[index]`: the one before it in the list, or the current. */
function replacer(view: VersionsListView, index: number): DocumentReference {
  return index === 0 ? view.current : (view.versions[index - 1] ?? view.current);
}

export function renderVersionsList(view: VersionsListView): TemplateResult {
  const { m } = view;
  return html`<ul part="versions" id="versions-list">
    ${view.versions.map((version, index) => {
      const by = replacer(view, index);
      const when = by.date ? view.formatDate(new Date(by.date)) : '?';
      return html`<li>
        <button
          type="button"
          class="link"
          @click=${() => {
            view.onOpen(version);
          }}
        >
          ${titleOf(version) ?? m.untitled}
        </button>
        <span class="meta">${m.replacedOn(when, by.author?.[0]?.display)}</span>
      </li>`;
    })}
  </ul>`;
}

/** The earlier versions of the open document, as loaded for it. */
export type Versions =
  | { readonly for: string; readonly status: 'loading' }
  | { readonly for: string; readonly status: 'ready'; readonly list: DocumentReference[] }
  | { readonly for: string; readonly status: 'error'; readonly error: unknown };

export interface VersionsView {
  readonly m: ActionsMessages;
  readonly current: DocumentReference;
  readonly versions: Versions | undefined;
  /** The list is shown (its button expanded). */
  readonly open: boolean;
  readonly formatDate: (date: Date) => string;
  readonly renderError: (error: unknown, title: string) => TemplateResult;
  readonly onToggle: () => void;
  readonly onOpen: (version: DocumentReference) => void;
}

/** "n earlier versions", a button that shows their list; a note while they load. */
export function renderVersions(view: VersionsView): TemplateResult | typeof nothing {
  const { m, versions, current } = view;
  if (!versions || versions.for !== current.id) return nothing;
  if (versions.status === 'loading') return html`<p class="note">${m.versionsLoading}</p>`;
  if (versions.status === 'error') return view.renderError(versions.error, m.versionsFailed);
  if (versions.list.length === 0) return nothing;
  return html`<button
      type="button"
      name="versions"
      class="link"
      aria-expanded=${view.open ? 'true' : 'false'}
      aria-controls="versions-list"
      @click=${view.onToggle}
    >
      ${m.versions(versions.list.length)}
    </button>
    ${
      view.open
        ? renderVersionsList({
            m,
            current,
            versions: versions.list,
            formatDate: view.formatDate,
            onOpen: view.onOpen,
          })
        : nothing
    }`;
}
