// What the uploader queue's parts share: the host's options and listener, the scope a queue
// shows, and the few operations of the queue its checking and sending call back.
import type { DspClient } from '@dsp-kit/fhir';
import type { Identifier } from '@medplum/fhirtypes';
import type { ReactiveControllerHost } from 'lit';
import type { ItemDefaults, UploadItem, UploadStatus } from './upload-item.js';

/**
 * Whose files the queue shows: one patient's, on one server. With a `user`, they are kept in that
 * (server, user)'s database; without, in memory only.
 */
export interface QueueScope {
  readonly server: string;
  readonly user: string | undefined;
  readonly patient: string;
}

export interface UploadOptions extends ItemDefaults {
  readonly maxSize: number;
  readonly acceptTypes: readonly string[];
  /** Automatic attempts after a passing failure (network, busy server); 0 for none. */
  readonly retries: number;
  /**
   * The wait before the first automatic attempt, doubled for each next one; longer when a busy
   * server's `Retry-After` asks for more (up to five minutes).
   */
  readonly retryDelay: number;
  /** The patient's DSP document holding this content (SHA-1 in base64), if any. */
  readonly findInDsp: (hash: string) => Promise<{ readonly masterIdentifier?: string } | undefined>;
  /**
   * The identifiers of the patient's record (`Patient.identifier`), to compare with a CDA's
   * `recordTarget`; undefined when the record cannot be read now.
   */
  readonly patientIdentifiers: () => Promise<readonly Identifier[] | undefined>;
}

/** Who sends, about whom, with which client. */
export interface UploadTarget {
  readonly client: DspClient;
  readonly patient: string;
  readonly author: string;
  /** The author's name, sent as the reference's display. */
  readonly authorName?: string;
}

/** What the queue tells its host, for events. */
export interface UploadListener {
  progress(item: UploadItem, phase: 'hashing' | 'sending', loaded: number, total: number): void;
  sent(item: UploadItem): void;
  /** An attempt failed; `retrying` when the queue will try again by itself. */
  failed(item: UploadItem, error: unknown, retrying: boolean): void;
  /** A restored or interrupted file the user had asked to send is ready: the host may send it. */
  resumable(item: UploadItem): void;
}

/** What checking and sending a file need of the queue that holds it. */
export interface QueueContext {
  readonly host: ReactiveControllerHost;
  readonly options: () => UploadOptions;
  readonly listener: UploadListener;
  /** The files listed now (a removed file is no longer among them). */
  items(): readonly UploadItem[];
  /** Keeps the file's current state in the stored queue. */
  persist(item: UploadItem): void;
  /** Drops the file from the stored queue. */
  forget(item: UploadItem): void;
  /** `ready` when the file's form has no problem, else `invalid`. */
  readiness(item: UploadItem): UploadStatus;
}

/** The abort reason when the element leaves the page: an interruption, not the user's cancel. */
export class Detached extends Error {
  constructor() {
    super('The uploader left the page');
    this.name = 'Detached';
  }
}

export const isDetached = (signal: AbortSignal) => signal.reason instanceof Detached;
