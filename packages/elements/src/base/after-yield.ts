// Runs the rest of a long piece of work in a task of its own, after the browser has rendered and
// handled input: how a list growing by many pages at once keeps every frame short.

/**
 * Calls `resume` after a yield to the browser: `scheduler.yield()` where the browser has it (the
 * rest keeps its place ahead of tasks queued meanwhile, while rendering and input go first), else
 * a task of its own.
 */
export function afterYield(resume: () => void): void {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') void scheduler.yield().then(resume);
  else setTimeout(resume, 0);
}
