// FHIR's transaction rule for references: once the server has given each entry its id, every
// reference to an entry's fullUrl becomes `Type/id`, wherever it is in a resource.

/**
 * A copy of `value` in which each `reference` (Reference.reference, contained resources included)
 * and each `url` (Attachment.url) equal to a key of `ids` is replaced by its value. Only whole
 * values are replaced: an identifier that merely looks like a fullUrl stays as it was written.
 */
export function resolveReferences<T>(value: T, ids: ReadonlyMap<string, string>): T {
  return rewrite(value, ids) as T;
}

function rewrite(value: unknown, ids: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(value)) return value.map((item) => rewrite(item, ids));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      (key === 'reference' || key === 'url') && typeof item === 'string'
        ? (ids.get(item) ?? item)
        : rewrite(item, ids),
    ]),
  );
}
