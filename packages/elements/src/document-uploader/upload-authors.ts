// The authors a CDA names, in a row of the uploader: each prefilled from the document's header,
// its name and organisation editable, its identifiers shown as they will be sent, and removable;
// the sender stays the document's first author.
import type { NamedAuthor } from '@dsp-kit/fhir';
import type { Identifier } from '@medplum/fhirtypes';
import { html, nothing, type TemplateResult } from 'lit';
import type { UploaderMessages } from './document-uploader.messages.js';
import type { UploadItem, UploadMetadata } from './upload-item.js';

/** What the authors' part of a row needs from the row. */
export interface AuthorFieldsContext {
  readonly m: UploaderMessages;
  /** The row's ids, unique in the panel. */
  readonly id: (field: string) => string;
  /** The row may no longer change (being sent, or sent). */
  readonly locked: boolean;
  /** The problem shown at the authors, if any, and its element's id. */
  readonly problem: TemplateResult | typeof nothing;
  readonly problemId: string | undefined;
  readonly update: (change: Partial<UploadMetadata>) => void;
}

const value = (e: Event) => (e.target as HTMLInputElement).value;

/** An identifier as the user reads it: its value, and its system without `urn:oid:`. */
function identifierText(m: UploaderMessages, identifier: Identifier): string {
  return m.authorIdentifier(
    identifier.value ?? '',
    (identifier.system ?? '').replace(/^urn:(oid|uuid):/i, ''),
  );
}

function identifierLines(
  m: UploaderMessages,
  identifiers: readonly Identifier[] | undefined,
  id: string,
): TemplateResult | typeof nothing {
  if (!identifiers?.length) return nothing;
  return html`<span class="identifier" id=${id}
    >${identifiers.map((i) => identifierText(m, i)).join(' · ')}</span
  >`;
}

/** A name typed by the user: its parts, read from the document, no longer say it. */
function renamed(author: NamedAuthor, text: string): NamedAuthor {
  const rest = { ...author };
  delete rest.name;
  return text.trim() ? { ...rest, name: { text } } : rest;
}

function reorganised(author: NamedAuthor, text: string): NamedAuthor {
  const rest = { ...author };
  delete rest.organization;
  const identifiers = author.organization?.identifiers;
  const changed = {
    ...(text.trim() ? { name: text } : {}),
    ...(identifiers?.length ? { identifiers } : {}),
  };
  return Object.keys(changed).length > 0 ? { ...rest, organization: changed } : rest;
}

/** The authors of `item` beside the sender, or nothing when it has none. */
export function renderAuthors(
  ctx: AuthorFieldsContext,
  item: UploadItem,
): TemplateResult | typeof nothing {
  const authors = item.metadata.authors ?? [];
  if (authors.length === 0) return nothing;
  const { m, id, locked } = ctx;
  const replace = (index: number, author: NamedAuthor | undefined) => {
    const next = authors.flatMap((a, i) => (i !== index ? [a] : author ? [author] : []));
    ctx.update({ authors: next });
  };
  const blank = (author: NamedAuthor) =>
    !author.name?.text.trim() &&
    !author.identifiers?.length &&
    !author.organization?.name?.trim() &&
    !author.organization?.identifiers?.length;
  return html`<div class="authors">
    <p class="note" id=${id('authors-note')}>${m.authorsNote}</p>
    ${authors.map((author, index) => {
      const key = (field: string) => id(`author-${index}-${field}`);
      const invalid = blank(author);
      const describedBy =
        [
          id('authors-note'),
          author.name?.text.trim() ? '' : key('unnamed'),
          invalid && ctx.problemId ? ctx.problemId : '',
        ]
          .filter(Boolean)
          .join(' ') || nothing;
      return html`<fieldset class="author" data-author=${index}>
        <legend>${m.cdaAuthor(index + 1, authors.length)}</legend>
        <div class="field">
          <label for=${key('name')}>${m.authorName}</label>
          <input
            id=${key('name')}
            name="author-name"
            ?disabled=${locked}
            .value=${author.name?.text ?? ''}
            aria-invalid=${invalid ? 'true' : 'false'}
            aria-describedby=${describedBy}
            @input=${(e: Event) => {
              replace(index, renamed(author, value(e)));
            }}
          />
          ${identifierLines(m, author.identifiers, key('identifier'))}
          ${
            author.name?.text.trim()
              ? nothing
              : html`<p class="note" id=${key('unnamed')}>${m.authorUnnamedNote}</p>`
          }
        </div>
        <div class="field">
          <label for=${key('organization')}>${m.authorOrganization}</label>
          <input
            id=${key('organization')}
            name="author-organization"
            ?disabled=${locked}
            .value=${author.organization?.name ?? ''}
            aria-invalid=${invalid ? 'true' : 'false'}
            @input=${(e: Event) => {
              replace(index, reorganised(author, value(e)));
            }}
          />
          ${identifierLines(m, author.organization?.identifiers, key('organization-identifier'))}
        </div>
        <div class="actions">
          <button
            type="button"
            name="remove-author"
            ?disabled=${locked}
            @click=${() => {
              replace(index, undefined);
            }}
          >
            ${m.removeAuthor}
          </button>
        </div>
      </fieldset>`;
    })}
    ${ctx.problem}
  </div>`;
}
