// The uploader's rules for a replacement (`replaces`): which document it is, how the user knows
// it, which chosen files become it, and which files a cancel turns back into new documents.
import { IN_FLIGHT, type UploadItem, type UploadMetadata } from './upload-item.js';

/** The id of the document replaced, from the `replaces` property: undefined when blank. */
export function replacedId(replaces: string | undefined): string | undefined {
  const id = replaces?.trim();
  return id === '' ? undefined : id;
}

/** What a file added now starts with for the replacement, if any. */
export function replacingMetadata(id: string | undefined): Partial<UploadMetadata> {
  return id === undefined ? {} : { replaces: id };
}

/**
 * A replaced document as the user knows it: the host's title when `id` is the panel's current
 * replacement and a title was given, else its id.
 */
export function replacedName(id: string, current: string | undefined, title?: string): string {
  return id === current && title ? title : id;
}

/**
 * The files of one pick, drop or paste the panel takes: all of them, or, while it replaces a
 * document (one document), only the first.
 */
export function takenFiles(files: readonly File[], current: string | undefined): File[] {
  return current === undefined ? [...files] : files.slice(0, 1);
}

/**
 * The files that become new documents when the replacement of `documentId` is cancelled: those
 * that replace it and are not sent nor on their way.
 */
export function releasedByCancel(items: readonly UploadItem[], documentId: string): UploadItem[] {
  return items.filter(
    (item) =>
      item.metadata.replaces === documentId &&
      item.status !== 'sent' &&
      !IN_FLIGHT.includes(item.status),
  );
}
