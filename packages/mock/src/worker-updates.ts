// Makes a failed service-worker update harmless: msw asks the registration to update without
// waiting for it, so a failure (the page navigating away, the script gone) was an uncaught error.

/**
 * Wraps `update()` of the registrations of this page's origin so that a failed update is logged
 * as a warning instead of rejecting: the worker in place keeps serving, which is all the sandbox
 * needs. Registrations are the same objects wherever the page asks for them, msw included.
 */
export async function guardWorkerUpdates(
  warn: (message: string, error: unknown) => void = (message, error) => {
    console.warn(message, error);
  },
): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  for (const registration of await navigator.serviceWorker.getRegistrations()) {
    guardRegistration(registration, warn);
  }
}

const guarded = new WeakSet<ServiceWorkerRegistration>();

function guardRegistration(
  registration: ServiceWorkerRegistration,
  warn: (message: string, error: unknown) => void,
): void {
  if (guarded.has(registration)) return;
  guarded.add(registration);
  // The prototype's method, looked up at each call: the browser's own, whatever wraps it.
  registration.update = () =>
    ServiceWorkerRegistration.prototype.update.call(registration).catch((error: unknown) => {
      warn(`The mock's service worker (${registration.scope}) could not be updated`, error);
      return registration;
    });
}
