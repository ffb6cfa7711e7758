import { describe, expect, it } from 'vitest';
import { dispatchHostCall, type SearchPart } from '../host-api';
import { quietHandlers } from '../testing/host-handlers';
import { CorpusSearch } from './search';
import { markWords, snippet, wordPattern } from './search-words';

/** A snippet or title as the list shows it, the marked words in [brackets]. */
const shown = (parts: readonly SearchPart[]) => parts.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('');

function corpus(documents: Record<string, string>) {
  const search = new CorpusSearch();
  for (const [id, text] of Object.entries(documents)) search.add(id, text.split('\n')[0] ?? '', text);
  return search;
}

const ids = (search: CorpusSearch, query: string, approximate = false) =>
  search.search(query, { approximate }).hits.map((hit) => hit.id);
/** The hits that match exactly; without them the search falls back to approximate ones. */
const exactIds = (search: CorpusSearch, query: string) =>
  search
    .search(query)
    .hits.filter((hit) => !hit.approximate)
    .map((hit) => hit.id);

describe('CorpusSearch', () => {
  const news = corpus({
    minister: 'Statement\nForeign Minister Vladimir Makei stated that Minsk will respond.',
    make: 'Efforts\nBelarus intends to make efforts to maintain peace.',
    ru: 'Заявление\nВладимир Макей заявил, что Минск ответит. Ёлка стоит на площади.',
  });

  it('matches whole words: "Makei" does not find the article that only says "make"', () => {
    expect(ids(news, 'Makei')).toEqual(['minister']);
    expect(ids(news, 'makei')).toEqual(['minister']);
    expect(ids(news, 'MAKEI ')).toEqual(['minister']);
    expect(ids(news, 'Макей')).toEqual(['ru']);
    expect(ids(news, 'макей')).toEqual(['ru']);
    for (const hit of news.search('Makei').hits) expect(hit.approximate).toBe(false);
  });

  it('matches the last word as the start of a word while it is typed, earlier words whole', () => {
    // "make" still being typed may become "makei": both are shown, as the analyst types.
    expect(ids(news, 'make').sort()).toEqual(['make', 'minister']);
    // A space (or punctuation) ends the word: now it must be the whole word.
    expect(ids(news, 'make ')).toEqual(['make']);
    expect(ids(news, 'make,')).toEqual(['make']);
    // An earlier word is always whole: "make" here is not "Makei".
    expect(exactIds(news, 'make Min')).toEqual([]);
    expect(ids(news, 'makei Min')).toEqual(['minister']);
    expect(ids(news, 'Влад')).toEqual(['ru']);
  });

  it('reads one or two letters being typed as a whole word, three as a beginning', () => {
    expect(ids(news, 'ma')).toEqual([]);
    expect(ids(news, 'mak').sort()).toEqual(['make', 'minister']);
    expect(ids(news, 'Вл')).toEqual([]);
  });

  it('needs every word of the query', () => {
    expect(ids(news, 'Makei Minsk')).toEqual(['minister']);
    expect(exactIds(news, 'Makei peace')).toEqual([]);
  });

  it('reads ё as е in the query and the text, in any case', () => {
    expect(ids(news, 'елка')).toEqual(['ru']);
    expect(ids(news, 'ЁЛКА')).toEqual(['ru']);
    expect(shown(news.search('елка').hits[0]?.snippet ?? [])).toContain('[Ёлка]');
  });

  it('matches approximately only when asked, exact hits first, each hit saying which it is', () => {
    const asked = news.search('Makei ', { approximate: true }).hits;
    expect(asked.map((hit) => [hit.id, hit.approximate])).toEqual([
      ['minister', false],
      ['make', true],
    ]);
    expect(shown(asked[1]?.snippet ?? [])).toContain('[make]');
  });

  it('matches approximately when nothing matches exactly, and says so on every hit', () => {
    const hits = news.search('Makie ').hits;
    expect(hits.map((hit) => hit.id)).toEqual(['make']);
    expect(hits.every((hit) => hit.approximate)).toBe(true);
    expect(news.search('qzxjvwkq').hits).toEqual([]);
    expect(news.search('').hits).toEqual([]);
    expect(news.search(' ,. ').hits).toEqual([]);
  });

  it('gives every hit a snippet of the text around the first match, with the matched words marked', () => {
    const [hit] = news.search('Makei').hits;
    expect(shown(hit?.snippet ?? [])).toBe(
      'Statement Foreign Minister Vladimir [Makei] stated that Minsk will respond.',
    );
    const [russian] = news.search('Макей').hits;
    expect(shown(russian?.snippet ?? [])).toContain('Владимир [Макей] заявил');
  });

  it('limits the number of hits, and says how many documents matched in all', () => {
    const many = corpus(Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`d${i}`, `Common word ${i}`])));
    expect(many.search('common').hits).toHaveLength(5);
    expect(many.search('common', { limit: 2 })).toMatchObject({ hits: [{}, {}], total: 5 });
    expect(many.search('word 3', { limit: 2 })).toMatchObject({ hits: [{ id: 'd3' }], total: 1 });
    // Approximate matches count too, when they are what is shown.
    expect(many.search('commun', { limit: 2 })).toMatchObject({ total: 5 });
    expect(many.search('nothing', { limit: 2 })).toEqual({ hits: [], total: 0 });
  });
});

