// What a profile says of a Reference's target: that it be contained (`aggregation`), and of
// which resource types it may be (`targetProfile` naming base types).
import type { ElementDefinition } from '@medplum/fhirtypes';
import { CORE_PROFILE } from './definitions.js';
import { isObject, resourceType, type Located } from './instance-values.js';
import type { ProfileIssue } from './profile-validator.js';

/** A non-contained Reference where the element's aggregation allows only contained ones. */
export function aggregationIssues(element: ElementDefinition, at: Located): ProfileIssue[] {
  const reference = isObject(at.value) ? at.value.reference : undefined;
  if (typeof reference !== 'string' || reference.startsWith('#')) return [];
  const containedOnly = (element.type ?? []).some(
    (type) =>
      type.code === 'Reference' &&
      (type.aggregation?.every((mode) => mode === 'contained') ?? false),
  );
  if (!containedOnly) return [];
  return [
    {
      path: at.path,
      message: `must reference a contained resource ("#id"), as its aggregation is contained; got "${reference}"`,
    },
  ];
}

/** The resource type a reference names: `Type/id`, a RESTful URL, or a contained `#id`. */
function referencedType(at: Located): string | undefined {
  const reference = isObject(at.value) ? at.value.reference : undefined;
  if (typeof reference !== 'string') return undefined;
  if (reference.startsWith('#')) {
    const contained = at.resource?.contained;
    const found: unknown = Array.isArray(contained)
      ? contained.find((r: unknown) => isObject(r) && r.id === reference.slice(1))
      : undefined;
    return resourceType(found);
  }
  return /(?:^|\/)([A-Z][A-Za-z]+)\/[A-Za-z0-9\-.]{1,64}$/.exec(reference)?.[1];
}

/**
 * A Reference to a resource of a type its element does not allow (`subject only
 * Reference(Patient)`). Targets named by a profile other than a base type, and references
 * whose type cannot be read (a `urn:uuid:`), are left alone.
 */
export function targetIssues(element: ElementDefinition, at: Located): ProfileIssue[] {
  const targets = (element.type ?? [])
    .filter((type) => type.code === 'Reference')
    .flatMap((type) => type.targetProfile ?? []);
  if (targets.length === 0 || !targets.every((t) => t.startsWith(CORE_PROFILE))) return [];
  const allowed = targets.map((t) => t.slice(CORE_PROFILE.length));
  const actual = referencedType(at);
  if (!actual || allowed.includes(actual) || allowed.includes('Resource')) return [];
  return [{ path: at.path, message: `must reference a ${allowed.join(' or ')}, not a ${actual}` }];
}
