// The OperationOutcome entry a search adds when the rules withheld some of its matches: that they
// exist and how many, by reason, never which ones (no id, title, type nor date).
import { OUTCOME_SYSTEM, WITHHELD_BY_PROFESSION, WITHHELD_COUNT_EXTENSION } from '@dsp-kit/fhir';
import type { OperationOutcome } from '@medplum/fhirtypes';

/** The reasons a search announces: the profession matrix, which the professional knows anyway. */
export type WithheldReason = typeof WITHHELD_BY_PROFESSION;

const sentences: Record<WithheldReason, (count: number) => string> = {
  [WITHHELD_BY_PROFESSION]: (count) =>
    count === 1
      ? '1 document ne vous est pas montré : votre profession n’a pas accès à son type.'
      : `${count} documents ne vous sont pas montrés : votre profession n’a pas accès à leur type.`,
};

/**
 * The OperationOutcome a searchset carries (as its `search.mode = outcome` entry, FHIR R4 Bundle)
 * saying how many matches each reason withheld, or undefined when none was. A count says a little (that the record holds
 * documents the caller cannot read), which is what the caller must know to look elsewhere; what
 * those documents are stays unsaid. The severity is `information` and the code `suppressed`, the
 * FHIR issue type for results left out by business, consent or privacy rules.
 */
export function withheldOutcome(
  counts: ReadonlyMap<WithheldReason, number>,
): OperationOutcome | undefined {
  const issue: OperationOutcome['issue'] = [...counts]
    .filter(([, count]) => count > 0)
    .map(([reason, count]) => ({
      severity: 'information',
      code: 'suppressed',
      details: {
        coding: [{ system: OUTCOME_SYSTEM, code: reason }],
        text: sentences[reason](count),
      },
      extension: [{ url: WITHHELD_COUNT_EXTENSION, valueUnsignedInt: count }],
    }));
  return issue.length === 0 ? undefined : { resourceType: 'OperationOutcome', issue };
}
