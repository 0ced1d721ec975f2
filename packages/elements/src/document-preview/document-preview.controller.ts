// Loads what the preview shows: the DocumentReference (when only its id is known), then its
// content with progress, cancel and the client's integrity check, holding back a document hidden
// from the patient until the professional confirms, and owning the blob URLs it hands out.
import { DSP_SECURITY_SYSTEM, type DocumentReference, type DspClient } from '@dsp-kit/fhir';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { MissingClientError } from '../base/error-message.js';
import { cdaLikelihood, hasCdaRoot } from './cda/cda-recognize.js';

/**
 * How a content type is previewed; `cda` for an HL7 CDA R2 document, drawn by the renderer loaded
 * on demand. Everything else (HTML and any other XML included) is only offered as a download.
 */
export type PreviewKind = 'pdf' | 'image' | 'text' | 'cda';

const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

const EXTENSIONS: Readonly<Record<string, string>> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/tiff': 'tiff',
  'text/plain': 'txt',
  'text/html': 'html',
  'text/xml': 'xml',
  'application/xml': 'xml',
  'application/hl7-v3+xml': 'xml',
  'application/cda+xml': 'xml',
};

/** `text/plain; charset=UTF-8` → `text/plain`. */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** The preview for a content type; undefined when the type is never rendered here. */
export function previewKind(contentType: string | undefined): PreviewKind | undefined {
  const type = mediaType(contentType);
  if (type === 'application/pdf') return 'pdf';
  if (type === 'text/plain') return 'text';
  if (IMAGE_TYPES.has(type)) return 'image';
  return undefined;
}

/** The `charset` parameter of a content type, if any. */
export function charsetOf(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return match?.[1];
}

/** Text content decoded with its declared charset, UTF-8 when none or an unknown one. */
export async function decodeText(blob: Blob, contentType: string | undefined): Promise<string> {
  const bytes = await blob.arrayBuffer();
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charsetOf(contentType) ?? 'utf-8');
  } catch {
    // An unknown label is a RangeError; the DSP's text is UTF-8 anyway.
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(bytes);
}

/**
 * A safe file name for a download: the title without path separators, control characters or
 * characters Windows refuses, plus the extension of the content type (never one taken from the
 * server's title, which could say `.exe`… only when it matches the type).
 */
