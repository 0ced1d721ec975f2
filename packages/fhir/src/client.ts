// DspClient: the one object that talks to a DSP server over FHIR R4 and the IHE profiles (MHD for
// documents, PCF for consent, BALP for audit).
import type {
  Attachment,
  AuditEvent,
  Bundle,
  Consent,
  DocumentReference,
  Organization,
  Parameters,
  Patient,
  Practitioner,
  PractitionerRole,
  RelatedPerson,
  Resource,
} from '@medplum/fhirtypes';
import type { AssistantInput, DspAssistant } from './assistant.js';
import type { LifecycleIo } from './document-lifecycle.js';
import type { VersionedDocument } from './document-status.js';
import { readSearchSet } from './bundle.js';
import { CONSENT_SCOPE, defaultConsent } from './consent.js';
import {
  DspConflictError,
  DspNetworkError,
  DspProtocolError,
  DspValidationError,
} from './errors.js';
import { askHost, type EmergencyAccess } from './emergency-access.js';
import { expectResource, FhirTransport, readFhirJson } from './http.js';
import { checkIntegrity } from './integrity.js';
import { Page, type PageOptions } from './page.js';
import { readWithheld } from './withheld.js';
import { checkContentUrl, contentOriginSet, isUnderBase } from './request-scope.js';
import { lazy } from './lazy.js';
import type { DocumentSubmission } from './provide.js';
import type { UploadProgress } from './xhr-fetch.js';
import type { CachedRead, CacheMode, ReadCache } from './read-cache.js';
import { retryPolicy, type RetryOptions } from './retry.js';
import {
  documentTypeTokens,
  referenceValue,
  setCount,
  setDateRange,
  setSort,
  setTokens,
  textValue,
} from './search-params.js';
import type { TokenProvider } from './token-provider.js';
import {
  CONFIDENTIALITY_SYSTEM,
  DOCUMENT_CLASS_SYSTEM,
  PROFESSION_SYSTEM,
  documentClasses,
  professionByCode,
  type ConfidentialityCode,
} from './vocabulary.js';

export interface DspClientOptions {
  /** The FHIR base URL, e.g. `https://dsp.example.lu/fhir`. A relative URL resolves against the page. */
  baseUrl: string | URL;
  /** Supplies the bearer token; without one, requests carry no `Authorization` header. */
  tokens?: TokenProvider;
  /** The `fetch` to use (defaults to the global one), e.g. to add headers or observe requests. */
  fetch?: typeof globalThis.fetch;
  /** Milliseconds an attempt may wait for its answer. Default 30,000. */
  timeoutMs?: number;
  /** Retries of reads on network errors, 429, 502, 503 and 504; `false` for none. */
  retry?: RetryOptions | false;
  /**
   * Where to keep successful reads (searches and resources), e.g. a `DspCache` from
   * `@dsp-kit/fhir/cache`. A cache that fails never fails a read.
   */
  cache?: ReadCache;
  /**
   * Origins besides the FHIR server's that attachments may be fetched from (without the token),
   * e.g. `['https://files.example.lu']`. Content anywhere else is refused before any request
   * (`DspContentOriginError`): even without the token, fetching it would tell that host who
   * opened which document.
   */
  contentOrigins?: readonly (string | URL)[];
  /**
   * How `breakTheGlass` obtains emergency access: `'operation'` (the default) asks the FHIR
   * server's `$break-the-glass` operation, which only the kit's mock knows; a callback asks the
   * host, which obtains an emergency token from its authorization server (IHE IUA / SMART,
   * purpose of use `BTG`). The reason is checked before either.
   */
  emergencyAccess?: EmergencyAccess;
}

export type RequestOptions = PageOptions;

export interface ProvideOptions extends RequestOptions {
  /**
   * Called as the request body goes out (bytes sent, bytes in all). Given, the request is sent
   * with XMLHttpRequest rather than the client's `fetch` (same headers, token, deadline and
   * errors); where there is no XMLHttpRequest (Node), or its code could not be loaded, it is
   * never called.
   */
  onUploadProgress?: UploadProgress;
}

/** Options of reads that may be answered from the cache. */
export interface ReadOptions<T> extends RequestOptions {
  /** How this read uses the client's cache; `network-first` by default. */
  cache?: CacheMode;
  /** With `stale-while-revalidate`: called with the server's fresh answer after a cached one. */
  onRevalidate?: (fresh: T) => void;
  /**
   * With `stale-while-revalidate`: called when the server could not give a fresh answer after a
   * cached one (offline, an error), so the caller can say that what shows may be stale.
   */
  onRevalidateError?: (error: unknown) => void;
}

