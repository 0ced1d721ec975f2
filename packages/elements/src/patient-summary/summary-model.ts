// What the card shows of a patient summary, whatever its format: its sections, each with its
// narrative (a CDA narrative block, or a FHIR narrative turned into one) or its entries as lines,
// and what an empty section says.
import type { EmptyKind, SectionKind } from './summary-sections.js';

export interface SummarySection {
  /** The section's kind when it is one the card shows first; undefined for the others. */
  readonly kind: SectionKind | undefined;
  /** Its LOINC code. */
  readonly code: string | undefined;
  /** Its title in the document. */
  readonly title: string | undefined;
  /**
   * Its narrative as a CDA narrative block (`<text>` in the v3 namespace), rendered by the CDA
   * renderer's safe narrative code; undefined when the section has none.
   */
  readonly narrative: Element | undefined;
  /** Its entries as lines of text, shown where the narrative is missing. */
  readonly entries: readonly string[];
  /** Set when the section has no clinical entry: none recorded, or no information. */
  readonly empty: EmptyKind | undefined;
  /** The section's own author, where the document names one apart from its own. */
  readonly author: string | undefined;
}

export interface ReadSummary {
  readonly format: 'cda' | 'fhir';
  readonly title: string | undefined;
  /** When the summary was written (ISO 8601). */
  readonly date: string | undefined;
  /** Who wrote it, as a line. */
  readonly authors: readonly string[];
  readonly sections: readonly SummarySection[];
  /** Every `ID` of the narratives, so that in-document links and footnotes resolve. */
  readonly ids: ReadonlySet<string>;
}

/** Why a summary's content cannot be shown. */
export type SummaryProblem = 'format' | 'malformed' | 'not-summary' | 'unsafe' | 'too-large';

/** A summary the card cannot read; `problem` says why, in words for developers in `message`. */
export class SummaryReadError extends Error {
  override readonly name = 'SummaryReadError';

  constructor(
    readonly problem: SummaryProblem,
    message: string,
  ) {
    super(message);
  }
}
