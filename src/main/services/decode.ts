import chardet from 'chardet';
import iconv from 'iconv-lite';

export type DecodeResult =
  | { ok: true; text: string; encoding: string; confidence: number; bom: boolean }
  | { ok: false; reason: string };

const BINARY: DecodeResult = { ok: false, reason: 'binary file, not text' };

/** Byte-order marks and the encodings they announce. */
const BOMS = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
] as const;

/** How much is inspected to judge a file: enough for a verdict, bounded so a 50 MB file stays cheap. */
const BINARY_SAMPLE_CHARS = 8 * 1024;
const DETECT_SAMPLE_BYTES = 64 * 1024;
/** Prose has almost no control characters; a twentieth of them means the bytes are not prose. */
const MAX_CONTROL_SHARE = 0.05;

const CYRILLIC: readonly string[] = ['windows-1251', 'koi8-r', 'iso-8859-5'];
/**
 * The only encodings guessed for this corpus (English and Russian news). chardet's other answers
 * (Greek, Hebrew, CJK…) are noise for us. ISO-8859-1 is read as windows-1252, as browsers do
 * (WHATWG Encoding Standard): the two differ only in 0x80–0x9F, controls in one, “smart quotes” in
 * the other. UTF-16 is absent on purpose: chardet 2.2 recognises it only by its BOM, handled
 * before, so BOM-less UTF-16 shows up as NUL bytes and is refused unless the user picks it.
 */
const CANDIDATES: Record<string, string> = {
  'windows-1251': 'windows-1251',
  'KOI8-R': 'koi8-r',
  'ISO-8859-5': 'iso-8859-5',
  'windows-1252': 'windows-1252',
  'ISO-8859-1': 'windows-1252',
};

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a corpus file to the text that is served (and that annotation offsets point into).
 * Line endings and every other character are kept as decoded; only a BOM is dropped.
 * `override` is an encoding the user picked: it wins over any detection.
 */
export function decodeBytes(bytes: Uint8Array, override?: string): DecodeResult {
  if (override !== undefined) return decodeAs(bytes, override);
  const bom = BOMS.find((mark) => mark.bytes.every((byte, i) => bytes[i] === byte));
  if (bom) {
    // The mark is cut off here; iconv-lite must not strip a second U+FEFF, which is text.
    const text = iconv.decode(bytes.subarray(bom.bytes.length), bom.encoding, { stripBOM: false });
    return checked(text, bom.encoding, 1, true);
  }
  try {
    return checked(utf8.decode(bytes), 'utf-8', 1, false);
  } catch {
    const { encoding, confidence } = detect(bytes.subarray(0, DETECT_SAMPLE_BYTES));
    return checked(iconv.decode(bytes, encoding), encoding, confidence, false);
  }
}

function decodeAs(bytes: Uint8Array, override: string): DecodeResult {
  const encoding = override.trim().toLowerCase();
  if (!iconv.encodingExists(encoding)) return { ok: false, reason: `unknown encoding "${override}"` };
  // Only a Unicode codec can yield U+FEFF first, so a leading one is that codec's BOM.
  const text = iconv.decode(bytes, encoding, { stripBOM: false });
  const bom = text.startsWith('\uFEFF');
  return checked(bom ? text.slice(1) : text, encoding, 1, bom);
}

/**
 * Refuses text that is really binary. Checked after decoding so the rule reads the same for every
 * encoding: a NUL byte in an ASCII-compatible file is a U+0000 character, while the zero high bytes
 * of UTF-16 are not.
 */
function checked(text: string, encoding: string, confidence: number, bom: boolean): DecodeResult {
  const sample = text.slice(0, BINARY_SAMPLE_CHARS);
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0) return BINARY;
    if (isControl(code)) controls++;
  }
  if (controls > sample.length * MAX_CONTROL_SHARE) return BINARY;
  return { ok: true, text, encoding, confidence, bom };
}

/** C0 controls other than tab, line feed, vertical tab, form feed and carriage return; DEL; C1. */
function isControl(code: number): boolean {
  return (code < 0x20 && (code < 0x09 || code > 0x0d)) || (code >= 0x7f && code <= 0x9f);
}

/**
 * Guesses the encoding of bytes that are not UTF-8. Cyrillic when chardet ranks a Cyrillic
 * encoding first, or when high bytes outnumber ASCII letters (chardet says nothing useful about a
 * word or two); which Cyrillic encoding is then left to `pickCyrillic`, see there why. Otherwise
 * windows-1252, which decodes any byte. The confidence is chardet's for the encoding chosen, 0 when
 * chardet did not consider it: the caller can offer the user a choice when it is low.
 */
