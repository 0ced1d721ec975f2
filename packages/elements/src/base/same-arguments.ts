// Whether two argument lists are the same, item by item: how loads and writes tell that the
// panel still shows what they started for.

/** True when `b` holds the very same values as `a`, in the same order. */
export function sameArguments(a: readonly unknown[], b: readonly unknown[] | undefined): boolean {
  return b?.length === a.length && a.every((value, i) => Object.is(value, b[i]));
}
