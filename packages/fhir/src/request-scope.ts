// Where the client's requests may go: the bearer token only to URLs under the FHIR base, and
// attachments only from the server's origin or an origin the host allowed.
import { DspContentOriginError, DspValidationError } from './errors.js';

/**
 * Whether a path below the base could lead above it on a server that decodes `%2F`, `%5C` or
 * `%2E` (or drops `;` parameters, as Tomcat does with `..;`) before routing. WHATWG URLs resolve
 * only literal dot segments, so these survive `new URL()`. Escapes that cannot be decoded are
 * unknowable, and count as leaving.
 */
function mayLeave(path: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return true;
  }
  return decoded
    .replaceAll('\\', '/')
    .split('/')
    .some((segment) => segment.split(';')[0] === '..');
}

/**
 * Whether `url` (absolute, or relative to `base`) is the FHIR base or below it: same origin and a
 * path under the base's, compared once both are normalised. Only such URLs get the bearer token.
 */
export function isUnderBase(url: string | URL, base: URL): boolean {
  let target: URL;
  try {
    target = new URL(url, base);
  } catch {
    return false;
  }
  if (target.origin !== base.origin || target.origin === 'null') return false;
  const root = base.pathname.endsWith('/') ? base.pathname : `${base.pathname}/`;
  if (target.pathname === root.slice(0, -1)) return true;
  return target.pathname.startsWith(root) && !mayLeave(target.pathname.slice(root.length));
}

/** The `contentOrigins` option, checked: each entry an http(s) origin and nothing more. */
export function contentOriginSet(
  origins: readonly (string | URL)[] | undefined,
): ReadonlySet<string> {
  const set = new Set<string>();
  for (const entry of origins ?? []) {
    const text = String(entry);
    let url: URL | undefined;
    try {
      url = new URL(text);
    } catch {
      url = undefined;
    }
    // `https://files.example.lu` reads back as itself plus "/": a path, query, fragment or
    // credentials would not, and neither would anything but http(s).
    if (!url || !['http:', 'https:'].includes(url.protocol) || url.href !== `${url.origin}/`) {
      throw new DspValidationError(
        `contentOrigins: "${text}" is not an origin like https://files.example.lu`,
        'contentOrigins',
      );
    }
    set.add(url.origin);
  }
  return set;
}

/**
 * Refuses, before any request, an attachment URL the client may not fetch: one that is not
 * http(s), or on an origin that is neither the FHIR server's nor in `allowed`.
 */
export function checkContentUrl(url: URL, base: URL, allowed: ReadonlySet<string>): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new DspValidationError(`Not fetching a ${url.protocol} attachment URL`, 'attachment.url');
  }
  if (url.origin !== base.origin && !allowed.has(url.origin)) {
    throw new DspContentOriginError(url);
  }
}
