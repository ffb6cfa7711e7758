/**
 * The two orders strings are sorted in. They differ on purpose: one is for machines, one for people.
 */

/**
 * UTF-16 code-unit order, the order `Array.prototype.sort()` uses by default. It does not depend on
 * the machine's locale or ICU version, so files, reports and merges written from the same data are
 * the same bytes everywhere: use it for ids, keys and anything written out.
 */
export const compareCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const collator = new Intl.Collator();

/**
 * The reader's locale order ("a" next to "A", "ё" with "е" rather than after "я"), for lists a
 * person scans. It changes with the locale, so never use it for what is written to a file.
 */
export const compareForDisplay = (a: string, b: string): number => collator.compare(a, b);

const ISO_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?Z$/;

/**
 * Orders two ISO 8601 UTC times as instants: `…:00Z` and `…:00.000Z` are equal, and `.5` is later
 * than `.25`, which a plain string comparison gets wrong. Times in another form compare as strings.
 */
export function compareInstants(x: string, y: string): number {
  const mx = ISO_TIME.exec(x);
  const my = ISO_TIME.exec(y);
  if (!mx || !my) return compareCodeUnits(x, y);
  const fx = mx[2] ?? '';
  const fy = my[2] ?? '';
  const digits = Math.max(fx.length, fy.length);
  return (
    compareCodeUnits(mx[1] as string, my[1] as string) ||
    compareCodeUnits(fx.padEnd(digits, '0'), fy.padEnd(digits, '0'))
  );
}
