// Parses a CDA R2 document as XML (never as HTML) within limits: no DOCTYPE or entity
// declarations, a size cap, a nesting-depth cap and a time budget, and a `ClinicalDocument` root
// in the v3 namespace; anything else is a `CdaParseError` that says which limit was hit.
import { CDA_NAMESPACE } from './cda-dom.js';

/** Why a document could not be read as a CDA. */
export type CdaProblem =
  'too-large' | 'doctype' | 'malformed' | 'too-deep' | 'too-slow' | 'not-cda' | 'wrong-namespace';

export interface CdaLimits {
  /** Characters of XML read at most (20 million: a level-1 CDA wraps PDFs of several MB). */
  readonly maxLength: number;
  /** Elements nested at most (real CDAs nest some 30 deep). */
  readonly maxDepth: number;
  /** Milliseconds parsing and checking may take before the document is refused. */
  readonly timeBudget: number;
}

export const CDA_LIMITS: CdaLimits = { maxLength: 20_000_000, maxDepth: 200, timeBudget: 2000 };

/** A document the renderer will not show, with the reason in words for developers. */
export class CdaParseError extends Error {
  override readonly name = 'CdaParseError';

  constructor(
    readonly problem: CdaProblem,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Refuses what has no place in a CDA before the XML parser sees it: a text over the size limit,
 * and any DOCTYPE or entity declaration (entity-expansion bombs and external entities need one).
 */
export function checkCdaText(text: string, limits: CdaLimits = CDA_LIMITS): void {
  if (text.length > limits.maxLength) {
    throw new CdaParseError(
      'too-large',
      `The document has ${text.length} characters, over the limit of ${limits.maxLength}.`,
    );
  }
  if (/<!(?:DOCTYPE|ENTITY)/i.test(text)) {
    throw new CdaParseError(
      'doctype',
      'The document declares a DOCTYPE or entities, which a CDA never does: it is not read.',
    );
  }
}

/**
 * The deepest nesting of elements under `root`, counted without recursion (a hostile document is
 * deeper than the call stack) nor a stack (a 1 MB document has some 100,000 elements); stops
 * counting once past `limit`.
 */
export function elementDepth(root: Element, limit: number): number {
  let element = root;
  let depth = 1;
  let deepest = 1;
  for (;;) {
    const child = element.firstElementChild;
    if (child) {
      element = child;
      if (++depth > deepest && (deepest = depth) > limit) return deepest;
      continue;
    }
    while (element !== root && !element.nextElementSibling) {
      element = element.parentElement ?? root;
      depth--;
    }
    if (element === root) return deepest;
    element = element.nextElementSibling ?? root;
  }
}

/**
 * The nesting depth of a text's tags, counted roughly (start tags less end and empty tags), for
 * a text the XML parser refused; stops once past `limit`.
 */
export function tagDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  for (const [tag] of text.matchAll(/<\/?[A-Za-z_][^<>]*>/g)) {
    if (tag.startsWith('</')) depth--;
    else if (!tag.endsWith('/>')) depth++;
    if (depth > deepest) deepest = depth;
    if (deepest > limit) break;
  }
  return deepest;
}

function tooDeep(limits: CdaLimits): CdaParseError {
  return new CdaParseError(
    'too-deep',
    `The document nests elements more than ${limits.maxDepth} deep.`,
  );
}

/** Parses `text` as a CDA R2 document, or throws a `CdaParseError`. */
export function parseCda(text: string, limits: CdaLimits = CDA_LIMITS): XMLDocument {
  const started = performance.now();
  checkCdaText(text, limits);
  // As XML: an HTML parse would make elements of the document's markup. `xml-stylesheet`
  // instructions stay inert nodes: DOMParser applies no stylesheet and loads nothing.
  const document = new DOMParser().parseFromString(text, 'application/xml');
  if (document.getElementsByTagName('parsererror').length > 0) {
    // Chromium's parser gives up past some depth too: say which limit it was.
    if (tagDepth(text, limits.maxDepth) > limits.maxDepth) throw tooDeep(limits);
    throw new CdaParseError('malformed', 'The document is not well-formed XML.');
  }
  const root = document.documentElement;
  if (root.localName !== 'ClinicalDocument') {
    throw new CdaParseError(
      'not-cda',
      `The document's root element is <${root.localName}>, not a CDA <ClinicalDocument>.`,
    );
  }
  if (root.namespaceURI !== CDA_NAMESPACE) {
    throw new CdaParseError(
      'wrong-namespace',
      `The <ClinicalDocument> is in the namespace "${root.namespaceURI ?? ''}", not ${CDA_NAMESPACE}.`,
    );
  }
  if (elementDepth(root, limits.maxDepth) > limits.maxDepth) throw tooDeep(limits);
  if (performance.now() - started > limits.timeBudget) {
    throw new CdaParseError(
      'too-slow',
      `Reading the document took longer than ${limits.timeBudget} ms.`,
    );
  }
  return document;
}