describe('snippet', () => {
  const long = `${'Earlier words of boilerplate. '.repeat(10)}Belarusian Foreign Minister Vladimir Makei stated,\n\n  citing "irrational" NATO policies, ${'that the alliance keeps on growing. '.repeat(10)}`;

  it('cuts a few whole words either side of the first match, on one line, with ellipses', () => {
    const text = shown(snippet(long, wordPattern(['makei', 'nato'])));
    expect(text).toMatch(/^…\S/);
    expect(text).toMatch(/\S…$/);
    expect(text).toContain('Vladimir [Makei] stated, citing "irrational" [NATO] policies');
    expect(text).not.toMatch(/\s{2}|\n/);
    expect(text.length).toBeLessThan(160);
    // Whole words only at the cuts.
    for (const word of text
      .replace(/[[\]…]/g, '')
      .split(' ')
      .slice(0, -1))
      expect(long.includes(word), word).toBe(true);
  });

  it('shows the beginning of the text when the words are not in it (a hit by its title)', () => {
    expect(shown(snippet('  Short text here.', wordPattern(['title'])))).toBe('Short text here.');
    expect(shown(snippet(long, undefined))).toMatch(/^Earlier words of boilerplate\..*…$/);
  });
});

describe('markWords', () => {
  it('marks whole words only, in any case, ё or е, leaving the rest as text', () => {
    const pattern = wordPattern(['make', 'елка']);
    expect(shown(markWords('Make Makei make-up remake ЁЛКА ёлки', pattern))).toBe(
      '[Make] Makei [make]-up remake [ЁЛКА] ёлки',
    );
    expect(shown(markWords('no pattern', undefined))).toBe('no pattern');
  });

  it('treats the words as text, not as a regular expression or markup', () => {
    const pattern = wordPattern(['a+b', '<b>']);
    expect(shown(markWords('aab a+b <b> x', pattern))).toBe('aab [a+b] [<b>] x');
  });
});

describe('the host contract', () => {
  it('carries the approximate option and refuses anything else', async () => {
    const calls: unknown[] = [];
    const handlers = quietHandlers({
      searchDocuments: (query, options) => {
        calls.push([query, options]);
        return { hits: [], total: 0 };
      },
    });
    const none = { hits: [], total: 0 };
    expect(await dispatchHostCall(handlers, 'searchDocuments', ['Makei', { approximate: true }])).toEqual({
      ok: true,
      value: none,
    });
    expect(await dispatchHostCall(handlers, 'searchDocuments', ['Makei'])).toEqual({ ok: true, value: none });
    expect(calls).toEqual([
      ['Makei', { approximate: true }],
      ['Makei', undefined],
    ]);
    const odd = await dispatchHostCall(handlers, 'searchDocuments', ['Makei', { fuzzy: 3 }]);
    expect(odd.ok).toBe(false);
  });
});
