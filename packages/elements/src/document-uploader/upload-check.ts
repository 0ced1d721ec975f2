// Checking a file the uploader was given: its type by its bytes and its limits, a CDA's header
// (refused when about another patient, else prefilling the form), its hash, and whether it is
// already in the list or in the patient's DSP.
import { cdaKit } from '../document-preview/cda/cda-kit.js';
import { CDA_CONTENT_TYPE, fileProblems, sniffFile } from './file-checks.js';
import { hashFile } from './hash.js';
import { isDetached, type QueueContext } from './queue-context.js';
import {
  CONTENT_LANGUAGES,
  METADATA_FIELD,
  type UploadItem,
  type UploadMetadata,
} from './upload-item.js';

/**
 * Checks and hashes `item`, setting its status (`ready`, `invalid`, `failed`, `cancelled`), its
 * problems and hash. `given` are the metadata fields the host gave it (a CDA's header fills the
 * others); undefined for a file restored from the stored queue, whose form stays as it was.
 */
export async function checkItem(
  item: UploadItem,
  ctx: QueueContext,
  given: ReadonlySet<string> | undefined,
): Promise<void> {
  const abort = new AbortController();
  item.abort = abort;
  item.status = 'checking';
  item.error = undefined;
  item.hashed = 0;
  ctx.host.requestUpdate();
  try {
    item.contentType = await sniffFile(item.file, abort.signal);
    const { maxSize, acceptTypes } = ctx.options();
    item.fileProblems = fileProblems(item.file.size, item.contentType, { maxSize, acceptTypes });
    if (item.fileProblems.length === 0 && item.contentType === CDA_CONTENT_TYPE) {
      await readCda(item, ctx, given);
      abort.signal.throwIfAborted();
    }
    if (item.fileProblems.length === 0) {
      item.status = 'hashing';
      ctx.host.requestUpdate();
      const total = item.file.size;
      item.hash = await hashFile(item.file, {
        signal: abort.signal,
        onProgress: (loaded) => {
          item.hashed = loaded;
          ctx.listener.progress(item, 'hashing', loaded, total);
          ctx.host.requestUpdate();
        },
      });
      // A file sent from this list is in the DSP now: found there, not "in the list".
      const same = ctx
        .items()
        .find((i) => i !== item && i.hash === item.hash && i.status !== 'sent');
      if (same) item.fileProblems = ['duplicate'];
      else {
        // Found with this file's own identifier: its earlier send arrived (a lost answer, a
        // reload mid-send), and sending again is safe, so it is no duplicate.
        const found = await ctx.options().findInDsp(item.hash);
        if (found && found.masterIdentifier !== `urn:uuid:${item.documentUuid}`) {
          item.fileProblems = ['inDsp'];
        }
      }
      abort.signal.throwIfAborted();
    }
    item.status = ctx.readiness(item);
    if (item.status === 'ready' && item.sendRequested) {
      item.status = 'waiting';
      ctx.listener.resumable(item);
    }
  } catch (error) {
    if (abort.signal.aborted) {
      // The user's cancel keeps the row, to be checked again; a removal from the page, as is.
      if (!isDetached(abort.signal)) item.status = 'cancelled';
      return;
    }
    // The file could not be read (moved or deleted since it was chosen).
    item.error = error;
    item.status = 'failed';
  } finally {
    if (item.abort === abort) item.abort = undefined;
    ctx.host.requestUpdate();
  }
}

/**
 * Reads a CDA's header with the preview's reader, loaded now: a document it will not read, or
 * one about another patient, is refused; else its format code is kept for sending and its
 * header fills the fields neither the host nor the user has given.
 */
async function readCda(
  item: UploadItem,
  ctx: QueueContext,
  given: ReadonlySet<string> | undefined,
): Promise<void> {
  const cda = await import('./cda-intake.js');
  cda.install(cdaKit);
  const intake = await cda.readCda(item.file, CONTENT_LANGUAGES);
  if ('problem' in intake) {
    item.fileProblems = [intake.problem];
    return;
  }
  const record = await ctx.options().patientIdentifiers();
  const match = record ? cda.patientMatch(intake.patientIds, record) : 'unknown';
  if (match === 'other') {
    item.fileProblems = ['otherPatient'];
    return;
  }
  item.patientUnconfirmed = match === 'unknown';
  item.format = intake.format;
  if (!given) return;
  const edited = item.edited ?? [];
  const { patientMode } = ctx.options();
  const prefill = Object.fromEntries(
    Object.entries(intake.metadata).filter(
      ([key]) =>
        !given.has(key) &&
        !edited.includes(METADATA_FIELD[key as keyof UploadMetadata]) &&
        // A patient's document has one type, fixed.
        !(patientMode && key === 'typeCode'),
    ),
  ) as Partial<UploadMetadata>;
  item.metadata = { ...item.metadata, ...prefill };
  item.prefilled = Object.keys(prefill) as (keyof UploadMetadata)[];
  ctx.persist(item);
}
