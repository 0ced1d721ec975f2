// The uploader's queue: each file with its metadata, checks, hash and sending state, kept (with
// its identifiers) until the user removes it, so a failed send loses nothing and a retry is the
// same submission.
import {
  DspHttpError,
  type ConfidentialityCode,
  type DocumentSubmission,
  type DspClient,
  type ProvideResult,
} from '@dsp-kit/fhir';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  bytesToBase64,
  fieldOfExpression,
  fileProblems,
  isDocumentId,
  MAGIC_LENGTH,
  sniffMagic,
  titleFromFileName,
  Utf8TextSniffer,
  type FileProblem,
  type UploadField,
} from './file-checks.js';
import { HASH_CHUNK_SIZE } from './hash-core.js';
import { hashFile } from './hash.js';

export type UploadStatus =
  'checking' | 'hashing' | 'ready' | 'invalid' | 'sending' | 'sent' | 'failed' | 'cancelled';

export type FormProblem = FileProblem | 'typeRequired' | 'titleRequired' | 'bothFlags' | 'replaces';

/** A problem at a field: one of ours (`code`), or the server's own words (`text`). */
export type Problem = { readonly code: FormProblem } | { readonly text: string };

export interface UploadMetadata {
  typeCode: string;
  title: string;
  /** `YYYY-MM-DD`, or empty. */
  date: string;
  confidentiality: ConfidentialityCode;
  language: string;
  masked: boolean;
  hidden: boolean;
  replaces: string;
}

export interface UploadItem {
  readonly file: File;
  /** The SubmissionSet's UUID: chosen when the file is added, kept across retries. */
  readonly submissionUuid: string;
  /** The document's UUID (its masterIdentifier): likewise kept; also the row's key. */
  readonly documentUuid: string;
  metadata: UploadMetadata;
  status: UploadStatus;
  /** The content type the bytes say. */
  contentType?: string;
  /** SHA-1 in base64. */
  hash?: string;
  /** Bytes hashed so far. */
  hashed: number;
  /** Problems of the file itself, found once when it was added. */
  fileProblems: FileProblem[];
  /** The server's complaints, by field (`general` when it named none). */
  serverProblems: Partial<Record<UploadField | 'general', string>>;
  /** Why the last send failed. */
  error?: unknown;
  /** Set once: the date of the first attempt, resent as is. */
  submittedAt?: string;
  documentId?: string;
  abort?: AbortController;
}

export interface UploadOptions {
  readonly maxSize: number;
  readonly acceptTypes: readonly string[];
  readonly patientMode: boolean;
  readonly language: string;
}

/** The content type of a file by its bytes: a magic number, else UTF-8 text read in slices. */
async function sniffFile(file: Blob, signal: AbortSignal): Promise<string | undefined> {
  const head = new Uint8Array(await file.slice(0, MAGIC_LENGTH).arrayBuffer());
  const magic = sniffMagic(head);
  if (magic) return magic;
  const text = new Utf8TextSniffer();
  for (let offset = 0; offset < file.size; offset += HASH_CHUNK_SIZE) {
    signal.throwIfAborted();
    const chunk = new Uint8Array(await file.slice(offset, offset + HASH_CHUNK_SIZE).arrayBuffer());
    if (!text.push(chunk)) return undefined;
  }
  return text.end() ? 'text/plain' : undefined;
}

export const PATIENT_DOCUMENT_TYPE = 'expression-titulaire';

