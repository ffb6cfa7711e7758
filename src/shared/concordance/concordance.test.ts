import { describe, expect, it } from 'vitest';
import { extentOf, findHits, type Hit, inContext, parseQuery, type Query, Stems } from './index';

const stems = new Stems();

function query(text: string, options: { regex?: boolean } = {}): Query {
  const parsed = parseQuery(text, stems, options);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

/** What a query finds in `text`, as the quoted words. */
const found = (text: string, typed: string, options: { regex?: boolean } = {}) =>
  findHits(text, query(typed, options), stems).map((hit) => text.slice(hit.start, hit.end));

describe('inflections', () => {
  const russian =
    'Новые санкции ударили по экспорту. Против санкций выступил Минск, а санкциями грозит Брюссель. ' +
    'В Санкт-Петербурге об этом промолчали.';
  it('finds a Russian word in its cases, and not a word that only starts alike', () => {
    expect(found(russian, 'санкции')).toEqual(['санкции', 'санкций', 'санкциями']);
    expect(found(russian, 'САНКЦИЯМИ')).toEqual(['санкции', 'санкций', 'санкциями']);
  });

  it('finds an English word in its forms', () => {
    const text = 'The EU sanctioned Minsk. Sanctions followed; a sanction is a signal, Sanctioning is policy.';
    expect(found(text, 'sanction')).toEqual(['sanctioned', 'Sanctions', 'sanction', 'Sanctioning']);
  });

  it('reads ё as е, in the text and in the query', () => {
    expect(found('Всё решено. Все согласны.', 'всё')).toEqual(['Всё', 'Все']);
  });
});

describe('phrases, quotes, wildcards and OR', () => {
  const text =
    'Расширение НАТО на восток тревожит Москву. О расширении НАТО на восток говорили и раньше; НАТО не расширялось.';

  it('finds words that follow one another, each in any inflection', () => {
    expect(found(text, 'расширение НАТО на восток')).toEqual([
      'Расширение НАТО на восток',
      'расширении НАТО на восток',
    ]);
  });

  it('keeps quoted words to their form', () => {
    expect(found(text, '"расширении" НАТО')).toEqual(['расширении НАТО']);
    expect(found(text, '"Расширение НАТО"')).toEqual(['Расширение НАТО']);
  });

  it('lets * stand for any letters inside or at the end of a word', () => {
    expect(found(text, 'расшир*')).toEqual(['Расширение', 'расширении', 'расширялось']);
    expect(found('threat, threats, threatened, throat', 'thr*t')).toEqual(['threat', 'throat']);
  });

  it('finds any of the alternatives, each place once as the longest match', () => {
    expect(found(text, 'Москву OR НАТО на восток OR НАТО')).toEqual([
      'НАТО на восток',
      'Москву',
      'НАТО на восток',
      'НАТО',
    ]);
  });

  it("keeps offsets right where lower case changes a letter's length (İ)", () => {
    const text = 'İstanbul talks: sanctions, then İSTANBUL again.';
    const hits = findHits(text, query('sanction OR istanbul'), stems);
    expect(hits.map((hit) => text.slice(hit.start, hit.end))).toEqual(['sanctions']);
    expect(found(text, '"talks" sanction')).toEqual(['talks: sanctions']);
  });

  it('ignores punctuation typed with a word', () => {
    expect(found('NATO’s drills, and NATO drills.', 'NATO, drills')).toEqual(['NATO drills']);
  });
});

describe('regular expressions', () => {
  it('matches case-insensitively, with word boundaries (\\b) that know Cyrillic', () => {
    expect(found('Минск и МИНСКОЕ, Заминск', '\\bминск\\p{L}*', { regex: true })).toEqual(['Минск', 'МИНСКОЕ']);
    expect(found('Минск и Заминск', '\\Bминск', { regex: true })).toEqual(['минск']);
    expect(found('a\bb [\\b]', '[\\b]', { regex: true })).toEqual(['\b']);
  });

  it('reads \\w and \\W as characters of words of any script', () => {
    expect(found('Минска, Минском и Minsk_2', '\\bминск\\w*', { regex: true })).toEqual(['Минска', 'Минском']);
    expect(found('Минска, Минском', 'а\\W+м', { regex: true })).toEqual(['а, М']);
    expect(found('Минск-2', 'к[\\w-]+', { regex: true })).toEqual(['к-2']);
  });
});

describe('bad queries say what is wrong', () => {
  it.each([
    ['', false, 'Type a word'],
    ['   ', false, 'Type a word'],
    ['"расширение НАТО', false, 'quotation mark is not closed'],
    ['OR НАТО', false, 'OR needs words on both sides'],
    ['НАТО OR', false, 'OR needs words on both sides'],
    ['*', false, 'would match every word'],
    ['"…"', false, 'no words'],
    ['санкц(ии', true, 'not a regular expression'],
    ['a*', true, 'matches empty text'],
  ])('%j (regex %s)', (typed, regex, message) => {
    const parsed = parseQuery(typed, stems, { regex });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(message);
  });
});

describe('context', () => {
  it('shows whole code points either side, on one line', () => {
    const text = 'Флаг 🇧🇾 рядом.\nСанкции\n\nвведены 🙂 вчера';
    const [hit] = findHits(text, query('санкции'), stems);
    expect(hit).toBeDefined();
    if (!hit) return;
    const line = inContext(text, hit, 9);
    expect(line).toEqual({ before: '🇾 рядом. ', quote: 'Санкции', after: ' введены' });
    // The offsets are UTF-16 code units of the text: astral characters before count twice.
    expect(text.slice(hit.start, hit.end)).toBe('Санкции');
  });
});

describe('extents', () => {
  const english =
    'Headline about NATO\nThe minister spoke. NATO drills worry Minsk, he said! Then he left.\n\nNext paragraph.';
  const russian = 'Заголовок\nМинистр выступил. Учения НАТО у границ тревожат Минск, сказал он. Т. е. всё как всегда.';
  const at = (text: string, quote: string): Hit => ({
    start: text.indexOf(quote),
    end: text.indexOf(quote) + quote.length,
  });
  const cut = (text: string, hit: Hit) => text.slice(hit.start, hit.end);

  it('keeps the hit, or takes its sentence or its paragraph, in English', () => {
    const hit = at(english, 'drills');
    expect(cut(english, extentOf(english, hit, 'hit', 'en'))).toBe('drills');
    expect(cut(english, extentOf(english, hit, 'sentence', 'en'))).toBe('NATO drills worry Minsk, he said!');
    expect(cut(english, extentOf(english, hit, 'paragraph', 'en'))).toBe(
      'The minister spoke. NATO drills worry Minsk, he said! Then he left.',
    );
  });

  it('takes a Russian sentence, and never runs a sentence across a line break', () => {
    expect(cut(russian, extentOf(russian, at(russian, 'НАТО'), 'sentence', 'ru'))).toBe(
      'Учения НАТО у границ тревожат Минск, сказал он.',
    );
    expect(cut(russian, extentOf(russian, at(russian, 'Заголовок'), 'sentence', 'ru'))).toBe('Заголовок');
  });

  it('takes every sentence a hit runs across, with offsets right after astral characters', () => {
    const text = 'Флаг 🇧🇾 поднят. Санкции введены. Минск молчит.';
    const hit = at(text, 'введены. Минск');
    const sentence = extentOf(text, hit, 'sentence', 'ru');
    expect(cut(text, sentence)).toBe('Санкции введены. Минск молчит.');
  });
});
