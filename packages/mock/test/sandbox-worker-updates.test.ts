// A failed update of msw's service worker (Chromium's "Failed to update a ServiceWorker … Not
// found" when a navigation cuts it short) is a warning on the sandbox's page, not an uncaught error.
import { expect } from '@open-wc/testing';
import { startSandbox } from '@dsp-kit/mock/browser';

describe('the sandbox’s service worker', () => {
  it('turns a failed update into a warning, not an uncaught error', async () => {
    const sandbox = await startSandbox();
    const registration = await navigator.serviceWorker.ready;
    const uncaught: unknown[] = [];
    const onRejection = (event: PromiseRejectionEvent) => {
      uncaught.push(event.reason);
      event.preventDefault();
    };
    const warnings: unknown[][] = [];
    const warn = console.warn;
    const update = Object.getOwnPropertyDescriptor(ServiceWorkerRegistration.prototype, 'update')!;
    // What Chromium answers when a navigation cuts the update short.
    Object.defineProperty(ServiceWorkerRegistration.prototype, 'update', {
      ...update,
      value: () =>
        Promise.reject(new TypeError('Failed to update a ServiceWorker for scope: Not found')),
    });
    console.warn = (...args: unknown[]) => warnings.push(args);
    addEventListener('unhandledrejection', onRejection);
    try {
      void registration.update(); // as msw calls it, on a page after the first
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      removeEventListener('unhandledrejection', onRejection);
      console.warn = warn;
      Object.defineProperty(ServiceWorkerRegistration.prototype, 'update', update);
      sandbox.stop();
    }
    expect(uncaught.map(String)).to.deep.equal([]);
    expect(warnings).to.have.length(1);
    expect(String(warnings[0]?.[1])).to.contain('Not found');
  });
});