export function downloadName(title: string, contentType: string | undefined): string {
  const extension = EXTENSIONS[mediaType(contentType)] ?? 'bin';
  let base = title
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .replace(/[/\\:*?"<>|]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    // No leading dot (a hidden file) and nothing trailing that Windows would drop.
    .replace(/^[.\s-]+|[.\s-]+$/g, '')
    .slice(0, 120)
    .trim();
  if (base.toLowerCase().endsWith(`.${extension}`)) base = base.slice(0, -extension.length - 1);
  return `${base || 'document'}.${extension}`;
}

/** Saves a blob as a file through a programmatic click on an `<a download>`. */
export function saveBlob(blob: Blob, fileName: string): void {
  // Re-typed as octet-stream so that even a browser ignoring `download` saves the bytes instead of
  // rendering them: an HTML attachment must never run in our origin.
  const url = URL.createObjectURL(new Blob([blob], { type: 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.click();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 1000);
}

/** Whether a document carries one of the DSP's own security labels. */
export function hasMark(
  document: DocumentReference,
  code: 'masked' | 'masked-by-patient' | 'hidden-from-patient',
): boolean {
  return (document.securityLabel ?? []).some((concept) =>
    concept.coding?.some((c) => c.system === DSP_SECURITY_SYSTEM && c.code === code),
  );
}

type Stage = 'read' | 'content' | 'download';

export type PreviewState =
  | { readonly status: 'idle' }
  | { readonly status: 'reading' }
  | { readonly status: 'warning'; readonly document: DocumentReference }
  | {
      readonly status: 'loading';
      readonly document: DocumentReference;
      readonly loaded: number;
      readonly total: number | undefined;
    }
  | {
      readonly status: 'ready';
      readonly document: DocumentReference;
      readonly kind: PreviewKind;
      readonly blob: Blob;
      /** Object URL of the blob (PDF and images); revoked by the controller. */
      readonly url: string | undefined;
      /** The decoded text (plain text). */
      readonly text: string | undefined;
    }
  | {
      readonly status: 'unsupported';
      readonly document: DocumentReference;
      readonly downloading: boolean;
    }
  | {
      readonly status: 'cancelled';
      readonly document: DocumentReference | undefined;
      readonly stage: Stage;
    }
  | {
      readonly status: 'error';
      readonly document: DocumentReference | undefined;
      readonly error: unknown;
      readonly stage: Stage;
    };

export interface PreviewInputs {
  readonly client: DspClient | undefined;
  readonly document: DocumentReference | undefined;
  readonly documentId: string | undefined;
  readonly confirmHidden: boolean;
}

function sameInputs(a: PreviewInputs, b: PreviewInputs): boolean {
  return (
    a.client === b.client &&
    a.document === b.document &&
    a.documentId === b.documentId &&
    a.confirmHidden === b.confirmHidden
  );
}

export class DocumentPreviewController implements ReactiveController {
  state: PreviewState = { status: 'idle' };
  #inputs: PreviewInputs | undefined;
  #abort: AbortController | undefined;
  #url: string | undefined;
  /** Bumped by every restart, so a late answer for an earlier document is dropped. */
  #generation = 0;
  #confirmed = false;
  /** Content fetched for a download only (types shown nowhere), kept for a second click. */
  #downloaded: Blob | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly inputs: () => PreviewInputs,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // Disconnecting dropped everything; an update re-reads the inputs and starts again.
    this.host.requestUpdate();
  }

  hostUpdate(): void {
    const next = this.inputs();
    if (this.#inputs && sameInputs(this.#inputs, next)) return;
    this.#inputs = next;
    this.#confirmed = false;
    void this.#start();
  }

  hostDisconnected(): void {
    this.#stop();
    this.#inputs = undefined;
    this.state = { status: 'idle' };
  }

  /** The document shown, once known. */
  get document(): DocumentReference | undefined {
    return 'document' in this.state ? this.state.document : undefined;
  }

  /** The professional chose to open a document hidden from the patient. */
  confirm(): void {
    const document = this.document;
    if (this.state.status !== 'warning' || !document) return;
    this.#confirmed = true;
    void this.#afterRead(this.#generation, document);
  }

  /** Stops the request in flight; the panel shows a cancelled state with a retry button. */
  cancel(): void {
    const { state } = this;
    const stage: Stage | undefined =
      state.status === 'reading'
        ? 'read'
        : state.status === 'loading'
          ? 'content'
          : state.status === 'unsupported' && state.downloading
            ? 'download'
            : undefined;
    if (!stage) return;
    this.#generation++;
    this.#abort?.abort();
    this.#abort = undefined;
    this.#set({ status: 'cancelled', document: this.document, stage });
  }

  /** Tries the failed or cancelled step again. */
  retry(): void {
    const { state } = this;
    if (state.status !== 'error' && state.status !== 'cancelled') return;
    const generation = ++this.#generation;
    if (state.stage === 'read' || !state.document) void this.#start();
    else if (state.stage === 'content') void this.#loadContent(generation, state.document);
    else void this.download();
  }

  /**
   * Saves the content as a file: the one already shown, else fetched now (with the same
   * integrity check). Does nothing while a hidden document's warning waits for confirmation.
   */
  async download(): Promise<void> {
    const { state } = this;
    const title = (document: DocumentReference) => titleOf(document) ?? 'document';
    if (state.status === 'ready') {
      saveBlob(state.blob, downloadName(title(state.document), state.blob.type));
      return;
    }
    const document =
      state.status === 'unsupported' ||
      ((state.status === 'error' || state.status === 'cancelled') && state.stage === 'download')
        ? state.document
        : undefined;
    if (!document) return;
    const attachment = document.content[0]?.attachment ?? {};
    if (this.#downloaded) {
      saveBlob(this.#downloaded, downloadName(title(document), attachment.contentType));
      return;
    }
    const client = this.#inputs?.client;
    if (!client) {
      this.#set({ status: 'error', document, error: new MissingClientError(), stage: 'download' });
      return;
    }
    const generation = this.#generation;
    const abort = new AbortController();
    this.#abort = abort;
    this.#set({ status: 'unsupported', document, downloading: true });
    try {
      const blob = await client.retrieveContent(attachment, { signal: abort.signal });
      if (generation !== this.#generation) return;
      this.#downloaded = blob;
      this.#set({ status: 'unsupported', document, downloading: false });
      saveBlob(blob, downloadName(title(document), attachment.contentType));
    } catch (error) {
      if (generation !== this.#generation || abort.signal.aborted) return;
      this.#set({ status: 'error', document, error, stage: 'download' });
    }
  }

  async #start(): Promise<void> {
    this.#stop();
    const generation = ++this.#generation;
    const { client, document, documentId } = this.#inputs ?? {};
    if (document) return this.#afterRead(generation, document);
    if (!documentId) {
      this.#set({ status: 'idle' });
      return;
    }
    if (!client) {
      this.#set({
        status: 'error',
        document: undefined,
        error: new MissingClientError(),
        stage: 'read',
      });
      return;
    }
    const abort = new AbortController();
    this.#abort = abort;
    this.#set({ status: 'reading' });
    try {
      const read = await client.readDocument(documentId, { signal: abort.signal });
      if (generation !== this.#generation) return;
      await this.#afterRead(generation, read);
    } catch (error) {
      if (generation !== this.#generation || abort.signal.aborted) return;
      this.#set({ status: 'error', document: undefined, error, stage: 'read' });
    }
  }

  async #afterRead(generation: number, document: DocumentReference): Promise<void> {
    const confirmHidden = this.#inputs?.confirmHidden ?? false;
    if (confirmHidden && !this.#confirmed && hasMark(document, 'hidden-from-patient')) {
      this.#set({ status: 'warning', document });
      return;
    }
    // Decided on the attachment's declared type, before any byte is fetched: content that is
    // never shown (HTML among it) is only downloaded when the user asks.
    const content = document.content[0];
    if (
      !previewKind(content?.attachment.contentType) &&
      !cdaLikelihood(content?.attachment.contentType, content?.format?.code)
    ) {
      this.#set({ status: 'unsupported', document, downloading: false });
      return;
    }
    return this.#loadContent(generation, document);
  }

  async #loadContent(generation: number, document: DocumentReference): Promise<void> {
    const client = this.#inputs?.client;
    if (!client) {
      this.#set({
        status: 'error',
        document,
        error: new MissingClientError(),
        stage: 'content',
      });
      return;
    }
    this.#revoke();
    const attachment = document.content[0]?.attachment ?? {};
    const abort = new AbortController();
    this.#abort = abort;
    this.#set({ status: 'loading', document, loaded: 0, total: attachment.size });
    try {
      const blob = await client.retrieveContent(attachment, {
        signal: abort.signal,
        onProgress: ({ loaded, total }) => {
          if (generation === this.#generation && this.state.status === 'loading')
            this.#set({ status: 'loading', document, loaded, total });
        },
      });
      if (generation !== this.#generation) return;
      // The Blob's type is the attachment's; rendering follows it, never the file name.
      const type = blob.type || attachment.contentType;
      const kind =
        previewKind(type) ?? (await cdaKind(blob, type, document.content[0]?.format?.code));
      if (generation !== this.#generation) return;
      if (!kind) {
        this.#downloaded = blob;
        this.#set({ status: 'unsupported', document, downloading: false });
        return;
      }
      const text = kind === 'text' ? await decodeText(blob, type) : undefined;
      if (generation !== this.#generation) return;
      const url =
        kind === 'text' || kind === 'cda' ? undefined : (this.#url = URL.createObjectURL(blob));
      this.#set({ status: 'ready', document, kind, blob, url, text });
    } catch (error) {
      if (generation !== this.#generation || abort.signal.aborted) return;
      this.#set({ status: 'error', document, error, stage: 'content' });
    }
  }

  #set(state: PreviewState): void {
    this.state = state;
    this.host.requestUpdate();
  }

  #stop(): void {
    this.#abort?.abort();
    this.#abort = undefined;
    this.#downloaded = undefined;
    this.#revoke();
  }

  #revoke(): void {
    if (this.#url) URL.revokeObjectURL(this.#url);
    this.#url = undefined;
  }
}

/**
 * `cda` when content is a CDA: by its type or format code, or for generic XML by its root element
 * (read from its first bytes); undefined for any other XML, which stays a download.
 */
async function cdaKind(
  blob: Blob,
  contentType: string | undefined,
  formatCode: string | undefined,
): Promise<'cda' | undefined> {
  const likelihood = cdaLikelihood(contentType, formatCode);
  if (likelihood === 'cda') return 'cda';
  if (likelihood === 'xml' && hasCdaRoot(await blob.slice(0, 65536).text())) return 'cda';
  return undefined;
}

/** The title a document is known by: its attachment's, else its description. */
export function titleOf(document: DocumentReference): string | undefined {
  return document.content[0]?.attachment.title ?? document.description;
}
