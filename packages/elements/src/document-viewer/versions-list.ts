// The earlier versions of a document that replaced others, read-only and openable, each said
// "replaced on … by …" (the version that replaced it), as a pure template.
import type { DocumentReference } from '@dsp-kit/fhir';
import { html, type TemplateResult } from 'lit';
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
