// A document's two dates: the clinical one (when the act took place), which readers date it by,
// and its filing (`DocumentReference.date`), shown apart when it falls on another day.
import type { DocumentReference } from '@dsp-kit/fhir';

/**
 * A FHIR date or dateTime as a time. A date without a time (`2024-03-10`, `2024-03`, `2024`) is
 * a day of the reader's calendar, so it starts at local midnight, not at midnight UTC, which
 * would put it on the previous day west of Greenwich.
 */
export function timeOf(value: string): number {
  const day = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!day) return Date.parse(value);
  const [, year, month = '01', date = '01'] = day;
  return new Date(Number(year), Number(month) - 1, Number(date)).getTime();
}

/**
 * When the act the document reports on took place: its service period's start, else when its
 * content was written (`attachment.creation`), else when it was filed (`date`). A document is
 * often filed long after the act (a scanned report, a late upload): readers look for the act.
 */
export function clinicalDate(document: DocumentReference): string | undefined {
  return [
    document.context?.period?.start,
    document.content[0]?.attachment.creation,
    document.date,
  ].find((value) => value !== undefined && !Number.isNaN(timeOf(value)));
}

/** The local day of a time, to compare two dates by their day. */
function localDay(time: number): string {
  const date = new Date(time);
  return `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;
}

/**
 * The filing date when it says something the clinical date does not: it falls on another day
 * than the act (at `clinicalTime`); undefined when either is unknown.
 */
export function filedApart(document: DocumentReference, clinicalTime: number): string | undefined {
  const filed = document.date === undefined ? Number.NaN : Date.parse(document.date);
  return !Number.isNaN(filed) &&
    Number.isFinite(clinicalTime) &&
    localDay(filed) !== localDay(clinicalTime)
    ? document.date
    : undefined;
}
