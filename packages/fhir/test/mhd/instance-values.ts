// Reads a FHIR JSON instance along StructureDefinition element names, and compares what it finds
// with an element's fixed or pattern value, as FHIR's profiling rules define them.
import type { ElementDefinition } from '@medplum/fhirtypes';

/** A value in the instance and its FHIRPath-like location (`Bundle.entry[0].resource`). */
export interface Located {
  value: unknown;
  path: string;
  /** For a choice element (`value[x]`), the type its JSON name says, capitalized (`String`). */
  type?: string;
  /** The nearest resource holding the value (where a `#id` reference is looked up). */
  resource?: Record<string, unknown>;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A type name as a choice element's JSON key spells it (`string` → `String`). */
export function capitalize(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** The resource type of a JSON value, if it is a resource. */
export function resourceType(value: unknown): string | undefined {
  return isObject(value) && typeof value.resourceType === 'string' ? value.resourceType : undefined;
}

function spread(value: unknown, path: string, parent: Located, type?: string): Located[] {
  if (value === undefined) return [];
  const resource =
    isObject(parent.value) && 'resourceType' in parent.value ? parent.value : parent.resource;
  if (Array.isArray(value)) {
    return value.map((item: unknown, index) => ({
      value: item,
      path: `${path}[${index}]`,
      type,
      resource,
    }));
  }
  return [{ value, path, type, resource }];
}

/**
 * The values of the element `name` of `parent`, one per array item. A choice name (`value[x]`)
 * takes every JSON property spelled `value` + a type name, whichever type it names.
 */
export function childValues(parent: Located, name: string): Located[] {
  if (!isObject(parent.value)) return [];
  const object = parent.value;
  if (!name.endsWith('[x]')) return spread(object[name], `${parent.path}.${name}`, parent);
  const stem = name.slice(0, -3);
  return Object.keys(object)
    .filter((key) => key.startsWith(stem) && /^[A-Z]/.test(key.slice(stem.length)))
    .flatMap((key) => spread(object[key], `${parent.path}.${key}`, parent, key.slice(stem.length)));
}

/** The values at a dotted `path` below `from` (`request.method`); `$this` is `from` itself. */
export function valuesAt(from: Located, path: string): Located[] {
  if (path === '$this') return [from];
  return path
    .split('.')
    .reduce<Located[]>((found, name) => found.flatMap((v) => childValues(v, name)), [from]);
}

/** The element's `fixed[x]` or `pattern[x]` value, with which of the two it is. */
export function specifiedValue(
  element: ElementDefinition,
): { kind: 'fixed' | 'pattern'; value: unknown } | undefined {
  for (const [key, value] of Object.entries(element)) {
    if (key.startsWith('fixed')) return { kind: 'fixed', value };
    if (key.startsWith('pattern')) return { kind: 'pattern', value };
  }
  return undefined;
}

/** FHIR's `fixed[x]`: exactly equal. */
export function equalsFixed(value: unknown, fixed: unknown): boolean {
  if (Array.isArray(fixed)) {
    return (
      Array.isArray(value) &&
      value.length === fixed.length &&
      fixed.every((item: unknown, i) => equalsFixed(value[i], item))
    );
  }
  if (isObject(fixed)) {
    if (!isObject(value)) return false;
    const keys = new Set([...Object.keys(fixed), ...Object.keys(value)]);
    return [...keys].every((key) => equalsFixed(value[key], fixed[key]));
  }
  return value === fixed;
}

/**
 * FHIR's `pattern[x]`: every property the pattern has, the value has with the same content; an
 * array in the pattern is met when each of its items is met by some item of the value's array.
 */
export function meetsPattern(value: unknown, pattern: unknown): boolean {
  if (Array.isArray(pattern)) {
    return (
      Array.isArray(value) &&
      pattern.every((wanted: unknown) => value.some((item: unknown) => meetsPattern(item, wanted)))
    );
  }
  if (isObject(pattern)) {
    return (
      isObject(value) && Object.entries(pattern).every(([key, p]) => meetsPattern(value[key], p))
    );
  }
  return value === pattern;
}

/** Whether `value` has the element's fixed or pattern value (true when it specifies none). */
export function hasSpecifiedValue(value: unknown, element: ElementDefinition): boolean {
  const specified = specifiedValue(element);
  if (!specified) return true;
  return specified.kind === 'fixed'
    ? equalsFixed(value, specified.value)
    : meetsPattern(value, specified.value);
}
