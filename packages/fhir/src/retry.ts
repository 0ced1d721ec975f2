// How many times the client tries an idempotent request, and for how long it may wait: the
// policy of its automatic retries; which failures count is `retryable.ts`'s rule.

export interface RetryOptions {
  /** Attempts in all, the first included. Default 3; 1 disables retries. */
  tries?: number;
  /** Delay before the second attempt; doubled for each further one. Default 300 ms. */
  baseDelayMs?: number;
  /** The longest wait, `Retry-After` included; a server asking for longer is not retried. Default 10 s. */
  maxDelayMs?: number;
}

export interface RetryPolicy {
  readonly tries: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export function retryPolicy(options: RetryOptions | false | undefined): RetryPolicy {
  if (options === false) return { tries: 1, baseDelayMs: 0, maxDelayMs: 0 };
  const policy = {
    tries: options?.tries ?? 3,
    baseDelayMs: options?.baseDelayMs ?? 300,
    maxDelayMs: options?.maxDelayMs ?? 10_000,
  };
  if (!Number.isInteger(policy.tries) || policy.tries < 1) {
    throw new RangeError(`retry.tries must be a positive integer, got ${policy.tries}`);
  }
  if (!(policy.baseDelayMs >= 0) || !(policy.maxDelayMs >= 0)) {
    throw new RangeError('retry delays must be non-negative numbers');
  }
  return policy;
}

/**
 * The wait a `Retry-After` header asks for, in milliseconds: delta-seconds or an HTTP date.
 * Undefined when absent or unreadable.
 */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // An HTTP date names its day and month ("Thu, 26 Nov 2026 10:00:05 GMT").
  if (!/^[A-Za-z]{3},/.test(value)) return undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
