// The "Replace with a new version" dialog: the uploader, loaded on demand, replacing the document
// (its `replaces`), its file starting with the replaced document's type, title and
// confidentiality. Cancelling the replacement in the uploader closes the dialog.
import { documentTypeOf, type DocumentReference, type DspClient } from '@dsp-kit/fhir';
import { html, nothing, type TemplateResult } from 'lit';
import { correctionOf } from './correction.js';
import type { ActionsMessages } from './document-actions.messages.js';
import { titleOf } from './document-list.js';

export interface ReplaceDialogView {
  readonly m: ActionsMessages;
  readonly document: DocumentReference;
  /** The signed-in user, the new version's author. */
  readonly user: string;
  /** The user's name as readers see it, written as the new version's author. */
  readonly userName: string | undefined;
  readonly patient: string;
  readonly client: DspClient | undefined;
  /** The patient replaces their own words: the uploader in patient mode. */
  readonly patientMode: boolean;
  readonly onSent: (newId: string | undefined) => void;
  readonly onClose: () => void;
}

let loading: Promise<unknown> | undefined;

/** Registers `<dsp-document-uploader>` the first time a replacement is asked for. */
function loadUploader(): Promise<unknown> {
  loading ??= import('../define/dsp-document-uploader.js').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

export function renderReplaceDialog(view: ReplaceDialogView): TemplateResult {
  const { m, document } = view;
  void loadUploader();
  const now = correctionOf(document);
  const title = titleOf(document) ?? m.untitled;
  const defaults = {
    ...(documentTypeOf(document.type) ? { typeCode: now.typeCode } : {}),
    title: now.title,
    confidentiality: now.confidentiality,
  };
  return html`<dialog
    id="replace-dialog"
    part="replace-dialog"
    aria-labelledby="replace-title"
    aria-describedby="replace-help"
    @cancel=${(event: Event) => {
      event.preventDefault();
      view.onClose();
    }}
  >
    <h3 id="replace-title">${m.replaceDialog.title}</h3>
    <p id="replace-help">${m.replaceDialog.explain(title)}</p>
    <dsp-document-uploader
      .client=${view.client}
      patient=${view.patient}
      author=${view.user}
      author-name=${view.userName ?? nothing}
      mode=${view.patientMode ? 'patient' : 'professional'}
      .defaults=${defaults}
      replaces=${document.id ?? ''}
      replaces-title=${title}
      @dsp-replace-cancel=${view.onClose}
      @dsp-document-uploaded=${(event: CustomEvent<{ documentId?: string }> | Event) => {
        view.onSent((event as Event & { detail?: { documentId?: string } }).detail?.documentId);
      }}
    ></dsp-document-uploader>
    <div class="commands">
      <button class="secondary" type="button" @click=${view.onClose}>
        ${m.replaceDialog.close}
      </button>
    </div>
  </dialog>`;
}
