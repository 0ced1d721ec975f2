// Reads a CDA level-3 patient summary (eHDSI/epSOS, IHE PCC or IPS-shaped) with the CDA
// renderer's parser and readers: each section by its LOINC code, its narrative block as it is,
// its entries as lines where it has none, and "none recorded" or "no information" from its
// `nullFlavor` or its entries' absent-or-unknown codes.
import {
  all,
  at,
  attr,
  CDA_NAMESPACE,
  codeOf,
  nameOf,
  textOf,
} from '../document-preview/cda/cda-dom.js';
import { readCdaHeader } from '../document-preview/cda/cda-header.js';
import { parseCda } from '../document-preview/cda/cda-parse.js';
import type { ReadSummary, SummarySection } from './summary-model.js';
import {
  absentKindOf,
  emptyKindOfEntries,
  LOINC_OID,
  sectionKindOf,
  type EmptyKind,
} from './summary-sections.js';

/** The clinical statements an entry holds, each read for its coded meaning. */
const STATEMENTS = new Set([
  'observation',
  'act',
  'substanceAdministration',
  'supply',
  'procedure',
  'encounter',
  'organizer',
]);

/** The statements in an entry, depth first (an allergy concern act holds its observation). */
function statementsOf(entry: Element): Element[] {
  return [...entry.getElementsByTagNameNS(CDA_NAMESPACE, '*')].filter((element) =>
    STATEMENTS.has(element.localName),
  );
}

/** What an entry says when it stands for "none" or "not known" (by its `code` or `value`). */
function entryEmptyKind(entry: Element): EmptyKind | undefined {
  for (const statement of statementsOf(entry)) {
    for (const coded of [at(statement, 'code'), at(statement, 'value')]) {
      const kind = absentKindOf(attr(coded, 'codeSystem'), attr(coded, 'code'));
      if (kind) return kind;
    }
  }
  return undefined;
}

/** An entry as one line: the first coded meaning its statements name, with its time. */
function entryLine(entry: Element): string | undefined {
  for (const statement of statementsOf(entry)) {
    const material =
      at(statement, 'consumable', 'manufacturedProduct', 'manufacturedMaterial') ??
      at(statement, 'participant', 'participantRole', 'playingEntity') ??
      at(statement, 'participant', 'participantRole', 'playingDevice');
    const name =
      codeOf(at(material, 'code'))?.displayName ??
      textOf(at(material, 'name')) ??
      codeOf(at(statement, 'value'))?.displayName ??
      codeOf(at(statement, 'code'))?.displayName ??
      textOf(at(statement, 'text'));
    if (name) return name;
  }
  return undefined;
}

/** A section's own author, if it names one. */
function sectionAuthor(section: Element): string | undefined {
  const author = at(section, 'author', 'assignedAuthor');
  return (
    nameOf(at(author, 'assignedPerson', 'name')) ??
    textOf(at(author, 'representedOrganization', 'name'))
  );
}

function readSection(section: Element): SummarySection {
  const coded = at(section, 'code');
  // A section coded in another system is one of the others, whatever its code.
  const system = attr(coded, 'codeSystem');
  const code = system === undefined || system === LOINC_OID ? attr(coded, 'code') : undefined;
  const entries = all(section, 'entry');
  const flavor = attr(section, 'nullFlavor');
  const narrative = at(section, 'text');
  const empty: EmptyKind | undefined = flavor
    ? 'no-information'
    : emptyKindOfEntries(entries.map(entryEmptyKind));
  return {
    kind: sectionKindOf(code),
    code,
    title: textOf(at(section, 'title')) ?? codeOf(coded)?.displayName,
    narrative: narrative && narrative.childNodes.length > 0 ? narrative : undefined,
    entries: entries.map(entryLine).filter((line): line is string => line !== undefined),
    empty,
    author: sectionAuthor(section),
  };
}

/** Reads a CDA patient summary from its text, or throws the `CdaParseError` that says why not. */
export function readCdaSummary(text: string): ReadSummary {
  const document = parseCda(text);
  const header = readCdaHeader(document);
  const root = document.documentElement;
  const sections: SummarySection[] = [];
  const walk = (parents: readonly Element[]) => {
    for (const section of parents) {
      sections.push(readSection(section));
      walk(all(section, 'component', 'section'));
    }
  };
  walk(all(root, 'component', 'structuredBody', 'component', 'section'));
  const ids = new Set<string>();
  for (const narrative of document.getElementsByTagNameNS(CDA_NAMESPACE, 'text')) {
    for (const node of narrative.querySelectorAll('[ID]')) ids.add(node.getAttribute('ID') ?? '');
  }
  return {
    format: 'cda',
    title: header.title,
    date: header.effectiveTime,
    authors: header.authors
      .map((author) => author.person ?? author.organization)
      .filter((name): name is string => name !== undefined),
    sections,
    ids,
  };
}