/** ITI-67 search parameters. */
export interface DocumentQuery {
  /** The patient: a FHIR id or a `Patient/<id>` reference. Required by ITI-67. */
  patient: string;
  /** `current` by default; `superseded` or `entered-in-error` to see replaced documents. */
  status?: 'current' | 'superseded' | 'entered-in-error';
  /** DSP document type code(s) (see `documentTypes`). */
  type?: string | readonly string[];
  /** DSP document class code(s) (see `documentClasses`). */
  category?: string | readonly string[];
  /** Documents dated from this day (or instant) on. */
  from?: string | Date;
  /** Documents dated up to this day (or instant). */
  to?: string | Date;
  /** The family name of the author, a Practitioner (sent as `author:Practitioner.family`). */
  author?: string;
  /** Confidentiality code(s). */
  securityLabel?: ConfidentialityCode | readonly ConfidentialityCode[];
  /** `-date` (newest first, default) or `date`. */
  _sort?: '-date' | 'date';
  /** Page size, 1 to 1000. */
  _count?: number;
}

/** ITI-81 AuditEvent search parameters. */
export interface AuditQuery {
  patient: string;
  from?: string | Date;
  to?: string | Date;
  /** Who acted: `Practitioner/<id>` (or another agent reference). */
  agent?: string;
  /** FHIR action code: C, R, U, D or E. */
  action?: 'C' | 'R' | 'U' | 'D' | 'E';
  /** What was accessed, e.g. `DocumentReference/<id>`. */
  entity?: string;
  _sort?: '-date' | 'date';
  _count?: number;
}

/** A professional found in the directory. */
export interface DirectoryEntry {
  readonly role: PractitionerRole;
  readonly practitioner: Practitioner | undefined;
  readonly organization: Organization | undefined;
  /** Profession code (see `professions`), when the role carries one. */
  readonly profession: string | undefined;
}

export interface ContentOptions extends RequestOptions {
  /** Called as bytes arrive; `total` from the attachment's size or Content-Length. */
  onProgress?: (progress: { loaded: number; total: number | undefined }) => void;
}

export interface ProvideResult {
  /** The response's entries, in the order of the transaction: SubmissionSet, then each document and its Binary, then the PATCH of each replaced document. */
  readonly entries: readonly { readonly status: string; readonly location: string | undefined }[];
}

/**
 * The `Accept` of an ITI-68 retrieve: the document's own type, so the server sends its bytes. Not
 * when that type is a FHIR format (an IPS Bundle is `application/fhir+json`): asked so, a FHIR
 * server answers with the Binary resource that wraps the document, not the document.
 */
function contentAccept(contentType: string | undefined): string {
  if (!contentType || /^application\/(fhir\+(json|xml)|(json|xml)\+fhir)\b/i.test(contentType)) {
    return '*/*';
  }
  return contentType;
}

/** Options of `withdrawDocument`. */
export interface WithdrawOptions extends RequestOptions {
  /** The ETag the user saw; without it, the version read just before the write. */
  etag?: string;
}

export interface VersionedConsent {
  readonly consent: Consent;
  /** The ETag to send as `If-Match`; undefined while the patient has no Consent on the server. */
  readonly etag: string | undefined;
}

const BTG_OPERATION = '$break-the-glass';

// What only one family of calls needs loads on its first call, so a panel that never provides
// documents nor manages assistants does not download their code. Only type imports of these
// modules may stay above, and `index.ts` must not re-export their values (they have entries of
// their own: `@dsp-kit/fhir/provide`, `/assistant`): esbuild puts any module the entry reaches
// into the first load once an `import()` makes it live (evanw/esbuild#2922, #3704).
const provideCode = /* @__PURE__ */ lazy('provide', () => import('./provide.js'));
const assistantCode = /* @__PURE__ */ lazy('assistant', () => import('./assistant.js'));
const lifecycleCode = /* @__PURE__ */ lazy('lifecycle', () => import('./document-lifecycle.js'));

function etagOf(response: Response, resource: Resource): string | undefined {
  return (
    response.headers.get('etag') ??
    (resource.meta?.versionId ? `W/"${resource.meta.versionId}"` : undefined)
  );
}

export class DspClient {
  readonly baseUrl: URL;
  readonly #transport: FhirTransport;
  readonly #cache: ReadCache | undefined;
  readonly #contentOrigins: ReadonlySet<string>;
  readonly #emergencyAccess: EmergencyAccess;

