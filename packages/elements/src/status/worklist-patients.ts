// A worklist's patients as the host gives them (ids, or ids with the names the host knows them by)
// read into ids to ask about and names to show.

/** A worklist's patient with the name the host knows them by. */
export interface WorklistPatient {
  /** A FHIR id or `Patient/<id>`. */
  readonly id: string;
  /** The name the host shows for this patient; the row shows it rather than the server's. */
  readonly name?: string | undefined;
}

/** A worklist's patients, read: the ids in order, or the first entry with no id. */
export type WorklistEntries =
  | {
      readonly ok: true;
      readonly ids: readonly string[];
      readonly names: readonly (string | undefined)[];
    }
  | {
      readonly ok: false;
      /** 1-based, as the user counts. */
      readonly position: number;
      /** The entry as the host gave it, for the message. */
      readonly given: string;
    };

/** An entry as the error message names it: its name when it has one. */
function entryText(entry: unknown): string {
  if (entry && typeof entry === 'object' && 'name' in entry && typeof entry.name === 'string') {
    return entry.name;
  }
  return entry === undefined ? 'undefined' : JSON.stringify(entry);
}

/** The ids and names of `entries`, or where the first entry without an id is. */
export function readWorklist(entries: readonly (string | WorklistPatient)[]): WorklistEntries {
  const ids: string[] = [];
  const names: (string | undefined)[] = [];
  for (const [index, entry] of entries.entries()) {
    // A host in plain JavaScript may pass anything: a number, null, an entry without an id.
    const raw: unknown = typeof entry === 'string' ? entry : (entry as WorklistPatient | null)?.id;
    const id = typeof raw === 'string' ? raw.trim().replace(/^Patient\//, '') : '';
    if (!id) return { ok: false, position: index + 1, given: entryText(entry) };
    const name =
      typeof entry === 'object' && typeof entry.name === 'string' ? entry.name.trim() : undefined;
    ids.push(id);
    names.push(name === '' ? undefined : name);
  }
  return { ok: true, ids, names };
}
