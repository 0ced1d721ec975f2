// First step of `npm test`: stop at once, with one clear line, when no browser is installed.
import { requireChrome } from './chrome.mjs';

requireChrome();
