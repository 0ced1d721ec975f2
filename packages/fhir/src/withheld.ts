// What a search says it did not return: the `suppressed` issues of the OperationOutcome a server
// adds to a searchset (an entry with `search.mode = outcome`, FHIR R4 Bundle), and the mark of a
// document the patient masked. Both say that something is withheld, never what.
import { DSP_SECURITY_SYSTEM, OUTCOME_SYSTEM } from './vocabulary.js';

/** Reason code (in `OUTCOME_SYSTEM`): the caller's profession may not read these documents' types. */
export const WITHHELD_BY_PROFESSION = 'withheld-profession';
/** Extension on the issue: how many documents of the search it withholds (`valueUnsignedInt`). */
export const WITHHELD_COUNT_EXTENSION =
  'https://dsp-kit.org/fhir/StructureDefinition/withheld-count';
/**
 * The label a server adds, in what it returns, to a document the patient masked from
 * professionals, for those who see it nonetheless (the médecin référent, a full grant, the
 * patient). Not stored on the document: the mask is the patient's Consent.
 */
export const MASKED_BY_PATIENT_LABEL = {
  system: DSP_SECURITY_SYSTEM,
  code: 'masked-by-patient',
} as const;

/** Documents a search did not return, as the server says it. */
export interface WithheldDocuments {
  /** The reason, a code of the kit's `dsp-outcome` system, when the server gives one. */
  readonly reason: string | undefined;
  /** How many, when the server says. */
  readonly count: number | undefined;
  /** The server's own sentence, when it gives one. */
  readonly text: string | undefined;
}

type Loose = Record<string, unknown>;

function isObject(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function withheldOf(issue: Loose): WithheldDocuments {
  const details = isObject(issue.details) ? issue.details : {};
  const reason = list(details.coding).find(
    (c): c is Loose => isObject(c) && c.system === OUTCOME_SYSTEM && typeof c.code === 'string',
  )?.code as string | undefined;
  const count = list(issue.extension).find(
    (e): e is Loose => isObject(e) && e.url === WITHHELD_COUNT_EXTENSION,
  )?.valueUnsignedInt;
  const text = [details.text, issue.diagnostics].find((t) => typeof t === 'string');
  return {
    reason,
    count:
      typeof count === 'number' && Number.isSafeInteger(count) && count >= 0 ? count : undefined,
    text,
  };
}

/**
 * The `suppressed` issues of a searchset's outcome entries. Outcome entries only inform: one the
 * kit does not understand is passed over, never an error that would hide the documents found.
 */
export function readWithheld(bundle: unknown): WithheldDocuments[] {
  if (!isObject(bundle)) return [];
  return list(bundle.entry).flatMap((entry) => {
    if (!isObject(entry) || !isObject(entry.search) || entry.search.mode !== 'outcome') return [];
    const outcome = entry.resource;
    if (!isObject(outcome) || outcome.resourceType !== 'OperationOutcome') return [];
    return list(outcome.issue)
      .filter((issue): issue is Loose => isObject(issue) && issue.code === 'suppressed')
      .map(withheldOf);
  });
}
