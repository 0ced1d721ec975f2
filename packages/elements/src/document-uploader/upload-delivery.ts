// Sending one file of the uploader's queue: its attempts under the same identifiers, the automatic
// ones after passing failures with their waits, and how each file ended.
import { DspNetworkError } from '@dsp-kit/fhir';
import { isDetached, type QueueContext, type UploadTarget } from './queue-context.js';
import { nextAttemptAfter } from './retry-note.js';
import { SENDABLE, type UploadItem } from './upload-item.js';
import {
  instantNow,
  isPassing,
  retryWaitMs,
  sendSubmission,
  serverProblems,
  submissionOf,
  wait,
} from './upload-send.js';

/** How one file ended, for `submit()`. */
export interface UploadResult {
  /** The row's id (the document's UUID). */
  readonly id: string;
  /**
   * `sent`; `invalid` (a problem is shown at a field); `failed` (see `error`); `cancelled`
   * (by the user, or removed); `waiting` (offline: it will be sent when the network is back).
   */
  readonly status: 'sent' | 'invalid' | 'failed' | 'cancelled' | 'waiting';
  /** The DocumentReference's id on the server, once sent. */
  readonly documentId?: string;
  /** Why it failed: a `DspError` of `@dsp-kit/fhir`. */
  readonly error?: unknown;
}

/** A send failed for want of a network (or its answer was lost): it will be resumed by itself. */
export function waitsForNetwork(item: UploadItem): boolean {
  return item.sendRequested && (item.status === 'waiting' || item.error instanceof DspNetworkError);
}

export function resultOf(item: UploadItem): UploadResult {
  const id = item.documentUuid;
  switch (item.status) {
    case 'sent':
      return item.documentId
        ? { id, status: 'sent', documentId: item.documentId }
        : { id, status: 'sent' };
    case 'waiting':
      return { id, status: 'waiting' };
    case 'failed':
      return { id, status: 'failed', error: item.error };
    case 'invalid':
    case 'ready':
      return { id, status: 'invalid' };
    default:
      return { id, status: 'cancelled' };
  }
}

/** Runs `task` on every item, at most `limit` at a time, results in the items' order. */
export async function inTurn<T, R>(
  items: T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      const item = items[index] as T;
      results[index] = await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** A file the user or the queue stopped: it stays in the list, to be sent again. */
export function markCancelled(item: UploadItem, ctx: QueueContext): void {
  item.status = 'cancelled';
  item.nextAttempt = undefined;
  item.sendRequested = false;
  ctx.persist(item);
  ctx.host.requestUpdate();
}

/**
 * Sends `item` (its checks done) as its own submission, trying again by itself after passing
 * failures, each attempt under the same identifiers.
 */
export async function deliverItem(
  item: UploadItem,
  target: UploadTarget,
  ctx: QueueContext,
): Promise<UploadResult> {
  if (!ctx.items().includes(item)) return { id: item.documentUuid, status: 'cancelled' };
  if (item.status !== 'sent' && !item.askedToSend) {
    // Asked to be sent: its empty fields now say what they lack.
    item.askedToSend = true;
    ctx.host.requestUpdate();
  }
  if (!SENDABLE.includes(item.status) || !item.hash) return resultOf(item);
  if (ctx.readiness(item) === 'invalid') {
    item.status = 'invalid';
    ctx.host.requestUpdate();
    return resultOf(item);
  }
  item.sendRequested = true;
  const { retries, retryDelay } = ctx.options();
  for (let attempt = 1; ; attempt++) {
    if (!navigator.onLine) {
      // No attempt: it would fail. The host sends it again on the `online` event.
      item.status = 'waiting';
      ctx.persist(item);
      ctx.host.requestUpdate();
      ctx.listener.failed(item, new DspNetworkError('The browser is offline'), true);
      return resultOf(item);
    }
    const outcome = await attemptOnce(item, target, ctx);
    if (outcome === 'sent') {
      ctx.listener.sent(item);
      return resultOf(item);
    }
    if (outcome === 'stopped') return resultOf(item);
    const error = item.error;
    if (!isPassing(error) || attempt > retries) {
      item.status = 'failed';
      // Only the network's failures resume by themselves; the server's refusals need the user.
      item.sendRequested = error instanceof DspNetworkError;
      ctx.persist(item);
      ctx.host.requestUpdate();
      ctx.listener.failed(item, error, false);
      return resultOf(item);
    }
    const waitMs = retryWaitMs(error, attempt, retryDelay);
    item.status = 'retrying';
    // Said once in the row's status, which is announced: a time, not a countdown.
    item.nextAttempt = nextAttemptAfter(error, waitMs);
    ctx.host.requestUpdate();
    ctx.listener.failed(item, error, true);
    const abort = new AbortController();
    item.abort = abort;
    try {
      await wait(waitMs, abort.signal);
    } catch {
      if (!isDetached(abort.signal)) markCancelled(item, ctx);
      return resultOf(item);
    } finally {
      if (item.abort === abort) item.abort = undefined;
    }
  }
}

/** One attempt: sent, failed (the reason on the item), or stopped (cancelled or detached). */
async function attemptOnce(
  item: UploadItem,
  target: UploadTarget,
  ctx: QueueContext,
): Promise<'sent' | 'failed' | 'stopped'> {
  const abort = new AbortController();
  item.abort = abort;
  item.status = 'sending';
  item.error = undefined;
  item.nextAttempt = undefined;
  item.serverProblems = {};
  item.uploaded = 0;
  item.uploadTotal = 0;
  item.submittedAt ??= instantNow();
  ctx.persist(item);
  ctx.host.requestUpdate();
  try {
    const bytes = new Uint8Array(await item.file.arrayBuffer());
    const submission = submissionOf(
      item,
      bytes,
      target.patient,
      target.author,
      item.submittedAt,
      target.authorName,
    );
    const result = await sendSubmission(target.client, submission, {
      signal: abort.signal,
      onUploadProgress: (loaded, total) => {
        item.uploaded = loaded;
        item.uploadTotal = total;
        ctx.listener.progress(item, 'sending', loaded, total);
        ctx.host.requestUpdate();
      },
    });
    const location = result.entries[1]?.location;
    const documentId = location?.match(/DocumentReference\/([^/]+)/)?.[1];
    if (documentId) item.documentId = documentId;
    item.status = 'sent';
    item.sendRequested = false;
    ctx.forget(item);
    return 'sent';
  } catch (error) {
    if (abort.signal.aborted) {
      if (!isDetached(abort.signal)) markCancelled(item, ctx);
      return 'stopped';
    }
    item.error = error;
    item.serverProblems = serverProblems(error);
    return 'failed';
  } finally {
    if (item.abort === abort) item.abort = undefined;
    ctx.host.requestUpdate();
  }
}
