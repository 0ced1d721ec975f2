// FHIR error answers, as a real server sends them: an OperationOutcome with a status code.
import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';
import { HttpResponse, type JsonBodyType } from 'msw';

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

/** A FHIR JSON response. */
export function fhirResponse(body: JsonBodyType, status = 200): Response {
  return HttpResponse.json(body, { status, headers: { 'Content-Type': FHIR_JSON } });
}

/** An error response with one OperationOutcome issue whose `details.text` is `text`. */
export function outcomeResponse(
  status: number,
  code: OperationOutcomeIssue['code'],
  text: string,
): Response {
  const outcome: OperationOutcome = {
    resourceType: 'OperationOutcome',
    issue: [{ severity: 'error', code, details: { text } }],
  };
  return fhirResponse(outcome, status);
}
