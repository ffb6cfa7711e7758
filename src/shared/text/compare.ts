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
