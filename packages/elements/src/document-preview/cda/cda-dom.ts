// Small readers of a parsed CDA: children in the v3 namespace by path, attributes, texts, HL7
// timestamps and coded values, so the header and the narrative read the document one way.
/**
 * The namespace of every CDA R2 element (`cda-recognize.ts` spells it too: the preview's first
 * load must not share a module with the renderer's chunk).
 */
export const CDA_NAMESPACE = 'urn:hl7-org:v3';

/** The child elements of `parent` in the CDA namespace named `name`. */
export function childrenOf(parent: Element | undefined, name: string): Element[] {
  const found: Element[] = [];
  if (!parent) return found;
  for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
    if (child.localName === name && child.namespaceURI === CDA_NAMESPACE) found.push(child);
  }
  return found;
}

/** The first element at the end of a path of child names, e.g. `at(doc, 'recordTarget', 'patientRole')`. */
export function at(parent: Element | undefined, ...path: string[]): Element | undefined {
  let element = parent;
  for (const name of path) element = childrenOf(element, name)[0];
  return element;
}

/** Every element at the end of a path of child names. */
export function all(parent: Element | undefined, ...path: string[]): Element[] {
  let elements = parent ? [parent] : [];
  for (const name of path) elements = elements.flatMap((element) => childrenOf(element, name));
  return elements;
}

/** An attribute's value, undefined when absent or blank. */
export function attr(element: Element | undefined, name: string): string | undefined {
  const value = element?.getAttribute(name)?.trim();
  return value === '' ? undefined : value;
}

/** An element's text with its white space collapsed, undefined when empty. */
export function textOf(element: Element | undefined): string | undefined {
  const value = element?.textContent.replace(/\s+/g, ' ').trim();
  return value === '' ? undefined : value;
}

/**
 * A person's or organisation's name (`PN`, `ON`) as one line: prefixes, given names, family name,
 * suffixes. Where parts carry qualifiers (French documents give the birth name `BR` and the used
 * name `CL` side by side), the unqualified parts are taken, else the first of each kind.
 */
export function nameOf(name: Element | undefined): string | undefined {
  if (!name) return undefined;
  if (!name.firstElementChild) return textOf(name);
  const parts = (kind: string, single: boolean) => {
    const found = childrenOf(name, kind);
    const plain = found.filter((part) => !part.hasAttribute('qualifier'));
    const chosen = plain.length > 0 ? plain : found.slice(0, 1);
    return (single ? chosen.slice(0, 1) : chosen).map((part) => textOf(part));
  };
  const line = [
    ...parts('prefix', false),
    ...parts('given', false),
    ...parts('family', true),
    ...parts('suffix', false),
  ].filter((part) => part !== undefined);
  return line.length > 0 ? line.join(' ') : textOf(name);
}

/**
 * An HL7 timestamp (`TS`: `YYYYMMDDHHMMSS.UUUU[+|-ZZzz]`, any precision down to the year) as
 * ISO 8601 (`2024-01-15`, `2024-01-15T14:30:00+01:00`); undefined when it is not one.
 */
export function isoTime(value: string | undefined): string | undefined {
  const match = /^(\d{4})(\d{2})?(\d{2})?(?:(\d{2})(\d{2})?(\d{2})?(?:\.\d+)?)?([+-]\d{4})?$/.exec(
    value?.trim() ?? '',
  );
  if (!match) return undefined;
  const [, year = '', month, day, hour, minute, second, zone] = match;
  let iso = year;
  if (month) iso += `-${month}`;
  if (month && day) iso += `-${day}`;
  if (day && hour) {
    iso += `T${hour}:${minute ?? '00'}:${second ?? '00'}`;
    if (zone) iso += `${zone.slice(0, 3)}:${zone.slice(3)}`;
  }
  return iso;
}

/** A coded value (`CD`/`CE`): code, code system and display name. */
export interface CdaCode {
  readonly code?: string;
  readonly codeSystem?: string;
  readonly displayName?: string;
}

export function codeOf(element: Element | undefined): CdaCode | undefined {
  if (!element) return undefined;
  const code = {
    code: attr(element, 'code'),
    codeSystem: attr(element, 'codeSystem'),
    displayName: attr(element, 'displayName') ?? textOf(at(element, 'originalText')),
  };
  return code.code || code.displayName ? code : undefined;
}

/** A time interval (`IVL_TS`): `low`/`high`, or a single `value`. */
export interface CdaPeriod {
  readonly start?: string;
  readonly end?: string;
}

export function periodOf(element: Element | undefined): CdaPeriod | undefined {
  if (!element) return undefined;
  const value = isoTime(attr(element, 'value'));
  const start = value ?? isoTime(attr(at(element, 'low'), 'value'));
  const end = isoTime(attr(at(element, 'high'), 'value'));
  return start || end ? { start, end } : undefined;
}
