// When and how long to wait before trying an idempotent request again.

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

/** HTTP statuses worth another try for an idempotent request. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

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
 * Exponential backoff with jitter before attempt `attempt + 1`: between half and all of
 * `base × 2^(attempt-1)`, capped at the maximum, so clients that failed together spread out.
 */
export function backoffDelay(policy: RetryPolicy, attempt: number, random = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling * (0.5 + random() * 0.5));
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
