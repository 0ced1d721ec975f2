// Patient read: the patient, their assistant, and professionals with access to the record.
import { openRecord, type Context } from '../context.js';
import { fhirResponse } from '../fhir-http.js';

export function readPatientRoute(context: Context, id: string): Response {
  const { patient } = openRecord(context, id, 'read');
  return fhirResponse(patient);
}
