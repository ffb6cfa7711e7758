/**
 * News outlets a corpus of this kind often comes from, so that a page that never prints its own
 * name in a self-describing line can still be given one: from its URL's domain, or from the label
 * its own news feed gives the site's sections. `name` is how the outlet writes itself on its site;
 * `aliases` are other spellings a page may use (another script, a short form).
 */
export interface Outlet {
  name: string;
  aliases: readonly string[];
  /** Registered domains; any subdomain matches (www.rbc.ru, sportrbc.ru does not). */
  domains: readonly string[];
}

export const OUTLETS: readonly Outlet[] = [
  { name: 'РБК', aliases: ['RBC', 'РосБизнесКонсалтинг'], domains: ['rbc.ru'] },
  { name: 'Sputnik', aliases: ['Sputnik International', 'Спутник'], domains: ['sputniknews.com', 'sputniknews.ru'] },
  { name: 'РИА Новости', aliases: ['RIA Novosti', 'РИА «Новости»'], domains: ['ria.ru'] },
  { name: 'ТАСС', aliases: ['TASS'], domains: ['tass.ru', 'tass.com'] },
  { name: 'Интерфакс', aliases: ['Interfax'], domains: ['interfax.ru', 'interfax.com'] },
  { name: 'RT', aliases: ['Russia Today'], domains: ['rt.com', 'russian.rt.com'] },
  { name: 'Известия', aliases: ['Izvestia'], domains: ['iz.ru'] },
  { name: 'Коммерсантъ', aliases: ['Коммерсант', 'Kommersant'], domains: ['kommersant.ru'] },
  { name: 'Ведомости', aliases: ['Vedomosti'], domains: ['vedomosti.ru'] },
  { name: 'Lenta.ru', aliases: ['Лента.ру'], domains: ['lenta.ru'] },
  { name: 'Meduza', aliases: ['Медуза'], domains: ['meduza.io'] },
  { name: 'БелТА', aliases: ['BelTA'], domains: ['belta.by'] },
  { name: 'PolitNavigator', aliases: ['ПолитНавигатор'], domains: ['politnavigator.net', 'politnavigator.news'] },
  { name: 'Reuters', aliases: [], domains: ['reuters.com'] },
  { name: 'BBC', aliases: ['Би-би-си', 'BBC News'], domains: ['bbc.com', 'bbc.co.uk'] },
  { name: 'Euronews', aliases: [], domains: ['euronews.com'] },
];

/** The host of `url` without "www.", lower-cased; undefined unless it is an http(s) or www. address. */
export function domainOf(url: string | undefined): string | undefined {
  const host = url && /^\s*(?:https?:\/\/(?:[^@/\s]*@)?|(?=www\.))([^/?#:\s]+)/iu.exec(url)?.[1];
  return host
    ? host
        .toLowerCase()
        .replace(/^www\./u, '')
        .replace(/\.$/u, '') || undefined
    : undefined;
}

/** The outlet a URL belongs to, by its domain or a subdomain of it. */
export function outletByUrl(url: string | undefined): Outlet | undefined {
  const host = domainOf(url);
  if (!host) return undefined;
  return OUTLETS.find((outlet) => outlet.domains.some((domain) => host === domain || host.endsWith(`.${domain}`)));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** Each outlet's spellings as whole words, the longest first so "Sputnik International" wins over "Sputnik". */
const SPELLINGS = OUTLETS.flatMap((outlet) =>
  [outlet.name, ...outlet.aliases].map((spelling) => ({ outlet, spelling })),
)
  .sort((a, b) => b.spelling.length - a.spelling.length)
  .map(({ outlet, spelling }) => ({
    outlet,
    pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(spelling)}(?![\\p{L}\\p{N}])`, 'u'),
  }));

/** The spelling of a known outlet that `text` prints, as printed, with the outlet. */
export function outletNamedIn(text: string): { outlet: Outlet; printed: string } | undefined {
  for (const { outlet, pattern } of SPELLINGS) {
    const found = pattern.exec(text);
    if (found) return { outlet, printed: found[0] };
  }
  return undefined;
}
