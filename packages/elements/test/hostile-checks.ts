// What the hostile-string tests check of a rendered panel: that no payload ran (the functions they
// call are recorded), that no element, attribute or URL came from server text (every shadow root
// walked), that rows holding different strings are built alike, and that a string shows as text.

declare global {
  interface Window {
    /** Set by the corpus's payloads, should one ever run. */
    __pwned?: unknown;
  }
}

/** Records what the payloads would call, instead of calling it. */
export interface ExecutionWatch {
  /** Every recorded call, message and assignment of `window.__pwned`. */
  ran(): string[];
  restore(): void;
}

export function watchExecution(): ExecutionWatch {
  const calls: string[] = [];
  const record =
    (name: string) =>
    (...args: unknown[]): undefined => {
      calls.push(`${name}(${args.map(String).join(', ')})`);
      return undefined;
    };
  // Replaced on the window and the document themselves, and put back as they were: `write` and
  // `writeln` live on Document.prototype, so deleting the document's own ones restores them.
  const globals = ['alert', 'prompt', 'confirm', 'eval'] as const;
  const saved = globals.map(
    (name) => [name, Object.getOwnPropertyDescriptor(window, name)] as const,
  );
  for (const name of globals)
    Object.defineProperty(window, name, {
      configurable: true,
      writable: true,
      value: record(name),
    });
  for (const name of ['write', 'writeln'])
    Object.defineProperty(document, name, {
      configurable: true,
      value: record(`document.${name}`),
    });
  const onMessage = (event: MessageEvent) => {
    calls.push(`postMessage(${String(event.data)})`);
  };
  window.addEventListener('message', onMessage);
  // Every payload's assignment is kept, not only the last one's.
  Object.defineProperty(window, '__pwned', {
    configurable: true,
    get: () => undefined,
    set: (value: unknown) => {
      calls.push(`window.__pwned = ${String(value)}`);
    },
  });
  return {
    ran: () => [...calls],
    restore() {
      window.removeEventListener('message', onMessage);
      for (const [name, descriptor] of saved) {
        if (descriptor) Object.defineProperty(window, name, descriptor);
      }
      for (const name of ['write', 'writeln']) Reflect.deleteProperty(document, name);
      delete window.__pwned;
    },
  };
}

/**
 * Waits long enough for an injected handler to have run: an `<img src=x>` fails to load and
 * fires `onerror`, a `<details open>` toggles, an `autofocus` field takes focus.
 */
export async function settle(): Promise<void> {
  await new Promise((resolve) => requestAnimationFrame(resolve));
  await new Promise((resolve) => setTimeout(resolve, 200));
}

/** Every element under `root`, into every shadow root below it. */
export function elementsIn(root: ParentNode): Element[] {
  const found: Element[] = [];
  for (const element of root.querySelectorAll('*')) {
    found.push(element);
    if (element.shadowRoot) found.push(...elementsIn(element.shadowRoot));
  }
  return found;
}

