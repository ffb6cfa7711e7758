import { describe, expect, it } from 'vitest';
import { DEFAULT_JSON_FIELDS, jsonlArticles, readJsonCorpus } from './json-corpus';

describe('readJsonCorpus', () => {
  it('reads a JSON array with the usual field names', () => {
    const content = JSON.stringify([
      {
        id: 'a1',
        title: 'Минск и Москва',
        text: 'Текст статьи.\r\nВторая строка.',
        url: 'https://x.by/1',
        date: '2022-02-16',
      },
      { headline: 'Second', content: 'Body two', authors: ['A. B.', 'C. D.'], source_domain: 'tass.ru' },
    ]);
    const result = readJsonCorpus('news.json', content);
    expect(result).toEqual({
      ok: true,
      value: {
        problems: [],
        articles: [
          {
            key: 'a1',
            at: 'news.json $[0]',
            text: 'Текст статьи.\r\nВторая строка.',
            title: 'Минск и Москва',
            url: 'https://x.by/1',
            date: '2022-02-16',
            source: undefined,
            author: undefined,
            language: undefined,
          },
          {
            key: '2',
            at: 'news.json $[1]',
            text: 'Body two',
            title: 'Second',
            url: undefined,
            date: undefined,
            source: 'tass.ru',
            author: 'A. B., C. D.',
            language: undefined,
          },
        ],
      },
    });
  });

  it('reads JSONL a line at a time and an array under "articles"', () => {
    const reader = jsonlArticles();
    const lines = ['{"id": 7, "body": "one"}', '{"id": 8, "body": "two"}'].map((line, i) =>
      reader.line(line, `feed.jsonl:${i * 2 + 1}`),
    );
    expect(lines.map((read) => read.ok && [read.value.key, read.value.at, read.value.text])).toEqual([
      ['7', 'feed.jsonl:1', 'one'],
      ['8', 'feed.jsonl:3', 'two'],
    ]);
    const wrapped = readJsonCorpus('x.json', JSON.stringify({ articles: [{ text: 'only' }] }));
    expect(wrapped.ok && wrapped.value.articles[0]).toMatchObject({ at: 'x.json $.articles[0]', text: 'only' });
  });

  it('uses configured field names', () => {
    const fields = { ...DEFAULT_JSON_FIELDS, id: ['uid'], text: ['story'] };
    const read = jsonlArticles(fields).line('{"uid": "z", "story": "told", "text": "ignored"}', 'x.jsonl:1');
    expect(read.ok && read.value).toMatchObject({ key: 'z', text: 'told' });
  });

  it('passes over the records that are not articles, each located, and keys the rest as before', () => {
    const reader = jsonlArticles();
    const read =
      '{"text": "fine"}\n{oops\n"a string"\n{"title": "no text"}\n{"id": "x", "text": "a"}\n{"id": "x", "text": "b"}\n{"text": "last"}'
        .split('\n')
        .map((line, i) => reader.line(line, `bad.jsonl:${i + 1}`));
    const problems = read.flatMap((r) => (r.ok ? [] : [r.error]));
    expect(problems.map((p) => p.path)).toEqual(['bad.jsonl:2', 'bad.jsonl:3', 'bad.jsonl:4', 'bad.jsonl:6']);
    expect(problems[0]?.message).toMatch(/not valid JSON/);
    expect(problems[2]?.message).toMatch(/no text/);
    expect(problems[3]?.message).toMatch(/used by an earlier article/);
    // A line that is not JSON takes no place: the last record is the sixth, as when the file was read whole.
    expect(read.flatMap((r) => (r.ok ? [r.value.key] : []))).toEqual(['1', 'x', '6']);
    const array = readJsonCorpus('a.json', JSON.stringify([{ text: 'ok' }, { title: 'no text' }, { text: 'ok too' }]));
    expect(array.ok && array.value.articles.map((a) => a.key)).toEqual(['1', '3']);
    expect(array.ok && array.value.problems.map((p) => p.path)).toEqual(['a.json $[1]']);
  });

  it('refuses JSON that holds no list of articles', () => {
    expect(readJsonCorpus('x.json', '{"hello": 1}').ok).toBe(false);
    expect(readJsonCorpus('x.json', '[1, 2').ok).toBe(false);
  });

  it('never lets an id make a path', () => {
    const result = readJsonCorpus('x.json', JSON.stringify([{ id: '../../etc/passwd', text: 't' }]));
    expect(result.ok && result.value.articles[0]?.key).toBe('.._.._etc_passwd');
  });
});
