// The authors a CDA's header names (`author/assignedAuthor`), as the uploader sends them beside
// the sender: the person's name and its parts, their identifiers, their organisation and
// specialty, with each CDA instance identifier written as a FHIR Identifier.
import type { NamedAuthor } from '@dsp-kit/fhir';
import type { Coding, Identifier } from '@medplum/fhirtypes';
import {
  all,
  at,
  attr,
  childrenOf,
  codeOf,
  nameOf,
  textOf,
} from '../document-preview/cda/cda-dom.js';

/** Identifier system of `urn:oid:` and `urn:uuid:` values (RFC 3986). */
const URI_SYSTEM = 'urn:ietf:rfc:3986';
const OID = /^[0-2](\.(0|[1-9]\d*))+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A CDA `root` as a URI: an OID or a UUID with its scheme, any other (a URI) as written. */
function rootUri(root: string): string {
  if (OID.test(root)) return `urn:oid:${root}`;
  if (UUID.test(root)) return `urn:uuid:${root.toLowerCase()}`;
  return root;
}

/**
 * A CDA instance identifier (`II`) as a FHIR Identifier, as HL7's v3 mapping and IHE's Appendix E
 * write it: `root` is the system and `extension` the value; a `root` alone is itself the
 * identifier. None for an identifier with a `nullFlavor` or no root.
 */
export function identifierOf(id: Element): Identifier | undefined {
  const root = attr(id, 'root');
  if (!root || attr(id, 'nullFlavor')) return undefined;
  const extension = attr(id, 'extension');
  return extension
    ? { system: rootUri(root), value: extension }
    : { system: URI_SYSTEM, value: rootUri(root) };
}

const identifiersOf = (parent: Element | undefined) =>
  all(parent, 'id')
    .map(identifierOf)
    .filter((id): id is Identifier => id !== undefined);

/** A name's parts of one kind, the unqualified ones when some are (as `nameOf` reads them). */
function partsOf(name: Element, kind: string): string[] {
  const found = childrenOf(name, kind);
  const plain = found.filter((part) => !part.hasAttribute('qualifier'));
  return (plain.length > 0 ? plain : found.slice(0, 1))
    .map((part) => textOf(part))
    .filter((text): text is string => text !== undefined);
}

function personName(element: Element | undefined): NamedAuthor['name'] {
  const text = nameOf(element);
  if (!element || !text) return undefined;
  const [family] = partsOf(element, 'family');
  const given = partsOf(element, 'given');
  const prefix = partsOf(element, 'prefix');
  const suffix = partsOf(element, 'suffix');
  return {
    text,
    ...(family ? { family } : {}),
    ...(given.length ? { given } : {}),
    ...(prefix.length ? { prefix } : {}),
    ...(suffix.length ? { suffix } : {}),
  };
}

function specialtyOf(role: Element | undefined): Coding | undefined {
  const code = codeOf(at(role, 'code'));
  if (!code?.code || !code.codeSystem) return undefined;
  return {
    system: rootUri(code.codeSystem),
    code: code.code,
    ...(code.displayName ? { display: code.displayName } : {}),
  };
}

/**
 * The authors of a parsed CDA's header, in its order: each a person (`assignedPerson`), with
 * their identifiers, organisation and specialty; one without a name by their identifiers. A
 * device author is taken by its organisation only; an author the header names in no way (no
 * name, identifier nor organisation) is left out.
 */
export function cdaAuthors(document: Document): NamedAuthor[] {
  return all(document.documentElement, 'author').flatMap((author) => {
    const role = at(author, 'assignedAuthor');
    const name = personName(at(role, 'assignedPerson', 'name'));
    // A device's identifiers name the device, never a person: not sent as a practitioner's.
    const identifiers = at(role, 'assignedAuthoringDevice') ? [] : identifiersOf(role);
    const org = at(role, 'representedOrganization');
    const orgName = nameOf(at(org, 'name'));
    const orgIds = identifiersOf(org);
    const specialty = name || identifiers.length ? specialtyOf(role) : undefined;
    const found: NamedAuthor = {
      ...(name ? { name } : {}),
      ...(identifiers.length ? { identifiers } : {}),
      ...(orgName || orgIds.length
        ? {
            organization: {
              ...(orgName ? { name: orgName } : {}),
              ...(orgIds.length ? { identifiers: orgIds } : {}),
            },
          }
        : {}),
      ...(specialty ? { specialty } : {}),
    };
    return found.name || found.identifiers || found.organization ? [found] : [];
  });
}
