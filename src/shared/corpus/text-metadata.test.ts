import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Segment } from '../model/document';
import { splitLines } from '../text/lines';
import { analyseText } from './analyse';
import { findDates } from './dates';
import { segmentText } from './segment';
import { extractTextMetadata } from './text-metadata';

const sample = (file: string) => readFileSync(new URL(`../../../resources/corpus/${file}`, import.meta.url), 'utf8');
const fromText = (text: string) => extractTextMetadata(text, segmentText(text));

/** Segments that give each line the kind written before it: "metadata: Views: 12". */
function labelled(...entries: string[]): { text: string; segments: Segment[] } {
  const text = entries.map((entry) => entry.slice(entry.indexOf(': ') + 2)).join('\n');
  const segments = splitLines(text).map((line, i) => ({
    kind: (entries[i] as string).slice(0, (entries[i] as string).indexOf(': ')) as Segment['kind'],
    start: line.start,
    end: line.end,
  }));
  return { text, segments };
}
const extract = (...entries: string[]) => {
  const { text, segments } = labelled(...entries);
  return extractTextMetadata(text, segments);
};

describe('extractTextMetadata on the sample corpus', () => {
  it('000: byline above the date and views block, dd.mm.yyyy date, site from the subscribe prompt', () => {
    expect(fromText(sample('000_64c780e358e12605.txt'))).toEqual({
      title: 'NATO and the EU are pushing Russia and Belarus towards integration',
      date: '2021-09-10',
      author: 'Oleg Kravtsov',
      site: 'PolitNavigator',
    });
  });

  it("001: РБК, from its own feed's section label (Интерфакс and RT are cited inside the article)", () => {
    expect(fromText(sample('001_cd43f6f3889422fc.txt'))).toEqual({
      title: 'Россия и Белоруссия договорились согласовывать взаимодействие с НАТО',
      site: 'РБК',
    });
  });

  it('002: the signature under the article', () => {
    expect(fromText(sample('002_e6cb186dbdad8141.txt'))).toEqual({
      title: 'Russia once again speaks about NATO threat for Russia and Belarus',
      author: 'Zmitser Mitskevich',
    });
  });

  it('003: the seed-style URL header and the publisher footer', () => {
    expect(fromText(sample('003_be10a6a8d7d9bc50.txt'))).toEqual({
      title: "Belarus Pledges to Boost Military Cooperation With Russia Due to 'Irrational' NATO Policies",
      date: '2022-02-16',
      url: 'https://sputniknews.com/20220216/belarus-pledges-to-boost-cooperation-with-russia-due-to-irrational-nato-policies-1093077553.html',
      site: 'Sputnik International',
    });
  });

  it('004: the copyright holder', () => {
    expect(fromText(sample('004_c2f207795f66fbd6.txt'))).toEqual({
      title: 'Russia’s close ally Belarus explores training opportunity with NATO',
      site: 'GDC',
    });
  });
});

