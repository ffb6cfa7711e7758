import { describe, expect, it } from 'vitest';
import { count, plural } from './plural';

const claims = (n: number) => plural(n, 'утверждение', 'утверждения', 'утверждений');

describe('plural', () => {
  it('takes the singular form for 1 and for 21, 101… but not for 11', () => {
    expect([1, 21, 101, 1001].map(claims)).toEqual(Array(4).fill('утверждение'));
    expect(claims(11)).toBe('утверждений');
  });

  it('takes the few form for 2–4 and 22–24… but not for 12–14', () => {
    expect([2, 3, 4, 22, 34, 102].map(claims)).toEqual(Array(6).fill('утверждения'));
    expect([12, 13, 14, 112].map(claims)).toEqual(Array(4).fill('утверждений'));
  });

  it('takes the many form for 0, 5–20 and 25…', () => {
    expect([0, 5, 10, 11, 19, 20, 25, 100].map(claims)).toEqual(Array(8).fill('утверждений'));
  });
});

describe('count', () => {
  it('writes the number with Russian digit grouping before the matching form', () => {
    expect(count(3, 'файл', 'файла', 'файлов')).toBe('3 файла');
    expect(count(1234, 'файл', 'файла', 'файлов')).toBe('1\u00a0234 файла');
  });
});
