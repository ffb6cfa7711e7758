import { describe, expect, it } from 'vitest';
import { lineFeatures } from './line-rules';

/** The shares as first written, one regular expression each: the definition the counting loop must keep. */
function byPatterns(raw: string) {
  const text = raw.trim();
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const digits = text.match(/\p{N}/gu)?.length ?? 0;
  const visible = text.length - (text.match(/\s/gu)?.length ?? 0);
  const symbols = text.match(/[^\p{L}\p{N}\s.,;:!?'"«»“”„‘’()—–…-]/gu)?.length ?? 0;
  return {
    digitShare: letters + digits ? digits / (letters + digits) : 0,
    symbolShare: visible ? symbols / visible : 0,
  };
}

/** Deterministic, so that a failure can be replayed. */
function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const PIECES = [
  'Minsk',
  'Минск',
  'ёлка',
  '2022',
  '٣',
  '½',
  ' ',
  '\u00a0',
  '\t',
  '.,;:!?',
  '«»“”„‘’',
  '—–…-',
  '()',
  '@#$%^&*[]{}<>/\\|=+_~`',
  '©®™',
  '𝐀𝟙',
  '😀',
  '\ud800',
  '\udc00x',
  'ǅ',
  '中文',
  '\u0301',
];

describe('lineFeatures', () => {
  it('counts letters, digits, spaces and symbols exactly as the Unicode patterns do', () => {
    const random = seeded(5);
    for (let n = 0; n < 2000; n++) {
      const line = Array.from(
        { length: 1 + Math.floor(random() * 12) },
        () => PIECES[Math.floor(random() * PIECES.length)],
      ).join('');
      const features = lineFeatures(line);
      const expected = byPatterns(line);
      expect({ line, digitShare: features.digitShare, symbolShare: features.symbolShare }).toEqual({
        line,
        ...expected,
      });
    }
  });

  it('reads a menu line as symbols and a calendar row as digits', () => {
    expect(lineFeatures("/html/head/meta[@name='og:title']").symbolShare).toBeGreaterThanOrEqual(0.2);
    expect(lineFeatures('6789101112 пн вт').digitShare).toBeGreaterThanOrEqual(0.5);
    expect(lineFeatures('Министр заявил, что санкции не помогут.')).toMatchObject({ digitShare: 0, symbolShare: 0 });
  });
});
