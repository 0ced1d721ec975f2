// Which of a patient's summaries the card shows: the most recent current one, never one another
// document of the list replaces (a server that still lists a superseded document, or a replaced
// one whose status was not updated yet, must not put an out-of-date summary before a doctor).
import type { DocumentReference } from '@dsp-kit/fhir';

/** The time a summary stands for: its `date`, else when its content was made. */
function timeOf(document: DocumentReference): number {
  const value = document.date ?? document.content[0]?.attachment.creation;
  const time = value ? Date.parse(value) : Number.NaN;
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}

/** The ids of the documents that documents of the list say they replace (`relatesTo` `replaces`). */
function replacedIds(documents: readonly DocumentReference[]): Set<string> {
  const replaced = new Set<string>();
  for (const document of documents) {
    for (const relation of document.relatesTo ?? []) {
      const reference = relation.target.reference;
      if (relation.code === 'replaces' && reference) {
        replaced.add(reference.replace(/^.*DocumentReference\//, ''));
      }
    }
  }
  return replaced;
}

/**
 * The summary to show among `documents` (a search of the patient's summaries): current, not
 * replaced by another of the list, the most recent by date; undefined when there is none.
 */
export function chooseSummary(
  documents: readonly DocumentReference[],
): DocumentReference | undefined {
  const replaced = replacedIds(documents);
  let chosen: DocumentReference | undefined;
  for (const document of documents) {
    if (document.status !== 'current') continue;
    if (document.id !== undefined && replaced.has(document.id)) continue;
    if (!chosen || timeOf(document) > timeOf(chosen)) chosen = document;
  }
  return chosen;
}

/** Whether a summary dated `date` is older than `months` months at `now`. */
export function isStale(
  date: string | undefined,
  months: number,
  now: number = Date.now(),
): boolean {
  if (!date || !(months > 0)) return false;
  const time = Date.parse(date);
  if (Number.isNaN(time)) return false;
  const limit = new Date(now);
  limit.setMonth(limit.getMonth() - months);
  return time < limit.getTime();
}
