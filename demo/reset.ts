// The sandbox's reset: asked in a modal dialog, then the mock's data back to its fixtures, every
// kit database (the mock's saved copy, upload queues, caches) deleted, and the page reloaded.
import { DspCache } from '@dsp-kit/fhir/cache';
import type { Sandbox } from '@dsp-kit/mock/browser';

/** Tells the reloaded page to say the reset is done; holds nothing about the user. */
const NOTICE = 'dsp-kit-sandbox:reset-done';

/** Shows the confirmation dialog; resolves to whether the user confirmed. */
export function confirmReset(dialog: HTMLDialogElement): Promise<boolean> {
  return new Promise((resolve) => {
    dialog.returnValue = '';
    dialog.addEventListener(
      'close',
      () => {
        resolve(dialog.returnValue === 'reset');
      },
      { once: true },
    );
    dialog.showModal();
  });
}

/** Resets the data and reloads the page (the switches stay in the address). */
export async function resetSandboxData(sandbox: Sandbox): Promise<void> {
  await sandbox.reset();
  // Closes the mock's database, so that deleting it is not blocked.
  sandbox.stop();
  await DspCache.clearAll();
  sessionStorage.setItem(NOTICE, '1');
  location.reload();
}

/** Whether this page load follows a reset (asked once). */
export function takeResetNotice(): boolean {
  const done = sessionStorage.getItem(NOTICE) !== null;
  sessionStorage.removeItem(NOTICE);
  return done;
}
