import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from './decode';

const article = readFileSync(
  resolve(import.meta.dirname, '../../../resources/corpus/001_cd43f6f3889422fc.txt'),
  'utf8',
);
/** KOI8-R and ISO-8859-5 have no typographic quotes, dashes or №: plain ASCII stands in for them. */
const plain = (text: string) =>
  text
    .replace(/[«»„“”]/g, '"')
    .replace(/[—–]/g, '-')
    .replace(/№/g, 'N')
    .replace(/\u00a0/g, ' ');
const paragraph = article.split('\n').reduce((longest, line) => (line.length > longest.length ? line : longest));
const CYRILLIC = ['windows-1251', 'koi8-r', 'iso-8859-5'] as const;

const encode = (text: string, encoding: string) => new Uint8Array(iconv.encode(text, encoding));
const utf8 = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: (Uint8Array | number[])[]) => new Uint8Array(parts.flatMap((part) => [...part]));

/** Deterministic noise, so a failure can be replayed. */
function noise(length: number, seed = 42): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

function decoded(bytes: Uint8Array, override?: string) {
  const result = decodeBytes(bytes, override);
  if (!result.ok) throw new Error(`expected text, got: ${result.reason}`);
  return result;
}

describe('decodeBytes: byte-order marks', () => {
  const text = 'Россия и Белоруссия — NATO 🇧🇾 naïve\r\n';

  it('decodes UTF-8 with a BOM and drops the BOM', () => {
    expect(decoded(concat([0xef, 0xbb, 0xbf], utf8(text)))).toEqual({
      ok: true,
      text,
      encoding: 'utf-8',
      confidence: 1,
      bom: true,
    });
  });

  it.each(['utf-16le', 'utf-16be'])('decodes %s with a BOM and drops the BOM', (encoding) => {
    const bytes = encode(text, encoding);
    const withBom = concat(encoding === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff], bytes);
    expect(decoded(withBom)).toEqual({ ok: true, text, encoding, confidence: 1, bom: true });
  });

  it('lets the BOM decide even when the rest would pass for something else', () => {
    // Latin-1 bytes after a UTF-8 BOM: the BOM is believed, the stray byte becomes U+FFFD.
    expect(decoded(concat([0xef, 0xbb, 0xbf], [0x63, 0x61, 0x66, 0xe9])).text).toBe('caf\uFFFD');
  });

  it.each(['utf-8', 'utf-16le'])('drops only the BOM of %s: a second U+FEFF is text', (encoding) => {
    const bytes = encode('\uFEFF\uFEFFx', encoding);
    expect(decoded(bytes)).toMatchObject({ text: '\uFEFFx', encoding, bom: true });
  });

  it('serves an empty text for a file holding only a BOM', () => {
    expect(decoded(new Uint8Array([0xef, 0xbb, 0xbf]))).toMatchObject({ text: '', bom: true });
  });
});

describe('decodeBytes: UTF-8 without a BOM', () => {
  it('takes valid UTF-8 as UTF-8 with full confidence', () => {
    const text = 'Лавров: «НАТО» — 😀 café\n';
    expect(decoded(utf8(text))).toEqual({ ok: true, text, encoding: 'utf-8', confidence: 1, bom: false });
  });

  it('serves an empty file as an empty text', () => {
    expect(decoded(new Uint8Array())).toEqual({ ok: true, text: '', encoding: 'utf-8', confidence: 1, bom: false });
  });

  it('round-trips any valid UTF-8 string exactly (a leading U+FEFF is read as a BOM)', () => {
    // Any code point (astral ones included) mixed with every kind of line break. Control characters
    // other than line breaks and tabs are left out: enough of them make a file binary, tested below.
    const unit = fc.oneof(
      fc.constantFrom('\r\n', '\r', '\n', '\uFEFF'),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    );
    const prose = fc.string({ unit, maxLength: 200 }).map((text) => text.replace(/[^\P{Cc}\t\n\r]/gu, ''));
    fc.assert(
      fc.property(prose, (text) => {
        const result = decoded(utf8(text));
        const bom = text.startsWith('\uFEFF');
        expect(result).toEqual({ ok: true, text: bom ? text.slice(1) : text, encoding: 'utf-8', confidence: 1, bom });
      }),
      { numRuns: 500 },
    );
  });
});

describe('decodeBytes: Cyrillic single-byte encodings', () => {
  it('reads a paragraph of the sample article in windows-1251, typographic punctuation included', () => {
    const result = decoded(encode(paragraph, 'windows-1251'));
    expect(result).toMatchObject({ text: paragraph, encoding: 'windows-1251', bom: false });
    expect(result.confidence).toBeGreaterThan(0.3);
    expect(result.confidence).toBeLessThan(1);
  });

  it.each(CYRILLIC)('reads the whole sample article and its longest paragraph in %s', (encoding) => {
    for (const text of [plain(article), plain(paragraph)]) {
      expect(iconv.decode(iconv.encode(text, encoding), encoding)).toBe(text); // representable
      expect(decoded(encode(text, encoding))).toMatchObject({ text, encoding, bom: false });
    }
  });

  const sentences = [
    'Россия и Белоруссия будут координировать действия при выстраивании отношений с НАТО.',
    'По словам Лаврова, все это напрямую затрагивает национальные интересы России и Белоруссии.',
    'Привет, мир!',
    'Минск готов к диалогу.',
    'Москва',
  ];
  it.each(CYRILLIC)('reads short Russian texts, down to a sentence or a word, in %s', (encoding) => {
    for (const text of sentences) expect(decoded(encode(text, encoding))).toMatchObject({ text, encoding });
  });
});

