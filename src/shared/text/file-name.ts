/**
 * A name made safe to put in a file name: every run of characters other than letters, digits, `_`
 * and `-` (path separators, spaces, dots, quotes) becomes one `-`, and dashes at either end go.
 * Letters of any script stay, so a Cyrillic corpus name stays readable in the file it names.
 * `fallback` is used when nothing is left, so a file never gets an empty name.
 */
export function fileNameSlug(name: string, fallback: string): string {
  return name.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '') || fallback;
}
