// DSP assistants as FHIR RelatedPersons: what a patient enters to name one (checked field by
// field), the RelatedPerson it becomes, and how one reads back. Pure: the client and the mock
// server share it.
import type { Reference, RelatedPerson } from '@medplum/fhirtypes';
import { DspValidationError } from './errors.js';
import { validateMatricule, type MatriculeProblem } from './matricule.js';
import { referenceValue } from './search-params.js';
import { MATRICULE_SYSTEM } from './vocabulary.js';

/** What the patient enters to name a DSP assistant. */
export interface AssistantInput {
  /** First name. */
  readonly given: string;
  /** Family name. */
  readonly family: string;
  /** The assistant's national identifier, 13 digits (spaces are ignored). */
  readonly matricule: string;
}

export type AssistantField = keyof AssistantInput;

/**
 * What is wrong with one field: `required` (empty), `too-long`, one of the matricule's own
 * problems, or `self` (the patient's own matricule: a patient cannot be their own assistant).
 */
export type AssistantProblemCode = 'required' | 'too-long' | MatriculeProblem | 'self';

export interface AssistantProblem {
  readonly field: AssistantField;
  readonly problem: AssistantProblemCode;
  /** An English sentence for logs and API callers; panels say it in the user's language. */
  readonly message: string;
}

/** A DSP assistant, as the kit shows one. */
export interface DspAssistant {
  /** The RelatedPerson's id: the assistant's own key. */
  readonly id: string;
  /** `RelatedPerson/<id>`, as audit events name the assistant. */
  readonly reference: string;
  readonly given: string;
  readonly family: string;
  /** Given and family name. */
  readonly name: string;
  readonly matricule: string | undefined;
  /** False once withdrawn. */
  readonly active: boolean;
  readonly resource: RelatedPerson;
}

/** Longest name part accepted. */
export const MAX_NAME_LENGTH = 100;

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function nameProblem(field: 'given' | 'family', value: unknown): AssistantProblem | undefined {
  const part = text(value);
  const label = field === 'given' ? 'first name' : 'family name';
  if (part === '') return { field, problem: 'required', message: `The ${label} is required.` };
  if (part.length > MAX_NAME_LENGTH) {
    return {
      field,
      problem: 'too-long',
      message: `The ${label} is longer than ${MAX_NAME_LENGTH} characters.`,
    };
  }
  return undefined;
}

/**
 * Every problem of a new assistant's details, one per field at most, in the form's order (first
 * name, family name, matricule). Empty when the details are valid.
 */
export function assistantProblems(
  input: Partial<Record<AssistantField, unknown>>,
  options: { patientMatricule?: string | undefined } = {},
): AssistantProblem[] {
  const problems: AssistantProblem[] = [];
  const given = nameProblem('given', input.given);
  if (given) problems.push(given);
  const family = nameProblem('family', input.family);
  if (family) problems.push(family);
  const raw = text(input.matricule);
  if (raw === '') {
    problems.push({
      field: 'matricule',
      problem: 'required',
      message: 'The matricule is required.',
    });
  } else {
    const checked = validateMatricule(raw);
    if (!checked.valid) {
      problems.push({ field: 'matricule', problem: checked.problem, message: checked.message });
    } else if (checked.matricule === options.patientMatricule?.replace(/\s+/g, '')) {
      problems.push({
        field: 'matricule',
        problem: 'self',
        message: 'This is the patient’s own matricule: a patient cannot be their own assistant.',
      });
    }
  }
  return problems;
}

/** The patient's matricule, from their identifiers. */
export function matriculeOf(resource: {
  identifier?: { system?: string; value?: string }[];
}): string | undefined {
  return resource.identifier?.find((i) => i.system === MATRICULE_SYSTEM)?.value;
}

/**
 * The RelatedPerson naming a DSP assistant of `patient`, or a `DspValidationError` for the first
 * problem of the details (its `field` names the input field).
 */
export function buildAssistant(patient: string, input: AssistantInput): RelatedPerson {
  const id = referenceValue(patient, 'patient', 'Patient');
  const problem = assistantProblems(input)[0];
  if (problem) throw new DspValidationError(problem.message, problem.field);
  return {
    resourceType: 'RelatedPerson',
    active: true,
    patient: { reference: `Patient/${id}` },
    identifier: [{ system: MATRICULE_SYSTEM, value: input.matricule.replace(/\s+/g, '') }],
    name: [{ family: text(input.family), given: [text(input.given)] }],
  };
}

/** The `If-None-Exist` search that makes naming an assistant idempotent: same patient, same matricule. */
export function assistantCondition(assistant: RelatedPerson): string {
  const params = new URLSearchParams({
    patient: assistant.patient.reference?.replace(/^Patient\//, '') ?? '',
    identifier: `${MATRICULE_SYSTEM}|${matriculeOf(assistant) ?? ''}`,
  });
  return params.toString();
}

/** The search for a patient's current assistants. */
export function assistantSearch(patient: string): URLSearchParams {
  return new URLSearchParams({
    patient: referenceValue(patient, 'patient', 'Patient'),
    active: 'true',
    _count: '50',
  });
}

/** A RelatedPerson as a DSP assistant. */
export function readAssistant(resource: RelatedPerson): DspAssistant {
  const name = resource.name?.[0];
  const given = name?.given?.join(' ') ?? '';
  const family = name?.family ?? '';
  const id = resource.id ?? '';
  return {
    id,
    reference: `RelatedPerson/${id}`,
    given,
    family,
    name: [given, family].filter(Boolean).join(' ') || (name?.text ?? id),
    matricule: matriculeOf(resource),
    active: resource.active !== false,
    resource,
  };
}

/** Whether the RelatedPerson is an assistant of this patient. */
export function isAssistantOf(resource: RelatedPerson, patient: string): boolean {
  // Typed as required, but a server's answer may lack it.
  const reference = (resource as { patient?: Reference }).patient?.reference;
  return reference === `Patient/${referenceValue(patient, 'patient', 'Patient')}`;
}

/**
 * The same RelatedPerson, withdrawn (`active: false`: kept for the history and the audit log) or
 * named again (`active: true`).
 */
export function withAssistantActive(resource: RelatedPerson, active: boolean): RelatedPerson {
  return { ...structuredClone(resource), active };
}
