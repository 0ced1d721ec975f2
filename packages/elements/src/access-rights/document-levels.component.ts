// <dsp-document-levels>: the access-rights panel's confidentiality choice, an element of the
// panel's own loaded on demand, with its words, so the panel's first load carries none of it.
import type { DocumentReference } from '@dsp-kit/fhir';
import type { TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { defineElement } from '../base/define-element.js';
import { DspElement } from '../base/dsp-element.js';
import { styles } from './access-rights.styles.js';
import { DocumentLevels } from './document-levels.js';
import { levelsMessages } from './document-levels.messages.js';
import { renderLevels } from './levels-form.js';

/**
 * The level (N, R, V) of one of the patient's documents, chosen and saved by the patient or a DSP
 * assistant. Hosts use it through `<dsp-access-rights>`, whose documents it is given.
 */
export class DspDocumentLevels extends DspElement {
  static override catalogs = [levelsMessages];

  static override styles = [DspElement.styles, styles];

  /** The patient's documents, as the panel listed them. */
  @property({ attribute: false }) documents: readonly DocumentReference[] = [];
  /** The patient's FHIR id: another patient starts afresh. */
  @property() patient?: string;
  /** A DSP assistant is signed in (the words speak about the patient). */
  @property({ type: Boolean }) assistant = false;

  readonly #levels = new DocumentLevels(this, () => [
    this.activeClient,
    this.patient === '' ? undefined : this.patient,
  ]);

  override render(): TemplateResult {
    return renderLevels(
      this.#levels.view({
        m: this.localize.t(levelsMessages),
        documents: this.documents,
        language: this.localize.language,
        assistant: this.assistant,
        renderError: (error, title) => this.renderError(error, title),
      }),
    );
  }
}

defineElement('dsp-document-levels', DspDocumentLevels);

declare global {
  interface HTMLElementTagNameMap {
    'dsp-document-levels': DspDocumentLevels;
  }
}