function detect(sample: Uint8Array): { encoding: string; confidence: number } {
  const ranked = chardet.analyse(sample).flatMap(({ name, confidence }) => {
    const encoding = CANDIDATES[name];
    return encoding ? [{ encoding, confidence: confidence / 100 }] : [];
  });
  const top = ranked[0]?.encoding;
  const cyrillic = (top !== undefined && CYRILLIC.includes(top)) || looksCyrillic(sample);
  const encoding = cyrillic ? pickCyrillic(sample) : 'windows-1252';
  return { encoding, confidence: ranked.find((candidate) => candidate.encoding === encoding)?.confidence ?? 0 };
}

/** Russian letters sit at 0xB0–0xFF in all three Cyrillic encodings; Latin accents are occasional. */
function looksCyrillic(sample: Uint8Array): boolean {
  let high = 0;
  let ascii = 0;
  for (const byte of sample) {
    if (byte >= 0xb0) high++;
    else if ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7a) ascii++;
  }
  return high > ascii;
}

/** Letter frequencies of Russian prose, most frequent first (per cent; ё is usually written е). */
const RUSSIAN_LETTERS = 'оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъё';
const RUSSIAN_PER_CENT = [
  10.97, 8.45, 8.01, 7.35, 6.7, 6.26, 5.47, 4.73, 4.54, 4.4, 3.49, 3.21, 2.98, 2.81, 2.62, 2.01, 1.9, 1.74, 1.7, 1.65,
  1.59, 1.44, 1.21, 0.97, 0.94, 0.73, 0.64, 0.48, 0.36, 0.32, 0.26, 0.04, 0.04,
];
const LOG_FREQUENCY = new Map(RUSSIAN_PER_CENT.map((perCent, i) => [RUSSIAN_LETTERS[i], Math.log(perCent / 100)]));
/**
 * Costs (log-probabilities) of what Russian text has less often: capitals (lower case outnumbers
 * them, but acronyms such as НАТО are common in news, hence a mild cost: 0.5 read the most single
 * words of the sample article right), a capital inside a word, and characters it never contains.
 */
const UPPER_CASE = Math.log(0.5);
const CAPITAL_INSIDE_WORD = Math.log(0.005);
const IMPLAUSIBLE_CHARACTER = Math.log(0.0001);

/**
 * Our own letter-frequency check, not chardet's ranking: chardet tells windows-1251, KOI8-R and
 * ISO-8859-5 apart for a sentence but has nothing to say about a word or a short title, and a
 * wrong pick turns the whole file into mojibake. The same bytes read in the wrong Cyrillic
 * encoding give real letters, but rare ones, in the wrong case (KOI8-R puts lower case where
 * windows-1251 puts upper case) or Serbian/Ukrainian ones, so a unigram score with a penalty for
 * capitals inside words picks right for every Russian sentence of the sample article and for ~95%
 * of its distinct words alone (the misses are acronyms and words of two to four letters).
 */
function pickCyrillic(sample: Uint8Array): string {
  const scored = CYRILLIC.map((encoding) => ({ encoding, score: russianScore(iconv.decode(sample, encoding)) }));
  return scored.reduce((best, next) => (next.score > best.score ? next : best)).encoding;
}

/** Log-likelihood that `text` is Russian; comparable across encodings because each byte is one character. */
function russianScore(text: string): number {
  let score = 0;
  let afterLowerCase = false;
  for (const char of text) {
    const lower = char.toLowerCase();
    const logFrequency = LOG_FREQUENCY.get(lower);
    if (logFrequency !== undefined) {
      const upper = lower !== char;
      score += logFrequency + (upper ? UPPER_CASE : 0) + (upper && afterLowerCase ? CAPITAL_INSIDE_WORD : 0);
      afterLowerCase = !upper;
      continue;
    }
    afterLowerCase = false;
    if (isImplausible(char.charCodeAt(0))) score += IMPLAUSIBLE_CHARACTER;
  }
  return score;
}

/** Non-Russian Cyrillic letters, box drawing (KOI8-R's upper half), controls and undecodable bytes. */
function isImplausible(code: number): boolean {
  return (code >= 0x400 && code <= 0x45f) || (code >= 0x2500 && code <= 0x259f) || isControl(code) || code === 0xfffd;
}
