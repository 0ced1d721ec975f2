// Loads <dsp-document-preview> when the viewer first needs it, so the code that shows a document
// does not delay the code that lists them. A failed load (offline, a missing chunk) can be retried.

let loading: Promise<unknown> | undefined;

function importPreview(): Promise<unknown> {
  loading ??= import('../define/dsp-document-preview.js').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/** How the viewer gets its preview element; an object so a test can make loading fail. */
export const previewLoader = {
  /** Registers `<dsp-document-preview>`; the same promise for every caller until one fails. */
  load: importPreview,

  /** Starts loading once the browser is idle, ahead of the first click. */
  preload(): void {
    const start = () => void previewLoader.load().catch(() => undefined);
    if ('requestIdleCallback' in globalThis) requestIdleCallback(start, { timeout: 2000 });
    else setTimeout(start, 200);
  },
};
