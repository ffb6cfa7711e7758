import { describe, expect, it } from 'vitest';
import { readJsonCorpus } from './json-corpus';

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
      value: [
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
    });
  });

  it('reads JSONL line by line and an array under "articles"', () => {
    const jsonl = readJsonCorpus('feed.jsonl', '{"id": 7, "body": "one"}\n\n{"id": 8, "body": "two"}\n');
    expect(jsonl.ok && jsonl.value.map((a) => [a.key, a.at, a.text])).toEqual([
      ['7', 'feed.jsonl:1', 'one'],
      ['8', 'feed.jsonl:3', 'two'],
    ]);
    const wrapped = readJsonCorpus('x.json', JSON.stringify({ articles: [{ text: 'only' }] }));
    expect(wrapped.ok && wrapped.value[0]).toMatchObject({ at: 'x.json $.articles[0]', text: 'only' });
  });

  it('uses configured field names', () => {
    const fields = {
      id: ['uid'],
      text: ['story'],
      title: [],
      url: [],
      date: [],
      source: [],
      author: [],
      language: [],
    };
    const result = readJsonCorpus('x.jsonl', '{"uid": "z", "story": "told", "text": "ignored"}', fields);
    expect(result.ok && result.value[0]).toMatchObject({ key: 'z', text: 'told' });
  });

  it('refuses the file with every problem located', () => {
    const result = readJsonCorpus(
      'bad.jsonl',
      '{"text": "fine"}\n{oops\n"a string"\n{"title": "no text"}\n{"id": "x", "text": "a"}\n{"id": "x", "text": "b"}',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.map((p) => p.path)).toEqual(['bad.jsonl:2', 'bad.jsonl:3', 'bad.jsonl:4', 'bad.jsonl:6']);
    expect(result.error[2]?.message).toMatch(/no text/);
    expect(result.error[3]?.message).toMatch(/used by an earlier article/);
  });

  it('refuses JSON that holds no list of articles', () => {
    expect(readJsonCorpus('x.json', '{"hello": 1}').ok).toBe(false);
    expect(readJsonCorpus('x.json', '[1, 2').ok).toBe(false);
  });

  it('never lets an id make a path', () => {
    const result = readJsonCorpus('x.json', JSON.stringify([{ id: '../../etc/passwd', text: 't' }]));
    expect(result.ok && result.value[0]?.key).toBe('.._.._etc_passwd');
  });
});
