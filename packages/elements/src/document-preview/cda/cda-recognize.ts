// Tells whether a document is a CDA R2 before any renderer code loads: by its content type, its
// IHE format code, and, for generic XML, by the root element of its first bytes.

/** Content types that mean a CDA whatever the root says (the renderer then checks the root). */
const CDA_TYPES = /^application\/(hl7-v3|cda)\+xml$/;

/** Content types of any XML: a CDA only when its root element is one. */
const GENERIC_XML_TYPES = /^(text|application)\/xml$/;

/**
 * IHE format codes (`DocumentReference.content.format`, XDS `formatCode`) of CDA documents:
 * XD-LAB (`urn:ihe:lab:xd-lab:2008`), every PCC content profile (`urn:ihe:pcc:xphr:2007`,
 * `…:xds-ms:2007`, `…:edr:2007`, `…:ips:2020`…), XDS-SD (`urn:ihe:iti:xds-sd:pdf:2008`,
 * `…:text:2008`), radiology's CDA reports (`urn:ihe:rad:CDA:…`, `urn:ihe:rad:PDF`,
 * `urn:ihe:rad:TEXT`; not its DICOM manifests) and C-CDA's (`urn:hl7-org:sdwg:ccda-…`).
 */
const CDA_FORMAT_CODES =
  /^(urn:ihe:(lab:xd-lab|pcc:[\w.-]+|iti:xds-sd:(pdf|text)|rad:(CDA|PDF|TEXT))(:|$)|urn:hl7-org:sdwg:ccda-)/;

/** How far a document is known to be a CDA from its metadata alone. */
export type CdaLikelihood =
  /** Its type or format says CDA: rendered as one (a wrong root is then reported). */
  | 'cda'
  /** Generic XML: a CDA only if its root element is `ClinicalDocument` in the v3 namespace. */
  | 'xml'
  /** Not XML: never a CDA. */
  | undefined;

/** `application/xml; charset=UTF-8` → `application/xml`. */
function bareType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** Whether a content type and format code make a document a CDA, or possibly one. */
export function cdaLikelihood(
  contentType: string | undefined,
  formatCode: string | undefined,
): CdaLikelihood {
  const type = bareType(contentType);
  if (CDA_TYPES.test(type)) return 'cda';
  if (!GENERIC_XML_TYPES.test(type)) return undefined;
  return CDA_FORMAT_CODES.test(formatCode?.trim() ?? '') ? 'cda' : 'xml';
}

/**
 * Whether an XML text starts with a `ClinicalDocument` root in the CDA namespace, read from its
 * first element's start tag (the XML declaration, comments, processing instructions and a
 * DOCTYPE before it are skipped: the renderer refuses a DOCTYPE with its own message).
 */
export function hasCdaRoot(head: string): boolean {
  let text = head.replace(/^\uFEFF/, '');
  // Prolog: declaration, processing instructions, comments, whitespace and a DOCTYPE.
  const prolog = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>)/i;
  for (let match = prolog.exec(text); match; match = prolog.exec(text)) {
    text = text.slice(match[0].length);
  }
  const tag = /^<(?:([A-Za-z_][\w.-]*):)?ClinicalDocument[\s/>]([^>]*)/.exec(text);
  if (!tag) return false;
  const prefix = tag[1];
  const attributes = tag[2] ?? '';
  const declaration = new RegExp(
    `\\sxmlns${prefix ? `:${prefix}` : ''}\\s*=\\s*(["'])urn:hl7-org:v3\\1`,
  );
  return declaration.test(` ${attributes}`);
}