function commentsIn(root: Node): Comment[] {
  const found: Comment[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  while (walker.nextNode()) found.push(walker.currentNode as Comment);
  for (const element of root instanceof Element || root instanceof ShadowRoot
    ? root.querySelectorAll('*')
    : []) {
    if (element.shadowRoot) found.push(...commentsIn(element.shadowRoot));
  }
  return found;
}

/** Elements the panels never render, which the corpus's markup would bring. */
const FOREIGN_TAGS = new Set([
  'a',
  'b',
  'base',
  'body',
  'details',
  'embed',
  'foreignobject',
  'frame',
  'frameset',
  'iframe',
  'img',
  'link',
  'math',
  'meta',
  'mglyph',
  'mtext',
  'object',
  'script',
  'style',
  'svg',
]);

/** Attributes that take a URL. */
const URL_ATTRIBUTES = new Set([
  'action',
  'background',
  'data',
  'formaction',
  'href',
  'poster',
  'src',
  'srcset',
  'xlink:href',
]);

/** `javascript:`, `data:` or `vbscript:` as a browser reads a URL (controls and spaces ignored). */
function isScriptUrl(value: string): boolean {
  // eslint-disable-next-line no-control-regex -- browsers skip these before the scheme
  const url = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
  return /^(javascript|data|vbscript):/.test(url);
}

export interface InjectionAllowance {
  /** The preview's own image: `img[part~=image]` with a `blob:` URL. */
  readonly previewImage?: boolean;
}

/**
 * What in the panel's shadow roots came from markup rather than from its templates: foreign
 * elements, event-handler and `autofocus` attributes, script URLs, CSS expressions, and comments
 * shaped like Lit's markers but carrying the corpus's number. Empty when there is none.
 */
export function injections(panel: Element, allow: InjectionAllowance = {}): string[] {
  const root = panel.shadowRoot;
  if (!root) return [`<${panel.localName}> has no shadow root`];
  const found: string[] = [];
  for (const element of elementsIn(root)) {
    const tag = element.localName.toLowerCase();
    const previewImage =
      allow.previewImage === true &&
      tag === 'img' &&
      element.matches('[part~="image"]') &&
      (element.getAttribute('src') ?? '').startsWith('blob:');
    if (FOREIGN_TAGS.has(tag) && !previewImage) found.push(`a <${tag}> element`);
    for (const { name, value } of element.attributes) {
      if (name.startsWith('on') || name === 'autofocus' || name === 'srcdoc')
        found.push(`a ${name} attribute on <${tag}>`);
      if (URL_ATTRIBUTES.has(name) && isScriptUrl(value))
        found.push(`${name}="${value.slice(0, 60)}" on <${tag}>`);
      if (name === 'style' && /expression\s*\(|javascript:|url\s*\(/i.test(value))
        found.push(`style="${value.slice(0, 60)}" on <${tag}>`);
    }
  }
  for (const comment of commentsIn(root)) {
    if (comment.data.includes('123456789')) found.push(`a comment <!--${comment.data}-->`);
  }
  return found;
}

/** An element's build: its tag, attribute names and children's builds, without text or values. */
export function shape(element: Element): string {
  const names = [...element.attributes]
    .map((a) => a.name)
    // The virtualizer positions rows with inline styles it sets once measured.
    .filter((name) => name !== 'style')
    .sort()
    .join(',');
  return `${element.localName}[${names}](${[...element.children].map(shape).join('')})`;
}

/**
 * Rows of one kind that are built differently from the others of that kind: text from the server
 * that became markup shows as an extra element or attribute in its row.
 */
export function oddShapes(rows: readonly Element[], kindOf: (row: Element) => string): string[] {
  const byKind = new Map<string, Element[]>();
  for (const row of rows) {
    const kind = kindOf(row);
    byKind.set(kind, [...(byKind.get(kind) ?? []), row]);
  }
  const odd: string[] = [];
  for (const [kind, members] of byKind) {
    const counts = new Map<string, number>();
    for (const row of members) counts.set(shape(row), (counts.get(shape(row)) ?? 0) + 1);
    const usual = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
    for (const row of members) {
      if (shape(row) !== usual)
        odd.push(`a ${kind} row built as ${shape(row)}: ${row.textContent.slice(0, 80)}`);
    }
  }
  return odd;
}

/** The texts of the text nodes under `node` (not into shadow roots), as the DOM holds them. */
export function textNodes(node: Node): string[] {
  const found: string[] = [];
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) found.push((walker.currentNode as Text).data);
  return found;
}

/** Whether `text` is one text node of `node`, exactly: shown as text, nothing added or lost. */
export function holdsText(node: Node | null | undefined, text: string): boolean {
  return node ? textNodes(node).includes(text) : false;
}

/** RFC 4180 CSV read back into records of fields (quoted fields may hold `"`, `,` and breaks). */
export function readCsv(csv: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = csv.startsWith('\uFEFF') ? 1 : 0; i < csv.length; i++) {
    const char = csv.charAt(i);
    if (quoted) {
      if (char === '"' && csv[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && csv[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += char;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

/**
 * Whether a spreadsheet could take a cell for a formula, by OWASP's "CSV Injection" list (`=`,
 * `+`, `-`, `@`, tab, CR, LF first), also behind whitespace it may trim and in full-width forms.
 */
export function readsAsFormula(cell: string): boolean {
  const start = cell.replace(/^\s+/u, '');
  return /^[\t\r\n]/.test(cell) || /^[=+\-@＝＋－＠]/u.test(start);
}
