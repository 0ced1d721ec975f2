// Checks of a file chosen for upload: its content type read from its bytes (never its name), the
// limits it must respect, and where a server's complaint belongs in the form.
import { DSP_CONTENT_TYPES } from '@dsp-kit/fhir';
import { hasCdaRoot } from '../document-preview/cda/cda-recognize.js';
import { forEachSlice } from './blob-slices.js';
import { HASH_CHUNK_SIZE } from './hash-core.js';

/** The content types the DSP accepts (the server's own list), each recognised by its bytes. */
export const DEFAULT_ACCEPT_TYPES = DSP_CONTENT_TYPES;

/** 20 MiB, the DSP's limit per document. */
export const DEFAULT_MAX_SIZE = 20 * 1024 * 1024;

/** How many leading bytes {@link sniffContentType} reads (HTML may start after blank lines). */
export const MAGIC_LENGTH = 512;

/** The content type a CDA document is sent with (MHD: its format code says which CDA). */
export const CDA_CONTENT_TYPE = 'text/xml';

/**
 * How many leading bytes are read to find a CDA's root element: real documents put style sheet
 * instructions and long comments before it (1.4 kB in ANS's lab report); the preview reads as many.
 */
export const CDA_HEAD_LENGTH = 65_536;

/**
 * True when a file's first bytes (see {@link CDA_HEAD_LENGTH}) start an HL7 CDA R2 document: a
 * `ClinicalDocument` root in the `urn:hl7-org:v3` namespace. Any other XML stays refused.
 */
export function sniffCda(head: Uint8Array): boolean {
  // The root's start tag is ASCII in every encoding a CDA uses, so latin1 reads it whatever
  // the declared encoding, and no byte sequence makes the decoder throw.
  return hasCdaRoot(new TextDecoder('latin1').decode(head));
}

/** Content types of programs: refused with their own message, whatever the file is called. */
export const EXECUTABLE_TYPES: readonly string[] = [
  'application/x-msdownload',
  'application/x-executable',
  'application/x-mach-binary',
  'text/x-script',
];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

/**
 * The binary content type announced by a file's first bytes, or undefined when none matches
 * (the file may still be text: see {@link Utf8TextSniffer}).
 */
export function sniffMagic(head: Uint8Array): string | undefined {
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46])) return 'application/pdf'; // %PDF
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00])) return 'image/tiff'; // II*\0, little-endian
  if (startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return 'image/tiff'; // MM\0*, big-endian
  if (startsWith(head, [0x4d, 0x5a])) return 'application/x-msdownload'; // MZ: Windows program
  if (startsWith(head, [0x7f, 0x45, 0x4c, 0x46])) return 'application/x-executable'; // ELF
  for (const magic of [0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe]) {
    if (head.length >= 4 && new DataView(head.buffer, head.byteOffset).getUint32(0) === magic)
      return 'application/x-mach-binary';
  }
  if (startsWith(head, [0x23, 0x21])) return 'text/x-script'; // #!: a script run as a program
  return isHtml(head) ? 'text/html' : undefined;
}

/**
 * The tags the WHATWG MIME Sniffing standard takes as the start of an HTML page (after blanks,
 * case-insensitive, followed by a space or `>`): a page must never pass as plain text.
 */
const HTML_STARTS = [
  '<!doctype html',
  '<html',
  '<head',
  '<script',
  '<iframe',
  '<h1',
  '<div',
  '<font',
  '<table',
  '<a',
  '<style',
  '<title',
  '<b',
  '<body',
  '<br',
  '<p',
  '<!--',
  '<?xml',
  '<svg',
];

