// Runs the rest of a long piece of work in a task of its own, and lets the browser paint a frame
// whenever the work has gone on for `FRAME_WORK_MS` since the last one: how a list growing by
// many pages at once keeps every frame short.
//
// A yield alone is not enough. Chromium runs tasks queued back to back (further pages arriving,
// `scheduler.yield()` continuations) before a frame that is due, for up to about 100 ms when it
// judges rendering can wait: six continuations of 8 ms each, and the pages between them, made one
// frame of 167 ms. So the work counts its time since the last frame, and past the budget waits
// for the next one.

/** The work done between two frames, at most: the rest of a 60 Hz frame is the browser's. */
export const FRAME_WORK_MS = 10;

/** When the current slice of work began: the last frame seen, or the work's start. */
let sliceStarted = 0;
/** An animation frame is requested to tell when the next frame comes. */
let watching = false;

function hidden(): boolean {
  return typeof document !== 'undefined' && document.visibilityState === 'hidden';
}

/** Starts counting the work's time, if not counting already, until the next frame. */
function watchFrames(): void {
  if (watching || typeof requestAnimationFrame !== 'function') return;
  watching = true;
  sliceStarted = performance.now();
  requestAnimationFrame(() => {
    watching = false;
  });
}

/** True when the work has had its share of the current frame. */
function frameSpent(): boolean {
  watchFrames();
  return watching && performance.now() - sliceStarted >= FRAME_WORK_MS;
}

/** Calls `resume` in a task after the next frame is painted: a new slice of work begins. */
function afterNextFrame(resume: () => void): void {
  requestAnimationFrame(() => {
    // The frame renders after its animation callbacks: a task queued now runs once it has.
    setTimeout(() => {
      watchFrames();
      resume();
    }, 0);
  });
}

/**
 * Calls `resume` after a yield to the browser: after the next frame when the work has had
 * `FRAME_WORK_MS` since the last one (a hidden page paints none: a task then), else
 * `scheduler.yield()` where the browser has it (the rest keeps its place ahead of tasks queued
 * meanwhile, while input goes first), else a task of its own.
 */
export function afterYield(resume: () => void): void {
  if (!hidden() && frameSpent()) {
    afterNextFrame(resume);
    return;
  }
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') void scheduler.yield().then(resume);
  else setTimeout(resume, 0);
}

/**
 * `call`, after a yield as {@link afterYield} gives it, once however often it is asked for
 * before then: what a model growing a slice at a time calls to go on.
 */
export function yieldedOnce(call: () => void): () => void {
  let scheduled = false;
  return () => {
    if (scheduled) return;
    scheduled = true;
    afterYield(() => {
      scheduled = false;
      call();
    });
  };
}

/**
 * Resolves at once while the current frame has room for more work, else after the next frame
 * is painted: for work that arrives in tasks of its own (pages of a search), between them.
 */
export function frameRoom(): Promise<void> {
  if (hidden() || !frameSpent()) return Promise.resolve();
  return new Promise((resolve) => {
    afterNextFrame(resolve);
  });
}
