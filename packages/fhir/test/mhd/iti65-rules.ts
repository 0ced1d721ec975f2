// The rules an ITI-65 Provide Document Bundle must meet that IHE's StructureDefinitions do not
// encode, each checked as the text that states it says (ITI-65.md is IHE/ITI.MHD's
// input/pagecontent/ITI-65.md at the commit in source.json; FHIR R4's Bundle definition).
import { createHash } from 'node:crypto';
import type { Bundle, BundleEntry } from '@medplum/fhirtypes';
import type { ProfileIssue } from './profile-validator.js';

/** FHIR R4 Bundle.entry.fullUrl: "Absolute URL server address or URI for UUID/OID". */
const ABSOLUTE = /^(https?:\/\/[^/]|urn:uuid:|urn:oid:)/;
/** FHIR R4 references.html: a RESTful absolute URL ends in `[type]/[id]`. */
const RESTFUL = /^(https?:\/\/.+\/)[A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64}$/;
/** A relative or RESTful reference to a Binary (`Binary/x`, `https://…/Binary/x`). */
const NAMES_A_BINARY = /(^|\/)Binary\/[A-Za-z0-9\-.]{1,64}$/;

/**
 * The entry a reference made from `from` points at, as FHIR R4 bundle.html#references resolves
 * one: an absolute URL or URN is looked up as a fullUrl; a relative `[type]/[id]` is first made
 * absolute against the referring entry's fullUrl, which only a RESTful fullUrl allows (from a
 * `urn:uuid:` entry it names a resource on the server, not one in the Bundle).
 */
function resolve(bundle: Bundle, from: BundleEntry, reference: string): BundleEntry | undefined {
  const entries = bundle.entry ?? [];
  if (ABSOLUTE.test(reference)) return entries.find((e) => e.fullUrl === reference);
  const base = RESTFUL.exec(from.fullUrl ?? '')?.[1];
  return base ? entries.find((e) => e.fullUrl === `${base}${reference}`) : undefined;
}

/** Whether the Bundle updates `target` with a PATCH of Parameters (the UpdateDocumentRefs slice). */
function supersedes(bundle: Bundle, target: string): boolean {
  return (bundle.entry ?? []).some(
    (e) =>
      e.request?.method === 'PATCH' &&
      e.resource?.resourceType === 'Parameters' &&
      (e.request.url === target || e.request.url.endsWith(`/${target}`)),
  );
}

/** Every way `bundle` breaks the ITI-65 rules above; each message names its source. */
export function iti65Issues(bundle: Bundle): ProfileIssue[] {
  const issues: ProfileIssue[] = [];
  (bundle.entry ?? []).forEach((entry, index) => {
    const at = `Bundle.entry[${index}]`;
    if (entry.fullUrl !== undefined && !ABSOLUTE.test(entry.fullUrl)) {
      issues.push({
        path: `${at}.fullUrl`,
        message: `"${entry.fullUrl}" is not an absolute URL, urn:uuid or urn:oid (FHIR R4 Bundle.entry.fullUrl)`,
      });
    }
    const resource = entry.resource;
    if (resource?.resourceType === 'Binary' && entry.request?.method !== 'POST') {
      issues.push({
        path: `${at}.request.method`,
        message: `a Binary of the submission is created, with POST, not ${entry.request?.method ?? 'no request'} (ITI-65.md:40, :69-71)`,
      });
    }
    if (resource?.resourceType !== 'DocumentReference') return;
    const document = resource;
    document.relatesTo?.forEach((relation, r) => {
      const target = relation.target.reference ?? '';
      if (relation.code !== 'replaces' || supersedes(bundle, target)) return;
      issues.push({
        path: `${at}.resource.relatesTo[${r}]`,
        message: `replaces ${target}, but no PATCH entry of the Bundle sets it superseded (ITI-65.md:120)`,
      });
    });
    document.content.forEach((content, c) => {
      const attachment = content.attachment;
      const where = `${at}.resource.content[${c}].attachment`;
      const url = attachment.url ?? '';
      const target = resolve(bundle, entry, url);
      // Content hosted elsewhere is allowed (ITI-65.md:96); a Binary the url names is not.
      if (!target && NAMES_A_BINARY.test(url)) {
        issues.push({
          path: `${where}.url`,
          message: `"${url}" points at a Binary that is not in the Bundle (ITI-65.md:91, FHIR R4 bundle.html#references)`,
        });
      }
      if (target?.resource?.resourceType !== 'Binary') return;
      const bytes = Buffer.from(target.resource.data ?? '', 'base64');
      if (attachment.size !== undefined && attachment.size !== bytes.byteLength) {
        issues.push({
          path: `${where}.size`,
          message: `${attachment.size}, but the Binary holds ${bytes.byteLength} bytes (ITI-65.md:93-94)`,
        });
      }
      const sha1 = createHash('sha1').update(bytes).digest('base64');
      if (attachment.hash !== undefined && attachment.hash !== sha1) {
        issues.push({
          path: `${where}.hash`,
          message: `${attachment.hash}, but the Binary's SHA-1 is ${sha1} (ITI-65.md:93-94)`,
        });
      }
    });
  });
  return issues;
}
