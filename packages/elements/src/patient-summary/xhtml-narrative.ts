// A FHIR narrative (`text.div`, limited XHTML) parsed as XML and turned into a CDA narrative
// block, element by element from a fixed list, so that the CDA renderer's safe narrative code
// renders it: what it does not know (scripts, styles, frames, forms, images, SVG) becomes its
// text or nothing, and no attribute but a few structural ones is carried over.
import { CDA_NAMESPACE } from '../document-preview/cda/cda-dom.js';
import { CDA_LIMITS, checkCdaText, elementDepth } from '../document-preview/cda/cda-parse.js';
import { SummaryReadError } from './summary-model.js';

export const XHTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/** XHTML elements and the CDA narrative element each becomes (with a `styleCode`, for some). */
const ELEMENTS: Readonly<Record<string, readonly [string, string?]>> = {
  div: ['paragraph'],
  p: ['paragraph'],
  blockquote: ['paragraph'],
  pre: ['paragraph'],
  h1: ['paragraph', 'Bold'],
  h2: ['paragraph', 'Bold'],
  h3: ['paragraph', 'Bold'],
  h4: ['paragraph', 'Bold'],
  h5: ['paragraph', 'Bold'],
  h6: ['paragraph', 'Bold'],
  span: ['content'],
  code: ['content'],
  small: ['content'],
  big: ['content'],
  tt: ['content'],
  abbr: ['content'],
  acronym: ['content'],
  cite: ['content'],
  q: ['content'],
  var: ['content'],
  kbd: ['content'],
  samp: ['content'],
  dfn: ['content'],
  b: ['content', 'Bold'],
  strong: ['content', 'Bold'],
  i: ['content', 'Italics'],
  em: ['content', 'Italics'],
  u: ['content', 'Underline'],
  ul: ['list'],
  ol: ['list'],
  dl: ['list'],
  li: ['item'],
  dt: ['item'],
  dd: ['item'],
  table: ['table'],
  caption: ['caption'],
  thead: ['thead'],
  tbody: ['tbody'],
  tfoot: ['tfoot'],
  tr: ['tr'],
  th: ['th'],
  td: ['td'],
  colgroup: ['colgroup'],
  col: ['col'],
  br: ['br'],
  sub: ['sub'],
  sup: ['sup'],
  a: ['linkHtml'],
};

/** Elements whose content is not narrative: dropped with everything in them. */
const DROPPED = new Set(['script', 'style', 'iframe', 'object', 'embed', 'template', 'head']);

/** Attributes carried over, on the elements that have them in CDA; the renderer checks each. */
const ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  th: ['colspan', 'rowspan', 'scope'],
  td: ['colspan', 'rowspan'],
  colgroup: ['span'],
  col: ['span'],
  linkHtml: ['href'],
};

/**
 * Turns a FHIR narrative's XHTML into a CDA `<text>` element, or throws a `SummaryReadError`:
 * a DOCTYPE or entity, more than the CDA limits' size or depth, or no XHTML `div`.
 */
export function narrativeFromXhtml(xhtml: string): Element {
  try {
    checkCdaText(xhtml);
  } catch (error) {
    throw new SummaryReadError('unsafe', (error as Error).message);
  }
  const parsed = new DOMParser().parseFromString(xhtml, 'application/xml');
  const root = parsed.documentElement;
  if (parsed.getElementsByTagName('parsererror').length > 0) {
    throw new SummaryReadError('malformed', 'A section narrative is not well-formed XHTML.');
  }
  if (root.localName !== 'div' || root.namespaceURI !== XHTML_NAMESPACE) {
    throw new SummaryReadError('malformed', 'A section narrative is not an XHTML <div>.');
  }
  if (elementDepth(root, CDA_LIMITS.maxDepth) > CDA_LIMITS.maxDepth) {
    throw new SummaryReadError('unsafe', 'A section narrative nests elements too deep.');
  }
  const target = document.implementation.createDocument(CDA_NAMESPACE, 'text', null);
  const text = target.documentElement;
  copyChildren(root, text, target);
  return text;
}

function copyChildren(from: Element, to: Element, target: XMLDocument): void {
  for (const node of from.childNodes) {
    if (node.nodeType === Node.TEXT_NODE || node.nodeType === Node.CDATA_SECTION_NODE) {
      to.append(target.createTextNode(node.nodeValue ?? ''));
    } else if (node.nodeType === Node.ELEMENT_NODE) {
      copyElement(node as Element, to, target);
    }
  }
}

function copyElement(element: Element, to: Element, target: XMLDocument): void {
  const name = element.localName.toLowerCase();
  if (element.namespaceURI !== XHTML_NAMESPACE) {
    // SVG, MathML, anything foreign: its words only.
    to.append(target.createTextNode(element.textContent));
    return;
  }
  if (DROPPED.has(name)) return;
  if (name === 'img') {
    // Never loaded: its description stands in for it.
    const alt = element.getAttribute('alt');
    if (alt) to.append(target.createTextNode(alt));
    return;
  }
  const [cdaName, styleCode] = ELEMENTS[name] ?? ['content'];
  const made = target.createElementNS(CDA_NAMESPACE, cdaName);
  if (styleCode) made.setAttribute('styleCode', styleCode);
  if (name === 'ol') made.setAttribute('listType', 'ordered');
  const id = element.getAttribute('id');
  if (id) made.setAttribute('ID', id);
  for (const attribute of ATTRIBUTES[cdaName] ?? []) {
    const value = element.getAttribute(attribute);
    if (value !== null) made.setAttribute(attribute, value);
  }
  copyChildren(element, made, target);
  to.append(made);
}
