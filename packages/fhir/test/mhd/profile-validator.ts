// Checks a resource against an IHE MHD profile from IHE's own StructureDefinitions: @medplum/core's
// validator judges what it can read in a snapshot (cardinalities, fixed and pattern values,
// invariants, unknown properties), and this module the rest, from the same definitions: slices,
// the profiles an element or a slice names, reference rules and MHD's required value sets.
import '../fhir-r4.js';
import type {
  ElementDefinition,
  OperationOutcomeIssue,
  Resource,
  StructureDefinition,
} from '@medplum/fhirtypes';
import { CORE_PROFILE, structureDefinitions } from './definitions.js';
import { descendant, elementTree, type ElementNode } from './element-tree.js';
import {
  capitalize,
  childValues,
  hasSpecifiedValue,
  isObject,
  resourceType,
  specifiedValue,
  valuesAt,
  type Located,
} from './instance-values.js';
import { aggregationIssues, targetIssues } from './references.js';
import { inValueSet, requiredCodes } from './value-sets.js';

// Imported after fhir-r4.js, which gives it the base R4 definitions (and a WebSocket stand-in).
const core = await import('@medplum/core');

/** One way an instance falls short of a profile. */
export interface ProfileIssue {
  /** Where, as a FHIRPath-like location (`Bundle.entry[0].resource.extension`). */
  path: string;
  message: string;
}

function profilesOf(element: ElementDefinition | undefined): string[] {
  return (element?.type ?? []).flatMap((type) => type.profile ?? []);
}

// --- @medplum/core's part -----------------------------------------------------------------------

const unslicedCache = new Map<string, StructureDefinition>();

/**
 * The profile without its slices. @medplum/core 5 matches a slice only on a discriminator the
 * slice itself fixes (not one fixed by the slice's type profile, as every extension slice is),
 * refuses `profile` discriminators, and never checks a value against its slice; so slices are
 * this module's to judge, and the validator sees the sliced element with its own cardinality.
 */
function unsliced(sd: StructureDefinition): StructureDefinition {
  let found = unslicedCache.get(sd.url);
  if (!found) {
    const element = (sd.snapshot?.element ?? [])
      .filter((e) => !(e.id ?? '').includes(':'))
      .map(({ slicing: _slicing, ...rest }) => rest);
    found = { ...sd, snapshot: { element } };
    unslicedCache.set(sd.url, found);
  }
  return found;
}

function medplumIssues(at: Located, sd: StructureDefinition): ProfileIssue[] {
  const type = sd.type;
  try {
    core.validateTypedValue({ type, value: at.value }, { profile: unsliced(sd) });
    return [];
  } catch (error) {
    if (!(error instanceof core.OperationOutcomeError)) throw error;
    const issues: OperationOutcomeIssue[] = error.outcome.issue;
    return issues
      .filter((issue) => issue.severity === 'error' || issue.severity === 'fatal')
      .map((issue) => {
        const where = issue.expression?.[0] ?? type;
        const path = where.startsWith(type) ? at.path + where.slice(type.length) : where;
        return { path, message: issue.details?.text ?? issue.diagnostics ?? issue.code };
      });
  }
}

// --- slices -------------------------------------------------------------------------------------

/**
 * The element a `value` discriminator reads in `slice`: the slice's own, when it fixes or binds
 * it, else the one of the profile the slice's type names (an extension's `url`, an
 * identifier profile's `type`), as FHIR's profiling rules resolve a discriminator path.
 */
function discriminatorElement(slice: ElementNode, path: string): ElementDefinition | undefined {
  const own = descendant(slice, path)?.element;
  if (own && (specifiedValue(own) || own.binding)) return own;
  for (const profile of profilesOf(slice.element)) {
    const sd = structureDefinitions.get(profile);
    const typed = sd ? descendant(elementTree(sd), path)?.element : undefined;
    if (typed && (specifiedValue(typed) || typed.binding)) return typed;
  }
  return own;
}

function matchesDiscriminator(
  at: Located,
  slice: ElementNode,
  discriminator: { type: string; path: string },
): boolean {
  const actual = valuesAt(at, discriminator.path);
  switch (discriminator.type) {
    case 'value':
    case 'pattern': {
      const expected = discriminatorElement(slice, discriminator.path);
      // A slice that says nothing of the discriminator's element takes any value of it (the
      // ProvideBundle's Documents slice leaves request.method open).
      if (!expected) return true;
      if (specifiedValue(expected)) return actual.some((a) => hasSpecifiedValue(a.value, expected));
      const codes = requiredCodes(expected);
      return codes ? actual.some((a) => inValueSet(a.value, codes)) : true;
    }
    case 'profile': {
      const profiles = profilesOf(descendant(slice, discriminator.path)?.element);
      return actual.some((a) => profiles.some((p) => conformance(a, p).length === 0));
    }
    case 'type': {
      // A resource's type is its resourceType; a choice value's, the name its JSON key ends in.
      const types = (descendant(slice, discriminator.path)?.element.type ?? []).map((t) =>
        capitalize(t.code),
      );
      return actual.some((a) => types.includes(capitalize(resourceType(a.value) ?? a.type ?? '')));
    }
    case 'exists': {
      // Present where the slice requires the element, absent where it forbids it.
      const element = descendant(slice, discriminator.path)?.element;
      if (element?.max === '0') return actual.length === 0;
      return (element?.min ?? 0) > 0 ? actual.length > 0 : true;
    }
    default:
      throw new Error(`Discriminator type ${discriminator.type} is not supported`);
  }
}

