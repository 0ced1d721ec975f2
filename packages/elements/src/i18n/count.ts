// Counts in words with the plural the number needs: `1 document`, `3 documents`, and when only
// part is shown, `1 document sur 9`.

const pluralRules = new Map<string, Intl.PluralRules>();

/** The plural rules of a locale, made once: catalogs call the counters on every render. */
export function pluralRulesOf(locale: string): Intl.PluralRules {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules;
}

export function counter(locale: string, one: string, many: string, of: string) {
  const plural = pluralRulesOf(locale);
  return (shown: number, total: number | undefined): string => {
    const counted = `${shown} ${plural.select(shown) === 'one' ? one : many}`;
    return total === undefined || shown === total ? counted : `${counted} ${of} ${total}`;
  };
}

/** `1 234 documents`: a number already formatted, and the noun in the plural its count needs. */
export function nounCounter(locale: string, one: string, many: string) {
  const plural = pluralRulesOf(locale);
  return (count: number, formatted: string): string =>
    `${formatted} ${plural.select(count) === 'one' ? one : many}`;
}
