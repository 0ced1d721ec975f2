// The IHE MHD definitions vendored beside this module (see README.md): StructureDefinitions with
// their snapshots, MHD's value sets and code systems, and IHE's own example bundles.
import { readFileSync } from 'node:fs';
import type {
  Bundle,
  CodeSystem,
  Resource,
  StructureDefinition,
  ValueSet,
} from '@medplum/fhirtypes';

const MHD = 'https://profiles.ihe.net/ITI/MHD/StructureDefinition/';
/** The canonical URLs of FHIR R4's own types start so. */
export const CORE_PROFILE = 'http://hl7.org/fhir/StructureDefinition/';

/** The profiles an ITI-65 Provide Document Bundle names. */
export const MHD_PROFILES = {
  provideBundle: `${MHD}IHE.MHD.Comprehensive.ProvideBundle`,
  submissionSet: `${MHD}IHE.MHD.Comprehensive.SubmissionSet`,
  documentReference: `${MHD}IHE.MHD.Comprehensive.DocumentReference`,
} as const;

const resources = readFileSync(new URL('definitions.ndjson', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Resource);

function byUrl<T extends Resource & { url?: string }>(type: T['resourceType']): Map<string, T> {
  const found = resources.filter((r): r is T => r.resourceType === type);
  return new Map(found.map((r) => [r.url ?? '', r]));
}

export const structureDefinitions = byUrl<StructureDefinition>('StructureDefinition');
export const valueSets = byUrl<ValueSet>('ValueSet');
export const codeSystems = byUrl<CodeSystem>('CodeSystem');

/** A fresh copy of one of IHE's example bundles, by its id (`ex-comprehensiveProvideDocumentBundleSimple`). */
export function exampleBundle(id: string): Bundle {
  const file = new URL(`examples/Bundle-${id}.json`, import.meta.url);
  return JSON.parse(readFileSync(file, 'utf8')) as Bundle;
}