/**
 * Why `at`, of a resource type some slice's profile discriminator accepts, is not that slice's:
 * its issues against each such profile (for a List entry of a Provide bundle: why it is not a
 * Comprehensive SubmissionSet).
 */
function nearMisses(at: Located, sliced: ElementNode): ProfileIssue[] {
  const discriminators = sliced.element.slicing?.discriminator ?? [];
  return sliced.slices.flatMap((slice) =>
    discriminators
      .filter((d) => d.type === 'profile')
      .flatMap((d) =>
        valuesAt(at, d.path).flatMap((value) =>
          profilesOf(descendant(slice, d.path)?.element)
            .filter((p) => structureDefinitions.get(p)?.type === resourceType(value.value))
            .flatMap((p) =>
              conformance(value, p).map((issue) => ({
                path: issue.path,
                message: `${issue.message} (so not ${sliced.element.path}:${slice.name}, ${p.slice(p.lastIndexOf('/') + 1)})`,
              })),
            ),
        ),
      ),
  );
}

function sliceIssues(sliced: ElementNode, values: Located[], where: string): ProfileIssue[] {
  const slicing = sliced.element.slicing;
  if (!slicing || sliced.slices.length === 0) return [];
  const discriminators = (slicing.discriminator ?? []).map((d) => ({
    type: d.type,
    path: d.path,
  }));
  const members = new Map<ElementNode, Located[]>(sliced.slices.map((s) => [s, []]));
  const issues: ProfileIssue[] = [];
  for (const at of values) {
    // A value belongs to the first slice whose discriminators it meets.
    const slice = sliced.slices.find((s) =>
      discriminators.every((d) => matchesDiscriminator(at, s, d)),
    );
    if (slice) members.get(slice)?.push(at);
    else if (slicing.rules === 'closed') {
      issues.push({
        path: at.path,
        message: `matches none of the slices of ${sliced.element.id ?? ''} (${sliced.slices.map((s) => s.name).join(', ')}), and the slicing is closed`,
      });
      issues.push(...nearMisses(at, sliced));
    }
  }
  for (const [slice, found] of members) {
    const { min = 0, max = '*' } = slice.element;
    if (found.length < min || (max !== '*' && found.length > Number(max))) {
      issues.push({
        path: where,
        message: `slice ${slice.name} needs ${min}..${max} values, found ${found.length}`,
      });
    }
    for (const at of found)
      issues.push(...elementValueIssues(slice, at, true), ...childIssues(slice, at, true));
  }
  return issues;
}

// --- elements -----------------------------------------------------------------------------------

/** The checks on one value of an element: its type's profile, aggregation, required binding. */
function elementValueIssues(node: ElementNode, at: Located, inSlice: boolean): ProfileIssue[] {
  const element = node.element;
  const issues: ProfileIssue[] = [];
  if (inSlice && !hasSpecifiedValue(at.value, element)) {
    const specified = specifiedValue(element);
    issues.push({
      path: at.path,
      message: `must have the ${specified?.kind ?? ''} value ${JSON.stringify(specified?.value)}`,
    });
  }
  const profiles = profilesOf(element);
  if (profiles.length > 0) {
    const results = profiles.map((profile) => conformance(at, profile));
    if (!results.some((r) => r.length === 0)) {
      if (results.length > 1) {
        issues.push({ path: at.path, message: `conforms to none of ${profiles.join(', ')}` });
      }
      issues.push(...(results[0] ?? []));
    }
  }
  issues.push(...aggregationIssues(element, at), ...targetIssues(element, at));
  const codes = requiredCodes(element);
  if (codes && !inValueSet(at.value, codes)) {
    issues.push({
      path: at.path,
      message: `is not in the required value set ${element.binding?.valueSet ?? ''}`,
    });
  }
  return issues;
}

/**
 * The checks on an element's values in the parent `at`. Inside a slice the cardinality and the
 * fixed values are checked here too, since @medplum/core never reads a slice's elements.
 */
