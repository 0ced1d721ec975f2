// A file size in the page's language and its own units (`30 Mo`, `512 octets` in French; `30 MB`
// in English), from the locale's data (CLDR through `Intl`), never a hard-coded unit.

/** The units shown, each 1024 times the one before. */
const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/**
 * `bytes` in the largest unit it reaches, with one decimal at most (`1,5 Mo`). Counted in
 * multiples of 1024, as the DSP's limit is set (20 MiB reads "20 Mo") and as Windows shows sizes.
 */
export function formatByteSize(bytes: number, locale: string): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  // Bytes in words ("512 octets"; CLDR's short "512 byte" in English reads as a typo), the
  // larger units short ("30 Mo").
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: UNITS[unit],
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}
