// Finds and reads a patient's summary when the client, the patient or the cache change
// (aborting the previous request): the most recent current "Résumés patients" document, its
// content (from the cache when the server is out of reach), read by the summary reader, which
// loads with `import()` on the first summary.
import {
  DspNetworkError,
  type Attachment,
  type DocumentReference,
  type DspClient,
  type ReadCache,
} from '@dsp-kit/fhir';
import { Task } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import { MissingClientError } from '../base/error-message.js';
import { cdaKit } from '../document-preview/cda/cda-kit.js';
import { chooseSummary } from './summary-choice.js';
import type { ReadSummary } from './summary-model.js';

export type SummaryView = typeof import('./summary-view.js');

/** The DSP type of patient summaries (its LOINC code, 60591-5, is searched with it). */
export const SUMMARY_TYPE = 'resume-patient';

/** Summaries read per search: a DSP holds a few, each a new version of the last. */
const SEARCH_COUNT = 20;

export type SummaryState =
  | { readonly status: 'no-patient' }
  /** The patient has no current summary. */
  | { readonly status: 'none'; readonly cachedAt: Date | undefined }
  | {
      readonly status: 'shown';
      readonly document: DocumentReference;
      readonly summary: ReadSummary;
      readonly view: SummaryView;
      /** Set when the document or its content came from the cache: when it was stored. */
      readonly cachedAt: Date | undefined;
    }
  /** A summary the card cannot read (another format, an unsafe or broken file). */
  | {
      readonly status: 'unreadable';
      readonly document: DocumentReference;
      readonly attachment: Attachment;
      readonly error: unknown;
      readonly cachedAt: Date | undefined;
    };

/** What the cache keeps of a summary's content. */
interface CachedContent {
  readonly contentType: string;
  readonly text: string;
}

/** The content a card reads: a CDA or an IPS Bundle before any other. */
function summaryAttachment(document: DocumentReference): Attachment | undefined {
  const attachments = document.content.map((content) => content.attachment);
  const readable = /(?:fhir\+json|\/json|\/xml|hl7-v3\+xml)\b/;
  return (
    attachments.find((attachment) => readable.test(attachment.contentType ?? '')) ?? attachments[0]
  );
}

/** The cache key of a summary's content: its address, under a name of the card's own. */
function cacheKey(client: DspClient, attachment: Attachment): string {
  return `dsp-kit-patient-summary:${new URL(attachment.url ?? '', client.baseUrl).href}`;
}

async function quietly<T>(operation: Promise<T> | undefined): Promise<T | undefined> {
  try {
    return await operation;
  } catch {
    return undefined;
  }
}

/** The content of the summary: from the server (kept in the cache), or from the cache offline. */
async function contentOf(
  client: DspClient,
  attachment: Attachment,
  cache: ReadCache | undefined,
  signal: AbortSignal,
): Promise<{ blob: Blob; cachedAt: Date | undefined }> {
  const key = attachment.url ? cacheKey(client, attachment) : undefined;
  try {
    const blob = await client.retrieveContent(attachment, { signal });
    if (cache && key) {
      const value: CachedContent = {
        contentType: attachment.contentType ?? blob.type,
        text: await blob.text(),
      };
      await quietly(cache.put(key, value));
    }
    return { blob, cachedAt: undefined };
  } catch (error) {
    if (!(error instanceof DspNetworkError) || !cache || !key) throw error;
    const cached = await quietly(cache.get(key));
    const value = cached?.value as Partial<CachedContent> | undefined;
    if (!cached || typeof value?.text !== 'string') throw error;
    return {
      blob: new Blob([value.text], { type: value.contentType ?? attachment.contentType ?? '' }),
      cachedAt: cached.storedAt,
    };
  }
}

/** The older of two cache times (what shows is as old as its oldest part). */
function older(a: Date | undefined, b: Date | undefined): Date | undefined {
  if (!a) return b;
  if (!b) return a;
  return a < b ? a : b;
}

let view: Promise<SummaryView> | undefined;

/** The reader, loaded once (a failed load is tried again next time). */
function loadView(): Promise<SummaryView> {
  view ??= import('./summary-view.js').then(
    (loaded) => {
      loaded.install(cdaKit);
      return loaded;
    },
    (error: unknown) => {
      view = undefined;
      throw new DspNetworkError('The patient summary reader could not be loaded.', false, {
        cause: error,
      });
    },
  );
  return view;
}

/** Finds, fetches and reads the patient's most recent current summary. */
export async function loadSummary(
  client: DspClient,
  patient: string,
  cache: ReadCache | undefined,
  signal: AbortSignal,
): Promise<SummaryState> {
  const page = await client.searchDocuments(
    { patient, type: SUMMARY_TYPE, status: 'current', _sort: '-date', _count: SEARCH_COUNT },
    { signal },
  );
  const document = chooseSummary(page.entries);
  if (!document) return { status: 'none', cachedAt: page.cachedAt };
  const attachment = summaryAttachment(document);
  if (!attachment) {
    return { status: 'none', cachedAt: page.cachedAt };
  }
  const [loaded, content] = await Promise.all([
    loadView(),
    contentOf(client, attachment, cache, signal),
  ]);
  const cachedAt = older(page.cachedAt, content.cachedAt);
  try {
    const summary = await loaded.readSummary(
      content.blob,
      attachment.contentType ?? content.blob.type,
    );
    return { status: 'shown', document, summary, view: loaded, cachedAt };
  } catch (error) {
    return { status: 'unreadable', document, attachment, error, cachedAt };
  }
}

type Args = readonly [DspClient | undefined, string | undefined, ReadCache | undefined];

export class SummaryController {
  readonly task: Task<Args, SummaryState>;

  constructor(host: ReactiveControllerHost, args: () => Args) {
    this.task = new Task<Args, SummaryState>(host, {
      args,
      task: async ([client, patient, cache], { signal }) => {
        if (!client) throw new MissingClientError();
        if (!patient) return { status: 'no-patient' };
        return loadSummary(client, patient, cache, signal);
      },
    });
  }
}
