// Who the access-rights panel is shown to, read from the host's `user` reference: the patient,
// one of their DSP assistants (a delegate, who may not name or withdraw others), or not said.
import { DspValidationError } from '@dsp-kit/fhir/errors';

/** The signed-in user, as far as the panel needs to know. */
export type Viewer =
  /** No `user` given: every control is shown and the server refuses what is not allowed. */
  | { readonly kind: 'unknown' }
  /** The patient whose DSP this is. */
  | { readonly kind: 'patient' }
  /** A DSP assistant: sees the assistants and may withdraw themselves only. */
  | { readonly kind: 'assistant'; readonly id: string }
  /** Anyone else (a professional, another patient): the server's answers decide what shows. */
  | { readonly kind: 'other' };

const TYPES = ['Patient', 'RelatedPerson', 'Practitioner', 'PractitionerRole'] as const;
type UserType = (typeof TYPES)[number];

/** A FHIR id, as FHIR R4 defines it. */
const ID = /^[A-Za-z0-9\-.]{1,64}$/;

/**
 * The type and id of a user reference: `RelatedPerson/<id>`, or an absolute URL ending so (the
 * form of SMART's `fhirUser` claim). Undefined when it is neither.
 */
export function parseUser(user: string): { type: UserType; id: string } | undefined {
  let path = user.trim();
  if (/^https?:\/\//i.test(path)) {
    try {
      path = new URL(path).pathname.split('/').slice(-2).join('/');
    } catch {
      return undefined;
    }
  }
  const [type, id, ...rest] = path.split('/');
  if (rest.length > 0 || !id || !ID.test(id)) return undefined;
  const known = TYPES.find((t) => t === type);
  return known ? { type: known, id } : undefined;
}

/**
 * The viewer a `user` value designates for this patient's panel. Throws a `DspValidationError`
 * (field `user`, with `message`) when the value is no user reference at all.
 */
export function viewerOf(
  user: string | undefined,
  patientId: string,
  message: (value: string) => string,
): Viewer {
  if (user === undefined || user.trim() === '') return { kind: 'unknown' };
  const parsed = parseUser(user);
  if (!parsed) throw new DspValidationError(message(user), 'user');
  if (parsed.type === 'Patient')
    return parsed.id === patientId ? { kind: 'patient' } : { kind: 'other' };
  if (parsed.type === 'RelatedPerson') return { kind: 'assistant', id: parsed.id };
  return { kind: 'other' };
}