  constructor(options: DspClientOptions) {
    const page = (globalThis as { location?: { href: string } }).location?.href;
    let base: URL;
    try {
      base = new URL(String(options.baseUrl), page);
    } catch {
      throw new DspValidationError(`Invalid baseUrl "${String(options.baseUrl)}"`, 'baseUrl');
    }
    // A trailing slash makes relative paths resolve under the base, not beside it.
    if (!base.pathname.endsWith('/')) base.pathname += '/';
    this.baseUrl = base;
    const timeoutMs = options.timeoutMs ?? 30_000;
    if (!(timeoutMs > 0)) throw new DspValidationError('timeoutMs must be positive', 'timeoutMs');
    this.#cache = options.cache;
    this.#contentOrigins = contentOriginSet(options.contentOrigins);
    const emergency = options.emergencyAccess ?? 'operation';
    if (emergency !== 'operation' && typeof emergency !== 'function') {
      throw new DspValidationError(
        'emergencyAccess must be "operation" or a function',
        'emergencyAccess',
      );
    }
    this.#emergencyAccess = emergency;
    this.#transport = new FhirTransport({
      base,
      tokens: options.tokens,
      fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
      timeoutMs,
      retry: retryPolicy(options.retry),
    });
  }

  /**
   * The cache the client was given (one user's own database), where panels also keep what belongs
   * to that user alone, such as their last visit of each patient's DSP.
   */
  get cache(): ReadCache | undefined {
    return this.#cache;
  }

  // --- Documents (IHE MHD) ---------------------------------------------------------------

  /** Finds a patient's documents (ITI-67), newest first unless `_sort` says otherwise. */
  async searchDocuments(
    query: DocumentQuery,
    options?: ReadOptions<Page<DocumentReference>>,
  ): Promise<Page<DocumentReference>> {
    const params = new URLSearchParams({
      patient: referenceValue(query.patient, 'patient', 'Patient'),
      status: query.status ?? 'current',
    });
    if (!['current', 'superseded', 'entered-in-error'].includes(params.get('status') ?? '')) {
      throw new DspValidationError(`Unknown status "${query.status ?? ''}"`, 'status');
    }
    // A national server indexes LOINC: each type is sent with its standard coding too.
    setTokens(params, 'type', query.type, (code) => documentTypeTokens(code).join(','));
    // The classes have no standard code to send: DOMAIN.md names the broad XDS classes, but no
    // code system for them is published for Luxembourg, so only the kit's own codes go.
    setTokens(params, 'category', query.category, (code) => {
      if (!documentClasses.some((c) => c.code === code)) {
        throw new DspValidationError(`Unknown DSP document class "${code}"`, 'category');
      }
      return `${DOCUMENT_CLASS_SYSTEM}|${code}`;
    });
    setDateRange(params, 'date', query.from, query.to);
    // Typed chain: `author` may reference several resource types, and servers that will not
    // guess which one (as FHIR allows them to) refuse the bare `author.family` of ITI-67.
    if (query.author !== undefined) {
      params.set('author:Practitioner.family', textValue(query.author, 'author'));
    }
    setTokens(params, 'security-label', query.securityLabel, (code) => {
      if (!['N', 'R', 'V'].includes(code)) {
        throw new DspValidationError(`Unknown confidentiality "${code}"`, 'securityLabel');
      }
      return `${CONFIDENTIALITY_SYSTEM}|${code}`;
    });
    setSort(params, query._sort, ['-date', 'date'], '-date');
    setCount(params, query._count);
    return this.#search<DocumentReference>('DocumentReference', params, options);
  }

  /** Reads one DocumentReference. */
  async readDocument(
    id: string,
    options?: ReadOptions<DocumentReference>,
  ): Promise<DocumentReference> {
    return this.#read<DocumentReference>('DocumentReference', id, options);
  }

  /**
   * Downloads a document's content (ITI-68) as a Blob, reporting progress, then checks it against
   * the attachment's `size` and `hash` (`DspIntegrityError` on mismatch). The bearer token is sent
   * only when the content lives under the FHIR base; content on another origin is fetched only
   * from the `contentOrigins` the host allowed, and refused with a `DspContentOriginError`
   * before any request otherwise.
   */
  async retrieveContent(attachment: Attachment, options: ContentOptions = {}): Promise<Blob> {
    if (!attachment.url) {
      if (attachment.data !== undefined) return this.#inlineContent(attachment);
      throw new DspValidationError('The attachment has neither url nor data', 'attachment');
    }
    let target: URL;
    try {
      target = new URL(attachment.url, this.baseUrl);
    } catch {
      throw new DspValidationError(`Invalid attachment URL`, 'attachment.url');
    }
    checkContentUrl(target, this.baseUrl, this.#contentOrigins);
    const url = target.href;
    const bytes = await this.#transport.send(
      {
        method: 'GET',
        url,
        headers: { Accept: contentAccept(attachment.contentType) },
        idempotent: true,
        signal: options.signal,
      },
      (response) => readBytes(response, attachment.size, options.onProgress),
    );
    await checkIntegrity(attachment, bytes, url);
    return new Blob([bytes as Uint8Array<ArrayBuffer>], {
      type: attachment.contentType ?? 'application/octet-stream',
    });
  }

  async #inlineContent(attachment: Attachment): Promise<Blob> {
    const binary = atob(attachment.data ?? '');
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    await checkIntegrity(attachment, bytes);
    return new Blob([bytes], { type: attachment.contentType ?? 'application/octet-stream' });
  }

  /**
   * Sends documents (ITI-65) as one transaction. Built by `buildProvideBundle`, so sending the same
   * submission again (after a lost response) creates no duplicate. Never retried by the client.
   */
  async provideDocuments(
    submission: DocumentSubmission,
    options?: ProvideOptions,
  ): Promise<ProvideResult> {
    const { buildProvideBundle } = await provideCode();
    const bundle = buildProvideBundle(submission);
    const url = this.baseUrl.href;
    const progress = options?.onUploadProgress;
    // Upload progress needs XMLHttpRequest, whose code loads with the first upload that asks for
    // it (see `provideCode` above). Should it not load (offline, a redeployed site), the request
    // goes through fetch, as in Node: progress is an extra, and the upload succeeds or fails on
    // its own.
    const upload = progress ? await import('./xhr-fetch.js').catch(() => undefined) : undefined;
    const body = await this.#transport.send(
      {
        method: 'POST',
        url,
        body: JSON.stringify(bundle),
        idempotent: false,
        signal: options?.signal,
        // fetch reports no upload progress: this one request goes through XMLHttpRequest.
        fetch: progress && upload?.hasXhr() ? upload.xhrFetch(progress) : undefined,
      },
      (response) => readFhirJson(response, url),
    );
    const result = expectResource<Bundle>(body, 'Bundle', url);
    if (result.type !== 'transaction-response') {
      throw new DspProtocolError(
        `Expected a transaction-response Bundle, got "${result.type}"`,
        url,
      );
    }
    return {
      entries: (result.entry ?? []).map((entry) => ({
        status: entry.response?.status ?? '',
        location: entry.response?.location,
      })),
    };
  }

  // --- Document lifecycle (correct, withdraw, replace) ---------------------------------------
  // Loaded on first use (`document-lifecycle.ts`, where the retry rule of these writes is).

  /** Reads a DocumentReference with its ETag, from the server (never the cache). */
  async readDocumentVersioned(id: string, options?: RequestOptions): Promise<VersionedDocument> {
    return (await lifecycleCode()).readVersioned(this.#lifecycleIo, id, options);
  }

  /**
   * Corrects a document: `PUT` with `If-Match: etag`. A change made meanwhile rejects with a
   * `DspConflictError` carrying the server's current version and ETag; nothing is overwritten.
   */
  async updateDocument(
    document: DocumentReference,
    etag: string,
    options?: RequestOptions,
  ): Promise<VersionedDocument> {
    return (await lifecycleCode()).updateDocument(this.#lifecycleIo, document, etag, options);
  }

  /**
   * Withdraws a document: `status` `entered-in-error` with the reason (`DspValidationError`
   * before any request when it is empty), `If-Match` the ETag given or the one just read.
   */
  async withdrawDocument(
    id: string,
    reason: string,
    options?: WithdrawOptions,
  ): Promise<VersionedDocument> {
    return (await lifecycleCode()).withdrawDocument(this.#lifecycleIo, id, reason, options);
  }

  /**
   * Sends a new version of document `id`: an ITI-65 transaction of one document with `relatesTo`
   * `replaces`, which supersedes the old one in the same transaction.
   */
  async replaceDocument(
    id: string,
    submission: DocumentSubmission,
    options?: ProvideOptions,
  ): Promise<ProvideResult> {
    return (await lifecycleCode()).replaceDocument(this.#lifecycleIo, id, submission, options);
  }

  /** The documents this one replaced, and those they replaced, newest first (each superseded). */
  async documentVersions(id: string, options?: RequestOptions): Promise<DocumentReference[]> {
    return (await lifecycleCode()).documentVersions(this.#lifecycleIo, id, options);
  }

  /** Sets a document's confidentiality (N, R or V), `If-Match` the ETag the user saw. */
  async setConfidentiality(
    id: string,
    level: ConfidentialityCode,
    etag: string,
    options?: RequestOptions,
  ): Promise<VersionedDocument> {
    const code = await lifecycleCode();
    return code.setConfidentiality(this.#lifecycleIo, id, level, etag, options);
  }

  get #lifecycleIo(): LifecycleIo {
    return {
      document: (method, id, init) => {
        const url = this.#url(`DocumentReference/${encodeURIComponent(id)}`);
        // Reads, and writes with If-Match: safe to send again (see document-lifecycle.ts).
        return this.#transport.send(
          { method, url, idempotent: true, ...init },
          async (response) => ({
            document: expectResource<DocumentReference>(
              await readFhirJson(response, url),
              'DocumentReference',
              url,
            ),
            etag: response.headers.get('etag'),
            url,
          }),
        );
      },
      provide: (submission, options) => this.provideDocuments(submission, options),
    };
  }

  // --- Patient and directory -------------------------------------------------------------

  /** Reads a patient; the médecin référent is `generalPractitioner[0]`. */
  async readPatient(id: string, options?: ReadOptions<Patient>): Promise<Patient> {
    return this.#read<Patient>('Patient', id, options);
  }

  /** Finds professionals by name, optionally of one profession (first 20 matches by default). */
  async searchPractitioners(
    text: string,
    options: RequestOptions & { profession?: string; count?: number } = {},
  ): Promise<DirectoryEntry[]> {
    // The chain's type spelled out too, for servers that always ask for it.
    const params = new URLSearchParams({
      'practitioner:Practitioner.name': textValue(text, 'text'),
    });
    if (options.profession !== undefined) {
      if (!professionByCode(options.profession)) {
        throw new DspValidationError(`Unknown profession "${options.profession}"`, 'profession');
      }
      // Only the kit's profession codes exist to send: the vocabulary pairs no profession with a
      // national or SNOMED CT code (Luxembourg publishes no profession code system).
      params.set('role', `${PROFESSION_SYSTEM}|${options.profession}`);
    }
    params.append('_include', 'PractitionerRole:practitioner');
    params.append('_include', 'PractitionerRole:organization');
    setCount(params, options.count ?? 20);
    const url = this.#url(`PractitionerRole?${params.toString()}`);
    const body = await this.#transport.send(
      { method: 'GET', url, idempotent: true, signal: options.signal },
      (response) => readFhirJson(response, url),
    );
    const set = readSearchSet<PractitionerRole>(body, 'PractitionerRole', url, this.baseUrl.origin);
    const byReference = new Map(set.included.map((r) => [`${r.resourceType}/${r.id ?? ''}`, r]));
    return set.entries.map((role) => ({
      role,
      practitioner: byReference.get(role.practitioner?.reference ?? '') as Practitioner | undefined,
      organization: byReference.get(role.organization?.reference ?? '') as Organization | undefined,
      profession: role.code
        ?.flatMap((c) => c.coding ?? [])
        .find((c) => c.system === PROFESSION_SYSTEM)?.code,
    }));
  }

  // --- Consent (IHE PCF) -----------------------------------------------------------------

  /** The patient's privacy Consent with its ETag, or a default one when the server has none yet. */
  async getConsent(patient: string, options?: RequestOptions): Promise<VersionedConsent> {
    const id = referenceValue(patient, 'patient', 'Patient');
    const params = new URLSearchParams({
      patient: id,
      scope: `${CONSENT_SCOPE.system}|${CONSENT_SCOPE.code}`,
    });
    const page = await this.#search<Consent>('Consent', params, { ...options, cache: 'no-store' });
    const consent = page.entries[0];
    if (!consent?.id) return { consent: defaultConsent(id), etag: undefined };
    // A search does not carry ETags: read the Consent itself for its current version.
    const url = this.#url(`Consent/${encodeURIComponent(consent.id)}`);
    return this.#transport.send(
      { method: 'GET', url, idempotent: true, signal: options?.signal },
      async (response) => {
        const current = expectResource<Consent>(await readFhirJson(response, url), 'Consent', url);
        return { consent: current, etag: etagOf(response, current) };
      },
    );
  }

  /**
   * Saves a Consent: an update with `If-Match: etag`, or a create when it has no id yet. When
   * someone else changed it meanwhile (412/409), rejects with a `DspConflictError` carrying the
   * server's current Consent and ETag, so nothing is silently overwritten.
   */
  async saveConsent(
    consent: Consent,
    etag: string | undefined,
    options?: RequestOptions,
  ): Promise<VersionedConsent> {
    const patient = consent.patient?.reference?.replace(/^Patient\//, '') ?? '';
    referenceValue(patient, 'consent.patient', 'Patient');
    const creating = consent.id === undefined;
    if (!creating && !etag) {
      throw new DspValidationError('Updating a Consent needs the ETag it was read with', 'etag');
    }
    const url = this.#url(creating ? 'Consent' : `Consent/${encodeURIComponent(consent.id ?? '')}`);
    const headers: Record<string, string> = creating
      ? {
          'If-None-Exist': `patient=${patient}&scope=${CONSENT_SCOPE.system}|${CONSENT_SCOPE.code}`,
        }
      : { 'If-Match': etag ?? '' };
    headers.Prefer = 'return=representation';
    try {
      return await this.#transport.send(
        {
          method: creating ? 'POST' : 'PUT',
          url,
          headers,
          body: JSON.stringify(consent),
          idempotent: false,
          signal: options?.signal,
        },
        async (response) => {
          const saved = expectResource<Consent>(await readFhirJson(response, url), 'Consent', url);
          return { consent: saved, etag: etagOf(response, saved) };
        },
      );
    } catch (error) {
      if (!(error instanceof DspConflictError)) throw error;
      const current = await this.getConsent(patient, options);
      throw new DspConflictError(
        error.status,
        error.outcome,
        error.url,
        current.consent,
        current.etag,
      );
    }
  }

  // --- DSP assistants (RelatedPerson) ----------------------------------------------------

  /** The patient's current DSP assistants (withdrawn ones are left out). */
  async searchAssistants(patient: string, options?: RequestOptions): Promise<DspAssistant[]> {
    const { assistantSearch, readAssistant } = await assistantCode();
    const params = assistantSearch(patient);
    const page = await this.#search<RelatedPerson>('RelatedPerson', params, {
      ...options,
      cache: 'no-store',
    });
    return page.entries.map(readAssistant);
  }

  /**
   * Names a DSP assistant of the patient: a conditional create on the assistant's matricule, so
   * sending it again (after a lost answer) names them once. Invalid details are refused with a
   * `DspValidationError` whose `field` is `given`, `family` or `matricule`.
   */
  async addAssistant(
    patient: string,
    input: AssistantInput,
    options?: RequestOptions,
  ): Promise<DspAssistant> {
    const { assistantCondition, buildAssistant, readAssistant } = await assistantCode();
    const assistant = buildAssistant(patient, input);
    const url = this.#url('RelatedPerson');
    const body = await this.#transport.send(
      {
        method: 'POST',
        url,
        headers: { 'If-None-Exist': assistantCondition(assistant) },
        body: JSON.stringify(assistant),
        // If-None-Exist makes this create safe to send again.
        idempotent: true,
        signal: options?.signal,
      },
      (response) => readFhirJson(response, url),
    );
    return readAssistant(expectResource<RelatedPerson>(body, 'RelatedPerson', url));
  }

  /**
   * Withdraws a DSP assistant of the patient (`active: false`, with `If-Match`; the record stays
   * in the history). Withdrawing one already withdrawn succeeds; a concurrent edit is re-read.
   */
  removeAssistant(
    patient: string,
    assistantId: string,
    options?: RequestOptions,
  ): Promise<DspAssistant> {
    return this.#setAssistantActive(patient, assistantId, false, options);
  }

  /** Names a withdrawn assistant again, as the same record: the undo of `removeAssistant`. */
  restoreAssistant(
    patient: string,
    assistantId: string,
    options?: RequestOptions,
  ): Promise<DspAssistant> {
    return this.#setAssistantActive(patient, assistantId, true, options);
  }

  async #setAssistantActive(
    patient: string,
    assistantId: string,
    active: boolean,
    options?: RequestOptions,
  ): Promise<DspAssistant> {
    const { isAssistantOf, readAssistant, withAssistantActive } = await assistantCode();
    for (let attempt = 1; ; attempt++) {
      const current = await this.#read<RelatedPerson>('RelatedPerson', assistantId, {
        ...options,
        cache: 'no-store',
      });
      if (!isAssistantOf(current, patient)) {
        throw new DspValidationError(
          `${assistantId} is not an assistant of ${patient}`,
          'assistant',
        );
      }
      if ((current.active !== false) === active) return readAssistant(current);
      const url = this.#url(`RelatedPerson/${encodeURIComponent(current.id ?? '')}`);
      try {
        const body = await this.#transport.send(
          {
            method: 'PUT',
            url,
            headers: { 'If-Match': `W/"${current.meta?.versionId ?? '1'}"` },
            body: JSON.stringify(withAssistantActive(current, active)),
            idempotent: false,
            signal: options?.signal,
          },
          (response) => readFhirJson(response, url),
        );
        return readAssistant(expectResource<RelatedPerson>(body, 'RelatedPerson', url));
      } catch (error) {
        if (!(error instanceof DspConflictError) || attempt >= 3) throw error;
      }
    }
  }

  // --- Audit (IHE BALP, ITI-81) ----------------------------------------------------------

  /** The access log of a patient's DSP, newest first by default. */
  async searchAuditEvents(
    query: AuditQuery,
    options?: ReadOptions<Page<AuditEvent>>,
  ): Promise<Page<AuditEvent>> {
    const params = new URLSearchParams({
      patient: referenceValue(query.patient, 'patient', 'Patient'),
    });
    setDateRange(params, 'date', query.from, query.to);
    if (query.agent !== undefined) params.set('agent', textValue(query.agent, 'agent'));
    if (query.action !== undefined) {
      if (!['C', 'R', 'U', 'D', 'E'].includes(query.action)) {
        throw new DspValidationError(`Unknown action "${query.action}"`, 'action');
      }
      params.set('action', query.action);
    }
    if (query.entity !== undefined) params.set('entity', textValue(query.entity, 'entity'));
    setSort(params, query._sort, ['-date', 'date'], '-date');
    setCount(params, query._count);
    return this.#search<AuditEvent>('AuditEvent', params, options);
  }

  // --- Batches ------------------------------------------------------------------------------

  /**
   * Sends a FHIR `batch` Bundle and returns the `batch-response` (each entry with its own status).
   * A batch of GETs only is a read, retried like one; any other is a write, never retried.
   */
  async batch(bundle: Bundle, options?: RequestOptions): Promise<Bundle> {
    if (bundle.type !== 'batch') {
      throw new DspValidationError('batch() takes a Bundle of type "batch"', 'bundle');
    }
    const url = this.baseUrl.href;
    const idempotent = (bundle.entry ?? []).every((entry) => entry.request?.method === 'GET');
    const body = await this.#transport.send(
      { method: 'POST', url, body: JSON.stringify(bundle), idempotent, signal: options?.signal },
      (response) => readFhirJson(response, url),
    );
    const result = expectResource<Bundle>(body, 'Bundle', url);
    if (result.type !== 'batch-response') {
      throw new DspProtocolError(`Expected a batch-response Bundle, got "${result.type}"`, url);
    }
    return result;
  }

  // --- Emergency access --------------------------------------------------------------------

  /**
   * Asks for emergency access ("break the glass") to a patient's DSP, with the reason the
   * professional gives (10 to 500 characters, checked first). By the `emergencyAccess` option:
   * `POST [base]/Patient/<id>/$break-the-glass` with a Parameters resource holding `reason` —
   * the server grants it unless the patient refused emergency access (403), audits it, and
   * answers with the access's end in `expires` — or the host's callback, which obtains an
   * emergency token and says when it expires.
   */
  async breakTheGlass(
    patient: string,
    reason: string,
    options?: RequestOptions,
  ): Promise<{ expires: string | undefined }> {
    const id = referenceValue(patient, 'patient', 'Patient');
    const text = typeof reason === 'string' ? reason.trim() : '';
    if (text.length < 10) {
      throw new DspValidationError(
        'An emergency access needs a reason of at least 10 characters',
        'reason',
      );
    }
    if (text.length > 500)
      throw new DspValidationError('The reason is longer than 500 characters', 'reason');
    if (this.#emergencyAccess !== 'operation') {
      return askHost(this.#emergencyAccess, id, text, options?.signal);
    }
    const url = this.#url(`Patient/${encodeURIComponent(id)}/${BTG_OPERATION}`);
    const parameters: Parameters = {
      resourceType: 'Parameters',
      parameter: [{ name: 'reason', valueString: text }],
    };
    const body = await this.#transport.send(
      {
        method: 'POST',
        url,
        body: JSON.stringify(parameters),
        idempotent: false,
        signal: options?.signal,
      },
      (response) => readFhirJson(response, url),
    );
    const result = expectResource<Parameters>(body, 'Parameters', url);
    return { expires: result.parameter?.find((p) => p.name === 'expires')?.valueInstant };
  }

  // --- Plumbing ---------------------------------------------------------------------------

  #url(path: string): string {
    return new URL(path, this.baseUrl).href;
  }

  async #read<T extends Resource>(
    type: T['resourceType'],
    id: string,
    options?: ReadOptions<T>,
  ): Promise<T> {
    const value = referenceValue(id, 'id', type);
    const url = this.#url(`${type}/${encodeURIComponent(value)}`);
    const toResource = (body: unknown) => expectResource<T>(body, type, url);
    const { body } = await this.#getJson(url, options, toResource);
    return toResource(body);
  }

  async #search<T extends Resource>(
    type: T['resourceType'],
    params: URLSearchParams,
    options?: ReadOptions<Page<T>>,
  ): Promise<Page<T>> {
    return this.#searchPage<T>(type, this.#url(`${type}?${params.toString()}`), options);
  }

  async #searchPage<T extends Resource>(
    type: T['resourceType'],
    url: string,
    options?: ReadOptions<Page<T>>,
  ): Promise<Page<T>> {
    const toPage = (body: unknown, cachedAt?: Date): Page<T> => {
      const set = readSearchSet<T>(body, type, url, this.baseUrl.origin);
      // readSearchSet keeps the link on the origin; the token's scope is narrower, the base.
      if (set.nextUrl !== undefined && !isUnderBase(set.nextUrl, this.baseUrl)) {
        throw new DspProtocolError(`Refusing a next-page link outside the FHIR base`, url);
      }
      return new Page<T>(
        set.entries,
        set.total,
        set.nextUrl,
        // Further pages use the cache as reads do by default, without the first page's callback.
        (next, nextOptions) =>
          this.#searchPage<T>(type, next, {
            cache: options?.cache === 'no-store' ? 'no-store' : 'network-first',
            ...nextOptions,
          }),
        cachedAt,
        readWithheld(body),
      );
    };
    const { body, cachedAt } = await this.#getJson(url, options, (fresh) => toPage(fresh));
    return toPage(body, cachedAt);
  }

  /**
   * A GET of FHIR JSON through the cache: from the server (kept in the cache), or from the cache
   * when the server cannot be reached, or at once from the cache with `stale-while-revalidate`.
   */
  async #getJson<T>(
    url: string,
    options: ReadOptions<T> | undefined,
    convert: (body: unknown) => T,
  ): Promise<{ body: unknown; cachedAt?: Date }> {
    const cache = options?.cache === 'no-store' ? undefined : this.#cache;
    const fetchJson = () =>
      this.#transport.send(
        { method: 'GET', url, idempotent: true, signal: options?.signal },
        (response) => readFhirJson(response, url),
      );
    if (!cache) return { body: await fetchJson() };
    if (options?.cache === 'stale-while-revalidate') {
      const cached = await quietly(cache.get(url));
      if (cached) {
        void fetchJson()
          .then(async (fresh) => {
            const value = convert(fresh);
            await quietly(cache.put(url, fresh));
            options.onRevalidate?.(value);
          })
          .catch((error: unknown) => {
            if (!options.signal?.aborted) options.onRevalidateError?.(error);
          });
        return { body: cached.value, cachedAt: cached.storedAt };
      }
    }
    try {
      const body = await fetchJson();
      convert(body); // only a valid answer goes into the cache
      await quietly(cache.put(url, body));
      return { body };
    } catch (error) {
      if (!(error instanceof DspNetworkError)) throw error;
      const cached: CachedRead | undefined = await quietly(cache.get(url));
      if (!cached) throw error;
      return { body: cached.value, cachedAt: cached.storedAt };
    }
  }
}

/** A cache operation whose failure (quota, private mode, a closed database) is only a miss. */
async function quietly<T>(operation: Promise<T>): Promise<T | undefined> {
  try {
    return await operation;
  } catch {
    return undefined;
  }
}

/** Reads a body to the end, reporting progress. */
async function readBytes(
  response: Response,
  declaredSize: number | undefined,
  onProgress: ContentOptions['onProgress'],
): Promise<Uint8Array> {
  const length = Number(response.headers.get('content-length'));
  const total = declaredSize ?? (Number.isFinite(length) && length > 0 ? length : undefined);
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    onProgress?.({ loaded: bytes.byteLength, total });
    return bytes;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    onProgress?.({ loaded, total });
  }
  const bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
