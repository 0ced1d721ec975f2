// <dsp-document-viewer>: a patient's DSP documents, newest first.
import { documentTypeOf, label } from '@dsp-kit/fhir';
import type { DocumentReference } from '@dsp-kit/fhir';
import { TaskStatus } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { DspElement } from '../base/dsp-element.js';
import { errorDetail } from '../base/error-message.js';
import { DspDocumentSelectEvent, DspErrorEvent } from '../events.js';
import { DocumentListController, type DocumentList } from './document-viewer.controller.js';
import { viewerMessages } from './document-viewer.messages.js';
import { styles } from './document-viewer.styles.js';

/**
 * @summary Lists a patient's documents in the DSP, newest first, with their type and date.
 * @tag dsp-document-viewer
 *
 * @slot empty - Replaces the text shown when the DSP holds no document.
 *
 * @csspart base - The panel.
 * @csspart toolbar - The line above the list with the document count.
 * @csspart list - The list of documents.
 * @csspart row - One document.
 * @csspart loading - The loading state.
 * @csspart empty - The empty state.
 * @csspart error - The error state, with its retry button.
 *
 * @cssproperty --dsp-document-viewer-padding - Inner padding of the panel.
 *
 * @fires dsp-document-select - The user chose a document; `detail.documentId` is its id.
 * @fires dsp-error - Loading failed; `detail.kind` and `detail.status` say how.
 */
export class DspDocumentViewer extends DspElement {
  static override styles = [DspElement.styles, styles];

  /** The patient's FHIR id (or a `Patient/<id>` reference). */
  @property({ reflect: true }) patient?: string;

  readonly #list = new DocumentListController(
    this,
    () => [this.activeClient, this.patient] as const,
  );

  override render(): TemplateResult {
    return html`<section part="base" aria-label=${this.localize.t(viewerMessages).label}>
      ${this.#list.task.render({
        initial: () => this.#renderLoading(),
        pending: () =>
          this.#list.list ? this.#renderList(this.#list.list) : this.#renderLoading(),
        complete: () => {
          const list = this.#list.list;
          return list ? this.#renderList(list) : this.#renderNoPatient();
        },
        error: (error) =>
          this.renderError(
            error,
            this.localize.t(viewerMessages).failed,
            () => void this.#list.task.run(),
          ),
      })}
    </section>`;
  }

  protected override updated(): void {
    const error = this.#list.task.error;
    if (this.#list.task.status === TaskStatus.ERROR && error !== this.#reportedError) {
      this.#reportedError = error;
      this.dispatchEvent(new DspErrorEvent(errorDetail(error)));
    }
  }

  #reportedError: unknown;

  #renderLoading() {
    return html`<p part="loading" role="status">${this.localize.t(viewerMessages).loading}</p>`;
  }

  #renderNoPatient() {
    return html`<p part="empty">${this.localize.t(viewerMessages).noPatient}</p>`;
  }

  #renderList(list: DocumentList) {
    const m = this.localize.t(viewerMessages);
    if (list.documents.length === 0) {
      return html`<div part="empty" role="status"><slot name="empty">${m.empty}</slot></div>`;
    }
    return html`
      <div part="toolbar">
        <span role="status">${m.count(list.documents.length, list.total)}</span>
      </div>
      <ul part="list" aria-label=${m.label}>
        ${list.documents.map((document) => this.#renderRow(document))}
      </ul>
      ${list.hasMore ? this.#renderMore() : nothing}
    `;
  }

  #renderRow(document: DocumentReference) {
    const m = this.localize.t(viewerMessages);
    const language = this.localize.language;
    const type = documentTypeOf(document.type);
    const title = document.content[0]?.attachment.title ?? document.description ?? m.untitled;
    const typeLabel = type ? label(type.labels, language) : (document.type?.text ?? m.unknownType);
    const author = document.author?.[0]?.display;
    return html`<li part="row">
      <button class="title" type="button" @click=${() => this.#select(document)}>${title}</button>
      <span class="type">${typeLabel}</span>
      ${author ? html`<span class="meta">${m.author(author)}</span>` : nothing}
      ${
        document.date
          ? html`<time datetime=${document.date}>${this.localize.formatDate(document.date)}</time>`
          : nothing
      }
    </li>`;
  }

  #renderMore() {
    const m = this.localize.t(viewerMessages);
    const error = this.#list.moreError;
    return html`<div class="more">
      ${error ? this.renderError(error, m.failed, () => void this.#list.loadMore()) : nothing}
      <button
        class="action"
        type="button"
        ?disabled=${this.#list.loadingMore}
        aria-busy=${this.#list.loadingMore ? 'true' : 'false'}
        @click=${() => void this.#list.loadMore()}
      >
        ${m.loadMore}
      </button>
    </div>`;
  }

  #select(document: DocumentReference): void {
    if (document.id) this.dispatchEvent(new DspDocumentSelectEvent({ documentId: document.id }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dsp-document-viewer': DspDocumentViewer;
  }
}