/** True when the bytes start, after a BOM and blanks, with `<`: markup, maybe a CDA. */
export function startsWithMarkup(head: Uint8Array): boolean {
  let start = startsWith(head, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (start < head.length && [0x09, 0x0a, 0x0c, 0x0d, 0x20].includes(head[start] ?? 0)) start++;
  return head[start] === 0x3c;
}

/** True when the bytes start (after a BOM and blanks) like an HTML, XML or SVG document. */
export function isHtml(head: Uint8Array): boolean {
  let start = startsWith(head, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  const blanks = [0x09, 0x0a, 0x0c, 0x0d, 0x20];
  while (start < head.length && blanks.includes(head[start] ?? 0)) start++;
  const text = String.fromCharCode(...head.subarray(start, start + 16)).toLowerCase();
  return HTML_STARTS.some((tag) => {
    if (!text.startsWith(tag)) return false;
    const next = text.charAt(tag.length);
    return tag === '<!--' || next === '' || next === ' ' || next === '>' || /\s/.test(next);
  });
}

/**
 * Decides, chunk by chunk, whether bytes are plain text: valid UTF-8 with no NUL. Streaming so
 * that a large file is never held whole just to be checked.
 */
export class Utf8TextSniffer {
  readonly #decoder = new TextDecoder('utf-8', { fatal: true });
  #valid = true;

  /** Feeds the next chunk; false as soon as the bytes cannot be text. */
  push(chunk: Uint8Array): boolean {
    if (!this.#valid) return false;
    if (chunk.includes(0)) return (this.#valid = false);
    try {
      this.#decoder.decode(chunk, { stream: true });
    } catch {
      this.#valid = false;
    }
    return this.#valid;
  }

  /** Ends the stream: false when the bytes were not text or ended inside a character. */
  end(): boolean {
    if (!this.#valid) return false;
    try {
      this.#decoder.decode();
    } catch {
      this.#valid = false;
    }
    return this.#valid;
  }
}

/**
 * The content type of a file by its bytes: a CDA (markup whose root is a `ClinicalDocument`), a
 * magic number, else UTF-8 text read to its end in slices; undefined when it is none of them.
 */
export async function sniffFile(file: Blob, signal: AbortSignal): Promise<string | undefined> {
  const head = new Uint8Array(await file.slice(0, MAGIC_LENGTH).arrayBuffer());
  // Markup may be a CDA: its root can come after more than the magic's bytes of prolog.
  if (startsWithMarkup(head)) {
    const markup = new Uint8Array(await file.slice(0, CDA_HEAD_LENGTH).arrayBuffer());
    if (sniffCda(markup)) return CDA_CONTENT_TYPE;
  }
  const magic = sniffMagic(head);
  if (magic) return magic;
  const text = new Utf8TextSniffer();
  // Read to the end only while it is text; stopped by throwing, the first byte that is not.
  const notText = new Error('not text');
  try {
    await forEachSlice(file, HASH_CHUNK_SIZE, (chunk) => {
      signal.throwIfAborted();
      if (!text.push(chunk)) throw notText;
    });
  } catch (error) {
    if (error === notText) return undefined;
    throw error;
  }
  return text.end() ? 'text/plain' : undefined;
}

/** True when `bytes` are plain text: valid UTF-8 without NUL. */
export function isUtf8Text(bytes: Uint8Array): boolean {
  const sniffer = new Utf8TextSniffer();
  sniffer.push(bytes);
  return sniffer.end();
}

/** What can be wrong with a file before it is sent. */
export type FileProblem =
  | 'empty'
  | 'tooLarge'
  | 'executable'
  | 'html'
  | 'unknownType'
  | 'typeNotAllowed'
  | 'duplicate'
  | 'inDsp'
  /** A CDA whose `recordTarget` names another patient than the uploader's. */
  | 'otherPatient'
  /** A CDA declaring a DOCTYPE or entities (entity bombs, external entities): never read. */
  | 'cdaEntities'
  /** A CDA nested too deep or too slow to read: refused rather than left to hang the page. */
  | 'cdaTooComplex'
  /** A file that starts as a CDA but is not well-formed XML. */
  | 'cdaMalformed';

/** The problems of a file of `size` bytes whose bytes say `contentType` (undefined: unknown). */
export function fileProblems(
  size: number,
  contentType: string | undefined,
  limits: { readonly maxSize: number; readonly acceptTypes: readonly string[] },
): FileProblem[] {
  if (size === 0) return ['empty'];
  const problems: FileProblem[] = [];
  if (size > limits.maxSize) problems.push('tooLarge');
  if (contentType === undefined) problems.push('unknownType');
  else if (EXECUTABLE_TYPES.includes(contentType)) problems.push('executable');
  else if (contentType === 'text/html') problems.push('html');
  else if (!limits.acceptTypes.includes(contentType)) problems.push('typeNotAllowed');
  return problems;
}

/** The `accept-types` attribute as a list of MIME types; the default when it names none. */
export function parseAcceptTypes(value: string | null | undefined): readonly string[] {
  const types = (value ?? '')
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);
  return types.length > 0 ? types : DEFAULT_ACCEPT_TYPES;
}

/** A document title from a file name: the name without its extension. */
export function titleFromFileName(name: string): string {
  const base = name.replace(/^.*[\\/]/, '');
  const dot = base.lastIndexOf('.');
  return (dot > 0 ? base.slice(0, dot) : base).trim();
}

/** The fields of a document's form, where problems are shown. */
export type UploadField =
  | 'file'
  | 'type'
  | 'title'
  | 'date'
  | 'confidentiality'
  | 'language'
  | 'facility'
  | 'flags'
  | 'replaces'
  /** The authors a CDA names beside the sender. */
  | 'authors';

/**
 * The form field an OperationOutcome issue's `expression` names (e.g.
 * `Bundle.entry[1].resource.content[0].attachment.hash` → `file`), or undefined when it names
 * none of them (the patient, the author, the bundle).
 */
export function fieldOfExpression(expression: string): UploadField | undefined {
  const path = expression.replace(/^Bundle\.entry\[\d+\]\.resource\.?/, '');
  if (/^type\b/.test(path) || /^category\b/.test(path)) return 'type';
  if (/attachment\.title\b/.test(path)) return 'title';
  if (/attachment\.language\b/.test(path)) return 'language';
  if (/attachment\.creation\b/.test(path) || /^context\.period\b/.test(path)) return 'date';
  if (/^context\.(facilityType|practiceSetting)\b/.test(path)) return 'facility';
  // The confidentiality code is the first security label; the masks follow it.
  if (path.startsWith('securityLabel[0]')) return 'confidentiality';
  if (/^securityLabel\b/.test(path)) return 'flags';
  if (/^relatesTo\b/.test(path)) return 'replaces';
  if (/^(content|data|contentType)\b/.test(path)) return 'file';
  return undefined;
}

/** Base64 of bytes, in slices so that a large file does not overflow the argument stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) {
    binary += String.fromCharCode(...bytes.subarray(i, i + step));
  }
  return btoa(binary);
}

/** A FHIR `id` (what `replaces` may name), with or without `DocumentReference/`. */
export function isDocumentId(value: string): boolean {
  return /^(DocumentReference\/)?[A-Za-z0-9\-.]{1,64}$/.test(value);
}
