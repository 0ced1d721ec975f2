// What a row waiting for its next automatic attempt says: why it waits (a busy server, or a
// failure that may pass) and when it tries again — in seconds for a short wait, else the clock
// time —, fixed when the wait starts, so that the row's announced status never ticks.
import type { UploaderMessages } from './document-uploader.messages.js';
import type { NextAttempt } from './upload-item.js';
import { saysBusy } from './upload-send.js';

/** Waits shorter than this are said in seconds; longer ones (up to 5 min) by the clock time. */
export const SAID_IN_SECONDS_MS = 60_000;

/** The next attempt after `error`, `waitMs` from `now`. */
export function nextAttemptAfter(error: unknown, waitMs: number, now = Date.now()): NextAttempt {
  return { at: now + waitMs, waitMs, busy: saysBusy(error) };
}

/**
 * The sentence for a row waiting for `next`: `Server busy — trying again in 2 seconds.`, or
 * `… at 14:05.` for a wait of a minute or more (`formatTime` writes the clock time in the page's
 * language). Said from the wait's length, not from now, so it reads the same at every render.
 */
export function retryNote(
  next: NextAttempt,
  m: UploaderMessages,
  formatTime: (at: Date) => string,
): string {
  const words = m.retryWait;
  const when =
    next.waitMs < SAID_IN_SECONDS_MS
      ? words.inSeconds(Math.max(1, Math.ceil(next.waitMs / 1000)))
      : words.at(formatTime(new Date(next.at)));
  return next.busy ? words.busy(when) : words.failed(when);
}
