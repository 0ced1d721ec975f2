// ITI-65 "Provide Document Bundle": once the transaction passed every check as a whole
// (transaction-checks.ts), applies it all at once, giving each entry its id and resolving the
// references to its fullUrl, and superseding each replaced document; a document found again (a
// resend) is answered, not created twice.
import { DSP_CONTENT_TYPES } from '@dsp-kit/fhir';
import type { Binary, Bundle, BundleEntry, DocumentReference } from '@medplum/fhirtypes';
import type { Caller } from './identity.js';
import { resolveReferences } from './references.js';
import type { DspStore, Stored } from './store.js';
import { checkTransaction, type TransactionRules } from './transaction-checks.js';

/** The content types a document may have: the uploader's list (`@dsp-kit/fhir`). */
export const ALLOWED_CONTENT_TYPES = DSP_CONTENT_TYPES;
export const DEFAULT_MAX_SIZE = 20 * 1024 * 1024;

export type TransactionOptions = TransactionRules;

export interface AppliedTransaction {
  response: Bundle;
  /** The DocumentReferences created (not those found again). */
  created: DocumentReference[];
  /** The replaced DocumentReferences, as now stored `superseded` (not those a resend found so). */
  superseded: DocumentReference[];
  patient: string;
}

const location = (resource: Stored) =>
  `${resource.resourceType}/${resource.id}/_history/${resource.meta?.versionId ?? '1'}`;

/**
 * Checks `bundle` whole (throwing a `FhirFailure` with every issue, nothing applied), then
 * creates its entries. Content ids are the store's unguessable Binary ids, and each Binary's
 * `securityContext` names the one document it is the content of, whatever the bundle said.
 */
export async function applyTransaction(
  bundle: Bundle,
  caller: Caller,
  store: DspStore,
  options: TransactionOptions,
): Promise<AppliedTransaction> {
  const plan = await checkTransaction(bundle, caller, store, options);

  // What each fullUrl becomes (by entry index): what was found again, or a new id.
  const found = new Map<number, Stored>();
  if (plan.list.existing) found.set(plan.list.index, plan.list.existing);
  for (const document of plan.documents) {
    if (document.existing) {
      found.set(document.index, document.existing);
      const content = document.existing.content[0]?.attachment.url ?? '';
      const binary = content.startsWith('Binary/')
        ? store.get<Binary>('Binary', content.slice('Binary/'.length))
        : undefined;
      if (binary) found.set(document.binary.index, binary);
    }
  }
  const ids = new Map<string, string>();
  for (const entry of plan.order) {
    const existing = found.get(entry.index);
    const type = entry.resource.resourceType;
    ids.set(entry.fullUrl, `${type}/${existing?.id ?? store.newId(type)}`);
  }
  // Each Binary's one document, by the Binary's entry index.
  const owners = new Map<number, string>();
  for (const document of plan.documents) {
    owners.set(document.binary.index, ids.get(document.fullUrl) ?? '');
  }

  const created: DocumentReference[] = [];
  const responses = new Map<number, BundleEntry>();
  for (const entry of plan.order) {
    const existing = found.get(entry.index);
    if (existing) {
      responses.set(entry.index, { response: { status: '200 OK', location: location(existing) } });
      continue;
    }
    const resource = resolveReferences(structuredClone(entry.resource), ids);
    resource.id = (ids.get(entry.fullUrl) ?? '').split('/')[1];
    if (resource.resourceType === 'Binary') {
      resource.securityContext = { reference: owners.get(entry.index) ?? '' };
    }
    const stored = store.put(resource);
    if (stored.resourceType === 'DocumentReference') created.push(stored);
    responses.set(entry.index, { response: { status: '201 Created', location: location(stored) } });
  }
  // The PATCHes, after the creates they go with (FHIR applies a transaction's creates first).
  const superseded: DocumentReference[] = [];
  for (const { index, target, done } of plan.supersedes) {
    const stored = done ? target : store.put({ ...target, status: 'superseded' as const });
    if (!done) superseded.push(stored);
    responses.set(index, { response: { status: '200 OK', location: location(stored) } });
  }
  return {
    response: {
      resourceType: 'Bundle',
      type: 'transaction-response',
      entry: (bundle.entry ?? []).map((_, i) => responses.get(i) ?? {}),
    },
    created,
    superseded,
    patient: plan.patient.id,
  };
}
