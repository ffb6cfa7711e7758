import { describe, expect, it } from 'vitest';
import { readingEn, readingRu } from './messages';

describe('the reading message', () => {
  it('counts files and documents in English, one and many', () => {
    expect(readingEn('news', 0, 1, 1)).toBe('Reading news: 0 of 1 file (1 document)…');
    expect(readingEn('news', 3, 10_000, 45_312)).toBe('Reading news: 3 of 10,000 files (45,312 documents)…');
  });

  it('puts Russian nouns in the form their number asks for', () => {
    expect(readingRu('news', 0, 1, 1)).toBe('Чтение news: 0 из 1 файла (1 документ)…');
    expect(readingRu('news', 2, 21, 3)).toBe('Чтение news: 2 из 21 файла (3 документа)…');
    expect(readingRu('news', 5, 10_000, 12_864)).toBe('Чтение news: 5 из 10\u00a0000 файлов (12\u00a0864 документа)…');
  });
});
