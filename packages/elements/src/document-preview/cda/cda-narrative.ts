// A CDA narrative block (`section/text`) as Lit templates: each narrative element becomes its
// HTML counterpart with a fixed set of attributes, the document's text stays text, and nothing
// of the document (markup, `style`, CSS, scripts, remote URLs) reaches the page.
import type { TemplateResult } from 'lit';
import { html, ifDefined, nothing } from './cda-runtime.js';
import { CDA_NAMESPACE } from './cda-dom.js';
import { attr } from './cda-dom.js';
import { styleFlag, type AbnormalFlag } from './cda-abnormal.js';
import { isShownImage, type CdaMedia } from './cda-media.js';
import type { CdaMessages } from './cda.messages.js';
import type { LongRows } from './cda-rows.js';

/** What rendering a narrative needs from the rest of the document and from the page. */
export interface NarrativeContext {
  readonly messages: CdaMessages;
  /** The element id in the page for a document `ID`. */
  readonly idFor: (id: string) => string;
  /** Every `ID` of the document's narrative, so that `#ID` links and footnote refs resolve. */
  readonly ids: ReadonlySet<string>;
  /** The document's `observationMedia` by `ID`. */
  readonly media: ReadonlyMap<string, CdaMedia>;
  /** Narrative `ID`s the entries flag as abnormal results. */
  readonly flags: ReadonlyMap<string, AbnormalFlag>;
  /** Moves to the element of a document `ID` (a fragment link cannot reach into a shadow root). */
  readonly go: (event: Event, id: string) => void;
  /** The next table's number in the document, naming a table that has no caption. */
  readonly tableNumber: () => number;
  /** Saves an attachment that is not shown. */
  readonly save: (media: CdaMedia & { status: 'inline' }) => void;
  /**
   * The progressive rows of a long `tbody`, made once per document and language; undefined for
   * a short one, and always when every row must render at once (printing).
   */
  readonly longRows?: (tbody: Element) => LongRows | undefined;
}

type Rendered = TemplateResult | string | Node | typeof nothing | Rendered[];

/** The `styleCode` values the renderer knows, each mapped to one class of its own styles. */
const STYLE_CLASSES: Readonly<Record<string, string>> = {
  bold: 'cda-bold',
  italics: 'cda-italics',
  underline: 'cda-underline',
  emphasis: 'cda-emphasis',
  lrule: 'cda-lrule',
  rrule: 'cda-rrule',
  toprule: 'cda-toprule',
  botrule: 'cda-botrule',
  arabic: 'cda-arabic',
  littleroman: 'cda-little-roman',
  bigroman: 'cda-big-roman',
  littlealpha: 'cda-little-alpha',
  bigalpha: 'cda-big-alpha',
  disc: 'cda-disc',
  circle: 'cda-circle',
  square: 'cda-square',
};

const SCOPES = new Set(['row', 'col', 'rowgroup', 'colgroup']);

/** Our classes for a `styleCode` (unknown codes are dropped, never copied into the page). */
function classesOf(element: Element, flag: AbnormalFlag | undefined): string | undefined {
  const classes = (attr(element, 'styleCode') ?? '')
    .split(/\s+/)
    .map((token) => STYLE_CLASSES[token.toLowerCase()])
    .filter((name) => name !== undefined);
  if (flag) classes.push('cda-abnormal', `cda-${flag}`);
  return classes.length > 0 ? classes.join(' ') : undefined;
}

/** A whole number attribute within bounds (`colspan`, `rowspan`, `span`). */
function count(element: Element, name: string, max: number): number | undefined {
  const value = Number(attr(element, name));
  return Number.isInteger(value) && value >= 1 ? Math.min(value, max) : undefined;
}

