// Where the viewer's preview shows the document actions: `<dsp-document-actions>`, loaded the
// first time a signed-in user opens a document, so the list's first load carries none of it.
import type { DocumentReference, DspClient } from '@dsp-kit/fhir';
import { html, nothing, type TemplateResult } from 'lit';
import type { LifecycleChange } from './document-actions.component.js';

let loading: Promise<unknown> | undefined;

/** How the viewer gets its actions element; an object so a test can make loading fail. */
export const actionsLoader = {
  load(): Promise<unknown> {
    loading ??= import('./document-actions.component.js').catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  },
};

export interface ActionsSlotView {
  readonly client: DspClient | undefined;
  readonly document: DocumentReference | undefined;
  readonly user: string | undefined;
  /** The user's organisation, which acts for its members where the server's policy says so. */
  readonly userOrganization: string | undefined;
  /** The user's name as readers see it, the author's name on a replacement. */
  readonly userName: string | undefined;
  readonly patient: string | undefined;
  readonly theme: string;
  readonly onChange: (change: LifecycleChange) => void;
  readonly onOpen: (document: DocumentReference) => void;
}

/** The actions above the preview; nothing without a signed-in `user` (the viewer reads only). */
export function renderActionsSlot(view: ActionsSlotView): TemplateResult | typeof nothing {
  if (!view.user) return nothing;
  void actionsLoader.load().catch(() => undefined);
  return html`<dsp-document-actions
    .client=${view.client}
    .document=${view.document}
    user=${view.user}
    user-organization=${view.userOrganization ?? nothing}
    user-name=${view.userName ?? nothing}
    patient=${view.patient ?? ''}
    theme=${view.theme}
    @dsp-lifecycle-change=${(event: CustomEvent<LifecycleChange>) => {
      view.onChange(event.detail);
    }}
    @dsp-lifecycle-open=${(event: CustomEvent<DocumentReference>) => {
      view.onOpen(event.detail);
    }}
  ></dsp-document-actions>`;
}
