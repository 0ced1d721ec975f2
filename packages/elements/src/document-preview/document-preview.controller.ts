// Loads what the preview shows: the DocumentReference (when only its id is known), then its
// content with progress, cancel and the client's integrity check, holding back a document hidden
// from the patient until the professional confirms, and owning the blob URLs it hands out.
import { DSP_SECURITY_SYSTEM, type DocumentReference, type DspClient } from '@dsp-kit/fhir';
import { Task, TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CurrentWrite } from '../base/current-write.js';
import { MissingClientError } from '../base/error-message.js';
import { sameArguments } from '../base/same-arguments.js';
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

type Args = readonly [
  client: DspClient | undefined,
  document: DocumentReference | undefined,
  documentId: string | undefined,
  confirmHidden: boolean,
];

/**
 * The preview's load as one `@lit/task` Task keyed on its inputs: a new document aborts the old
 * one's requests and drops their answers. A run reads the DocumentReference (when only its id is
 * known), stops at the warning of a hidden document, then fetches the content; confirming or
 * retrying runs it again from where it stopped (the read document is kept for the same inputs).
 * A download of content shown nowhere is a write, dropped when the inputs change.
 */
export class DocumentPreviewController implements ReactiveController {
  readonly #task: Task<Args, PreviewState>;
  readonly #write: CurrentWrite<Args>;
  /** The inputs of the last run: others start afresh (no confirmation, nothing read). */
  #args: Args | undefined;
  /** What shows while the task runs: reading, or loading with progress. */
  #pending: PreviewState = { status: 'reading' };
  /** The step the run is at, for its error or cancellation. */
  #stage: Stage = 'read';
  /** The document of these inputs, once read. */
  #document: DocumentReference | undefined;
  #confirmed = false;
  /** The user cancelled the run: its abort shows as cancelled, not as an error. */
  #cancelled = false;
  /** Taken out of the page: nothing shows, and the load starts again on return. */
  #detached = false;
  /** A download's state, over the task's while it lasts or failed. */
  #download: PreviewState | undefined;
  /** Content fetched for a download only (types shown nowhere), kept for a second click. */
  #downloaded: Blob | undefined;
  #url: string | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    inputs: () => PreviewInputs,
  ) {
    const args = (): Args => {
      const { client, document, documentId, confirmHidden } = inputs();
      return [client, document, documentId, confirmHidden];
    };
    host.addController(this);
    this.#task = new Task(host, { args, task: (a, { signal }) => this.#load(a, signal) });
    this.#write = new CurrentWrite(host, args);
  }

  hostConnected(): void {
    if (!this.#detached) return;
    // Disconnecting dropped everything: the same inputs load again.
    this.#detached = false;
    void this.#task.run();
  }

  hostDisconnected(): void {
    this.#detached = true;
    this.#task.abort();
    this.#write.abort();
    this.#download = undefined;
    this.#downloaded = undefined;
    this.#revoke();
  }

  get state(): PreviewState {
    if (this.#detached) return { status: 'idle' };
    if (this.#download) return this.#download;
    switch (this.#task.status) {
      case TaskStatus.PENDING:
        return this.#pending;
      case TaskStatus.COMPLETE:
        return this.#task.value ?? { status: 'idle' };
      case TaskStatus.ERROR: {
        const document = this.#stage === 'read' ? undefined : this.#document;
        return this.#cancelled
          ? { status: 'cancelled', document, stage: this.#stage }
          : { status: 'error', document, error: this.#task.error, stage: this.#stage };
      }
      default:
        return { status: 'idle' };
    }
  }

  /** The document shown, once known. */
  get document(): DocumentReference | undefined {
    const { state } = this;
    return 'document' in state ? state.document : undefined;
  }

  /** The professional chose to open a document hidden from the patient. */
  confirm(): void {
    if (this.state.status !== 'warning') return;
    this.#confirmed = true;
    void this.#task.run();
  }

  /** Stops the request in flight; the panel shows a cancelled state with a retry button. */
  cancel(): void {
    const { state } = this;
    if (state.status === 'reading' || state.status === 'loading') {
      this.#cancelled = true;
      this.#task.abort();
    } else if (state.status === 'unsupported' && state.downloading) {
      this.#write.abort();
      this.#set({ status: 'cancelled', document: state.document, stage: 'download' });
    }
  }

  /** Tries the failed or cancelled step again. */
  retry(): void {
    const { state } = this;
    if (state.status !== 'error' && state.status !== 'cancelled') return;
    if (state.stage === 'download') void this.download();
    else void this.#task.run();
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
    const [client] = this.#args ?? [];
    if (!client) {
      this.#set({ status: 'error', document, error: new MissingClientError(), stage: 'download' });
      return;
    }
    this.#set({ status: 'unsupported', document, downloading: true });
    await this.#write.run(({ signal }) => client.retrieveContent(attachment, { signal }), {
      complete: (blob) => {
        this.#downloaded = blob;
        this.#set({ status: 'unsupported', document, downloading: false });
        saveBlob(blob, downloadName(title(document), attachment.contentType));
      },
      error: (error) => {
        this.#set({ status: 'error', document, error, stage: 'download' });
      },
    });
  }

  async #load(args: Args, signal: AbortSignal): Promise<PreviewState> {
    const [client, given, documentId, confirmHidden] = args;
    if (!sameArguments(args, this.#args)) {
      this.#args = args;
      this.#confirmed = false;
      this.#document = undefined;
      this.#downloaded = undefined;
    }
    this.#cancelled = false;
    this.#download = undefined;
    this.#revoke();
    this.#stage = 'read';
    this.#pending = { status: 'reading' };
    let document = given ?? this.#document;
    if (!document) {
      if (!documentId) return { status: 'idle' };
      if (!client) throw new MissingClientError();
      document = await client.readDocument(documentId, { signal });
    }
    this.#document = document;
    this.#stage = 'content';
    if (confirmHidden && !this.#confirmed && hasMark(document, 'hidden-from-patient')) {
      return { status: 'warning', document };
    }
    // Decided on the attachment's declared type, before any byte is fetched: content that is
    // never shown (HTML among it) is only downloaded when the user asks.
    const content = document.content[0];
    const attachment = content?.attachment ?? {};
    if (
      !previewKind(attachment.contentType) &&
      !cdaLikelihood(attachment.contentType, content?.format?.code)
    ) {
      return { status: 'unsupported', document, downloading: false };
    }
    if (!client) throw new MissingClientError();
    this.#pending = { status: 'loading', document, loaded: 0, total: attachment.size };
    const blob = await client.retrieveContent(attachment, {
      signal,
      onProgress: ({ loaded, total }) => {
        if (signal.aborted) return;
        this.#pending = { status: 'loading', document, loaded, total };
        this.host.requestUpdate();
      },
    });
    // The Blob's type is the attachment's; rendering follows it, never the file name.
    const type = blob.type || attachment.contentType;
    const kind = previewKind(type) ?? (await cdaKind(blob, type, content?.format?.code));
    if (!kind) {
      this.#downloaded = blob;
      return { status: 'unsupported', document, downloading: false };
    }
    const text = kind === 'text' ? await decodeText(blob, type) : undefined;
    // A run given up meanwhile makes no object URL: nobody would revoke it.
    signal.throwIfAborted();
    const url =
      kind === 'text' || kind === 'cda' ? undefined : (this.#url = URL.createObjectURL(blob));
    return { status: 'ready', document, kind, blob, url, text };
  }

  #set(state: PreviewState): void {
    this.#download = state;
    this.host.requestUpdate();
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
