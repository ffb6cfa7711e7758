/** Dates and times as scraped news pages print them, in English and Russian. */

export interface DateMatch {
  start: number;
  end: number;
  /** ISO 8601 calendar date, present only when day, month and year are all printed and valid. */
  iso?: string;
}

const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?' +
  '|январ[ья]|феврал[ья]|марта?|апрел[ья]|ма[йя]|июн[ья]|июл[ья]|августа?|сентябр[ья]|октябр[ья]|ноябр[ья]|декабр[ья]' +
  '|янв|фев|апр|авг|сент?|окт|ноя|дек)\\.?';

// Each pattern captures (year, month, day) in named groups so one converter serves them all.
const DATE_PATTERNS: readonly RegExp[] = [
  /(?<!\d)(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?!\d)/gu,
  /(?<![\d.])(?<d>\d{1,2})\.(?<m>\d{1,2})\.(?<y>\d{4})(?!\d)/gu,
  new RegExp(`(?<![\\p{L}\\d])(?<d>\\d{1,2})\\s+(?<mn>${MONTH})(?:,?\\s+(?<y>\\d{4}))?(?![\\p{L}\\d])`, 'giu'),
  new RegExp(`(?<![\\p{L}\\d])(?<mn>${MONTH})\\s+(?<d>\\d{1,2})(?:,?\\s+(?<y>\\d{4}))?(?![\\p{L}\\d])`, 'giu'),
];

/** A clock time such as 10:19 or 23:55:07. */
export const TIME = /(?<![\d:])(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?![\d:])/gu;

// Russian prefixes are checked in this order so that "мар" (March) wins over "ма" (May).
const MONTH_PREFIXES: readonly [string, number][] = [
  ['jan', 1],
  ['feb', 2],
  ['mar', 3],
  ['apr', 4],
  ['may', 5],
  ['jun', 6],
  ['jul', 7],
  ['aug', 8],
  ['sep', 9],
  ['oct', 10],
  ['nov', 11],
  ['dec', 12],
  ['янв', 1],
  ['фев', 2],
  ['мар', 3],
  ['апр', 4],
  ['ма', 5],
  ['июн', 6],
  ['июл', 7],
  ['авг', 8],
  ['сен', 9],
  ['окт', 10],
  ['ноя', 11],
  ['дек', 12],
];

function monthNumber(name: string): number | undefined {
  const lower = name.toLowerCase();
  return MONTH_PREFIXES.find(([prefix]) => lower.startsWith(prefix))?.[1];
}

function isoDate(year: number, month: number, day: number): string | undefined {
  if (year < 1900 || year > 2100) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/** Every date in `text`, in order and without overlaps (the longest reading of a span wins). */
export function findDates(text: string): DateMatch[] {
  const found: DateMatch[] = [];
  if (!/\d/u.test(text)) return found; // every pattern needs a digit; most lines of prose have none
  for (const pattern of DATE_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const { y, m, d, mn } = match.groups ?? {};
      const month = mn ? monthNumber(mn) : Number(m);
      const iso = y && month ? isoDate(Number(y), month, Number(d)) : undefined;
      // A month name with a day but no year ("24 янв") is still a date; an invalid numeric date is not.
      if (!iso && !mn) continue;
      const start = match.index;
      found.push({ start, end: start + match[0].length, ...(iso ? { iso } : {}) });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: DateMatch[] = [];
  for (const date of found) if (date.start >= (kept.at(-1)?.end ?? 0)) kept.push(date);
  return kept;
}
