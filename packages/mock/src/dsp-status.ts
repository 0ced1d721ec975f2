// What a Patient read tells the caller about the DSP (their access, emergency access, since when
// it is closed) and what a refusal adds for the status badge: the reason's code and the date.
import {
  CLOSED_SINCE_EXTENSION,
  DSP_ACCESS_EXTENSION,
  REFUSAL_REASON_EXTENSION,
  REFUSAL_REASON_SYSTEM,
  type DspAccessLevel,
} from '@dsp-kit/fhir';
import type { Consent, Extension, Patient } from '@medplum/fhirtypes';
import type { Context, OpenRecord } from './context.js';
import type { Issue } from './fhir-http.js';
import { breakTheGlassRefused, isClosed, type Refusal } from './policy.js';
import type { DspStore } from './store.js';

/**
 * Since when the patient's DSP is closed: the first version of the Consent in its current run of
 * closed versions (a close, then edits while closed, keep the date of the close).
 */
export function closedSince(store: DspStore, consent: Consent | undefined): string | undefined {
  if (!consent?.id || !isClosed(consent)) return undefined;
  const byVersion = new Map<string, Consent>();
  for (const version of [...store.history('Consent', consent.id), consent]) {
    byVersion.set(version.meta?.versionId ?? '1', version as Consent);
  }
  const versions = [...byVersion.values()].sort(
    (a, b) => Number(a.meta?.versionId ?? '1') - Number(b.meta?.versionId ?? '1'),
  );
  // A version loaded with the fixtures has no lastUpdated: its own dateTime says when it was made.
  const madeAt = (c: Consent) => c.meta?.lastUpdated ?? c.dateTime;
  let since = madeAt(consent);
  for (let i = versions.length - 1; i >= 0; i--) {
    const version = versions[i];
    if (!version || !isClosed(version)) break;
    since = madeAt(version) ?? since;
  }
  return since;
}

function accessLevel(context: Context, record: OpenRecord): DspAccessLevel {
  const { caller } = context;
  if (caller.kind === 'patient' || caller.kind === 'assistant') return 'own';
  if (record.access.breakTheGlass) return 'emergency';
  const reference = caller.reference.reference ?? '';
  const referent = record.patient.generalPractitioner?.some((g) => g.reference === reference);
  // A full grant, or the référent: they see masked documents (the policy's `full`).
  const grant = (record.consent?.provision?.provision ?? []).find(
    (p) => p.type === 'permit' && (p.actor ?? []).some((a) => a.reference.reference === reference),
  );
  const full = (grant?.securityLabel ?? []).some((l) => l.code === 'masked');
  return referent || full ? 'full' : 'normal';
}

/** The Patient as its read answers it: with the caller's access to the DSP in an extension. */
export function withAccessStatus(context: Context, record: OpenRecord): Patient {
  const level = accessLevel(context, record);
  const own = level === 'own';
  const since = own ? closedSince(context.store, record.consent) : undefined;
  const parts: Extension[] = [
    { url: 'access', valueCode: level },
    ...(level === 'emergency' && record.emergency
      ? [{ url: 'emergency-until', valueInstant: new Date(record.emergency.expires).toISOString() }]
      : []),
    // Whether the patient allows emergency access is theirs to see (and their assistants').
    ...(own
      ? [
          {
            url: 'break-the-glass',
            valueCode: breakTheGlassRefused(record.consent) ? 'refused' : 'allowed',
          },
        ]
      : []),
    ...(since ? [{ url: 'closed-since', valueDateTime: since }] : []),
  ];
  const { patient } = record;
  return {
    ...patient,
    extension: [
      ...(patient.extension ?? []).filter((e) => e.url !== DSP_ACCESS_EXTENSION),
      { url: DSP_ACCESS_EXTENSION, extension: parts },
    ],
  };
}

/** What a refusal's issue says besides its sentence: the reason's code, and since when it is closed. */
export function refusalDetails(
  refusal: Refusal,
  store: DspStore,
  consent: Consent | undefined,
): Pick<Issue, 'extension'> {
  const since = refusal === 'closed' ? closedSince(store, consent) : undefined;
  // Extensions, not codings: `details.coding` stays what a client may act on (emergency access).
  return {
    extension: [
      {
        url: REFUSAL_REASON_EXTENSION,
        valueCoding: { system: REFUSAL_REASON_SYSTEM, code: refusal },
      },
      ...(since ? [{ url: CLOSED_SINCE_EXTENSION, valueDateTime: since }] : []),
    ],
  };
}
