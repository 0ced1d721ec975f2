// What a new version of a patient's privacy Consent changed, as the audit names it: who was
// blocked, let back in, granted or revoked, which document was masked or unmasked, and the
// record-wide choices (emergency access, closing).
import { accessSummary, type AuditRightsChange } from '@dsp-kit/fhir';
import type { Consent, Reference } from '@medplum/fhirtypes';
import type { DspStore } from './store.js';

function nameOf(resource: unknown): string | undefined {
  const name = (resource as { name?: { prefix?: string[]; given?: string[]; family?: string }[] })
    .name?.[0];
  const text = [name?.prefix?.[0], name?.given?.[0], name?.family].filter(Boolean).join(' ');
  return text || undefined;
}

/** The entity a change names: the reference with the directory's name (the Consent's display may be stale). */
function named(store: DspStore, reference: Reference): AuditRightsChange['what'] {
  const value = reference.reference ?? '';
  const [type = '', id = ''] = value.split('/');
  const found = type === 'Practitioner' ? store.get('Practitioner', id) : undefined;
  const display = (found && nameOf(found)) ?? reference.display;
  return { reference: value, ...(display ? { display } : {}) };
}

function documentNamed(store: DspStore, id: string): AuditRightsChange['what'] {
  const found = store.get('DocumentReference', id);
  const title =
    found?.resourceType === 'DocumentReference'
      ? (found.content[0]?.attachment.title ?? found.description)
      : undefined;
  return { reference: `DocumentReference/${id}`, ...(title ? { display: title } : {}) };
}

/** The changes from `before` (none: a first Consent) to `after`, in a stable order. */
export function rightsChanges(
  store: DspStore,
  before: Consent | undefined,
  after: Consent,
): AuditRightsChange[] {
  const was = before ? accessSummary(before) : undefined;
  const now = accessSummary(after);
  const changes: AuditRightsChange[] = [];
  if (was && was.open !== now.open) changes.push({ change: now.open ? 'reopened' : 'closed' });
  if ((was?.breakTheGlass ?? 'allowed') !== now.breakTheGlass) {
    changes.push({
      change:
        now.breakTheGlass === 'refused' ? 'break-the-glass-refused' : 'break-the-glass-allowed',
    });
  }
  const references = (list: readonly Reference[] | undefined) =>
    new Map((list ?? []).map((r) => [r.reference ?? '', r]));
  const diff = (
    old: Map<string, Reference>,
    current: Map<string, Reference>,
    added: 'blocked' | 'granted',
    removed: 'unblocked' | 'revoked',
  ) => {
    for (const [key, reference] of current)
      if (!old.has(key)) changes.push({ change: added, what: named(store, reference) });
    for (const [key, reference] of old)
      if (!current.has(key)) changes.push({ change: removed, what: named(store, reference) });
  };
  diff(references(was?.blocked), references(now.blocked), 'blocked', 'unblocked');
  diff(
    references(was?.granted.map((g) => g.actor)),
    references(now.granted.map((g) => g.actor)),
    'granted',
    'revoked',
  );
  const masked = new Set(was?.maskedDocuments ?? []);
  const masking = new Set(now.maskedDocuments);
  for (const id of masking)
    if (!masked.has(id)) changes.push({ change: 'masked', what: documentNamed(store, id) });
  for (const id of masked)
    if (!masking.has(id)) changes.push({ change: 'unmasked', what: documentNamed(store, id) });
  return changes;
}