describe('decodeBytes: Latin and undecidable bytes', () => {
  it('reads windows-1252 with accented letters and typographic punctuation', () => {
    const text = 'Le ministre a déclaré : « Ça suffit » — naïve façade, crème brûlée, 5 €.';
    const result = decoded(encode(text, 'windows-1252'));
    expect(result).toMatchObject({ text, encoding: 'windows-1252', bom: false });
    expect(result.confidence).toBeGreaterThan(0);
    expect(result.confidence).toBeLessThan(1);
  });

  it('reads ISO-8859-1 as windows-1252, as browsers do (same characters outside 0x80–0x9F)', () => {
    const text = 'Die Größe der Straße über dem Fluss ist schön.';
    expect(decoded(encode(text, 'iso-8859-1'))).toMatchObject({ text, encoding: 'windows-1252' });
  });

  it('falls back to windows-1252 with low confidence for invalid UTF-8 that is not Cyrillic', () => {
    // A UTF-8 "é" cut in half, then a lone continuation byte: neither UTF-8 nor Russian.
    const bytes = concat(utf8('Le caf'), [0xc3], utf8(' au lait '), [0x80], utf8(' est servi.'));
    const result = decoded(bytes);
    expect(result.encoding).toBe('windows-1252');
    expect(result.text).toBe('Le cafÃ au lait € est servi.');
    expect(result.confidence).toBeLessThan(1);
  });
});

describe('decodeBytes: line endings', () => {
  const text = 'Первая строка\r\nвторая\rтретья\nчетвёртая\r\n\r\nконец';
  it.each(['utf-8', 'windows-1251', 'koi8-r', 'utf-16le'])('keeps mixed CRLF, CR and LF exactly in %s', (encoding) => {
    const bytes = encoding === 'utf-16le' ? concat([0xff, 0xfe], encode(text, encoding)) : encode(text, encoding);
    expect(decoded(bytes)).toMatchObject({ text, encoding });
  });
});

describe('decodeBytes: override', () => {
  it('forces the encoding the user picked, even against a confident detection', () => {
    const bytes = encode('Россия и Белоруссия будут координировать действия.', 'windows-1251');
    expect(decoded(bytes).encoding).toBe('windows-1251');
    expect(decoded(bytes, 'KOI8-R')).toEqual({
      ok: true,
      text: iconv.decode(Buffer.from(bytes), 'koi8-r'),
      encoding: 'koi8-r',
      confidence: 1,
      bom: false,
    });
  });

  it('can read valid UTF-8 as windows-1251 when the user says so', () => {
    expect(decoded(utf8('Привет'), 'cp1251').text).toBe('РџСЂРёРІРµС‚');
  });

  it('drops the BOM of the encoding picked, and keeps foreign BOM bytes as the text they decode to', () => {
    const bytes = concat([0xef, 0xbb, 0xbf], utf8('Да'));
    expect(decoded(bytes, 'utf-8')).toMatchObject({ text: 'Да', bom: true });
    expect(decoded(bytes, 'windows-1251')).toMatchObject({ text: 'п»їР”Р°', bom: false });
  });

  it('reads UTF-16 without a BOM, which detection refuses as binary, when the user picks it', () => {
    const bytes = encode('Hello, Минск', 'utf-16le');
    expect(decodeBytes(bytes)).toEqual({ ok: false, reason: 'binary file, not text' });
    expect(decoded(bytes, 'utf-16le')).toMatchObject({ text: 'Hello, Минск', encoding: 'utf-16le', bom: false });
  });

  it('refuses an unknown encoding name', () => {
    const result = decodeBytes(utf8('text'), 'klingon-8');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('klingon-8');
  });
});

describe('decodeBytes: binary files', () => {
  const binary = { ok: false, reason: 'binary file, not text' };

  it('refuses a PNG', () => {
    const png = concat([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], utf8('IHDR'), noise(4096));
    expect(decodeBytes(png)).toEqual(binary);
  });

  it('refuses bytes with a high share of control characters even without a NUL', () => {
    const bytes = noise(4096, 7).map((byte) => byte || 1);
    expect(decodeBytes(bytes)).toEqual(binary);
  });

  it('refuses a NUL byte in otherwise valid UTF-8 text, and binary bytes under an override too', () => {
    expect(decodeBytes(utf8('plain text\0 with a NUL'))).toEqual(binary);
    expect(decodeBytes(noise(1024), 'windows-1252')).toEqual(binary);
  });

  it('accepts text with a few control characters (a form feed, an escape)', () => {
    const text = `${'Обычный текст. '.repeat(20)}\f\x1b конец`;
    expect(decoded(utf8(text)).text).toBe(text);
  });
});
