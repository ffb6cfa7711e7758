import { describe, expect, it } from 'vitest';
import { CorpusSearch } from '../corpus/search';
import { candidateDocuments, corpusConcordance, parseQuery, Stems } from './index';

const texts: [string, string][] = [
  ['a.txt', 'Новые санкции против Минска. Санкт-Петербург молчит; «санкций» всё больше.'],
  ['b.txt', 'The EU sanctioned Minsk. NATO’s drills, anti-sanction rhetoric and a+sanctions deal.'],
  ['c.txt', 'Расширение НАТО на восток. Всё решено: ёлки, елки. Happy skies, happiest days.'],
  ['d.txt', 'Weather in Minsk: sunny. Nothing else here 2021-09-10.'],
  ['e.txt', 'Lying and dying; the news is early. Санкциями грозит Брюссель, санкц*'],
];

describe('where a concordance looks', () => {
  const search = new CorpusSearch();
  for (const [id, text] of texts) search.add(id, id, text);
  const stems = new Stems();

  it.each([
    'санкции',
    'sanction',
    'НАТО',
    'nato',
    'расширение НАТО на восток',
    '"расширение НАТО"',
    'расшир*',
    '*ция',
    'санкц*',
    'Минск OR Брюссель',
    'всё',
    'елки',
    'happy',
    'sky',
    'die',
    'lie',
    'early',
    '2021',
    'drills',
    'anti',
    'Санкт',
    'Вашингтон',
  ])('finds every hit of %j in the documents it reads', (query) => {
    const parsed = parseQuery(query, stems);
    if (!parsed.ok) throw new Error(parsed.error);
    const candidates = candidateDocuments(parsed.value, search.words, stems);
    const everywhere = corpusConcordance(texts, { query }, { stems });
    const there = corpusConcordance(
      texts.filter(([id]) => candidates?.has(id)),
      { query },
      { stems },
    );
    expect(there).toEqual(everywhere);
    // And it reads no more than the documents with a hit, save for a word only the stems share.
    if (everywhere.ok) expect(candidates?.size).toBe(new Set(everywhere.hits.map((h) => h.document)).size);
  });

  it('reads every document for a regular expression', () => {
    const parsed = parseQuery('минск', stems, { regex: true });
    expect(parsed.ok && candidateDocuments(parsed.value, search.words, stems)).toBeUndefined();
  });
});
