// The months the agency's statistics are shown at in the sandbox: the end of each of the four
// previous years, then the current month, so documents added in the sandbox today count.

/** `YYYY-MM` of a UTC year and 0-based month. */
function month(year: number, monthIndex: number): string {
  return `${String(year)}-${String(monthIndex + 1).padStart(2, '0')}`;
}

/** The dates (`YYYY-MM`) of the agency's table at `now`, oldest first. */
export function agencyDates(now: Date, years = 4): string[] {
  const year = now.getUTCFullYear();
  const yearEnds = Array.from({ length: years }, (_, i) => month(year - years + i, 11));
  return [...yearEnds, month(year, now.getUTCMonth())];
}
