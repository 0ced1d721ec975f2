// msw's service worker for the stories: `mockServiceWorker.js` beside the preview page (served by
// scripts/msw-worker.mjs) and scoped to its folder, so a Storybook under a sub-path mocks too.
import { setupWorker, type SetupWorker } from 'msw/browser';

/**
 * msw-storybook-addon's setup function (its 3.x replacement for `initialize()`): starts a worker
 * with no handlers of its own; each story's `parameters.msw.handlers` are put on it before it
 * renders. Requests no handler answers (Storybook's own files) go to the network untouched.
 */
export async function startWorker(): Promise<SetupWorker> {
  const worker = setupWorker();
  // Absolute URLs: msw compares the registered worker's script URL with this one.
  const url = new URL('mockServiceWorker.js', document.baseURI);
  await worker.start({
    serviceWorker: { url: url.href, options: { scope: new URL('./', url).href } },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
  return worker;
}