function elementIssues(node: ElementNode, parent: Located, inSlice: boolean): ProfileIssue[] {
  const element = node.element;
  const values = childValues(parent, node.name);
  const issues: ProfileIssue[] = [];
  const where = `${parent.path}.${node.name}`;
  if (inSlice) {
    const { min = 0, max = '*' } = element;
    if (values.length < min || (max !== '*' && values.length > Number(max))) {
      issues.push({ path: where, message: `needs ${min}..${max} values, found ${values.length}` });
    }
  }
  if (node.name.endsWith('[x]')) {
    const allowed = (element.type ?? []).map((t) => capitalize(t.code));
    for (const at of values) {
      if (at.type && !allowed.includes(at.type)) {
        issues.push({ path: at.path, message: `must be of type ${allowed.join(' or ')}` });
      }
    }
  }
  for (const at of values) issues.push(...elementValueIssues(node, at, inSlice));
  issues.push(...sliceIssues(node, values, where));
  for (const at of values) issues.push(...childIssues(node, at, inSlice));
  return issues;
}

function childIssues(node: ElementNode, at: Located, inSlice: boolean): ProfileIssue[] {
  return node.children.flatMap((child) => elementIssues(child, at, inSlice));
}

// --- profiles -----------------------------------------------------------------------------------

/**
 * What `conformance` found during one `profileIssues` call: a resource is judged against its
 * profile to find its slice, again as that slice's member, and again for its own claim.
 */
let judged: WeakMap<object, Map<string, ProfileIssue[]>> | undefined;

/** Every way the value `at` falls short of the profile `url`. */
function conformance(at: Located, url: string): ProfileIssue[] {
  if (!judged || !isObject(at.value)) return judge(at, url);
  let results = judged.get(at.value);
  if (!results) judged.set(at.value, (results = new Map<string, ProfileIssue[]>()));
  const key = `${url} ${at.path}`;
  let issues = results.get(key);
  if (!issues) results.set(key, (issues = judge(at, url)));
  return issues;
}

function judge(at: Located, url: string): ProfileIssue[] {
  if (url.startsWith(CORE_PROFILE)) {
    // A base type: the base R4 validation of the whole resource judges it; here, only its type.
    const type = url.slice(CORE_PROFILE.length);
    const actual = resourceType(at.value);
    return actual === undefined || actual === type
      ? []
      : [{ path: at.path, message: `is a ${actual}, not a ${type}` }];
  }
  const sd = structureDefinitions.get(url);
  if (!sd) return [{ path: at.path, message: `claims ${url}, which is not vendored in test/mhd` }];
  const actual = resourceType(at.value);
  if (sd.kind === 'resource' && actual !== sd.type) {
    return [{ path: at.path, message: `is a ${actual ?? 'non-resource'}, not a ${sd.type}` }];
  }
  return [...medplumIssues(at, sd), ...childIssues(elementTree(sd), at, false)];
}

/** The profiles that resources inside `at` claim (bundle entries, contained resources). */
function innerClaims(at: Located, isRoot: boolean): ProfileIssue[] {
  if (Array.isArray(at.value)) {
    return at.value.flatMap((item: unknown, i) =>
      innerClaims({ value: item, path: `${at.path}[${i}]` }, false),
    );
  }
  if (!isObject(at.value)) return [];
  const own = isRoot ? [] : claimIssues(at);
  const inner = Object.entries(at.value).flatMap(([key, value]) =>
    key === 'meta' ? [] : innerClaims({ value, path: `${at.path}.${key}` }, false),
  );
  return [...own, ...inner];
}

function claimIssues(at: Located): ProfileIssue[] {
  if (!resourceType(at.value) || !isObject(at.value) || !isObject(at.value.meta)) return [];
  const claims = at.value.meta.profile;
  return Array.isArray(claims) ? claims.flatMap((url) => conformance(at, String(url))) : [];
}

/**
 * Every way `resource` falls short of the profile `url`, or, without one, of each profile it
 * claims in `meta.profile`; resources inside it that claim a profile are checked against it too.
 */
export function profileIssues(resource: Resource, url?: string): ProfileIssue[] {
  const at: Located = { value: resource, path: resource.resourceType };
  judged = new WeakMap();
  try {
    const own = url ? conformance(at, url) : claimIssues(at);
    return [...own, ...innerClaims(at, true)];
  } finally {
    judged = undefined;
  }
}

/** Throws, listing every issue, unless `resource` conforms (see `profileIssues`). */
export function assertConforms(resource: Resource, url?: string): void {
  const claimed = url ?? resource.meta?.profile?.join(', ') ?? 'no profile';
  const issues = profileIssues(resource, url);
  if (issues.length > 0) {
    const lines = issues.map((issue) => `  ${issue.path}: ${issue.message}`);
    throw new Error(
      `${resource.resourceType} does not conform to ${claimed}:\n${lines.join('\n')}`,
    );
  }
}
