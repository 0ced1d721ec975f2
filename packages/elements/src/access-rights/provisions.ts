// Which rules of a Consent the panel understands — exactly the provisions @dsp-kit/fhir's helpers
// write — and the others (set by another application), which the panel shows read-only and
// carries through every save untouched.
import { accessSummary, type AccessSummary, type Consent, type Patient } from '@dsp-kit/fhir';
import {
  BREAK_THE_GLASS,
  CONFIDENTIALITY_SYSTEM,
  DSP_SECURITY_SYSTEM,
  PURPOSE_OF_USE_SYSTEM,
} from '@dsp-kit/fhir/vocabulary';
import type { CodeableConcept, Coding, ConsentProvision } from '@medplum/fhirtypes';

const RECIPIENT = 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType|IRCP';
const PROFESSIONAL = /^(Practitioner|PractitionerRole)\/[A-Za-z0-9\-.]{1,64}$/;
const DOCUMENT = /^DocumentReference\/[A-Za-z0-9\-.]{1,64}$/;

/** Whether an object has no key but these. */
function only(value: object, keys: readonly string[]): boolean {
  return Object.keys(value).every((key) => keys.includes(key));
}

/**
 * The labels a grant may carry, each at most once: `masked` (full access) and the v3-Confidentiality
 * `R` (extended: restricted documents too, as IHE PCF grants by security label). V is never one:
 * very restricted documents are not granted, so a grant of V stays a rule the panel does not change.
 */
const GRANT_LABELS = [`${DSP_SECURITY_SYSTEM}|masked`, `${CONFIDENTIALITY_SYSTEM}|R`];

/** Whether a grant's labels are among those the panel writes, each once and with nothing else. */
function hasGrantLabels(labels: readonly Coding[]): boolean {
  const keys = labels.map((l) => `${l.system}|${l.code}`);
  return (
    labels.every((l) => only(l, ['system', 'code'])) &&
    keys.every((key) => GRANT_LABELS.includes(key)) &&
    new Set(keys).size === keys.length
  );
}

/**
 * A professional's block or grant, as `blockProfessional` and `grantAccess` write it: a grant may
 * be full (the `masked` label) and extended (the `R` label).
 */
function isActorRule(p: ConsentProvision): boolean {
  const actor = p.actor?.[0];
  if (!actor || p.actor?.length !== 1 || !only(p, ['id', 'type', 'actor', 'securityLabel']))
    return false;
  if (!only(actor, ['role', 'reference']) || !only(actor.reference, ['reference', 'display']))
    return false;
  if (!PROFESSIONAL.test(actor.reference.reference ?? '')) return false;
  // Typed as required, but a server may leave it out.
  const role = (actor as { role?: CodeableConcept }).role ?? {};
  const roles = role.coding ?? [];
  if (!only(role, ['coding']) || roles.some((c) => `${c.system}|${c.code}` !== RECIPIENT))
    return false;
  const labels = p.securityLabel ?? [];
  if (labels.length === 0) return true;
  return p.type === 'permit' && hasGrantLabels(labels);
}

/** A masked document, as `maskDocument` writes it. */
function isDocumentRule(p: ConsentProvision): boolean {
  const data = p.data?.[0];
  return (
    p.type === 'deny' &&
    p.data?.length === 1 &&
    data !== undefined &&
    only(p, ['id', 'type', 'data']) &&
    only(data, ['meaning', 'reference']) &&
    only(data.reference, ['reference', 'display']) &&
    data.meaning === 'instance' &&
    DOCUMENT.test(data.reference.reference ?? '')
  );
}

/** Emergency access allowed or refused, as `setBreakTheGlass` writes it. */
function isBreakTheGlassRule(p: ConsentProvision): boolean {
  const purpose = p.purpose?.[0];
  return (
    p.purpose?.length === 1 &&
    purpose !== undefined &&
    only(p, ['id', 'type', 'purpose']) &&
    only(purpose, ['system', 'code', 'display']) &&
    purpose.system === PURPOSE_OF_USE_SYSTEM &&
    purpose.code === BREAK_THE_GLASS
  );
}