/** Whether a URL may become a link: absolute http or https only. */
export function isWebUrl(href: string | undefined): boolean {
  if (!href) return false;
  try {
    const url = new URL(href.trim());
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function isNarrative(node: Element): boolean {
  return node.namespaceURI === CDA_NAMESPACE;
}

/** Renders the children of a narrative element. */
function children(parent: Element, context: NarrativeContext): Rendered[] {
  const out: Rendered[] = [];
  for (const node of parent.childNodes) {
    if (node.nodeType === Node.TEXT_NODE || node.nodeType === Node.CDATA_SECTION_NODE) {
      // A text binding: the document's text becomes a text node, never markup.
      out.push(node.nodeValue ?? '');
    } else if (node.nodeType === Node.ELEMENT_NODE) {
      out.push(element(node as Element, context));
    }
    // Comments and processing instructions are dropped.
  }
  return out;
}

/** The children of `parent` except its `caption`, which the caller places. */
function withoutCaption(parent: Element, context: NarrativeContext): Rendered[] {
  const out: Rendered[] = [];
  for (const node of parent.childNodes) {
    if (node.nodeType === Node.ELEMENT_NODE && (node as Element).localName === 'caption') continue;
    if (node.nodeType === Node.ELEMENT_NODE) out.push(element(node as Element, context));
    else if (node.nodeType === Node.TEXT_NODE || node.nodeType === Node.CDATA_SECTION_NODE)
      out.push(node.nodeValue ?? '');
  }
  return out;
}

function captionOf(parent: Element): Element | undefined {
  for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
    if (child.localName === 'caption' && isNarrative(child)) return child;
  }
  return undefined;
}

/** The visible, spoken word for a flagged result (never colour alone). */
function flagMark(flag: AbnormalFlag | undefined, m: CdaMessages): Rendered {
  if (!flag) return nothing;
  const arrow = flag === 'high' ? '↑' : flag === 'low' ? '↓' : '!';
  return html` <span class="cda-flag"><span aria-hidden="true">${arrow}</span> ${m[flag]}</span>`;
}

/** Renders one narrative element. */
export function element(node: Element, context: NarrativeContext): Rendered {
  // Elements from any other namespace (XHTML `<script>`, SVG…) are unknown: their text shows.
  if (!isNarrative(node)) return node.textContent;
  const documentId = attr(node, 'ID');
  const id = documentId ? context.idFor(documentId) : undefined;
  const flag =
    (documentId !== undefined ? context.flags.get(documentId) : undefined) ??
    styleFlag(attr(node, 'styleCode'));
  const classes = classesOf(node, flag);
  const mark = flagMark(flag, context.messages);
  switch (node.localName) {
    case 'text':
      return children(node, context);
    case 'paragraph': {
      const caption = captionOf(node);
      return html`<p id=${ifDefined(id)} class=${ifDefined(classes)}>
        ${caption ? html`<span class="cda-caption">${children(caption, context)}</span> ` : nothing}${withoutCaption(node, context)}${mark}
      </p>`;
    }
    case 'content': {
      const inner = [children(node, context), mark];
      const revised = attr(node, 'revised');
      if (revised === 'insert')
        return html`<ins id=${ifDefined(id)} class=${ifDefined(classes)}>${inner}</ins>`;
      if (revised === 'delete')
        return html`<del id=${ifDefined(id)} class=${ifDefined(classes)}>${inner}</del>`;
      return html`<span id=${ifDefined(id)} class=${ifDefined(classes)}>${inner}</span>`;
    }
    case 'list':
      return list(node, id, classes, context);
    case 'item':
      return html`<li id=${ifDefined(id)} class=${ifDefined(classes)}>
        ${children(node, context)}${mark}
      </li>`;
    case 'table':
      return table(node, id, classes, context);
    case 'thead':
      return html`<thead id=${ifDefined(id)} class=${ifDefined(classes)}>
        ${rows(node, context)}
      </thead>`;
    case 'tbody': {
      const long = context.longRows?.(node);
      if (long) {
        // A node of our own, the same one each render: Lit keeps it and its rows as they are.
        if (id) long.body.id = id;
        if (classes) long.body.className = classes;
        return long.body;
      }
      return html`<tbody id=${ifDefined(id)} class=${ifDefined(classes)}>
        ${rows(node, context)}
      </tbody>`;
    }
    case 'tfoot':
      return html`<tfoot id=${ifDefined(id)} class=${ifDefined(classes)}>
        ${rows(node, context)}
      </tfoot>`;
    case 'tr':
      return html`<tr id=${ifDefined(id)} class=${ifDefined(classes)}>
        ${cells(node, context)}
      </tr>`;
    case 'th':
    case 'td':
      return cell(node, id, classes, mark, context);
    case 'colgroup':
      return html`<colgroup span=${ifDefined(count(node, 'span', 1000))}>
        ${[...node.children].filter((col) => col.localName === 'col').map((col) => element(col, context))}
      </colgroup>`;
    case 'col':
      return html`<col span=${ifDefined(count(node, 'span', 1000))} />`;
    case 'br':
      return html`<br />`;
    case 'sub':
      return html`<sub>${children(node, context)}</sub>`;
    case 'sup':
      return html`<sup>${children(node, context)}</sup>`;
    case 'caption':
      return html`<span class="cda-caption">${children(node, context)}</span>`;
    case 'footnote':
      return html`<small id=${ifDefined(id)} class="cda-footnote"
        >[${children(node, context)}]</small
      >`;
    case 'footnoteRef':
      return footnoteRef(node, context);
    case 'linkHtml':
      return link(node, id, classes, context);
    case 'renderMultiMedia':
      return multimedia(node, context);
    default:
      // Unknown elements (`script`, `style`, `iframe` in the v3 namespace included) show their
      // text, as text.
      return node.textContent;
  }
}

function list(
  node: Element,
  id: string | undefined,
  classes: string | undefined,
  context: NarrativeContext,
): Rendered {
  const caption = captionOf(node);
  const items = [...node.children]
    .filter((item) => item.localName === 'item')
    .map((item) => element(item, context));
  const heading = caption
    ? html`<p class="cda-caption">${children(caption, context)}</p>`
    : nothing;
  return attr(node, 'listType') === 'ordered'
    ? html`${heading}
        <ol id=${ifDefined(id)} class=${ifDefined(classes)}>
          ${items}
        </ol>`
    : html`${heading}
        <ul id=${ifDefined(id)} class=${ifDefined(classes)}>
          ${items}
        </ul>`;
}

function table(
  node: Element,
  id: string | undefined,
  classes: string | undefined,
  context: NarrativeContext,
): Rendered {
  const caption = captionOf(node);
  const parts = [...node.children]
    .filter((child) => child.localName !== 'caption')
    .map((child) => element(child, context));
  const long = [...node.children]
    .filter((child) => child.localName === 'tbody')
    .map((body) => context.longRows?.(body))
    .filter((rows) => rows !== undefined && !rows.complete);
  for (const rows of long) rows?.resume();
  // A wide table scrolls in its own box, reachable by keyboard.
  return html`<div
      class="cda-table"
      tabindex="0"
      role="region"
      aria-labelledby=${ifDefined(caption && id ? `${id}-caption` : undefined)}
      aria-label=${ifDefined(caption && id ? undefined : nameOfTable(caption, context))}
    >
      <table id=${ifDefined(id)} class=${ifDefined(classes)}>
        ${
          caption
            ? html`<caption id=${ifDefined(id ? `${id}-caption` : undefined)}>
                ${children(caption, context)}
              </caption>`
            : nothing
        }
        ${parts}
      </table>
    </div>
    ${long.map((rows) => rows?.status)}`;
}

/**
 * A table's accessible name when its caption cannot label it: the caption's words, else "Table"
 * and its number (each table's scrolling box is a region, and regions need distinct names).
 */
function nameOfTable(caption: Element | undefined, context: NarrativeContext): string {
  const words = caption?.textContent.replace(/\s+/g, ' ').trim();
  return words === undefined || words === ''
    ? context.messages.table(context.tableNumber())
    : words;
}

function rows(node: Element, context: NarrativeContext): Rendered[] {
  return [...node.children]
    .filter((row) => row.localName === 'tr')
    .map((row) => element(row, context));
}

function cells(node: Element, context: NarrativeContext): Rendered[] {
  return [...node.children]
    .filter((cell) => cell.localName === 'td' || cell.localName === 'th')
    .map((cell) => element(cell, context));
}

function cell(
  node: Element,
  id: string | undefined,
  classes: string | undefined,
  mark: Rendered,
  context: NarrativeContext,
): Rendered {
  const colspan = count(node, 'colspan', 1000);
  const rowspan = count(node, 'rowspan', 65534);
  const content = [children(node, context), mark];
  // A header cell without words heads nothing (and axe says so): it is a data cell.
  if (node.localName === 'td' || !node.textContent.trim()) {
    return html`<td
      id=${ifDefined(id)}
      class=${ifDefined(classes)}
      colspan=${ifDefined(colspan)}
      rowspan=${ifDefined(rowspan)}
    >
      ${content}
    </td>`;
  }
  // Header cells always have a scope: the document's, else by where they stand.
  const given = attr(node, 'scope');
  const inHead = node.parentElement?.parentElement?.localName === 'thead';
  const scope = given && SCOPES.has(given) ? given : inHead ? 'col' : 'row';
  return html`<th
    id=${ifDefined(id)}
    class=${ifDefined(classes)}
    colspan=${ifDefined(colspan)}
    rowspan=${ifDefined(rowspan)}
    scope=${scope}
  >
    ${content}
  </th>`;
}

function footnoteRef(node: Element, context: NarrativeContext): Rendered {
  const target = attr(node, 'IDREF');
  if (!target || !context.ids.has(target)) return nothing;
  return html`<sup
    ><a href=${`#${context.idFor(target)}`} @click=${(event: Event) => context.go(event, target)}
      >*</a
    ></sup
  >`;
}

function link(
  node: Element,
  id: string | undefined,
  classes: string | undefined,
  context: NarrativeContext,
): Rendered {
  const href = attr(node, 'href');
  const content = children(node, context);
  if (href?.startsWith('#') && context.ids.has(href.slice(1))) {
    const target = href.slice(1);
    return html`<a
      id=${ifDefined(id)}
      class=${ifDefined(classes)}
      href=${`#${context.idFor(target)}`}
      @click=${(event: Event) => context.go(event, target)}
      >${content}</a
    >`;
  }
  if (href !== undefined && isWebUrl(href)) {
    return html`<a
      id=${ifDefined(id)}
      class=${ifDefined(classes)}
      href=${href}
      target="_blank"
      rel="noopener noreferrer"
      >${content}<span class="visually-hidden"> ${context.messages.newTab}</span></a
    >`;
  }
  // Any other scheme (javascript:, data:, file:, relative): the words only.
  return html`<span id=${ifDefined(id)} class=${ifDefined(classes)}>${content}</span>`;
}

function multimedia(node: Element, context: NarrativeContext): Rendered {
  const m = context.messages;
  const caption = captionOf(node);
  const alt = caption?.textContent.replace(/\s+/g, ' ').trim() ?? '';
  const references = (attr(node, 'referencedObject') ?? '').split(/\s+/).filter(Boolean);
  const shown = references.map((reference) => {
    const media = context.media.get(reference);
    if (!media || media.status === 'missing')
      return html`<span class="cda-note">${m.imageMissing}</span>`;
    if (media.status === 'remote') return html`<span class="cda-note">${m.remoteNotLoaded}</span>`;
    if (isShownImage(media.mediaType) && media.url) {
      return html`<img class="cda-image" src=${media.url} alt=${alt || m.image} />`;
    }
    return html`<button class="secondary" type="button" @click=${() => context.save(media)}>
      ${m.attachment(media.mediaType)}
    </button>`;
  });
  return html`<figure class="cda-figure">
    ${shown}${caption ? html`<figcaption>${children(caption, context)}</figcaption>` : nothing}
  </figure>`;
}