export class UploadQueue implements ReactiveController {
  items: UploadItem[] = [];

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: () => UploadOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // Nothing to start: files arrive through add().
  }

  hostDisconnected(): void {
    for (const item of this.items) item.abort?.abort();
  }

  /** Queues files, then checks and hashes each in turn. */
  add(files: Iterable<File>): void {
    const { patientMode, language } = this.options();
    const added: UploadItem[] = [];
    for (const file of files) {
      added.push({
        file,
        submissionUuid: crypto.randomUUID(),
        documentUuid: crypto.randomUUID(),
        metadata: {
          typeCode: patientMode ? PATIENT_DOCUMENT_TYPE : '',
          title: titleFromFileName(file.name),
          date: '',
          confidentiality: 'N',
          language,
          masked: false,
          hidden: false,
          replaces: '',
        },
        status: 'checking',
        hashed: 0,
        fileProblems: [],
        serverProblems: {},
      });
    }
    this.items = [...this.items, ...added];
    this.host.requestUpdate();
    for (const item of added) void this.#prepare(item);
  }

  remove(item: UploadItem): void {
    item.abort?.abort();
    this.items = this.items.filter((i) => i !== item);
    this.host.requestUpdate();
  }

  update(item: UploadItem, change: Partial<UploadMetadata>): void {
    item.metadata = { ...item.metadata, ...change };
    // A field the user changed may answer the server's complaint: it is judged again on sending.
    item.serverProblems = {};
    if (item.status === 'invalid' || item.status === 'ready') item.status = this.#readiness(item);
    this.host.requestUpdate();
  }

  /** The problems shown at each field of a row. */
  problems(item: UploadItem): Partial<Record<UploadField | 'general', Problem>> {
    const out: Partial<Record<UploadField | 'general', Problem>> = {};
    const first = item.fileProblems[0];
    if (first) out.file = { code: first };
    const m = item.metadata;
    if (!m.typeCode) out.type = { code: 'typeRequired' };
    if (m.title.trim() === '') out.title = { code: 'titleRequired' };
    if (m.masked && m.hidden) out.flags = { code: 'bothFlags' };
    if (m.replaces.trim() !== '' && !isDocumentId(m.replaces.trim()))
      out.replaces = { code: 'replaces' };
    for (const [field, text] of Object.entries(item.serverProblems)) {
      out[field as UploadField | 'general'] ??= { text };
    }
    return out;
  }

  #readiness(item: UploadItem): UploadStatus {
    const problems = this.problems(item);
    delete problems.general;
    return Object.keys(problems).length > 0 ? 'invalid' : 'ready';
  }

  async #prepare(item: UploadItem): Promise<void> {
    const abort = new AbortController();
    item.abort = abort;
    try {
      item.contentType = await sniffFile(item.file, abort.signal);
      const { maxSize, acceptTypes } = this.options();
      item.fileProblems = fileProblems(item.file.size, item.contentType, { maxSize, acceptTypes });
      if (item.fileProblems.length === 0) {
        item.status = 'hashing';
        this.host.requestUpdate();
        item.hash = await hashFile(item.file, {
          signal: abort.signal,
          onProgress: (loaded) => {
            item.hashed = loaded;
            this.host.requestUpdate();
          },
        });
        const same = this.items.find((i) => i !== item && i.hash === item.hash);
        if (same) item.fileProblems = ['duplicate'];
      }
      item.status = this.#readiness(item);
    } catch (error) {
      if (abort.signal.aborted) return;
      item.error = error;
      item.status = 'failed';
    } finally {
      if (item.abort === abort) item.abort = undefined;
      this.host.requestUpdate();
    }
  }

  /**
   * Sends one document as its own submission, with the UUIDs chosen when it was added: sending
   * it again after a lost answer creates nothing twice. Resolves to the result, or undefined when
   * it failed (the reason is on the item).
   */
  async send(
    item: UploadItem,
    client: DspClient,
    patient: string,
    author: string,
  ): Promise<ProvideResult | undefined> {
    if (!['ready', 'failed', 'cancelled'].includes(item.status) || !item.hash) return undefined;
    if (this.#readiness(item) === 'invalid') {
      item.status = 'invalid';
      this.host.requestUpdate();
      return undefined;
    }
    const abort = new AbortController();
    item.abort = abort;
    item.status = 'sending';
    item.error = undefined;
    item.serverProblems = {};
    item.submittedAt ??= new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    this.host.requestUpdate();
    const m = item.metadata;
    try {
      const bytes = new Uint8Array(await item.file.arrayBuffer());
      const submission: DocumentSubmission = {
        uuid: item.submissionUuid,
        patient: patient.replace(/^Patient\//, ''),
        author: { reference: author },
        date: item.submittedAt,
        documents: [
          {
            uuid: item.documentUuid,
            typeCode: m.typeCode,
            title: m.title.trim(),
            contentType: item.contentType ?? 'application/octet-stream',
            data: bytesToBase64(bytes),
            size: bytes.byteLength,
            hash: item.hash,
            language: m.language,
            confidentiality: m.confidentiality,
            ...(m.date ? { serviceStart: m.date } : {}),
            ...(m.masked ? { maskedFromProfessionals: true } : {}),
            ...(m.hidden ? { hiddenFromPatient: true } : {}),
            ...(m.replaces.trim() ? { replaces: m.replaces.trim() } : {}),
          },
        ],
      };
      const result = await client.provideDocuments(submission, { signal: abort.signal });
      const location = result.entries[1]?.location;
      const documentId = location?.match(/DocumentReference\/([^/]+)/)?.[1];
      if (documentId) item.documentId = documentId;
      item.status = 'sent';
      return result;
    } catch (error) {
      if (abort.signal.aborted) {
        item.status = 'cancelled';
        return undefined;
      }
      item.error = error;
      item.status = 'failed';
      item.serverProblems = serverProblems(error);
      return undefined;
    } finally {
      if (item.abort === abort) item.abort = undefined;
      this.host.requestUpdate();
    }
  }

  cancel(item: UploadItem): void {
    item.abort?.abort();
  }
}

/** The server's complaints by field, from a 4xx OperationOutcome's issues and their expressions. */
function serverProblems(error: unknown): UploadItem['serverProblems'] {
  const problems: UploadItem['serverProblems'] = {};
  if (!(error instanceof DspHttpError)) return problems;
  for (const issue of error.outcome?.issue ?? []) {
    const text = issue.details?.text ?? issue.diagnostics;
    if (!text) continue;
    const field = (issue.expression ?? []).map(fieldOfExpression).find((f) => f !== undefined);
    if (field) problems[field] ??= text;
  }
  return problems;
}
