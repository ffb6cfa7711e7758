import { describe, expect, it } from 'vitest';
import { fileNameSlug } from './file-name';

describe('fileNameSlug', () => {
  it('keeps letters of any script, digits, underscores and dashes', () => {
    expect(fileNameSlug('Новости_2024-кор', 'x')).toBe('Новости_2024-кор');
  });

  it('turns each run of path separators, spaces and punctuation into one dash', () => {
    expect(fileNameSlug('news/ru\\Беларусь: 1.txt', 'x')).toBe('news-ru-Беларусь-1-txt');
  });

  it('trims dashes at either end', () => {
    expect(fileNameSlug('  ../корпус/  ', 'x')).toBe('корпус');
    expect(fileNameSlug('--a--', 'x')).toBe('a');
  });

  it('gives the fallback when nothing is left', () => {
    expect(fileNameSlug('', 'corpus')).toBe('corpus');
    expect(fileNameSlug(' / . ', 'corpus')).toBe('corpus');
  });
});
