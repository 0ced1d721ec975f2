// The options of `npm run conformance`, read and checked: each mistake is a `UsageError` that
// says what is wrong, and `usage` says how to call it.
import { parseArgs } from 'node:util';
import type { Reference } from '@medplum/fhirtypes';

export const usage = `Usage: npm run conformance -- --base-url <url> [--token <t>] [--patient <id>
         [--patient-token <t>] [--write [--author <reference>]]]

Checks that a FHIR R4 server does what DSP Kit's client and panels need: IHE MHD document search,
read, retrieve and provide, PCF consent with ETags, the BALP access log, the professional
directory, DSP assistants and the statistics' count batch. Read-only unless --write is given.

  --base-url <url>       the server's FHIR base, e.g. https://fhir.example.lu/fhir (required)
  --token <t>            a bearer token of a professional who may read (and with --write, add
                         to) the patient's record
  --patient <id>         a test patient's FHIR id: without it, only the checks that need no
                         patient run (capabilities, directory)
  --patient-token <t>    the patient's (or DSP assistant's) token, for the Consent, the assistants
                         and the access log; --token by default
  --write                also check writes on that patient: two one-line text documents, Consent
                         saves (its date changes; a default Consent is created if it has none),
                         and two DSP assistants named then withdrawn. Use a test patient.
  --author <reference>   who signs the documents --write sends, e.g. Practitioner/<id> (the
                         caller on a DSP server); Patient/<patient id> by default
  -h, --help             this text

Exit status: 0 when no check failed (passed, unsupported or skipped), 1 when one failed, 2 on bad
arguments or a server that cannot be reached.`;

const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;
const AUTHOR =
  /^(Practitioner|PractitionerRole|Patient|RelatedPerson|Organization)\/[A-Za-z0-9\-.]{1,64}$/;

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface Options {
  baseUrl: string;
  token: string | undefined;
  holderToken: string | undefined;
  patient: string | undefined;
  write: boolean;
  author: Reference | undefined;
}

/** The options, checked; a `UsageError` says what is wrong with them. */
export function readOptions(args: readonly string[]): Options | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        'base-url': { type: 'string' },
        token: { type: 'string' },
        patient: { type: 'string' },
        'patient-token': { type: 'string' },
        write: { type: 'boolean' },
        author: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return 'help';
  const base = values['base-url'];
  if (base === undefined) throw new UsageError('--base-url is required');
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new UsageError(`--base-url "${base}" is not an absolute URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`--base-url must be http or https, not ${url.protocol}`);
  }
  const { patient, author } = values;
  if (patient !== undefined && !FHIR_ID.test(patient)) {
    throw new UsageError(`--patient "${patient}" is not a FHIR id`);
  }
  if (values.write && patient === undefined) {
    throw new UsageError('--write needs --patient: the writes go to a test patient you name');
  }
  if (author !== undefined && !values.write) throw new UsageError('--author is for --write');
  if (author !== undefined && !AUTHOR.test(author)) {
    throw new UsageError(
      `--author "${author}" is not a Practitioner/<id> (or PractitionerRole, Patient, RelatedPerson, Organization) reference`,
    );
  }
  return {
    baseUrl: url.href,
    token: values.token,
    holderToken: values['patient-token'],
    patient,
    write: values.write ?? false,
    author: author === undefined ? undefined : { reference: author },
  };
}
