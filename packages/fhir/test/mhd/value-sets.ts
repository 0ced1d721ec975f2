// The codes of the value sets vendored with MHD's definitions, and whether a code, Coding or
// CodeableConcept is one of them: what a required binding to an MHD value set allows.
import type { ElementDefinition } from '@medplum/fhirtypes';
import { codeSystems, valueSets } from './definitions.js';
import { isObject } from './instance-values.js';

/** `system|code` of every code in a vendored value set; undefined when it cannot be listed. */
function valueSetCodes(url: string): Set<string> | undefined {
  const vs = valueSets.get(url.split('|')[0] ?? '');
  if (!vs?.compose) return undefined;
  const codes = new Set<string>();
  for (const include of vs.compose.include) {
    const system = include.system ?? '';
    const concepts = include.concept ?? codeSystems.get(system)?.concept;
    if (!concepts) return undefined;
    for (const concept of concepts) codes.add(`${system}|${concept.code}`);
  }
  return codes;
}

/** Whether a code (any system), a Coding or one coding of a CodeableConcept is in `codes`. */
export function inValueSet(value: unknown, codes: Set<string>): boolean {
  if (typeof value === 'string') return [...codes].some((c) => c.endsWith(`|${value}`));
  if (!isObject(value)) return false;
  if (Array.isArray(value.coding)) return value.coding.some((coding) => inValueSet(coding, codes));
  return codes.has(`${String(value.system)}|${String(value.code)}`);
}

/** The codes of the element's required binding, where MHD defines the value set. */
export function requiredCodes(element: ElementDefinition): Set<string> | undefined {
  const binding = element.binding;
  if (binding?.strength !== 'required' || !binding.valueSet) return undefined;
  return valueSetCodes(binding.valueSet);
}
