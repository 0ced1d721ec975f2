// Patient read: the patient, their assistant, and professionals with access to the record.
import { openRecord, type Context } from '../context.js';
import { withAccessStatus } from '../dsp-status.js';
import { fhirResponse } from '../fhir-http.js';

export function readPatientRoute(context: Context, id: string): Response {
  return fhirResponse(withAccessStatus(context, openRecord(context, id, 'read')));
}
