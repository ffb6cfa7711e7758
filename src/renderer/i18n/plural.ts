const rules = new Intl.PluralRules('ru');

/** The Russian form for a count: one (1, 21, 101…), few (2–4, 22–24…) or many (0, 5–20, 25…). */
export function plural(n: number, one: string, few: string, many: string): string {
  const form = rules.select(n);
  return form === 'one' ? one : form === 'few' ? few : many;
}

/** A count written the Russian way with its noun in the matching form: «1 234 документа». */
export const count = (n: number, one: string, few: string, many: string): string =>
  `${n.toLocaleString('ru')} ${plural(n, one, few, many)}`;
