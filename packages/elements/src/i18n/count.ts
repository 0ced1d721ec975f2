// Counts in words with the plural the number needs: `1 document`, `3 documents`, and when only
// part is shown, `1 document sur 9`.

export function counter(locale: string, one: string, many: string, of: string) {
  const plural = new Intl.PluralRules(locale);
  return (shown: number, total: number | undefined): string => {
    const counted = `${shown} ${plural.select(shown) === 'one' ? one : many}`;
    return total === undefined || shown === total ? counted : `${counted} ${of} ${total}`;
  };
}
