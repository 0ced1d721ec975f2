// What the uploader reads from a CDA document, loaded with `import()` only when a file sniffs as
// one: its header through the preview's own safe parser and reader, the form fields it prefills
// (its authors among them), its IHE format code, and the identifiers its `recordTarget` names.
import type { Coding } from '@medplum/fhirtypes';
import { all, at, attr } from '../document-preview/cda/cda-dom.js';
import { readCdaHeader, type CdaIdentifier } from '../document-preview/cda/cda-header.js';
import { CdaParseError, parseCda, type CdaProblem } from '../document-preview/cda/cda-parse.js';
import type { FileProblem } from './file-checks.js';
import { cdaAuthors } from './cda-authors.js';
import type { UploadMetadata } from './upload-item.js';

export { install } from '../document-preview/cda/cda-runtime.js';
export { patientMatch, type PatientMatch } from './cda-patient.js';

/** The row's problem for a CDA the parser will not read (see `cda-parse.ts`). */
const PROBLEMS: Record<CdaProblem, FileProblem> = {
  doctype: 'cdaEntities',
  'too-large': 'cdaTooComplex',
  'too-deep': 'cdaTooComplex',
  'too-slow': 'cdaTooComplex',
  malformed: 'cdaMalformed',
  'not-cda': 'cdaMalformed',
  'wrong-namespace': 'cdaMalformed',
};

/** IHE's format codes, as `@dsp-kit/fhir/provide` names their system (`FORMAT_CODE_SYSTEM`). */
const FORMAT_CODE_SYSTEM = 'http://ihe.net/fhir/ihe.formatcode.fhir/CodeSystem/formatcode';

const format = (code: string, display: string): Coding => ({
  system: FORMAT_CODE_SYSTEM,
  code,
  display,
});

/**
 * The format codes of the IHE list (`1.3.6.1.4.1.19376.1.2.3`) a CDA's `templateId`s announce,
 * first match wins, with IHE's displays. XD-LAB: IHE LAB TF-3; XPHR extract and update, medical
 * summaries: IHE PCC TF-2; the International Patient Summary: HL7's CDA IPS template, which IHE's
 * PCC IPS profile codes `urn:ihe:pcc:ips:2020`.
 */
const FORMAT_BY_TEMPLATE: readonly (readonly [string, Coding])[] = [
  ['1.3.6.1.4.1.19376.1.3.3', format('urn:ihe:lab:xd-lab:2008', 'CDA Laboratory Report')],
  ['1.3.6.1.4.1.19376.1.5.3.1.1.5', format('urn:ihe:pcc:xphr:2007', 'HL7 CCD Document')],
  ['1.3.6.1.4.1.19376.1.5.3.1.1.6', format('urn:ihe:pcc:xphr:2007', 'HL7 CCD Document')],
  ['2.16.840.1.113883.10.22.1.1', format('urn:ihe:pcc:ips:2020', 'PCC IPS')],
  ['1.3.6.1.4.1.19376.1.5.3.1.1.2', format('urn:ihe:pcc:xds-ms:2007', 'XDS Medical Summaries')],
];

/** A level-1 CDA's body (XDS-SD), by the media type of its `nonXMLBody`. */
const FORMAT_BY_BODY: Readonly<Record<string, Coding>> = {
  'application/pdf': format(
    'urn:ihe:iti:xds-sd:pdf:2008',
    'PDF embedded in CDA per XDS-SD profile',
  ),
  'text/plain': format('urn:ihe:iti:xds-sd:text:2008', 'Text embedded in CDA per XDS-SD profile'),
};

/**
 * The IHE format code of a parsed CDA: by its body when it wraps a PDF or text (level 1), else by
 * its templates; undefined for any other CDA. IHE's list has no code for "a CDA of no IHE
 * profile", and a made-up one would be refused by registries that check the list: such a CDA is
 * sent with IHE's `mimeTypeSufficient` (provide's default), and `text/xml` with a
 * `ClinicalDocument` root is what the viewer recognises it by.
 */
export function formatCodeOf(document: Document): Coding | undefined {
  const root = document.documentElement;
  const body = attr(at(root, 'component', 'nonXMLBody', 'text'), 'mediaType');
  const byBody = body ? FORMAT_BY_BODY[body.split(';')[0]?.trim().toLowerCase() ?? ''] : undefined;
  if (byBody) return byBody;
  const templates = new Set(all(root, 'templateId').map((t) => attr(t, 'root')));
  return FORMAT_BY_TEMPLATE.find(([template]) => templates.has(template))?.[1];
}

/** What a CDA says of itself, for the uploader's form and checks. */
export interface CdaIntake {
  /** The form's fields the header fills (only those it has a value for). */
  readonly metadata: Partial<UploadMetadata>;
  readonly format: Coding | undefined;
  /** The identifiers of `recordTarget/patientRole`. */
  readonly patientIds: readonly CdaIdentifier[];
}

const CONFIDENTIALITY = new Set(['N', 'R', 'V']);

/** The XML declaration's encoding, if the first bytes have one. */
function declaredEncoding(head: Uint8Array): string | undefined {
  const text = new TextDecoder('latin1').decode(head);
  return /^\uFEFF?<\?xml[^>]*\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(text)?.[1];
}

/** The text of a CDA file in its declared encoding (UTF-8 when it declares none it can name). */
async function textOf(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return new TextDecoder(declaredEncoding(bytes.subarray(0, 200)) ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/**
 * The language the form offers for a BCP 47 tag: its primary language when the form lists it
 * (`fr-FR` → `fr`), else the tag as written.
 */
function formLanguage(tag: string, offered: readonly string[]): string {
  const primary = tag.split('-')[0]?.toLowerCase() ?? '';
  return offered.includes(primary) ? primary : tag;
}

/**
 * Reads a CDA file: its header's prefill, format code and patient identifiers; or the row's
 * problem with a document the parser will not read (too large, a DOCTYPE or entities, not
 * well-formed, too deep, too slow).
 */
export async function readCda(
  file: Blob,
  offeredLanguages: readonly string[],
): Promise<CdaIntake | { readonly problem: FileProblem }> {
  let document: Document;
  try {
    document = parseCda(await textOf(file));
  } catch (error) {
    if (error instanceof CdaParseError) return { problem: PROBLEMS[error.problem] };
    throw error;
  }
  const header = readCdaHeader(document);
  const metadata: Partial<UploadMetadata> = {};
  if (header.dspType) metadata.typeCode = header.dspType.code;
  if (header.title) metadata.title = header.title;
  // The document's own date, as it wrote it (its local day): `2023-01-04T16:05:27+01:00`.
  const day = header.effectiveTime?.slice(0, 10);
  if (day && /^\d{4}-\d{2}-\d{2}$/.test(day)) metadata.date = day;
  const confidentiality = header.confidentiality?.code?.toUpperCase();
  if (confidentiality && CONFIDENTIALITY.has(confidentiality))
    metadata.confidentiality = confidentiality as UploadMetadata['confidentiality'];
  if (header.language) metadata.language = formLanguage(header.language, offeredLanguages);
  const authors = cdaAuthors(document);
  if (authors.length > 0) metadata.authors = authors;
  return {
    metadata,
    format: formatCodeOf(document),
    patientIds: header.patient?.identifiers ?? [],
  };
}
