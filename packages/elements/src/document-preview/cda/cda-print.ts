// Prints a CDA, and only it, from a frame of its own: an about:blank frame, sandboxed with no
// scripts, gets the print view as DOM (Lit templates, the document's text as text) and our own
// print stylesheet, is printed, and goes once printing is over.
import type { TemplateResult } from 'lit';
import { render } from './cda-runtime.js';

/** How a frame's window is printed: `print()`, replaced by the tests. */
export const printer = { print: (view: Window): void => view.print() };

/** What to print. */
export interface PrintView {
  /** The print's title (its file name when saved as PDF). */
  readonly title: string;
  readonly language: string;
  /** The print view: the header block, then the body with every row. */
  readonly content: TemplateResult;
  /** Our print stylesheet (never text from the document, see `cssString`). */
  readonly css: string;
  /** Where the frame goes while printing (the panel's shadow root). */
  readonly into: ParentNode;
}

const frames = new WeakMap<ParentNode, HTMLIFrameElement>();

/** `text` as a CSS string literal: every character but letters, digits and spaces escaped. */
export function cssString(text: string): string {
  // Code point by code point: escaping is per character, whole emoji or not.
  const escaped = text.replace(/[^\p{L}\p{N} ]/gu, (character) => {
    return `\\${(character.codePointAt(0) ?? 0).toString(16)} `;
  });
  return `"${escaped}"`;
}

/** Prints `view` from a frame of its own; resolves once the print was asked for. */
export async function printView(view: PrintView): Promise<void> {
  // One print at a time per panel: a frame left from an earlier one goes first.
  frames.get(view.into)?.remove();
  const frame = document.createElement('iframe');
  // Scripts never run in it; `allow-modals` lets it print, `allow-same-origin` lets us fill it.
  frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.title = view.title;
  frame.style.cssText = 'position:fixed;inset-inline-start:0;top:0;width:0;height:0;border:0';
  view.into.append(frame);
  frames.set(view.into, frame);
  const printed = frame.contentWindow;
  const page = frame.contentDocument;
  if (!printed || !page) {
    frame.remove();
    return;
  }
  page.documentElement.lang = view.language;
  page.title = view.title;
  const style = page.createElement('style');
  style.textContent = view.css;
  page.head.append(style);
  render(view.content, page.body);
  // The document's images are blob URLs of this page: loaded before the print is laid out.
  await Promise.all([...page.images].map((image) => image.decode().catch(() => undefined)));
  const remove = () => {
    frame.remove();
    if (frames.get(view.into) === frame) frames.delete(view.into);
  };
  printed.addEventListener('afterprint', remove, { once: true });
  try {
    printer.print(printed);
  } catch {
    remove();
  }
}
