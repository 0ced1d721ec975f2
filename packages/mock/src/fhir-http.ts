// FHIR answers as standard `Response`s, so the same server runs under msw and behind node:http.
import type { Extension, OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

/** A FHIR JSON response. */
export function fhirResponse(
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': FHIR_JSON, ...headers },
  });
}

export interface Issue {
  code: OperationOutcomeIssue['code'];
  text: string;
  /** FHIRPath of the element at fault, e.g. `Bundle.entry[1].resource.type`. */
  expression?: string;
  /** Machine-readable codes for clients, e.g. that emergency access may be asked for. */
  coding?: { system: string; code: string }[];
  /** Extensions of the issue, e.g. since when a refused DSP is closed. */
  extension?: Extension[];
}

export function outcome(issues: Issue[]): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: issues.map((i) => ({
      severity: 'error',
      code: i.code,
      details: { text: i.text, ...(i.coding ? { coding: i.coding } : {}) },
      ...(i.expression ? { expression: [i.expression] } : {}),
      ...(i.extension ? { extension: i.extension } : {}),
    })),
  };
}

/** An error response with one OperationOutcome issue whose `details.text` is `text`. */
export function outcomeResponse(
  status: number,
  code: OperationOutcomeIssue['code'],
  text: string,
  expression?: string,
): Response {
  return fhirResponse(outcome([{ code, text, ...(expression ? { expression } : {}) }]), status);
}

/** A failure the handlers raise; the server turns it into its OperationOutcome response. */
export class FhirFailure extends Error {
  constructor(
    readonly status: number,
    readonly issues: Issue[],
  ) {
    super(issues.map((i) => i.text).join(' '));
  }

  static of(
    status: number,
    code: OperationOutcomeIssue['code'],
    text: string,
    expression?: string,
  ): FhirFailure {
    return new FhirFailure(status, [{ code, text, ...(expression ? { expression } : {}) }]);
  }

  response(): Response {
    return fhirResponse(outcome(this.issues), this.status);
  }
}
