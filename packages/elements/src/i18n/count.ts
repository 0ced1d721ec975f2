// Counts in words with the plural the number needs: `1 document`, `3 documents`, and when only
// part is shown, `1 document sur 9`.

export function counter(locale: string, one: string, many: string, of: string) {
  const plural = new Intl.PluralRules(locale);
  return (shown: number, total: number | undefined): string => {
    const counted = `${shown} ${plural.select(shown) === 'one' ? one : many}`;
    return total === undefined || shown === total ? counted : `${counted} ${of} ${total}`;
  };
}

/** `1 234 documents`: a number already formatted, and the noun in the plural its count needs. */
export function nounCounter(locale: string, one: string, many: string) {
  const plural = new Intl.PluralRules(locale);
  return (count: number, formatted: string): string =>
    `${formatted} ${plural.select(count) === 'one' ? one : many}`;
}