/** Whether the panel understands a nested provision, so that it may show and change it. */
export function isUnderstood(p: ConsentProvision): boolean {
  if (p.type !== 'permit' && p.type !== 'deny') return false;
  return isActorRule(p) || isDocumentRule(p) || isBreakTheGlassRule(p);
}

/** The Consent reduced to the rules the panel understands. */
export function knownPart(consent: Consent): Consent {
  const next = structuredClone(consent);
  const root = next.provision ?? { type: 'permit' };
  root.provision = (root.provision ?? []).filter(isUnderstood);
  next.provision = root;
  return next;
}

/** The nested provisions the panel does not understand, as they are on the server. */
export function unknownRules(consent: Consent): ConsentProvision[] {
  return (consent.provision?.provision ?? []).filter((p) => !isUnderstood(p));
}

/**
 * Conditions on the Consent's base rule the panel does not show elsewhere (a period, actors…): the
 * base provision without its type and nested rules, or undefined when there are none.
 */
export function baseConditions(consent: Consent): ConsentProvision | undefined {
  const rest = Object.fromEntries(
    Object.entries(consent.provision ?? {}).filter(
      ([key]) => key !== 'type' && key !== 'provision',
    ),
  );
  const type = consent.provision?.type;
  return Object.keys(rest).length > 0 ? { ...(type ? { type } : {}), ...rest } : undefined;
}

/** What the Consent means, counting only the rules the panel understands. */
export function summaryOf(consent: Consent, patient?: Patient): AccessSummary {
  return accessSummary(knownPart(consent), patient);
}

/**
 * Applies an edit of the understood rules (one of @dsp-kit/fhir's helpers) and puts the others
 * back, unchanged, after them: an edit never drops or changes a rule the panel does not understand.
 */
export function keepingOthers(consent: Consent, change: (known: Consent) => Consent): Consent {
  const changed = change(knownPart(consent));
  const root = changed.provision ?? { type: 'permit' };
  root.provision = [...(root.provision ?? []), ...structuredClone(unknownRules(consent))];
  changed.provision = root;
  return changed;
}

/** One rule the panel does not understand, in parts a sentence can be made of. */
export interface RuleParts {
  readonly type: 'permit' | 'deny' | undefined;
  /** References (with displays) of whom the rule names. */
  readonly actors: readonly { readonly reference: string; readonly display?: string }[];
  /** Ids of the documents it names. */
  readonly documents: readonly string[];
  readonly start: string | undefined;
  readonly end: string | undefined;
  /** Purposes of use: codes, or their displays. */
  readonly purposes: readonly string[];
  /** It carries conditions the parts above do not say (classes, codes, actions, nested rules…). */
  readonly more: boolean;
}

const SAID = ['id', 'type', 'actor', 'data', 'period', 'purpose'];

export function partsOf(p: ConsentProvision): RuleParts {
  return {
    type: p.type,
    actors: (p.actor ?? []).flatMap((a) =>
      a.reference.reference
        ? [
            {
              reference: a.reference.reference,
              ...(a.reference.display ? { display: a.reference.display } : {}),
            },
          ]
        : [],
    ),
    documents: (p.data ?? []).flatMap((d) => {
      const reference = d.reference.reference ?? '';
      return reference.startsWith('DocumentReference/') ? [reference.slice(18)] : [];
    }),
    start: p.period?.start,
    end: p.period?.end,
    purposes: (p.purpose ?? []).map((c) => c.display ?? c.code ?? '').filter(Boolean),
    more:
      !only(p, SAID) ||
      (p.data ?? []).some((d) => !(d.reference.reference ?? '').startsWith('DocumentReference/')),
  };
}