describe('extractTextMetadata', () => {
  it('reads dates as pages print them, in English and Russian', () => {
    expect(extract('metadata: 10.09.2021 10:19').date).toBe('2021-09-10');
    expect(extract('metadata: 2022-02-16T09:32+0000').date).toBe('2022-02-16');
    expect(extract('metadata: Published March 12, 2023 at 10:15 AM EST').date).toBe('2023-03-12');
    expect(extract('metadata: 10 September 2021').date).toBe('2021-09-10');
    expect(extract('metadata: 24 января 2022, 10:15').date).toBe('2022-01-24');
    expect(extract('metadata: 5 мая 2020').date).toBe('2020-05-05');
  });

  it('takes the first full, valid date and never completes a partial one', () => {
    expect(extract('metadata: 31.02.2021', 'metadata: 01.03.2021').date).toBe('2021-03-01');
    expect(extract('metadata: Инвестиции, 23 янв, 17:13')).toEqual({});
    expect(extract('boilerplate: May 2024')).toEqual({});
  });

  it('reads nothing from the article body', () => {
    expect(
      extract(
        'title: Talks in Minsk',
        'body: Oleg Kravtsov. On 10.09.2021 the ministers met; see https://example.com/a.',
        'body: Jane Doe',
      ),
    ).toEqual({ title: 'Talks in Minsk' });
  });

  it('takes the page URL from a metadata line, never an image URL', () => {
    expect(
      extract(
        'metadata: https://img.example.com/photo.jpg',
        'metadata: date 2022-02-16 https://example.com/news/1.html',
      ),
    ).toEqual({ url: 'https://example.com/news/1.html', date: '2022-02-16' });
  });

  it('reads the author from a byline, a label or a name line, in English and Russian', () => {
    expect(extract('metadata: By Jane Doe, Reuters').author).toBe('Jane Doe');
    expect(extract('metadata: Автор: Иван Петров').author).toBe('Иван Петров');
    expect(extract('metadata: Oleg Kravtsov.', 'metadata: 10.09.2021 10:19', 'metadata: Views: 2852')).toEqual({
      author: 'Oleg Kravtsov',
      date: '2021-09-10',
    });
    expect(extract('metadata: Views: 2852')).toEqual({});
  });

  it('reads the site from a contact line, a copyright notice, a date stamp or a subscribe prompt', () => {
    expect(extract('metadata: Example Media feedback@example.com +74950000000').site).toBe('Example Media');
    expect(extract('boilerplate: © 2023 МИА «Россия сегодня»').site).toBe('МИА «Россия сегодня»');
    expect(extract('boilerplate: Copyright © 2019-2024 Minsk Daily. All rights reserved.').site).toBe('Minsk Daily');
    expect(extract('metadata: Drills ended... 16.02.2022, Sputnik International').site).toBe('Sputnik International');
    expect(extract('boilerplate: Subscribe to PolitNavigator news at Telegram').site).toBe('PolitNavigator');
    expect(extract('boilerplate: Подпишитесь на РИА Новости в Telegram').site).toBe('РИА Новости');
  });

  it("names a known outlet from the page URL's domain when the page does not name itself", () => {
    expect(extract('metadata: date 2022-01-24 https://www.rbc.ru/politics/24/01/2022/61ee.html').site).toBe('РБК');
    expect(extract('metadata: https://ria.ru/20230312/lukashenko.html').site).toBe('РИА Новости');
    // A name the page prints wins over the register's.
    expect(
      extract('metadata: https://sputniknews.com/2022/x.html', 'boilerplate: Sputnik International a@sputniknews.com')
        .site,
    ).toBe('Sputnik International');
    // An unknown domain is not a name: the document list shows it (document-filter.ts).
    expect(extract('metadata: https://example.com/news/1.html').site).toBeUndefined();
  });

  it("names a known outlet from the section label of the page's own news feed, not from a headline", () => {
    const feed = (line: string) => extract('boilerplate: Лента новостей', `boilerplate: ${line}`).site;
    expect(feed('Шесть критериев качества жизни в новостройке РБК и ПИК, 24 янв, 21:52')).toBe('РБК');
    expect(feed('Reuters узнал о планах Минска Политика, 24 янв, 23:44')).toBeUndefined();
    expect(feed('Фото: ТАСС')).toBeUndefined();
    expect(extract('body: Об этом сообщает РБК, 24 янв, 21:52').site).toBeUndefined();
  });

  it('does not take the site for the author', () => {
    expect(extract('metadata: Minsk Daily', 'boilerplate: © 2024 Minsk Daily')).toEqual({ site: 'Minsk Daily' });
  });

  it('returns nothing for a text without metadata', () => {
    expect(fromText('')).toEqual({});
    expect(fromText('just a line of text')).toEqual({});
  });
});

describe('findDates', () => {
  it('finds each date once, with its span, and an ISO date only when it is complete and valid', () => {
    const text = 'from 2022-02-16T09:32+0000 to 16.02.2022, not 31.02.2022 or 24 янв';
    expect(findDates(text).map((d) => [text.slice(d.start, d.end), d.iso])).toEqual([
      ['2022-02-16T09:32+0000', '2022-02-16'],
      ['16.02.2022', '2022-02-16'],
      ['24 янв', undefined],
    ]);
  });
});

describe('analyseText', () => {
  it('returns the segments, the title segment as title and the metadata found', () => {
    const text = sample('000_64c780e358e12605.txt');
    const analysis = analyseText(text, '000_64c780e358e12605.txt');
    expect(analysis.segments).toEqual(segmentText(text));
    expect(analysis).toMatchObject({
      title: 'NATO and the EU are pushing Russia and Belarus towards integration',
      language: 'en',
      date: '2021-09-10',
      author: 'Oleg Kravtsov',
      site: 'PolitNavigator',
    });
    expect(analysis.url).toBeUndefined();
  });

  it('falls back to the file name when the text has no headline', () => {
    const analysis = analyseText('Call me when you are back.', 'note.txt');
    expect(analysis.title).toBe('note.txt');
    expect(analysis.segments).toEqual([{ kind: 'body', start: 0, end: 26 }]);
  });
});
