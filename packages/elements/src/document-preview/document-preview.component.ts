// <dsp-document-preview>: one DSP document's metadata and content — PDF, image or plain text —
// with nothing from the server ever rendered as HTML.
import {
  CONFIDENTIALITY_SYSTEM,
  confidentialityCodes,
  DspContentOriginError,
  label,
  typeLabel,
  type DocumentReference,
} from '@dsp-kit/fhir';
import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { clinicalDate, filedApart, timeOf } from '../base/document-dates.js';
import { DspElement } from '../base/dsp-element.js';
import { CdaPreviewController } from './cda/cda-preview.controller.js';
import {
  DocumentPreviewController,
  downloadName,
  hasMark,
  saveBlob,
  titleOf,
  type PreviewState,
} from './document-preview.controller.js';
import { previewMessages, type PreviewMessages } from './document-preview.messages.js';
import { contentKey } from './drawn-pages-cache.js';
import { styles } from './document-preview.styles.js';
import { PdfPagesController } from './pdf-pages.controller.js';

/**
 * @summary Shows one DSP document: its title, type, date, author, size, confidentiality and
 * marks, then its content — a PDF's pages, an image, plain text or an HL7 CDA document — with
 * progress, cancel and an integrity check. Any other type (HTML and other XML included) is only
 * offered as a download.
 * @tag dsp-document-preview
 *
 * Security: content is never rendered as HTML. Plain text is set as a text node; images go in an
 * `<img>`; HTML and unknown types are never put in a frame. A PDF is drawn page by page into
 * `<canvas>` elements by PDF.js, which runs in a Web Worker loaded on the first PDF shown, with no
 * PDF JavaScript, no `eval`, no XFA, no annotation layer (nothing to click) and nothing fetched;
 * each page's text goes to screen readers as text. Where that worker cannot start (the
 * single-file bundle has no worker file) or PDF.js cannot read the file, the PDF goes in an
 * `<iframe sandbox="">` (no scripts, opaque origin) of a blob URL, where Chromium shows its
 * "blocked" page: the panel keeps the sandbox rather than fall back to `<object>`/`<embed>`,
 * which would run the viewer unsandboxed, and offers the download button with a hint.
 *
 * A CDA is drawn by the renderer in `cda/`, loaded with the first one: Lit templates of the
 * parsed XML, never markup, nothing fetched (see `cda/cda-narrative.ts`).
 *
 * Content on another origin is fetched only from the client's `contentOrigins`; anywhere else
 * nothing is requested, and the panel names the host it will not contact.
 *
 * Hidden documents: with `confirm-hidden`, a document labelled `hidden-from-patient` shows a
 * warning first and its content is requested only after "Open anyway". The client cannot tell
 * the user's role, so the host sets `confirm-hidden` for professionals.
 *
 * @slot actions - Host buttons shown in the header beside the download button (e.g. close).
 *
 * @csspart base - The panel.
 * @csspart header - Title, metadata, marks and actions.
 * @csspart marks - The list of confidentiality and mark badges.
 * @csspart progress - The loading state: progress bar, percentage and cancel button.
 * @csspart content - The area holding the preview, or the unsupported / cancelled message.
 * @csspart pages - The scrolling box of a PDF's pages.
 * @csspart page - One page of a PDF, a `<canvas>`.
 * @csspart frame - The sandboxed frame of a PDF that cannot be drawn here.
 * @csspart image - The image.
 * @csspart text - The plain text.
 * @csspart download - The download button.
 * @csspart warning - The warning before opening a document hidden from the patient.
 * @csspart error - The error state, with a retry button when retrying may help.
 * @csspart cda - A CDA document: its header, then its body.
 * @csspart cda-header - A CDA's header, a collapsible description list.
 * @csspart cda-body - A CDA's sections and their table of contents.
 *
 * @cssproperty --dsp-document-preview-padding - Inner padding of the panel.
 * @cssproperty --dsp-document-preview-height - Height of a PDF's pages or frame, most of an image
 * or text.
 * @cssproperty --dsp-color-warning - Border of the hidden-document warning and strong marks.
 * @cssproperty --dsp-color-warning-surface - Background of the warning and strong marks.
 *
 * @fires dsp-error - Reading or downloading failed; `detail.kind` and `detail.status` say how.
 */
export class DspDocumentPreview extends DspElement {
  static override catalogs = [previewMessages];

