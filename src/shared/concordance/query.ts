import { fail, ok, type Result } from '../result';
import { type Stems, wordForm } from './stems';

/** One word of a query, as it matches a word of the text. */
export type QueryWord =
  /** Any inflection: the text's word has the same stem. */
  | { kind: 'stem'; stem: string }
  /** This form only (a quoted word). */
  | { kind: 'form'; form: string }
  /** `*` stands for any letters or digits, none included; `start` is what comes before the first. */
  | { kind: 'wildcard'; pattern: RegExp; start: string };

/**
 * A concordance query: alternatives (separated by OR), each a run of words that must follow one
 * another in the text; or, in regular-expression mode, one expression.
 */
export type Query = { kind: 'words'; alternatives: QueryWord[][] } | { kind: 'regex'; pattern: RegExp };

/**
 * What every word a query word matches begins with (lower case), or '' when that cannot be told.
 * Snowball's English and Russian algorithms change only the end of a word, by at most two letters
 * before what they cut (dying gives die, skies sky, happy happi), so a stem's words begin with the
 * stem but for its last two letters.
 */
export function wordStart(word: QueryWord): string {
  if (word.kind === 'form') return word.form;
  if (word.kind === 'stem') return word.stem.slice(0, -2);
  return word.start;
}

/** Letters (with their combining marks) and digits: what a word of the text is made of. */
export const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const WILDCARD_WORD = /^[\p{L}\p{M}\p{N}*]+$/u;

/**
 * Reads a query typed by the analyst. Words match their inflections in English and Russian;
 * "quoted words" match those forms only; a `*` inside a word stands for any letters; OR (in
 * capitals) separates alternatives. Case never matters. With `regex`, the query is a regular
 * expression (JavaScript syntax, case-insensitive). What cannot be searched is said, not guessed.
 */
export function parseQuery(text: string, stems: Stems, { regex = false } = {}): Result<Query, string> {
  if (text.trim() === '') return fail('Type a word, a "quoted phrase" or an expression to search for.');
  if (regex) {
    let pattern: RegExp;
    try {
      pattern = new RegExp(unicodeWordClasses(text), 'giu');
    } catch (error) {
      return fail(`This is not a regular expression: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (pattern.test('')) return fail('This expression also matches empty text; it would find nothing to show.');
    return ok({ kind: 'regex', pattern });
  }
  const quotes = (text.match(/"/g) ?? []).length;
  if (quotes % 2 === 1) return fail('A quotation mark is not closed.');
  const alternatives: QueryWord[][] = [];
  let current: QueryWord[] = [];
  // A quoted phrase, or a run of anything else up to white space or a quote.
  for (const [, quoted, bare] of text.matchAll(/"([^"]*)"|([^\s"]+)/g)) {
    if (bare === 'OR') {
      if (current.length === 0) return fail('OR needs words on both sides.');
      alternatives.push(current);
      current = [];
      continue;
    }
    if (quoted !== undefined) {
      const forms = [...quoted.matchAll(WORD)].map((m) => wordForm(m[0]));
      if (forms.length === 0) return fail('A quoted phrase has no words in it.');
      current.push(...forms.map((form): QueryWord => ({ kind: 'form', form })));
      continue;
    }
    const word = bare as string;
    if (word.includes('*')) {
      if (!WILDCARD_WORD.test(word)) return fail(`"${word}": a * goes inside or at the end of a word.`);
      if (word.replace(/\*/g, '') === '') return fail('A * alone would match every word; add letters to it.');
      const form = wordForm(word);
      const source = form.replace(/\*/g, '[\\p{L}\\p{M}\\p{N}]*');
      current.push({
        kind: 'wildcard',
        pattern: new RegExp(`^${source}$`, 'u'),
        start: form.slice(0, form.indexOf('*')),
      });
      continue;
    }
    // Punctuation typed with a word ("NATO's", "санкции,") is not part of what is looked for.
    for (const m of word.matchAll(WORD)) current.push({ kind: 'stem', stem: stems.of(wordForm(m[0])) });
  }
  if (current.length === 0)
    return fail(alternatives.length > 0 ? 'OR needs words on both sides.' : 'The query has no words in it.');
  alternatives.push(current);
  return ok({ kind: 'words', alternatives });
}

const LETTER_OR_DIGIT = '[\\p{L}\\p{M}\\p{N}]';
const BOUNDARY = `(?:(?<=${LETTER_OR_DIGIT})(?!${LETTER_OR_DIGIT})|(?<!${LETTER_OR_DIGIT})(?=${LETTER_OR_DIGIT}))`;
const NOT_BOUNDARY = `(?:(?<=${LETTER_OR_DIGIT})(?=${LETTER_OR_DIGIT})|(?<!${LETTER_OR_DIGIT})(?!${LETTER_OR_DIGIT}))`;
const WORD_CHARACTERS = '\\p{L}\\p{M}\\p{N}_';

/**
 * JavaScript's \b, \B and \w know only ASCII letters, so `\bМинск\w*` would never match: they
 * are read as boundaries and characters of words of any script (\w inside a character class too).
 */
function unicodeWordClasses(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i] as string;
    if (char === '\\' && i + 1 < source.length) {
      const next = source[i + 1] as string;
      i++;
      if (next === 'w') out += inClass ? WORD_CHARACTERS : `[${WORD_CHARACTERS}]`;
      else if (next === 'W' && !inClass) out += `[^${WORD_CHARACTERS}]`;
      else if (next === 'b' && !inClass) out += BOUNDARY;
      else if (next === 'B' && !inClass) out += NOT_BOUNDARY;
      else out += char + next;
      continue;
    }
    if (char === '[') inClass = true;
    else if (char === ']') inClass = false;
    out += char;
  }
  return out;
}
