// Finds the Chrome or Chromium the tests drive: CHROME_PATH, else Debian's /usr/bin/chromium.
// Tests never download a browser.
import { accessSync, constants } from 'node:fs';

export const CHROME_HELP =
  'No Chrome/Chromium found: set CHROME_PATH to its executable, or on Debian run `apt-get install -y chromium` (gives /usr/bin/chromium).';

/** Flags for headless Chromium as root in a closed network. */
export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-setuid-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
];

/** The browser executable's path, or undefined when there is none. */
export function findChrome() {
  const candidates = process.env.CHROME_PATH ? [process.env.CHROME_PATH] : ['/usr/bin/chromium'];
  return candidates.find((path) => {
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** The browser's path; exits with one clear line when there is none. */
export function requireChrome() {
  const path = findChrome();
  if (!path) {
    console.error(CHROME_HELP);
    process.exit(1);
  }
  return path;
}