  static override styles = [DspElement.styles, styles];

  /** The DocumentReference to show, already loaded. Takes precedence over `document-id`. */
  @property({ attribute: false }) document?: DocumentReference;

  /** The id of the DocumentReference to read and show, when `document` is not set. */
  @property({ attribute: 'document-id', reflect: true }) documentId?: string;

  /**
   * Set it for professionals: a document hidden from the patient then shows a warning, and its
   * content is requested only after the user chose to open it.
   */
  @property({ attribute: 'confirm-hidden', type: Boolean, reflect: true }) confirmHidden = false;

  readonly #preview = new DocumentPreviewController(this, () => ({
    client: this.activeClient,
    document: this.document,
    documentId: this.documentId,
    confirmHidden: this.confirmHidden,
  }));

  readonly #pdf = new PdfPagesController(this);

  /** HL7 CDA documents: the renderer is loaded with the first one shown. */
  readonly #cda = new CdaPreviewController(this);

  get #messages(): PreviewMessages {
    return this.localize.t(previewMessages);
  }

  /** Stops the download in progress; the panel then offers to load again. */
  cancel(): void {
    this.#preview.cancel();
  }

  /**
   * Saves the document as a file (named after its title, with the extension of its type). Does
   * nothing while a hidden document's warning is shown or while content is still loading.
   */
  download(): Promise<void> {
    return this.#preview.download();
  }

  protected override willUpdate(): void {
    const { state } = this.#preview;
    const ready = state.status === 'ready' ? state : undefined;
    this.#cda.show(ready?.kind === 'cda' ? ready.blob : undefined);
    // A level-1 CDA wrapping a PDF shows it as any PDF.
    const cda = this.#cda.state;
    const cdaPdf =
      cda.status === 'open' && cda.cda.body.kind === 'pdf' ? cda.cda.body.blob : undefined;
    // The PDF worker lives as long as the PDF is shown, and not a moment longer; its first pages,
    // drawn, are kept under the name of the content, for its reopening.
    const key = contentKey(this.#preview.document);
    if (ready?.kind === 'pdf') this.#pdf.show(ready.blob, key);
    else this.#pdf.show(cdaPdf, cdaPdf && key !== undefined ? `cda ${key}` : undefined);
  }

  protected override updated(): void {
    this.#pdf.watch(this.renderRoot.querySelector<HTMLElement>('[part="pages"]'));
    const { state } = this.#preview;
    if (state.status === 'error') this.reportErrorOnce(state.error);
  }

  override render(): TemplateResult {
    const { state } = this.#preview;
    const document = this.#preview.document;
    return html`<section part="base" aria-label=${this.#messages.label} aria-busy=${busy(state)}>
      ${document ? this.#renderHeader(document, state) : nothing} ${this.#renderBody(state)}
    </section>`;
  }

  #renderBody(state: PreviewState): TemplateResult | typeof nothing {
    const m = this.#messages;
    switch (state.status) {
      case 'idle':
        return html`<p class="state">${m.noDocument}</p>`;
      case 'reading':
        return this.#renderProgress(m.reading, 0, undefined);
      case 'loading':
        return this.#renderProgress(m.loading, state.loaded, state.total);
      case 'warning':
        return this.#renderWarning();
      case 'ready':
        return this.#renderContent(state);
      case 'unsupported':
        return html`<div part="content">
          <p class="state" role="status">${m.unsupported}</p>
          ${this.#renderDownload(state.downloading)}
        </div>`;
      case 'cancelled':
        return html`<div part="content">
          <p class="state" role="status">${m.cancelled}</p>
          <button class="action" type="button" @click=${() => this.#preview.retry()}>
            ${m.retry}
          </button>
        </div>`;
      case 'error':
        return state.error instanceof DspContentOriginError
          ? this.#renderRefusedOrigin(state.error)
          : this.renderError(state.error, m.failed, () => this.#preview.retry());
    }
  }

  /**
   * Content on a host the client may not contact (see `DspClientOptions.contentOrigins`): the
   * host is named, and nothing is offered — trying again or downloading would ask that host too.
   */
  #renderRefusedOrigin(error: DspContentOriginError): TemplateResult {
    const m = this.#messages;
    return html`<div part="error" role="alert">
      <p class="summary">${m.failed} ${m.refusedOrigin(error.host)}</p>
    </div>`;
  }

  #renderHeader(document: DocumentReference, state: PreviewState): TemplateResult {
    const m = this.#messages;
    const language = this.localize.language;
    const attachment = document.content[0]?.attachment;
    const type = typeLabel(document.type, language);
    const author = document.author?.[0]?.display;
    const size = attachment?.size;
    const confidentiality = confidentialityOf(document);
    const marks = [
      ...(confidentiality
        ? [
            {
              text: m.confidentiality(label(confidentiality.labels, language)),
              strong: confidentiality.code !== 'N',
            },
          ]
        : []),
      ...(hasMark(document, 'masked') ? [{ text: m.masked, strong: true }] : []),
      ...(hasMark(document, 'masked-by-patient')
        ? [{ text: m.maskedByPatient, strong: true }]
        : []),
      ...(hasMark(document, 'hidden-from-patient')
        ? [{ text: m.hiddenFromPatient, strong: true }]
        : []),
    ];
    const showDownload = state.status === 'ready';
    return html`<header part="header">
      <div class="heading">
        <h2>${titleOf(document) ?? m.untitled}</h2>
        <p class="meta">
          ${type ? html`<span>${type}</span>` : nothing} ${this.#renderDates(document)}
          ${author ? html`<span>${m.author(author)}</span>` : nothing}
          ${
            size !== undefined
              ? html`<span
                  ><span class="visually-hidden">${m.size} </span>${this.#formatSize(size)}</span
                >`
              : nothing
          }
        </p>
        ${
          marks.length > 0
            ? html`<ul part="marks" aria-label=${m.marks}>
                ${marks.map(
                  (mark) =>
                    html`<li class="badge ${mark.strong ? 'strong' : ''}">${mark.text}</li>`,
                )}
              </ul>`
            : nothing
        }
      </div>
      <div class="actions">
        <slot name="actions"></slot>
        ${showDownload ? this.#renderDownload(false) : nothing}
      </div>
    </header>`;
  }

  #renderDownload(downloading: boolean): TemplateResult {
    return html`<button
      part="download"
      class="action"
      type="button"
      ?disabled=${downloading}
      aria-busy=${downloading ? 'true' : 'false'}
      @click=${() => void this.download()}
    >
      ${this.#messages.download}
    </button>`;
  }

  #renderProgress(text: string, loaded: number, total: number | undefined): TemplateResult {
    const m = this.#messages;
    const known = total !== undefined && total > 0;
    const percent = known ? Math.min(100, Math.floor((loaded / total) * 100)) : undefined;
    return html`<div part="progress">
      <span>${text}</span>
      <progress
        aria-label=${text}
        max=${ifDefined(known ? total : undefined)}
        value=${ifDefined(known ? Math.min(loaded, total) : undefined)}
      ></progress>
      <span class="visually-hidden" role="status" aria-live="polite">
        ${percent !== undefined ? m.progress(percent) : loaded > 0 ? m.progressUnknown(this.#formatSize(loaded)) : ''}
      </span>
      <button class="secondary" type="button" @click=${() => this.cancel()}>${m.cancel}</button>
    </div>`;
  }

  #renderWarning(): TemplateResult {
    const m = this.#messages;
    return html`<div part="warning" role="alert">
      <h3>${m.warningTitle}</h3>
      <p>${m.warning}</p>
      <button class="action" type="button" @click=${() => this.#preview.confirm()}>
        ${m.openAnyway}
      </button>
    </div>`;
  }

  #renderContent(state: Extract<PreviewState, { status: 'ready' }>): TemplateResult {
    const title = titleOf(state.document) ?? this.#messages.untitled;
    switch (state.kind) {
      case 'pdf':
        return this.#renderPdf(state, title);
      case 'image':
        return html`<div part="content">
          <img part="image" src=${ifDefined(state.url)} alt=${title} />
        </div>`;
      case 'text':
        // A text binding: the server's text becomes a text node, never markup.
        return html`<div part="content">
          <pre part="text" tabindex="0" aria-label=${title}>${state.text ?? ''}</pre>
        </div>`;
      case 'cda':
        return this.#renderCda(state, title);
    }
  }

  /** An HL7 CDA document, drawn by the renderer (see `cda/`), or why it cannot be. */
  #renderCda(state: Extract<PreviewState, { status: 'ready' }>, title: string): TemplateResult {
    const cda = this.#cda.state;
    if (cda.status === 'open') {
      return html`<div part="content">
        ${cda.module.renderCda(cda.cda, {
          localize: this.localize,
          root: this.renderRoot,
          save: (blob, mediaType) => saveBlob(blob, downloadName(title, mediaType)),
          renderPdf: (url) => this.#renderPdf({ ...state, url }, title),
        })}
      </div>`;
    }
    if (cda.status === 'failed') {
      // The document stays downloadable (the header's button): only its rendering is refused.
      return html`<div part="content">
        <p class="state" role="alert">
          ${cda.module ? cda.module.cdaProblem(cda.error, this.localize) : this.#messages.failed}
        </p>
      </div>`;
    }
    return html`<div part="content">
      <p class="state" role="status">${this.#messages.loading}</p>
    </div>`;
  }

  #renderPdf(state: Extract<PreviewState, { status: 'ready' }>, title: string): TemplateResult {
    const m = this.#messages;
    const pdf = this.#pdf.state;
    if (pdf.status === 'opening') {
      return html`<div part="content"><p class="state" role="status">${m.loading}</p></div>`;
    }
    if (pdf.status === 'open') {
      // Canvases are pictures: each is followed by its page's text, visually hidden, as text.
      return html`<div part="content">
        <div part="pages" tabindex="0" role="region" aria-label=${title}>
          ${pdf.pages.map(
            (page, i) =>
              html`<canvas
                  part="page"
                  role="img"
                  aria-label=${m.page(i + 1, pdf.pageCount, title)}
                  data-page=${i + 1}
                  width=${page.width}
                  height=${page.height}
                ></canvas>
                <p class="visually-hidden">${page.text}</p>`,
          )}
          ${
            pdf.pages.length < pdf.pageCount
              ? html`<button class="secondary" type="button" @click=${() => this.#pdf.more()}>
                  ${m.morePages}
                </button>`
              : nothing
          }
        </div>
      </div>`;
    }
    // No worker or not readable by PDF.js: an empty sandbox (no scripts, no same-origin, no
    // plugins), see the class comment.
    return html`<div part="content">
      <iframe part="frame" sandbox="" src=${ifDefined(state.url)} title=${title}></iframe>
      <p class="hint">${m.pdfHint}</p>
    </div>`;
  }

  /** Bytes in the unit that reads best, with `Intl`'s unit names (`12,3 ko`, `12.3 kB`). */
  /** The act's date (the clinical one), and the filing's when it is another day. */
  #renderDates(document: DocumentReference) {
    const m = this.#messages;
    const act = clinicalDate(document);
    // A date the kit cannot read is shown as the server wrote it, as text.
    if (act === undefined) {
      return document.date
        ? html`<time datetime=${document.date}>${this.localize.formatDate(document.date)}</time>`
        : nothing;
    }
    const time = timeOf(act);
    const filed = filedApart(document, time);
    return html`<span
        ><span class="visually-hidden">${m.actDate} </span
        ><time datetime=${act}>${this.localize.formatDate(new Date(time))}</time></span
      >${filed ? html`<span class="filed">${m.filed(this.localize.formatDate(filed))}</span>` : nothing}`;
  }

  #formatSize(bytes: number): string {
    const [value, unit] =
      bytes < 1000
        ? [bytes, 'byte']
        : bytes < 1_000_000
          ? [bytes / 1000, 'kilobyte']
          : [bytes / 1_000_000, 'megabyte'];
    return this.localize.formatNumber(value, {
      style: 'unit',
      unit,
      // `70 o` says little; `70 octets` is plain. Larger sizes read well short (`1,2 Mo`).
      unitDisplay: unit === 'byte' ? 'long' : 'short',
      maximumFractionDigits: 1,
    });
  }
}

function busy(state: PreviewState): 'true' | 'false' {
  return state.status === 'reading' || state.status === 'loading' ? 'true' : 'false';
}

function confidentialityOf(
  document: DocumentReference,
): (typeof confidentialityCodes)[number] | undefined {
  const code = document.securityLabel
    ?.flatMap((concept) => concept.coding ?? [])
    .find((coding) => coding.system === CONFIDENTIALITY_SYSTEM)?.code;
  return confidentialityCodes.find((c) => c.code === code);
}

declare global {
  interface HTMLElementTagNameMap {
    'dsp-document-preview': DspDocumentPreview;
  }
}
